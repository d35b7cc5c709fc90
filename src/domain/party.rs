//! Parties to a case and what makes one vulnerable.
use super::codes::code_enum;

code_enum! {
    /// A party's role in one case (the same person may be applicant in one, respondent in another).
    pub enum PartyRole ("party_role") {
        Applicant = "applicant",
        Respondent = "respondent",
        Other = "other",
    }
}

code_enum! {
    pub enum Vulnerability ("vulnerability") {
        Elderly = "elderly",
        Minor = "minor",
        Disabled = "disabled",
        Pregnant = "pregnant",
    }
}

/// From this age a party is elderly (老年人权益保障法: citizens aged 60 and over).
pub const ELDERLY_AGE: u32 = 60;

/// The vulnerability an age shows by itself: elderly from `ELDERLY_AGE`.
pub fn vulnerability_by_age(age: u32) -> Option<Vulnerability> {
    (age >= ELDERLY_AGE).then_some(Vulnerability::Elderly)
}

/// Vulnerabilities are stored as a comma-separated list of codes.
pub fn vulnerabilities_to_codes(v: &[Vulnerability]) -> String {
    v.iter().map(|x| x.code()).collect::<Vec<_>>().join(",")
}

pub fn vulnerabilities_from_codes(s: &str) -> Vec<Vulnerability> {
    s.split(',').filter_map(Vulnerability::from_code).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vulnerabilities_round_trip_and_skip_unknown() {
        let v = [Vulnerability::Elderly, Vulnerability::Pregnant];
        let s = vulnerabilities_to_codes(&v);
        assert_eq!(s, "elderly,pregnant");
        assert_eq!(vulnerabilities_from_codes(&s), v);
        assert_eq!(
            vulnerabilities_from_codes("minor,bogus"),
            [Vulnerability::Minor]
        );
        assert!(vulnerabilities_from_codes("").is_empty());
    }

    #[test]
    fn sixty_and_over_is_elderly() {
        assert_eq!(vulnerability_by_age(59), None);
        assert_eq!(vulnerability_by_age(60), Some(Vulnerability::Elderly));
        assert_eq!(vulnerability_by_age(76), Some(Vulnerability::Elderly));
    }
}
