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
}
