//! The five risk colours (五色分级预警), the flags that raise them, and response deadlines.
use super::codes::code_enum;

code_enum! {
    /// Ordered by urgency: `Red < Orange < …` so sorting ascending puts the most urgent first.
    pub enum Colour ("colour") {
        Red = "red",
        Orange = "orange",
        Yellow = "yellow",
        Blue = "blue",
        Green = "green",
    }
}

impl Colour {
    /// Rank stored in the database; lower is more urgent (it keys the urgency index).
    pub fn rank(self) -> i64 {
        self as i64
    }

    pub fn from_rank(rank: i64) -> Option<Self> {
        Colour::ALL.get(usize::try_from(rank).ok()?).copied()
    }

    /// True when `self` is more urgent than `other`.
    pub fn above(self, other: Colour) -> bool {
        self < other
    }
}

code_enum! {
    /// Triage checklist items. Some are ticked by the clerk, some computed from the form.
    pub enum RiskFlag ("flag") {
        Violence = "violence",
        Weapon = "weapon",
        SelfHarm = "self_harm",
        ChildAtRisk = "child_at_risk",
        RepeatedViolence = "repeated_violence",
        GroupDispute = "group_dispute",
        RepeatVisitor = "repeat_visitor",
        WagesBeforeFestival = "wages_festival",
        PetitionOrMedia = "petition_media",
        VulnerableParty = "vulnerable_party",
        LargeAmount = "large_amount",
        Agitated = "agitated",
    }
}

/// People involved from which a dispute counts as a group dispute (群体性).
pub const GROUP_DISPUTE_PEOPLE: u32 = 5;
/// Amount at stake (yuan) from which a case is at least yellow.
pub const LARGE_AMOUNT_YUAN: i64 = 100_000;

impl RiskFlag {
    /// The colour this flag alone raises a case to.
    pub fn colour(self) -> Colour {
        use RiskFlag::*;
        match self {
            Violence | Weapon | SelfHarm | ChildAtRisk => Colour::Red,
            RepeatedViolence | GroupDispute | RepeatVisitor | WagesBeforeFestival
            | PetitionOrMedia => Colour::Orange,
            VulnerableParty | LargeAmount | Agitated => Colour::Yellow,
        }
    }

    /// Computed flags follow the form (people, visits, parties, amount); the clerk cannot tick them.
    pub fn is_computed(self) -> bool {
        matches!(
            self,
            RiskFlag::GroupDispute
                | RiskFlag::RepeatVisitor
                | RiskFlag::VulnerableParty
                | RiskFlag::LargeAmount
        )
    }
}

/// Facts from the intake form that raise flags without the clerk ticking them.
#[derive(Debug, Clone, Copy, Default)]
pub struct ComputedFacts {
    pub people: u32,
    pub earlier_visits: u32,
    pub vulnerable_party: bool,
    pub amount_yuan: Option<i64>,
}

impl ComputedFacts {
    pub fn flags(&self) -> Vec<RiskFlag> {
        let mut out = Vec::new();
        if self.people >= GROUP_DISPUTE_PEOPLE {
            out.push(RiskFlag::GroupDispute);
        }
        if self.earlier_visits > 0 {
            out.push(RiskFlag::RepeatVisitor);
        }
        if self.vulnerable_party {
            out.push(RiskFlag::VulnerableParty);
        }
        if self.amount_yuan.is_some_and(|a| a >= LARGE_AMOUNT_YUAN) {
            out.push(RiskFlag::LargeAmount);
        }
        out
    }
}

/// The outcome of triage: the computed colour and the flags that raised it to that colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub colour: Colour,
    pub raised_by: Vec<RiskFlag>,
}

/// The flags of a case: those the clerk ticked (never a computed one: those follow from the
/// facts) and those the facts raise, sorted, once each.
pub fn all_flags(ticked: &[RiskFlag], facts: &ComputedFacts) -> Vec<RiskFlag> {
    let mut flags: Vec<RiskFlag> = ticked
        .iter()
        .copied()
        .filter(|f| !f.is_computed())
        .collect();
    flags.extend(facts.flags());
    flags.sort();
    flags.dedup();
    flags
}

/// With no flag a dispute is routine (blue); the most urgent flag decides.
pub fn assess(ticked: &[RiskFlag], facts: &ComputedFacts) -> Assessment {
    let flags = all_flags(ticked, facts);
    let colour = flags
        .iter()
        .map(|f| f.colour())
        .min()
        .unwrap_or(Colour::Blue);
    let raised_by = flags.into_iter().filter(|f| f.colour() == colour).collect();
    Assessment { colour, raised_by }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OverrideError {
    #[error("lowering the colour needs a written reason")]
    ReasonRequired,
}

impl OverrideError {
    pub fn i18n_key(&self) -> &'static str {
        "err.colour.reason_required"
    }
}

