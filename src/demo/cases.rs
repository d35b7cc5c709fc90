//! The case generator: cases spread over past days, their parties, sessions, follow-ups, audit.
use super::calibration::{flags_for, pick_colour, status_for};
use super::flows::{self, Flow};
use super::people::People;
use super::place::{Place, ladder, mediator_for, pick_place};
use super::schedule::{Bookings, at, followups, sessions};
use super::texts;
use super::{DemoOptions, DemoReport};
use crate::domain::category;
use crate::domain::centre;
use crate::domain::channel::Channel;
use crate::domain::risk::{Colour, ResponseHours, RiskFlag};
use crate::domain::status::Status;
use crate::domain::team_rule::team_for;
use crate::domain::worktime::Calendar;
use crate::store::bulk::{BulkWriter, CaseRow, PartyRow};
use crate::store::{Store, StoreError};
use chrono::{Duration, NaiveDate, NaiveDateTime, Timelike};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashMap;

pub(super) struct Ctx {
    pub(super) rng: ChaCha8Rng,
    /// Which cases move between centres (flows/): its own draws, so the rest stays.
    pub(super) flow_rng: ChaCha8Rng,
    pub(super) flows: Vec<Flow>,
    pub(super) people: People,
    pub(super) keys: HashMap<String, String>,
    pub(super) places: Vec<Place>,
    /// Several centres: each case is received at one picked by level; else all at the first,
    /// with the ladder as a label on the case (a database from before centres).
    pub(super) county: bool,
    /// The places' indexes by level: village, township, county.
    pub(super) by_level: [Vec<usize>; 3],
    pub(super) bookings: Bookings,
    pub(super) recent_parties: Vec<i64>,
    pub(super) report: DemoReport,
    pub(super) today: NaiveDate,
    /// Nothing is dated after it but booked sessions and follow-ups still due.
    pub(super) now: NaiveDateTime,
    /// Each place's working time and days off (by place index): deadlines counted as its
    /// desk counts them.
    pub(super) calendars: Vec<Calendar>,
}

pub(super) fn generate(
    store: &mut Store,
    opts: &DemoOptions,
    places: Vec<Place>,
    county: bool,
) -> Result<(DemoReport, Vec<Flow>), StoreError> {
    let mut by_level: [Vec<usize>; 3] = Default::default();
    for (i, p) in places.iter().enumerate() {
        by_level[p.level as usize].push(i);
    }
    let n = u64::from(opts.cases);
    let today = opts.now.date();
    // Today's intakes so far: from 08:30 to ten minutes before now; none before the desk opens,
    // and then the history ends yesterday.
    let minutes_now = i64::from(opts.now.time().num_seconds_from_midnight() / 60);
    let today_span = (minutes_now - (8 * 60 + 30) - 10).clamp(0, 540) as u64;
    let last = if today_span > 0 {
        today
    } else {
        today - Duration::days(1)
    };
    // About 25 intakes a day, at least two months, at most three years of history.
    let days = (n / 25).clamp(60, 1100);
    // From the first intake to as far past today as a deadline reaches.
    let first = last - Duration::days(days as i64);
    let until = today + Duration::days(crate::domain::worktime::HOLIDAY_WINDOW_DAYS);
    let calendars = places
        .iter()
        .map(|p| store.centre_calendar(p.id, first, until))
        .collect::<Result<Vec<_>, _>>()?;
    let mut ctx = Ctx {
        rng: ChaCha8Rng::seed_from_u64(opts.seed),
        flow_rng: ChaCha8Rng::seed_from_u64(opts.seed ^ flows::SEED),
        flows: Vec::new(),
        people: People::new(),
        keys: HashMap::new(),
        places,
        county,
        by_level,
        bookings: Bookings::default(),
        recent_parties: Vec::new(),
        report: DemoReport::default(),
        today,
        now: opts.now,
        calendars,
    };
    store.bulk_load(|w| {
        let mut i = 0u64;
        for d in 0..=days {
            let day = last - Duration::days((days - d) as i64);
            let end = n * (d + 1) / (days + 1);
            let count = end - i;
            // Each centre numbers its day's cases from 1.
            let mut seqs = vec![0i64; ctx.places.len()];
            for k in 0..count {
                // Spread the day's intakes over office hours; today's stop before now.
                let span = if day == today { today_span } else { 540 };
                let minute = 8 * 60 + 30 + (k * span / count.max(1)) as u32;
                let received = at(day, minute / 60, minute % 60);
                let p = pick_place(&mut ctx);
                seqs[p] += 1;
                one_case(w, &mut ctx, p, received, seqs[p])?;
            }
            for (p, last) in seqs.into_iter().enumerate().filter(|(_, n)| *n > 0) {
                let key = centre::counter_key(&ctx.places[p].prefix, at(day, 0, 0));
                w.counter_at(&key, last)?;
            }
            i = end;
        }
        Ok(())
    })?;
    Ok((ctx.report, ctx.flows))
}

