//! A new case as the desk (or an import) hands it in, and the rules it must pass before it is
//! saved: ONE validation, ONE computation of the risk facts and colour, used by the triage
//! form's preview and checks and by the store's save (which refuses with the same rule).
use super::case_rule::CaseRule;
use super::category::{self, Category};
use super::channel::Channel;
use super::party::{self, PartyRole, Vulnerability};
use super::risk::{self, Assessment, Colour, ComputedFacts, RiskFlag};
use super::team::Team;
use super::team_rule::team_for;
use super::{idnum, phone};
use chrono::{NaiveDate, NaiveDateTime};

#[derive(Debug, Clone, Default)]
pub struct NewParty {
    /// An existing party record (a repeat visitor) instead of a new one.
    pub existing_id: Option<i64>,
    pub name: String,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub address: String,
    pub language: String,
    pub needs_interpreter: bool,
    pub vulnerability: Vec<Vulnerability>,
}

#[derive(Debug, Clone)]
pub struct NewCase {
    pub received_at: NaiveDateTime,
    pub channel: Channel,
    pub category: String,
    /// Flags ticked by the clerk; computed flags are derived here from the other fields.
    pub flags: Vec<RiskFlag>,
    /// The colour the clerk chose (None: the computed one).
    pub colour: Option<Colour>,
    pub colour_reason: String,
    /// The clerk acknowledged the immediate-action checklist of a red case.
    pub red_acknowledged: bool,
    pub summary: String,
    pub description: String,
    pub amount_yuan: Option<i64>,
    pub people: u32,
    /// Earlier cases of these parties (feeds the repeat-visitor flag).
    pub earlier_visits: u32,
    /// The window; None: the routing rule's (`team_rule::team_for`).
    pub team: Option<Team>,
    pub owner_id: Option<i64>,
    pub parties: Vec<(PartyRole, NewParty)>,
}

impl NewParty {
    /// The party's age on `today`, by the birth date of a valid ID number.
    pub fn age(&self, today: NaiveDate) -> Option<u32> {
        let id = self.id_number.as_deref()?;
        idnum::parse_id_number(id, today)
            .ok()
            .map(|id| id.age_on(today))
    }

    /// The vulnerability the ID number shows by itself (elderly from 60), ticked or not: a
    /// computed fact, so the clerk need not tick what the number already says.
    pub fn derived_vulnerability(&self, today: NaiveDate) -> Option<Vulnerability> {
        self.age(today).and_then(party::vulnerability_by_age)
    }

    /// Ticked by the clerk or shown by the ID number.
    pub fn is_vulnerable(&self, today: NaiveDate) -> bool {
        !self.vulnerability.is_empty() || self.derived_vulnerability(today).is_some()
    }

    /// A party known by name and, if given, phone; everything else blank.
    pub fn named(name: &str, phone: Option<&str>) -> NewParty {
        NewParty {
            name: name.into(),
            phone: phone.map(String::from),
            ..Default::default()
        }
    }
}

impl NewCase {
    /// A walk-in case with one applicant and everything else at its default (no flags, so blue;
    /// no owner): the base that tests and benches adjust with struct-update syntax.
    pub fn walk_in(
        received_at: NaiveDateTime,
        category: &str,
        summary: &str,
        applicant: NewParty,
    ) -> NewCase {
        NewCase {
            received_at,
            channel: Channel::WalkIn,
            category: category.into(),
            flags: vec![],
            colour: None,
            colour_reason: String::new(),
            red_acknowledged: false,
            summary: summary.into(),
            description: String::new(),
            amount_yuan: None,
            people: 1,
            earlier_visits: 0,
            team: None,
            owner_id: None,
            parties: vec![(PartyRole::Applicant, applicant)],
        }
    }
}

/// The facts that raise flags by themselves, from a case's parts: `NewCase::facts`, and an
/// import's check of a row's colour before the case is whole.
pub fn facts<'a>(
    parties: impl IntoIterator<Item = &'a NewParty>,
    people: u32,
    earlier_visits: u32,
    amount_yuan: Option<i64>,
    today: NaiveDate,
) -> ComputedFacts {
    ComputedFacts {
        people: people.max(1),
        earlier_visits,
        vulnerable_party: parties.into_iter().any(|p| p.is_vulnerable(today)),
        amount_yuan,
    }
}

/// The field a refusal points at, for the form to focus (parties by their place in the list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Applicant,
    Category,
    Summary,
    Phone(usize),
    IdNumber(usize),
    /// The colour: lowering it needs a reason, red needs its checklist acknowledged.
    Risk,
}

/// What must be fixed before a case can be saved: where, and which rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub rule: CaseRule,
}

impl Problem {
    fn new(field: Field, rule: CaseRule) -> Problem {
        Problem { field, rule }
    }
}

/// What the rules computed from a valid case: the store saves exactly this.
#[derive(Debug, Clone)]
pub struct Valid {
    pub category: &'static Category,
    /// Normalised (phone, ID number) of each party, in the case's order.
    pub numbers: Vec<(Option<String>, Option<String>)>,
    /// The colour saved (the clerk's choice, else the computed one) and the computed one.
    pub colour: Colour,
    pub computed: Colour,
    /// Every flag of the case, ticked and computed (`cases.colour_flags`).
    pub flags: Vec<RiskFlag>,
}

impl NewCase {
    /// The window it is saved to: the one given, else where the routing rule sends a case of
    /// `category` with all its flags, received when it was (what the triage form shows).
    pub fn team_or_route(&self, category: &Category) -> Team {
        self.team
            .unwrap_or_else(|| team_for(category, &self.all_flags(), self.received_at).team)
    }

