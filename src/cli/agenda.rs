//! `onedoor agenda [--date D] [--mediator CODE] [--format txt|ics]`: a day's sessions for the
//! notice board (text) or for phones (iCalendar). Read-only: no login on a database of one
//! centre (`--as` names who asks once there are several); party names are masked and no
//! personal number is printed.
use super::{AgendaArgs, CliError, Out, other};
use crate::config::Config;
use crate::domain::slots::parse_day;
use crate::i18n::{Lang, tr, trf};
use crate::report::agenda::{self, Item, Labels};
use crate::store::Store;
use chrono::NaiveDateTime;
use std::path::Path;

pub(crate) fn run(
    a: AgendaArgs,
    out: &mut Out,
    db: &Path,
    config: &Config,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(), CliError> {
    let mut store = Store::open(db)?;
    let viewer = super::auth::viewer(&mut store, a.as_code.as_deref(), lang, now)?;
    // Titled with the asker's centre; event ids keep the record's name, the same for everyone.
    let centre = &super::handover::sheet_centre(&store, config, viewer)?;
    let record = crate::report::centre_name(&store, config)?;
    let day = match &a.date {
        None => now.date(),
        Some(s) => parse_day(s, now.date()).map_err(|k| other(k, s))?,
    };
    let staff = store.list_staff()?;
    let mediator = match &a.mediator {
        None => None,
        Some(code) => {
            let code = code.trim().to_ascii_uppercase();
            Some(
                staff
                    .iter()
                    .find(|s| s.code == code)
                    .ok_or_else(|| other("err.calendar.mediator", &code))?,
            )
        }
    };
    let (from, to) = agenda::day_bounds(day);
    let items: Vec<Item> = store
        .sessions_between(from, to)?
        .into_iter()
        .filter(|s| mediator.is_none_or(|m| s.mediators.contains(&m.id)))
        .map(|s| Item {
            session_id: s.id,
            start: s.start,
            end: s.end,
            late: crate::domain::session::is_late(s.status, s.start, now),
            case_no: s.case_no,
            colour: tr(lang, s.colour.i18n_key()).to_string(),
            party: agenda::mask_name(&s.party),
            room: s.room,
            mediators: s
                .mediators
                .iter()
                .filter_map(|id| staff.iter().find(|m| m.id == *id))
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>()
                .join("、"),
            status: tr(lang, s.status.i18n_key()).to_string(),
        })
        .collect();
    let who = mediator
        .map(|m| m.name.clone())
        .unwrap_or_else(|| centre.to_string());
    let weekday = tr(lang, &format!("ui.weekday.{}", day.format("%u"))).to_string();
    let title = trf(
        lang,
        "cli.agenda.title",
        &[
            ("who", &who),
            ("date", &day.format("%Y-%m-%d")),
            ("weekday", &weekday),
        ],
    );
    match a.format.as_str() {
        "txt" => {
            let labels = Labels {
                title,
                columns: [
                    tr(lang, "cli.agenda.col.time"),
                    tr(lang, "cli.agenda.col.case"),
                    tr(lang, "cli.agenda.col.colour"),
                    tr(lang, "cli.agenda.col.party"),
                    tr(lang, "cli.agenda.col.room"),
                    tr(lang, "cli.agenda.col.mediators"),
                    tr(lang, "cli.agenda.col.status"),
                ],
                late: tr(lang, "ui.calendar.late"),
                empty: tr(lang, "cli.agenda.empty"),
            };
            out.text(&agenda::text(&labels, &items))
        }
        "ics" => out.text(&agenda::ics(
            &title,
            &agenda::uid_domain(&record),
            chrono::Utc::now().naive_utc(),
            &items,
        )),
        f => Err(other("cli.agenda.format", f)),
    }
}
