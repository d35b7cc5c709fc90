//! How a case reached the centre.
use super::codes::code_enum;

code_enum! {
    pub enum Channel ("channel") {
        WalkIn = "walk_in",
        Phone = "phone",
        Hotline12345 = "hotline_12345",
        Hotline12338 = "hotline_12338",
        Letter = "letter",
        Online = "online",
        Grid = "grid",
        Police = "police",
        Court = "court",
        Station = "station",
    }
}
