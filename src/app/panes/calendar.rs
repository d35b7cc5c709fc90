//! Calendar pane state. Not built yet: the pane shows that it is coming.
use super::Pane;

#[derive(Default)]
pub struct CalendarState {}

impl Pane for CalendarState {}