/// The clerk may raise the colour freely; lowering below the computed one needs a reason.
pub fn check_override(computed: Colour, chosen: Colour, reason: &str) -> Result<(), OverrideError> {
    if computed.above(chosen) && reason.trim().is_empty() {
        return Err(OverrideError::ReasonRequired);
    }
    Ok(())
}

/// Response deadline per colour, in hours (configurable); green has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct ResponseHours {
    pub red: i64,
    pub orange: i64,
    pub yellow: i64,
    pub blue: i64,
}

impl Default for ResponseHours {
    fn default() -> Self {
        // Red: seen the same day; orange: 24 h; yellow: 3 days; blue: 7 days (DOMAIN.md).
        Self {
            red: 4,
            orange: 24,
            yellow: 72,
            blue: 168,
        }
    }
}

impl ResponseHours {
    /// The response time of a colour in hours (none for green). A deadline counts them in
    /// working time: `worktime::Calendar::response`, never by adding clock hours here.
    pub fn of(&self, colour: Colour) -> Option<i64> {
        Some(match colour {
            Colour::Red => self.red,
            Colour::Orange => self.orange,
            Colour::Yellow => self.yellow,
            Colour::Blue => self.blue,
            Colour::Green => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> ComputedFacts {
        ComputedFacts {
            people: 1,
            ..Default::default()
        }
    }

    #[test]
    fn no_flag_is_blue() {
        let a = assess(&[], &facts());
        assert_eq!(a.colour, Colour::Blue);
        assert!(a.raised_by.is_empty());
    }

    #[test]
    fn most_urgent_flag_wins_and_is_named() {
        let a = assess(
            &[
                RiskFlag::Agitated,
                RiskFlag::Weapon,
                RiskFlag::PetitionOrMedia,
            ],
            &facts(),
        );
        assert_eq!(a.colour, Colour::Red);
        assert_eq!(a.raised_by, vec![RiskFlag::Weapon]);
    }

    #[test]
    fn computed_flags_come_from_facts_not_ticks() {
        // Ticking a computed flag by hand has no effect: it follows the form.
        let a = assess(&[RiskFlag::GroupDispute], &facts());
        assert_eq!(a.colour, Colour::Blue);
        let f = ComputedFacts {
            people: 5,
            ..facts()
        };
        assert_eq!(assess(&[], &f).raised_by, vec![RiskFlag::GroupDispute]);
        let f = ComputedFacts {
            people: 4,
            ..facts()
        };
        assert_eq!(assess(&[], &f).colour, Colour::Blue);
        let f = ComputedFacts {
            earlier_visits: 2,
            ..facts()
        };
        assert_eq!(assess(&[], &f).colour, Colour::Orange);
        let f = ComputedFacts {
            amount_yuan: Some(100_000),
            ..facts()
        };
        assert_eq!(assess(&[], &f).raised_by, vec![RiskFlag::LargeAmount]);
        let f = ComputedFacts {
            amount_yuan: Some(99_999),
            vulnerable_party: true,
            ..facts()
        };
        assert_eq!(assess(&[], &f).raised_by, vec![RiskFlag::VulnerableParty]);
    }

    #[test]
    fn raising_is_free_lowering_needs_reason() {
        assert_eq!(check_override(Colour::Yellow, Colour::Red, ""), Ok(()));
        assert_eq!(check_override(Colour::Yellow, Colour::Yellow, ""), Ok(()));
        assert_eq!(
            check_override(Colour::Orange, Colour::Blue, "  "),
            Err(OverrideError::ReasonRequired)
        );
        assert_eq!(
            check_override(Colour::Orange, Colour::Blue, "当事人已和解"),
            Ok(())
        );
    }

    #[test]
    fn response_hours_follow_colour() {
        let h = ResponseHours::default();
        assert_eq!(h.of(Colour::Red), Some(4));
        assert_eq!(h.of(Colour::Blue), Some(168));
        assert_eq!(h.of(Colour::Green), None);
    }

    #[test]
    fn rank_round_trips_and_orders_by_urgency() {
        for c in Colour::ALL {
            assert_eq!(Colour::from_rank(c.rank()), Some(*c));
        }
        assert!(Colour::Red.above(Colour::Orange));
        assert_eq!(Colour::from_rank(5), None);
        assert_eq!(Colour::from_rank(-1), None);
    }
}
