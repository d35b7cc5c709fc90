//! Demo sessions and follow-ups: sessions booked on a grid of slots so no mediator or room is
//! ever double-booked, and follow-ups due, done or overdue around today.
use super::cases::Ctx;
use crate::domain::status::Status;
use crate::store::StoreError;
use crate::store::bulk::{BulkWriter, FollowupRow, SessionRow};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rand::Rng;
use std::collections::HashMap;

/// Session start hours; one hour each.
const SLOTS: [u32; 6] = [9, 10, 11, 14, 15, 16];

/// Which (mediator, room) pairs of each centre are taken per day and slot, so demo sessions
/// never collide.
#[derive(Default)]
pub(super) struct Bookings {
    taken: HashMap<(usize, NaiveDate, usize), (u32, u32)>, // (mediator bits, room bits)
}

impl Bookings {
    fn book(
        &mut self,
        place: usize,
        day: NaiveDate,
        slot: usize,
        mediator_bit: u32,
        rooms: usize,
    ) -> Option<usize> {
        let e = self.taken.entry((place, day, slot)).or_default();
        if e.0 & mediator_bit != 0 {
            return None;
        }
        let room = (0..rooms).find(|r| e.1 & (1 << r) == 0)?;
        e.0 |= mediator_bit;
        e.1 |= 1 << room;
        Some(room)
    }
}

/// Monday to Friday: the demo's sessions keep to weekdays, on a day their centre is open.
pub(super) fn working_day(d: NaiveDate) -> bool {
    d.weekday().number_from_monday() <= 5
}

pub(super) fn at(day: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default())
}

/// Sessions of a case at the place `p`, with its mediator (id and bookings bit).
#[allow(clippy::too_many_arguments)]
pub(super) fn sessions(
    w: &mut BulkWriter,
    c: &mut Ctx,
    p: usize,
    case_id: i64,
    (mediator, bit): (i64, u32),
    received: NaiveDateTime,
    status: Status,
    level: &str,
) -> Result<Option<NaiveDateTime>, StoreError> {
    // Referred and withdrawn cases mostly leave before anyone mediates.
    let held = match status {
        Status::Assigned | Status::ReferredOut | Status::Withdrawn => 0,
        _ => c.rng.random_range(1..=2),
    };
    let mut day = received.date() + Duration::days(2);
    let mut booked = 0;
    let mut last = None;
    for _ in 0..20 {
        if booked == held || day >= c.today {
            break;
        }
        if working_day(day) && c.calendars[p].is_open_day(day) {
            let slot = c.rng.random_range(0..SLOTS.len());
            if let Some(room) = c.bookings.book(p, day, slot, bit, c.places[p].rooms.len()) {
                let start = at(day, SLOTS[slot], 0);
                let result = if booked + 1 == held && status == Status::Agreement {
                    "达成调解协议"
                } else {
                    "双方陈述意见，约定再次调解"
                };
                w.session(&SessionRow {
                    case_id,
                    mediator_id: mediator,
                    room_id: c.places[p].rooms[room],
                    starts_at: start,
                    ends_at: start + Duration::hours(1),
                    level,
                    status: "held",
                    result,
                })?;
                c.report.sessions += 1;
                booked += 1;
                last = Some(start + Duration::hours(1));
            }
        }
        day += Duration::days(c.rng.random_range(1..4));
    }
    // Active recent cases get their next session booked in the coming days.
    let recent = (c.today - received.date()).num_days() <= 21;
    if status.is_active() && recent {
        let mut day = c.today;
        for _ in 0..10 {
            if working_day(day) && c.calendars[p].is_open_day(day) {
                let slot = c.rng.random_range(0..SLOTS.len());
                let start = at(day, SLOTS[slot], 0);
                if start <= c.now {
                    day += Duration::days(1);
                    continue;
                }
                if let Some(room) = c.bookings.book(p, day, slot, bit, c.places[p].rooms.len()) {
                    w.session(&SessionRow {
                        case_id,
                        mediator_id: mediator,
                        room_id: c.places[p].rooms[room],
                        starts_at: start,
                        ends_at: start + Duration::hours(1),
                        level,
                        status: "booked",
                        result: "",
                    })?;
                    c.report.sessions += 1;
                    break;
                }
            }
            day += Duration::days(1);
        }
    }
    Ok(last)
}

pub(super) fn followups(
    w: &mut BulkWriter,
    c: &mut Ctx,
    case_id: i64,
    owner: Option<i64>,
    received: NaiveDateTime,
    status: Status,
) -> Result<(), StoreError> {
    let agreed = received.date() + Duration::days(c.rng.random_range(5..20));
    for offset in [7, 30] {
        let due = agreed + Duration::days(offset);
        let overdue_left_open = status == Status::FollowUp && c.rng.random_bool(0.05);
        let row = if due >= c.today || overdue_left_open {
            FollowupRow {
                case_id,
                owner_id: owner,
                due_on: due,
                status: "due",
                method: None,
                performance: None,
                satisfaction: None,
                done_at: None,
            }
        } else {
            let perf = match c.rng.random_range(0..100) {
                0..80 => "fulfilled",
                80..92 => "partly",
                92..96 => "breached",
                _ => "unreachable",
            };
            let method = ["phone", "visit", "message"][c.rng.random_range(0..3)];
            FollowupRow {
                case_id,
                owner_id: owner,
                due_on: due,
                status: "done",
                method: Some(method),
                performance: Some(perf),
                satisfaction: Some(c.rng.random_range(3..=5)),
                done_at: Some(at(due, 10, 0)),
            }
        };
        w.followup(&row)?;
        c.report.followups += 1;
    }
    Ok(())
}