fn one_case(
    w: &mut BulkWriter,
    c: &mut Ctx,
    p: usize,
    received: NaiveDateTime,
    seq: i64,
) -> Result<(), StoreError> {
    let cats = category::all();
    let cat = &cats[c.rng.random_range(0..cats.len())];
    let colour = pick_colour(&mut c.rng);
    let age = (c.today - received.date()).num_days();
    let status = status_for(age, colour, &mut c.rng);
    let road = flows::mark(c, p, age, colour);
    let status = road.map_or(status, |r| r.status());
    let channels = Channel::ALL;
    let channel = if c.rng.random_bool(0.6) {
        Channel::WalkIn
    } else {
        channels[c.rng.random_range(0..channels.len())]
    };
    let flags = flags_for(colour, &cat.code, &mut c.rng);
    let flags_s = flags.iter().map(|f| f.code()).collect::<Vec<_>>().join(",");
    let miao = c.rng.random_bool(0.06);

    // Applicant: sometimes a repeat visitor from recent weeks.
    let repeat = !c.recent_parties.is_empty() && c.rng.random_bool(0.05);
    let applicant = if repeat {
        c.recent_parties[c.rng.random_range(0..c.recent_parties.len())]
    } else {
        new_party(w, c, miao, cat.code == "family.elder")?
    };
    c.recent_parties.push(applicant);
    if c.recent_parties.len() > 2000 {
        c.recent_parties.drain(..1000);
    }
    let owner = if status == Status::Registered || colour == Colour::Green {
        None
    } else {
        Some(mediator_for(c, p, &cat.code, miao))
    };
    let summary = texts::summary(&cat.code, &mut c.rng);
    let desks = &c.places[p].desks;
    let desk = desks[c.rng.random_range(0..desks.len())];
    let (level, mut attempts) = ladder(c, p, status);
    if let Some(r) = road {
        attempts = r.attempts();
    }
    // Ended within a month, by yesterday at the latest: a recent closed case keeps its time
    // too (the purge selects by it).
    let latest = received + Duration::days((age - 1).max(0));
    let closed_at = (!status.is_active() && status != Status::AnsweredAtDesk)
        .then(|| (received + Duration::days(c.rng.random_range(1..30))).min(latest));
    let case_no = centre::case_no(&c.places[p].prefix, received, seq);
    let people = if flags.contains(&RiskFlag::GroupDispute) {
        c.rng.random_range(5..40)
    } else {
        c.rng.random_range(1..4)
    };
    let case_id = w.case(&CaseRow {
        case_no: &case_no,
        received_at: received,
        channel: channel.code(),
        category: &cat.code,
        colour: colour.rank(),
        colour_flags: &flags_s,
        status: status.code(),
        active: status.is_active(),
        summary: &summary,
        amount_yuan: cat
            .code
            .starts_with("labour")
            .then(|| c.rng.random_range(5..500) * 1000),
        people,
        team: team_for(cat, &flags, received).team.code(),
        owner_id: owner.map(|o| o.0),
        received_by: desk,
        first_party_id: applicant,
        level: level.code(),
        attempts,
        visits: if repeat { 2 } else { 1 },
        // In mediation, the deadline is the mediation term (the first attempt sets it at the
        // desk); before that, the colour's response time.
        deadline_at: match status {
            Status::InMediation => Some(c.calendars[p].mediation_term(received)),
            _ => c.calendars[p].response(&ResponseHours::default(), colour, received),
        },
        closed_at,
        centre_id: c.places[p].id,
    })?;
    c.report.cases += 1;
    c.report.per_level[level as usize] += 1;
    w.link(case_id, applicant, "applicant")?;
    if colour != Colour::Green && c.rng.random_bool(0.7) {
        let respondent = new_party(w, c, miao, false)?;
        w.link(case_id, respondent, "respondent")?;
    }
    w.visit(case_id, received, desk, channel.code())?;
    w.audit(
        received,
        Some(desk),
        case_id,
        "case.create",
        "",
        "",
        &format!("{case_no} {}", colour.code()),
    )?;
    let mut last = None;
    if let Some((owner_id, bit)) = owner {
        w.audit(
            received,
            Some(desk),
            case_id,
            "case.assign",
            "owner_id",
            "",
            &owner_id.to_string(),
        )?;
        last = sessions(
            w,
            c,
            p,
            case_id,
            (owner_id, bit),
            received,
            status,
            level.code(),
        )?;
        if colour == Colour::Red && status.is_active() {
            red_seen_today(w, c, case_id, owner_id, received)?;
        }
    }
    if let Some(road) = road {
        c.flows.push(Flow {
            case_id,
            centre: c.places[p].id,
            road,
            received,
            colour,
            last: last.unwrap_or(received),
            owner: owner.map(|o| o.0),
        });
    }
    if matches!(status, Status::Agreement | Status::FollowUp)
        || (status == Status::Closed && colour != Colour::Green && c.rng.random_bool(0.5))
    {
        followups(w, c, case_id, owner.map(|o| o.0), received, status)?;
    }
    if let Some(t) = closed_at.filter(|_| status != Status::Registered) {
        // Follow-up and closed cases keep their outcome in the audit trail, as real ones do
        // (statistics read it). Derived from the id, not the rng, so the rest of the data stays.
        let outcome = match (status, owner.is_some(), case_id % 50) {
            (Status::FollowUp, true, _) => Some(Status::Agreement),
            (Status::FollowUp, false, _) | (Status::Closed, false, _) => {
                Some(Status::AnsweredAtDesk)
            }
            (Status::Closed, true, 0..2) => Some(Status::NoAgreement),
            (Status::Closed, true, 2) => Some(Status::Withdrawn),
            (Status::Closed, true, _) => Some(Status::Agreement),
            _ => None,
        };
        if let Some(o) = outcome {
            w.audit(
                t - Duration::hours(1),
                owner.map(|o| o.0).or(Some(desk)),
                case_id,
                "case.status",
                "status",
                "in_mediation",
                o.code(),
            )?;
        }
        w.audit(
            t,
            owner.map(|o| o.0).or(Some(desk)),
            case_id,
            "case.status",
            "status",
            "in_mediation",
            status.code(),
        )?;
    }
    Ok(())
}