    /// The facts that raise flags without the clerk ticking them (a party is vulnerable when
    /// ticked so or when the ID number says so on the day received).
    pub fn facts(&self) -> ComputedFacts {
        facts(
            self.parties.iter().map(|(_, p)| p),
            self.people,
            self.earlier_visits,
            self.amount_yuan,
            self.received_at.date(),
        )
    }

    /// The computed colour and the flags that raise it to that colour.
    pub fn assessment(&self) -> Assessment {
        risk::assess(&self.flags, &self.facts())
    }

    /// Every flag of the case, ticked and computed, in order: the colour's reasons as the case
    /// detail lists them.
    pub fn all_flags(&self) -> Vec<RiskFlag> {
        risk::all_flags(&self.flags, &self.facts())
    }

    /// The colour the case is saved with: the clerk's choice, else the computed one.
    pub fn colour(&self) -> Colour {
        self.colour.unwrap_or_else(|| self.assessment().colour)
    }

    /// Every rule a new case obeys that needs no database, in the order the form asks for
    /// fixes: personal numbers (party by party, phone then ID), an applicant, the category,
    /// the summary; then the colour (lowering needs a reason, red its checklist).
    pub fn check(&self) -> Result<Valid, Problem> {
        let today = self.received_at.date();
        let mut numbers = Vec::with_capacity(self.parties.len());
        for (i, (_, p)) in self.parties.iter().enumerate() {
            numbers.push(p.checked_numbers(i, today)?);
        }
        if !self.parties.iter().any(|(r, p)| {
            *r == PartyRole::Applicant && (p.existing_id.is_some() || !p.name.trim().is_empty())
        }) {
            return Err(Problem::new(Field::Applicant, CaseRule::NoApplicant));
        }
        let category = category::find(&self.category)
            .ok_or(Problem::new(Field::Category, CaseRule::UnknownCategory))?;
        if self.summary.trim().is_empty() {
            return Err(Problem::new(Field::Summary, CaseRule::NoSummary));
        }
        let computed = self.assessment().colour;
        let colour = self.colour.unwrap_or(computed);
        risk::check_override(computed, colour, &self.colour_reason)
            .map_err(|e| Problem::new(Field::Risk, e.into()))?;
        if colour == Colour::Red && !self.red_acknowledged {
            return Err(Problem::new(Field::Risk, CaseRule::RedNotAcknowledged));
        }
        Ok(Valid {
            category,
            numbers,
            colour,
            computed,
            flags: self.all_flags(),
        })
    }
}

impl NewParty {
    /// Normalised, validated personal numbers (absent ones allowed, malformed ones refused).
    fn checked_numbers(
        &self,
        party: usize,
        today: NaiveDate,
    ) -> Result<(Option<String>, Option<String>), Problem> {
        let given = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let phone = match given(&self.phone) {
            None => None,
            Some(s) => Some(
                phone::parse_phone(&s)
                    .map_err(|error| {
                        Problem::new(Field::Phone(party), CaseRule::Phone { party, error })
                    })?
                    .as_str()
                    .to_string(),
            ),
        };
        let id = match given(&self.id_number) {
            None => None,
            Some(s) => Some(
                idnum::parse_id_number(&s, today)
                    .map_err(|error| {
                        Problem::new(Field::IdNumber(party), CaseRule::IdNumber { party, error })
                    })?
                    .as_str()
                    .to_string(),
            ),
        };
        Ok((phone, id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    }

    /// An applicant with this ID number (born 1950-03-15) and nothing ticked.
    fn case_of(id: &str, received: NaiveDateTime) -> NewCase {
        let p = NewParty {
            id_number: Some(id.into()),
            ..NewParty::named("王秀英", None)
        };
        NewCase::walk_in(received, "family.elder", "赡养费", p)
    }

    const BORN_1950: &str = "110101195003150021";

    #[test]
    fn an_id_number_of_sixty_or_more_makes_the_party_elderly_without_a_tick() {
        assert_eq!(idnum::check_digit("11010119500315002"), Some('1'));
        let c = case_of(BORN_1950, at(2026, 11, 24));
        let p = &c.parties[0].1;
        assert_eq!(p.age(c.received_at.date()), Some(76));
        assert_eq!(
            p.derived_vulnerability(c.received_at.date()),
            Some(Vulnerability::Elderly)
        );
        assert!(p.vulnerability.is_empty(), "nothing ticked");
        assert!(c.facts().vulnerable_party);
        let v = c.check().expect("valid");
        assert!(
            v.flags.contains(&RiskFlag::VulnerableParty),
            "{:?}",
            v.flags
        );
        assert_eq!(v.colour, Colour::Yellow);
    }

    #[test]
    fn the_day_received_decides_the_age() {
        let day_before = case_of(BORN_1950, at(2010, 3, 14));
        assert!(!day_before.facts().vulnerable_party, "59 the day before");
        assert!(case_of(BORN_1950, at(2010, 3, 15)).facts().vulnerable_party);
    }

    #[test]
    fn a_young_or_malformed_id_number_shows_nothing() {
        let young = case_of("110101199003074477", at(2026, 11, 24));
        assert!(!young.facts().vulnerable_party);
        assert_eq!(young.colour(), Colour::Blue);
        let bad = case_of("110101195003150029", at(2026, 11, 24));
        assert_eq!(bad.parties[0].1.age(bad.received_at.date()), None);
        assert!(!bad.facts().vulnerable_party);
    }
}
