//! Shifts of a handover sheet: the whole day, or the morning or afternoon shift.
use super::codes::code_enum;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

code_enum! {
    /// The part of the day a sheet covers: the whole day, or the morning / afternoon shift.
    #[derive(Default)]
    pub enum Shift ("shift") {
        #[default]
        Day = "day",
        Am = "am",
        Pm = "pm",
    }
}

/// Afternoon shifts start at 13:00; the morning shift is everything before.
pub const SHIFT_SPLIT_HOUR: u32 = 13;
impl Shift {
    /// `[start, end)` of the shift on `day`.
    pub fn window(self, day: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
        let split =
            day.and_time(NaiveTime::from_hms_opt(SHIFT_SPLIT_HOUR, 0, 0).unwrap_or_default());
        let start = day.and_time(NaiveTime::MIN);
        let end = start + Duration::days(1);
        match self {
            Shift::Day => (start, end),
            Shift::Am => (start, split),
            Shift::Pm => (split, end),
        }
    }
}