/// An open red case is seen the same day (DOMAIN.md), every day it stays open: a call to the
/// parties noted this morning, once the desk has opened.
fn red_seen_today(
    w: &mut BulkWriter,
    c: &mut Ctx,
    case_id: i64,
    owner: i64,
    received: NaiveDateTime,
) -> Result<(), StoreError> {
    let seen = at(c.today, 8, 40);
    if received.date() == c.today || seen > c.now {
        return Ok(());
    }
    w.audit(
        seen,
        Some(owner),
        case_id,
        "case.note",
        "",
        "",
        texts::red_check(&mut c.rng),
    )
}

fn new_party(
    w: &mut BulkWriter,
    c: &mut Ctx,
    miao: bool,
    elderly: bool,
) -> Result<i64, StoreError> {
    let name = c.people.name(&mut c.rng, miao);
    let keys = c
        .keys
        .entry(name.clone())
        .or_insert_with(|| crate::domain::names::name_keys(&name))
        .clone();
    let phone = c.rng.random_bool(0.8).then(|| c.people.mobile(&mut c.rng));
    let (from, to) = if elderly { (1935, 1955) } else { (1950, 2005) };
    let id = c
        .rng
        .random_bool(0.5)
        .then(|| c.people.id_number(&mut c.rng, from, to));
    let address = texts::address(&mut c.rng);
    c.report.parties += 1;
    w.party(&PartyRow {
        name: &name,
        name_keys: &keys,
        phone: phone.as_deref(),
        id_number: id.as_deref(),
        address: &address,
        language: if miao { "hmn" } else { "zh" },
        vulnerability: if elderly { "elderly" } else { "" },
    })
}
