//! Routing proposal: which window/team a new case goes to and which mediators fit it best.
//! Pure: the store supplies each mediator's languages, specialties, open-case load and next free
//! session slot; this ranks them and says why.
use super::risk::Colour;
use super::team::Team;
use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime};
use std::cmp::Ordering;

/// The language everybody at the centre speaks; any other need must be matched by the mediator.
pub const COMMON_LANGUAGE: &str = "zh";

/// One mediator as routing sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub staff_id: i64,
    pub code: String,
    pub name: String,
    pub languages: Vec<String>,
    /// Category codes, or a prefix ending in '.' for a whole group ("family.").
    pub specialties: Vec<String>,
    pub team: Option<String>,
    /// Active cases this mediator owns.
    pub open_cases: u32,
    /// Start of their next free session slot, if one was found in the booking horizon.
    pub next_free: Option<NaiveDateTime>,
}

/// What the case needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need<'a> {
    pub category: &'a str,
    pub team: Team,
    pub colour: Colour,
    /// Languages of the parties other than the common one (e.g. "hmn" for a Miao speaker).
    pub languages: Vec<&'a str>,
}

/// Why a mediator sits where they do, most important first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Speaks the party's language.
    Speaks(String),
    /// Does not speak a needed language: an interpreter is needed.
    LacksLanguage(String),
    Specialty,
    SameTeam,
    Load(u32),
    FreeAt(NaiveDateTime),
    NoFreeSlot,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub candidate: Candidate,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub team: Team,
    pub ranked: Vec<Ranked>,
}

pub fn has_specialty(c: &Candidate, category: &str) -> bool {
    c.specialties
        .iter()
        .any(|s| s == category || (s.ends_with('.') && category.starts_with(s.as_str())))
}

fn languages_spoken(c: &Candidate, need: &Need) -> usize {
    need.languages
        .iter()
        .filter(|l| c.languages.iter().any(|x| x == *l))
        .count()
}

/// The ranking rule, in order: speaks every needed language (a Miao speaker needs a Miao-speaking
/// mediator before anything else); has the category as a specialty; belongs to the proposed
/// team; then, for red and orange cases, the earliest free slot before the lightest load (they
/// must be seen fast), otherwise the lightest load before the earliest slot; staff code last so
/// the order is stable.
pub fn compare(a: &Candidate, b: &Candidate, need: &Need) -> Ordering {
    let team = need.team.code();
    let key = |c: &Candidate| {
        (
            std::cmp::Reverse(languages_spoken(c, need)),
            !has_specialty(c, need.category),
            c.team.as_deref() != Some(team),
        )
    };
    let slot = |c: &Candidate| (c.next_free.is_none(), c.next_free);
    let urgent = need.colour <= Colour::Orange;
    key(a).cmp(&key(b)).then_with(|| {
        let by_slot = slot(a).cmp(&slot(b));
        let by_load = a.open_cases.cmp(&b.open_cases);
        if urgent {
            by_slot.then(by_load)
        } else {
            by_load.then(by_slot)
        }
        .then_with(|| a.code.cmp(&b.code))
    })
}

pub fn reasons(c: &Candidate, need: &Need) -> Vec<Reason> {
    let mut out = Vec::new();
    for l in &need.languages {
        if c.languages.iter().any(|x| x == l) {
            out.push(Reason::Speaks((*l).to_string()));
        } else {
            out.push(Reason::LacksLanguage((*l).to_string()));
        }
    }
    if has_specialty(c, need.category) {
        out.push(Reason::Specialty);
    }
    if c.team.as_deref() == Some(need.team.code()) {
        out.push(Reason::SameTeam);
    }
    out.push(Reason::Load(c.open_cases));
    out.push(match c.next_free {
        Some(t) => Reason::FreeAt(t),
        None => Reason::NoFreeSlot,
    });
    out
}

/// Working hours for booking: first and last hour of the day, ISO weekdays (1 = Monday).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hours {
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub days: Vec<u8>,
}

