//! Times are stored as local 'YYYY-MM-DD HH:MM:SS' text: human-readable and sortable.
use chrono::{NaiveDate, NaiveDateTime};

pub const FORMAT: &str = "%Y-%m-%d %H:%M:%S";

pub fn to_sql(t: NaiveDateTime) -> String {
    t.format(FORMAT).to_string()
}

pub fn from_sql(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, FORMAT).ok()
}

pub fn date_to_sql(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
