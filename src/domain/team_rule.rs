//! Which window a new case goes to: its category's own team (`assets/categories.toml`), unless
//! its flags call for a specialised one. The triage form's proposal, the store's save, imports
//! and the demo all route through [`team_for`], so what the form shows is what is saved.
//!
//! The moves (DOMAIN.md, "Windows / teams" and "Risk"):
//! - Violence or threats, a weapon or repeated violence in a family dispute go to the women's
//!   federation family desk (妇联 / 婚姻家庭纠纷调解委员会), whatever the family category's own
//!   team: family disputes turning violent are what the five colours guard against (民转刑).
//! - A group dispute over wages before Spring Festival ([`super::festival`]) goes to labour and
//!   wage arrears, whatever category the clerk filed it under.
use super::category::Category;
use super::festival::before_spring_festival;
use super::risk::RiskFlag;
use super::team::Team;
use chrono::NaiveDateTime;

/// Flags that mean violence in a family dispute.
const FAMILY_VIOLENCE: &[RiskFlag] = &[
    RiskFlag::Violence,
    RiskFlag::Weapon,
    RiskFlag::RepeatedViolence,
];

/// Where a case goes and, if not to its category's team, the flags that moved it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub team: Team,
    /// Empty when the case stays with its category's team.
    pub moved_by: Vec<RiskFlag>,
}

impl Route {
    pub fn moved(&self) -> bool {
        !self.moved_by.is_empty()
    }
}

/// The team for a case of `category` with all its `flags` (ticked and computed, as
/// `risk::all_flags` gives them) received at `received_at`.
pub fn team_for(category: &Category, flags: &[RiskFlag], received_at: NaiveDateTime) -> Route {
    let own = category.team();
    let to = |team: Team, moved_by: Vec<RiskFlag>| {
        if team == own {
            Route {
                team,
                moved_by: Vec::new(),
            }
        } else {
            Route { team, moved_by }
        }
    };
    if category.code.starts_with("family.") {
        let violent: Vec<RiskFlag> = FAMILY_VIOLENCE
            .iter()
            .copied()
            .filter(|f| flags.contains(f))
            .collect();
        if !violent.is_empty() {
            return to(Team::Women, violent);
        }
    }
    let group_wages = [RiskFlag::GroupDispute, RiskFlag::WagesBeforeFestival];
    if group_wages.iter().all(|f| flags.contains(f)) && before_spring_festival(received_at.date()) {
        return to(Team::Labour, group_wages.to_vec());
    }
    to(own, Vec::new())
}

#[cfg(test)]
#[path = "team_rule_tests.rs"]
mod tests;