/// Length of a mediation session slot.
pub const SLOT_MINUTES: i64 = 60;
/// How far ahead a free slot is looked for.
pub const HORIZON_DAYS: i64 = 14;

/// The first whole-hour slot from `now` within working hours that overlaps no busy interval.
/// `busy` holds (start, end) of booked sessions, in any order.
pub fn next_free_slot(
    now: NaiveDateTime,
    busy: &[(NaiveDateTime, NaiveDateTime)],
    hours: &Hours,
) -> Option<NaiveDateTime> {
    let slot = Duration::minutes(SLOT_MINUTES);
    let mut t = now.date().and_time(hours.start);
    let last = now + Duration::days(HORIZON_DAYS);
    while t < last {
        let day_ok = hours
            .days
            .contains(&(t.weekday().number_from_monday() as u8));
        let fits = (t + slot).date() == t.date() && (t + slot).time() <= hours.end;
        if !day_ok || !fits {
            t = (t.date() + Duration::days(1)).and_time(hours.start);
            continue;
        }
        if t >= now && !busy.iter().any(|(s, e)| *s < t + slot && t < *e) {
            return Some(t);
        }
        t += slot;
    }
    None
}

/// Proposes the category's team and ranks the mediators for it.
pub fn propose(need: &Need, candidates: &[Candidate]) -> Proposal {
    let mut sorted: Vec<&Candidate> = candidates.iter().collect();
    sorted.sort_by(|a, b| compare(a, b, need));
    Proposal {
        team: need.team,
        ranked: sorted
            .into_iter()
            .map(|c| Ranked {
                candidate: c.clone(),
                reasons: reasons(c, need),
            })
            .collect(),
    }
}

