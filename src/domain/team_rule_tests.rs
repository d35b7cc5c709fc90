use super::*;
use crate::domain::category;
use chrono::NaiveDate;

fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

/// A July morning: far from Spring Festival.
fn summer() -> NaiveDateTime {
    at(2026, 7, 14)
}

/// Three weeks before Spring Festival 2027 (6 February).
fn before_festival() -> NaiveDateTime {
    at(2027, 1, 15)
}

fn cat(code: &str) -> &'static Category {
    category::find(code).unwrap_or_else(|| panic!("no category {code}"))
}

/// Every category's window with no flag, as DOMAIN.md's windows read: family matters of
/// marriage and children at the women's federation family desk (婚姻家庭纠纷调解委员会); elder
/// support and inheritance, neighbours and the rest at people's mediation; each specialised
/// dispute at its own window; consumer and training refunds with the administrative bodies that
/// mediate them; group finance at the court's pre-litigation mediation.
#[test]
fn each_category_goes_to_its_own_window_without_flags() {
    let expected = [
        ("family.divorce", Team::Women),
        ("family.maintenance", Team::Women),
        ("family.custody", Team::Women),
        ("family.elder", Team::People),
        ("family.inheritance", Team::People),
        ("family.violence", Team::Women),
        ("neighbour", Team::People),
        ("property", Team::Property),
        ("property.lift", Team::Property),
        ("labour.wages", Team::Labour),
        ("labour.other", Team::Labour),
        ("land", Team::Land),
        ("medical", Team::Medical),
        ("consumer", Team::Admin),
        ("traffic", Team::Traffic),
        ("finance", Team::Court),
        ("education", Team::Admin),
        ("other", Team::People),
    ];
    let all: Vec<&str> = category::all().iter().map(|c| c.code.as_str()).collect();
    let listed: Vec<&str> = expected.iter().map(|e| e.0).collect();
    assert_eq!(all, listed, "every category has its expected window here");
    for (code, team) in expected {
        let r = team_for(cat(code), &[], summer());
        assert_eq!(r.team, team, "category {code} goes to {team:?}");
        assert!(!r.moved(), "category {code} is not moved without flags");
    }
}

#[test]
fn violence_in_a_family_dispute_goes_to_the_family_desk() {
    // The walk-in: an elderly mother threatened by her son over elder support.
    let r = team_for(cat("family.elder"), &[RiskFlag::Violence], summer());
    assert_eq!(r.team, Team::Women);
    assert_eq!(r.moved_by, [RiskFlag::Violence]);
    let r = team_for(
        cat("family.inheritance"),
        &[
            RiskFlag::Weapon,
            RiskFlag::RepeatedViolence,
            RiskFlag::Agitated,
        ],
        summer(),
    );
    assert_eq!(r.team, Team::Women);
    assert_eq!(r.moved_by, [RiskFlag::Weapon, RiskFlag::RepeatedViolence]);
    // Already at the family desk: not a move.
    let r = team_for(cat("family.violence"), &[RiskFlag::Violence], summer());
    assert_eq!((r.team, r.moved()), (Team::Women, false));
    // Other flags of a family dispute, and violence outside a family, do not move it.
    for f in [
        RiskFlag::Agitated,
        RiskFlag::SelfHarm,
        RiskFlag::PetitionOrMedia,
    ] {
        assert_eq!(
            team_for(cat("family.elder"), &[f], summer()).team,
            Team::People
        );
    }
    let r = team_for(cat("neighbour"), &[RiskFlag::Violence], summer());
    assert_eq!((r.team, r.moved()), (Team::People, false));
}

#[test]
fn a_group_wage_case_before_spring_festival_goes_to_labour() {
    let flags = [RiskFlag::GroupDispute, RiskFlag::WagesBeforeFestival];
    // Migrant workers filed under "other" or "property" (a building site's contractor).
    for code in ["other", "property", "education"] {
        let r = team_for(cat(code), &flags, before_festival());
        assert_eq!(r.team, Team::Labour, "{code}");
        assert_eq!(r.moved_by, flags, "{code}");
    }
    // Not before the festival, not a group, or not about wages: it stays.
    assert_eq!(team_for(cat("other"), &flags, summer()).team, Team::People);
    let r = team_for(
        cat("other"),
        &[RiskFlag::WagesBeforeFestival],
        before_festival(),
    );
    assert_eq!(r.team, Team::People);
    let r = team_for(
        cat("property"),
        &[RiskFlag::GroupDispute],
        before_festival(),
    );
    assert_eq!(r.team, Team::Property);
    // A wage category is at labour already: not a move.
    let r = team_for(cat("labour.wages"), &flags, before_festival());
    assert_eq!((r.team, r.moved()), (Team::Labour, false));
}

#[test]
fn family_violence_comes_before_the_wage_move() {
    let flags = [
        RiskFlag::Violence,
        RiskFlag::GroupDispute,
        RiskFlag::WagesBeforeFestival,
    ];
    let r = team_for(cat("family.elder"), &flags, before_festival());
    assert_eq!(r.team, Team::Women);
    assert_eq!(r.moved_by, [RiskFlag::Violence]);
}
