//! How often each colour, flag and status comes up in the demo: the odds calibrated on
//! published centres, so the demo's statistics look like a real centre's.
use crate::domain::risk::{Colour, RiskFlag};
use crate::domain::status::Status;
use rand::Rng;

pub(super) fn pick_colour(rng: &mut impl Rng) -> Colour {
    match rng.random_range(0..100) {
        0..2 => Colour::Red,
        2..10 => Colour::Orange,
        10..30 => Colour::Yellow,
        30..80 => Colour::Blue,
        _ => Colour::Green,
    }
}

pub(super) fn flags_for(colour: Colour, category: &str, rng: &mut impl Rng) -> Vec<RiskFlag> {
    use RiskFlag::*;
    let options: &[RiskFlag] = match colour {
        Colour::Red if category == "family.violence" => &[Violence, ChildAtRisk],
        Colour::Red => &[Violence, Weapon, SelfHarm],
        Colour::Orange if category == "labour.wages" => &[WagesBeforeFestival, GroupDispute],
        Colour::Orange => &[PetitionOrMedia, RepeatVisitor, RepeatedViolence],
        Colour::Yellow => &[Agitated, LargeAmount, VulnerableParty],
        _ => &[],
    };
    if options.is_empty() {
        return Vec::new();
    }
    vec![options[rng.random_range(0..options.len())]]
}

/// Where a case of `age` days stands. Calibrated on published centres (97 % of mediations
/// succeed, 94.5 % of disputes resolved): most cases end in an agreement within days, few are
/// still open, and an open case is one whose deadline has not passed — red cases are worked the
/// day they come, a case waits for its first step no longer than its colour allows, and a
/// mediation ends within its term.
pub(super) fn status_for(age: i64, colour: Colour, rng: &mut impl Rng) -> Status {
    use Status::*;
    if colour == Colour::Green {
        return if age > 3 { Closed } else { AnsweredAtDesk };
    }
    let r = rng.random_range(0..100);
    match age {
        0 if colour == Colour::Red => Assigned,
        0 => {
            if r < 35 {
                Registered
            } else {
                Assigned
            }
        }
        1..=2 => match (colour, r) {
            (Colour::Blue | Colour::Yellow, 0..50) => Assigned,
            (_, 0..85) => InMediation,
            _ => Agreement,
        },
        3..=25 => match r {
            0..5 => InMediation,
            5..45 => Agreement,
            45..95 => FollowUp,
            95..97 => NoAgreement,
            97..99 => ReferredOut,
            _ => Withdrawn,
        },
        26..=90 => match r {
            0..40 => FollowUp,
            40..42 => NoAgreement,
            42..44 => ReferredOut,
            44..45 => Withdrawn,
            _ => Closed,
        },
        _ => match r {
            0..2 => NoAgreement,
            2..4 => ReferredOut,
            4..5 => Withdrawn,
            _ => Closed,
        },
    }
}