/// Languages that need matching: the parties' languages other than the common one, deduplicated.
pub fn needed_languages<'a>(langs: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for l in langs {
        let l = l.trim();
        if !l.is_empty() && l != COMMON_LANGUAGE && !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn t(h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn m(
        code: &str,
        langs: &str,
        spec: &str,
        team: &str,
        load: u32,
        free: Option<u32>,
    ) -> Candidate {
        let list = |s: &str| {
            s.split(',')
                .filter(|x| !x.is_empty())
                .map(String::from)
                .collect()
        };
        Candidate {
            staff_id: code[1..].parse().unwrap(),
            code: code.into(),
            name: code.into(),
            languages: list(langs),
            specialties: list(spec),
            team: (!team.is_empty()).then(|| team.to_string()),
            open_cases: load,
            next_free: free.map(t),
        }
    }

    fn need(cat: &str, team: Team, colour: Colour, langs: Vec<&'static str>) -> Need<'static> {
        Need {
            category: Box::leak(cat.to_string().into_boxed_str()),
            team,
            colour,
            languages: langs,
        }
    }

    fn order(p: &Proposal) -> Vec<&str> {
        p.ranked.iter().map(|r| r.candidate.code.as_str()).collect()
    }

    #[test]
    fn miao_speaker_first_whatever_the_load() {
        let c = [
            m("M001", "zh", "neighbour", "people", 0, Some(9)),
            m("M002", "zh,hmn", "", "people", 30, Some(15)),
            m("M012", "zh,hmn", "neighbour", "people", 40, Some(16)),
        ];
        let p = propose(
            &need("neighbour", Team::People, Colour::Blue, vec!["hmn"]),
            &c,
        );
        assert_eq!(order(&p), ["M012", "M002", "M001"]);
        assert_eq!(p.ranked[0].reasons[0], Reason::Speaks("hmn".into()));
        assert_eq!(p.ranked[2].reasons[0], Reason::LacksLanguage("hmn".into()));
    }

    #[test]
    fn specialty_then_team_then_load_for_routine_cases() {
        let c = [
            m("M001", "zh", "", "labour", 1, Some(9)),
            m("M002", "zh", "labour.wages", "", 9, Some(9)),
            m("M003", "zh", "", "", 0, Some(9)),
            m("M004", "zh", "labour.", "labour", 5, Some(12)),
            m("M005", "zh", "labour.", "labour", 3, Some(14)),
        ];
        let p = propose(
            &need("labour.wages", Team::Labour, Colour::Blue, vec![]),
            &c,
        );
        // Group prefix "labour." counts as a specialty; lighter load wins among equals.
        assert_eq!(order(&p), ["M005", "M004", "M002", "M001", "M003"]);
        assert!(p.ranked[0].reasons.contains(&Reason::Specialty));
        assert!(p.ranked[0].reasons.contains(&Reason::SameTeam));
        assert!(p.ranked[0].reasons.contains(&Reason::Load(3)));
    }

    #[test]
    fn urgent_cases_prefer_the_earliest_free_slot() {
        let c = [
            m("M001", "zh", "family.", "women", 1, Some(15)),
            m("M002", "zh", "family.", "women", 9, Some(10)),
            m("M003", "zh", "family.", "women", 0, None),
        ];
        let urgent = propose(
            &need("family.violence", Team::Women, Colour::Red, vec![]),
            &c,
        );
        assert_eq!(order(&urgent), ["M002", "M001", "M003"]);
        let routine = propose(
            &need("family.violence", Team::Women, Colour::Yellow, vec![]),
            &c,
        );
        assert_eq!(order(&routine), ["M003", "M001", "M002"]);
        assert_eq!(urgent.ranked[2].reasons.last(), Some(&Reason::NoFreeSlot));
    }

    #[test]
    fn ties_are_broken_by_code_and_team_comes_from_need() {
        let c = [
            m("M002", "zh", "", "", 0, None),
            m("M001", "zh", "", "", 0, None),
        ];
        let p = propose(&need("other", Team::People, Colour::Blue, vec![]), &c);
        assert_eq!(order(&p), ["M001", "M002"]);
        assert_eq!(p.team, Team::People);
        assert!(
            propose(&need("other", Team::People, Colour::Blue, vec![]), &[])
                .ranked
                .is_empty()
        );
    }

    #[test]
    fn needed_languages_skip_common_and_duplicates() {
        assert_eq!(
            needed_languages(["zh", "hmn", "", "hmn", " en "]),
            ["hmn", "en"]
        );
        assert!(needed_languages(["zh", "zh"]).is_empty());
    }

    #[test]
    fn next_free_slot_skips_busy_hours_evenings_and_weekends() {
        let hours = Hours {
            start: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
            end: NaiveTime::from_hms_opt(17, 30, 0).unwrap(),
            days: vec![1, 2, 3, 4, 5],
        };
        // 2026-11-24 is a Tuesday; 9:30 now: the 9:30 slot is free.
        let now = t(9) + Duration::minutes(30);
        assert_eq!(next_free_slot(now, &[], &hours), Some(now));
        // A little after: the next whole slot from the day's start.
        let now2 = t(9) + Duration::minutes(31);
        assert_eq!(
            next_free_slot(now2, &[], &hours),
            Some(t(10) + Duration::minutes(30))
        );
        let busy = [(t(10) + Duration::minutes(30), t(12) + Duration::minutes(30))];
        assert_eq!(
            next_free_slot(now2, &busy, &hours),
            Some(t(12) + Duration::minutes(30))
        );
        // After the last slot of Friday: Monday morning.
        let fri = NaiveDate::from_ymd_opt(2026, 11, 27)
            .unwrap()
            .and_hms_opt(17, 0, 0)
            .unwrap();
        let mon = NaiveDate::from_ymd_opt(2026, 11, 30)
            .unwrap()
            .and_hms_opt(8, 30, 0)
            .unwrap();
        assert_eq!(next_free_slot(fri, &[], &hours), Some(mon));
        let none = Hours {
            days: vec![],
            ..hours
        };
        assert_eq!(next_free_slot(now, &[], &none), None);
    }
}
