//! Triage pane state. Not built yet: the pane shows that it is coming.
use super::Pane;

#[derive(Default)]
pub struct TriageState {}

impl Pane for TriageState {}
