//! The windows / teams a case can be routed to (DOMAIN.md, "Windows / teams").
use super::codes::code_enum;

code_enum! {
    pub enum Team ("team") {
        People = "people",
        Women = "women",
        Court = "court",
        Admin = "admin",
        LegalAid = "legal",
        Psych = "psych",
        Labour = "labour",
        Medical = "medical",
        Traffic = "traffic",
        Property = "property",
        Land = "land",
        Police = "police",
    }
}
