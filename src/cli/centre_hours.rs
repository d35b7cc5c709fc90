//! A centre's own working hours and days on the command line: `centre edit CODE --start 08:00
//! --end 12:00 --days 1-6` (or `--default-hours`), `centre day DATE [--centre CODE] [--open |
//! --clear]`, and the column `centre list` adds once any centre's hours or days differ. Typed
//! hours are checked by the domain's one rule before any PIN is asked.
use super::auth::login_as;
use super::handover::parse_date;
use super::{CliError, Out};
use crate::domain::centre::{Centre, CentreRule};
use crate::domain::centre_hours::{self, DayRule, hours_text};
use crate::domain::slots::WorkTime;
use crate::i18n::{Lang, tr, trf};
use crate::store::{DayMark, Store, StoreError};
use chrono::{Duration, NaiveDate, NaiveDateTime};

/// The hours flags of `centre edit`.
#[derive(Debug, Default)]
pub(super) struct HoursFlags {
    pub start: Option<String>,
    pub end: Option<String>,
    pub days: Option<String>,
    pub default_hours: bool,
}

impl HoursFlags {
    pub(super) fn given(&self) -> bool {
        self.start.is_some() || self.end.is_some() || self.days.is_some() || self.default_hours
    }

    /// The hours asked for centre `code` (None: the record's default), checked; the parts not
    /// given keep the centre's present hours, else the default's.
    pub(super) fn resolve(&self, store: &Store, code: &str) -> Result<Option<WorkTime>, CliError> {
        if self.default_hours {
            return Ok(None);
        }
        let tree = store.centre_tree()?;
        let c = tree
            .by_code(code.trim())
            .ok_or(StoreError::Centre(CentreRule::NoSuchCentre))?;
        let base = centre_hours::work_of(store.work_time(), c.hours.as_ref());
        let w = centre_hours::edited(
            &base,
            self.start.as_deref(),
            self.end.as_deref(),
            self.days.as_deref(),
        )
        .map_err(StoreError::Hours)?;
        Ok(Some(w))
    }
}

/// `centre day`: marks DATE closed (or open) county-wide or for one centre, or clears it.
#[allow(clippy::too_many_arguments)]
pub(super) fn day(
    store: &mut Store,
    out: &mut Out,
    date: &str,
    centre: Option<&str>,
    open: bool,
    clear: bool,
    name: &str,
    as_code: &str,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(), CliError> {
    let day = parse_date(date)?;
    let tree = store.centre_tree()?;
    let target = match centre {
        None => None,
        Some(code) => Some(
            tree.by_code(code.trim())
                .ok_or(StoreError::Centre(CentreRule::NoSuchCentre))?
                .clone(),
        ),
    };
    let by = login_as(store, as_code, lang, now)?;
    let id = target.as_ref().map(|c| c.id);
    let whose = target.as_ref().map_or_else(
        || tr(lang, "cli.centre.day.everywhere").to_string(),
        |c| c.code.clone(),
    );
    let date = day.format("%Y-%m-%d").to_string();
    let args = |what: &str| -> Vec<(&'static str, String)> {
        vec![
            ("day", date.clone()),
            ("centre", whose.clone()),
            ("what", what.into()),
        ]
    };
    if clear {
        let gone = store.unmark_day(by, id, day).map_err(marking)?;
        let key = if gone {
            "cli.centre.day.cleared"
        } else {
            "cli.centre.day.none"
        };
        return out.line(keyed(lang, key, &args("")));
    }
    let mark = DayMark {
        centre: id,
        day,
        open,
        name: name.to_string(),
    };
    store.mark_day(by, &mark).map_err(marking)?;
    let what = tr(
        lang,
        if open {
            "cli.centre.day.open"
        } else {
            "cli.centre.day.off"
        },
    );
    out.line(keyed(lang, "cli.centre.day.marked", &args(what)))
}

fn keyed(lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
    let args: Vec<(&str, &dyn std::fmt::Display)> =
        args.iter().map(|(k, v)| (*k, v as _)).collect();
    trf(lang, key, &args)
}

/// The store's "not allowed" said as what it means for days.
fn marking(e: StoreError) -> CliError {
    match e {
        StoreError::Forbidden => CliError::keyed("cli.centre.day.forbidden", Vec::new()),
        e => e.into(),
    }
}

/// How far ahead `centre list` shows a centre's own days.
const DAYS_AHEAD: i64 = 60;

/// Per centre, in the list: its own hours when it has them, and its own days from today for
/// `DAYS_AHEAD` days (`12-05 closed 赶集`, `12-06 open`). None when no centre has either: the
/// list stays as it was.
pub(super) fn own_column(
    store: &Store,
    centres: &[&Centre],
    lang: Lang,
    today: NaiveDate,
) -> Result<Option<Vec<String>>, CliError> {
    let rules: Vec<DayRule> = store
        .day_rules(today, today + Duration::days(DAYS_AHEAD))?
        .into_iter()
        .filter(|r| r.centre_id.is_some())
        .collect();
    let cells: Vec<String> = centres
        .iter()
        .map(|c| {
            let mut parts: Vec<String> = c.hours.iter().map(hours_text).collect();
            for r in rules.iter().filter(|r| r.centre_id == Some(c.id)) {
                let what = tr(
                    lang,
                    if r.open {
                        "cli.centre.day.open"
                    } else {
                        "cli.centre.day.off"
                    },
                );
                let day = r.day.format("%m-%d");
                parts.push(format!("{day} {what} {}", r.name).trim_end().to_string());
            }
            parts.join("; ")
        })
        .collect();
    Ok(cells.iter().any(|c| !c.is_empty()).then_some(cells))
}
