//! Red cases and the shift lead (DOMAIN.md: red → shift lead notified, seen the same day). A
//! lead's screen raises an alert for each case that became red and open since the start of the
//! previous day — so a red case registered after the lead went home is seen the next morning —
//! unless the lead made it red themselves or has acknowledged it since it became red. Older
//! open red cases are on the status bar's red count and the handover sheet.
use super::risk::{Colour, RiskFlag};
use super::role::{Permission, Role};
use chrono::{Days, NaiveDateTime};

/// Whether this role is alerted to new red cases (and may acknowledge them).
pub fn alerted(role: Role) -> bool {
    role.may(Permission::RedAlert)
}

/// The earliest time a case may have become red and still raise an alert at `now`: midnight
/// at the start of the previous day.
pub fn window_start(now: NaiveDateTime) -> NaiveDateTime {
    let day = now.date();
    day.checked_sub_days(Days::new(1))
        .unwrap_or(day)
        .and_time(chrono::NaiveTime::MIN)
}

/// The reasons an alert names: the case's flags that make a case red, most urgent first; when
/// none does (the colour was raised by hand), every flag of the case.
pub fn reasons(flags: &[RiskFlag]) -> Vec<RiskFlag> {
    let mut red: Vec<RiskFlag> = flags
        .iter()
        .copied()
        .filter(|f| f.colour() == Colour::Red)
        .collect();
    if red.is_empty() {
        red = flags.to_vec();
    }
    red.sort();
    red.dedup();
    red
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn only_a_lead_is_alerted() {
        assert!(alerted(Role::Lead));
        assert!(!alerted(Role::Desk));
        assert!(!alerted(Role::Mediator));
    }

    #[test]
    fn the_window_opens_at_the_start_of_the_previous_day() {
        assert_eq!(window_start(at(8, 8, 30)), at(7, 0, 0));
        assert_eq!(window_start(at(8, 0, 0)), at(7, 0, 0));
        assert_eq!(
            window_start(at(1, 23, 59)),
            at(1, 0, 0) - chrono::Days::new(1)
        );
    }

    #[test]
    fn reasons_are_the_red_flags_or_else_every_flag() {
        use RiskFlag::*;
        assert_eq!(
            reasons(&[VulnerableParty, Violence, ChildAtRisk, Violence]),
            vec![Violence, ChildAtRisk]
        );
        assert_eq!(
            reasons(&[Agitated, GroupDispute]),
            vec![GroupDispute, Agitated]
        );
        assert!(reasons(&[]).is_empty());
    }
}
