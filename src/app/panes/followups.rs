//! Followups pane state. Not built yet: the pane shows that it is coming.
use super::Pane;

#[derive(Default)]
pub struct FollowupsState {}

impl Pane for FollowupsState {}
