//! `onedoor followups`: the morning call list, as aligned text or CSV for Excel / WPS. Phone
//! numbers are whole only for a person who logs in with `--as` and may see them; the showing
//! of whole numbers is written to the audit log.
use super::auth::viewer;
use super::{CliError, Out, other};
use crate::domain::category;
use crate::domain::followup;
use crate::domain::role::Role;
use crate::domain::text::pad;
use crate::i18n::{Lang, tr};
use crate::report::csv;
use crate::report::followup_labels::{kind_label, when_label};
use crate::store::{Actor, FollowupFilter, FollowupRow, FollowupScope, Store};
use clap::{Args, ValueEnum};
use std::path::Path;

#[derive(Args, Debug)]
pub struct FollowupsArgs {
    /// Only follow-ups due today.
    #[arg(long, conflicts_with_all = ["overdue", "week"])]
    pub due: bool,
    /// Only overdue follow-ups.
    #[arg(long, conflicts_with = "week")]
    pub overdue: bool,
    /// Follow-ups of the next 7 days (after today).
    #[arg(long)]
    pub week: bool,
    /// Only this mediator's follow-ups (staff code).
    #[arg(long)]
    pub mediator: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Txt)]
    pub format: Format,
    /// Who is running this (asked for the PIN; ONEDOOR_PIN is read if set): the list is
    /// within what they may see. Without it, phone numbers are masked; needed once the record
    /// holds more than one centre.
    #[arg(long = "as")]
    pub as_code: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Txt,
    Csv,
}

/// Rows read per query: the list streams in keyset pages, whatever its length.
const PAGE: usize = 500;

/// Text columns: header key and width in display cells (the last one is not padded).
const TXT_COLS: &[(&str, usize)] = &[
    ("ui.followups.col.due", 10),
    ("ui.followups.col.when", 10),
    ("ui.followups.col.colour", 6),
    ("ui.followups.col.case", 13),
    ("ui.followups.col.party", 10),
    ("ui.followups.col.phone", 13),
    ("ui.followups.col.owner", 8),
    ("ui.followups.col.kind", 10),
    ("ui.followups.col.category", 0),
];

pub(crate) fn run(
    a: FollowupsArgs,
    out: &mut Out,
    db: &Path,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<(), CliError> {
    let mut store = Store::open(db)?;
    let viewer = viewer(&mut store, a.as_code.as_deref(), lang, now)?;
    let scope = if a.due {
        FollowupScope::Today
    } else if a.overdue {
        FollowupScope::Overdue
    } else if a.week {
        FollowupScope::Week
    } else {
        FollowupScope::DueNow
    };
    let owner = match (&a.mediator, viewer) {
        (Some(code), _) => Some(
            store
                .staff_by_code(&code.trim().to_uppercase())?
                .ok_or_else(|| other("err.followup.no_staff", code))?
                .id,
        ),
        // A mediator's list is their own unless they ask for someone else's.
        (None, Some(v)) if v.role == Role::Mediator => Some(v.staff_id),
        (None, _) => None,
    };
    let filter = FollowupFilter {
        scope,
        owner,
        ..Default::default()
    };
    // Nobody logged in: a viewer no number is shown to.
    let as_viewer = viewer.unwrap_or(Actor {
        staff_id: 0,
        role: Role::Desk,
    });
    let today = now.date();
    let mut whole_numbers = 0;
    let written = write_list(
        &store,
        &a,
        out,
        lang,
        today,
        &filter,
        (as_viewer, viewer),
        &mut whole_numbers,
    );
    // Numbers handed to the output are audited even when it failed or its reader went away
    // (`| head`): some of them may have been read.
    if let (Some(v), true) = (viewer, whole_numbers > 0) {
        store.log_number_view(v, "followups.call_list", whole_numbers, now)?;
    }
    written
}

/// Writes the list, counting in `whole_numbers` the whole phone numbers it shows.
#[allow(clippy::too_many_arguments)]
fn write_list(
    store: &Store,
    a: &FollowupsArgs,
    out: &mut Out,
    lang: Lang,
    today: chrono::NaiveDate,
    filter: &FollowupFilter,
    (as_viewer, viewer): (Actor, Option<Actor>),
    whole_numbers: &mut usize,
) -> Result<(), CliError> {
    let scope = filter.scope;
    let cols = txt_cols(store.centre_tree()?.case_no_width());
    match a.format {
        Format::Csv => {
            out.text("\u{feff}")?;
            let head = [
                "ui.followups.col.due",
                "cli.followups.days_overdue",
                "ui.followups.col.colour",
                "ui.followups.col.case",
                "ui.followups.col.party",
                "ui.followups.col.phone",
                "cli.followups.owner_code",
                "ui.followups.col.owner",
                "ui.followups.col.kind",
                "ui.followups.col.category",
                "cli.followups.summary",
            ]
            .map(|k| csv::text(tr(lang, k)));
            out.text(&format!("{}\r\n", head.join(",")))?;
        }
        Format::Txt => {
            let title = crate::i18n::trf(
                lang,
                "cli.followups.title",
                &[
                    ("date", &today.format("%Y-%m-%d")),
                    ("scope", &tr(lang, scope.i18n_key())),
                ],
            );
            out.line(title)?;
            let head: Vec<String> = cols.iter().map(|(k, w)| cell(tr(lang, k), *w)).collect();
            out.line(head.join(" ").trim_end())?;
        }
    }
    let mut after = None;
    let mut total = 0;
    loop {
        let page = store.followup_page(as_viewer, filter, today, after, PAGE)?;
        let Some(last) = page.last() else { break };
        after = Some(last.key());
        for r in &page {
            total += 1;
            if viewer.is_some_and(|v| v.role.may_see_numbers(v.staff_id, r.case_owner))
                && !r.phone.is_empty()
            {
                *whole_numbers += 1;
            }
            match a.format {
                Format::Csv => out.text(&format!("{}\r\n", csv_row(r, lang, today)))?,
                Format::Txt => out.line(txt_row(r, &cols, lang, today))?,
            }
        }
    }
    if a.format == Format::Txt {
        let n = crate::i18n::trf(lang, "cli.followups.total", &[("n", &total)]);
        out.line(n)?;
    }
    // Flushed before the caller writes the audit entry.
    out.flush()
}

fn category_label(code: &str, lang: Lang) -> String {
    category::find(code)
        .map(|c| c.label(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// The text columns, the case number's as wide as the record's longest (its centre's code).
fn txt_cols(case_width: usize) -> Vec<(&'static str, usize)> {
    TXT_COLS
        .iter()
        .map(|&(k, w)| match k {
            "ui.followups.col.case" => (k, w.max(case_width)),
            _ => (k, w),
        })
        .collect()
}

/// Padded to `width` display cells (0: as is).
fn cell(s: &str, width: usize) -> String {
    if width == 0 {
        s.to_string()
    } else {
        pad(s, width)
    }
}

fn txt_row(
    r: &FollowupRow,
    cols: &[(&str, usize)],
    lang: Lang,
    today: chrono::NaiveDate,
) -> String {
    let values = [
        r.due_on.format("%Y-%m-%d").to_string(),
        when_label(lang, r.due_on, today),
        tr(lang, r.colour.i18n_key()).to_string(),
        r.case_no.clone(),
        r.party.clone(),
        r.phone.clone(),
        r.owner_name.clone(),
        kind_label(lang, r),
        category_label(&r.category, lang),
    ];
    let cells: Vec<String> = values
        .iter()
        .zip(cols)
        .map(|(v, (_, w))| cell(v, *w))
        .collect();
    cells.join(" ").trim_end().to_string()
}

fn csv_row(r: &FollowupRow, lang: Lang, today: chrono::NaiveDate) -> String {
    let overdue = match followup::when(r.due_on, today) {
        followup::When::Overdue(n) => n,
        _ => 0,
    };
    let phone = if !r.phone.is_empty() && r.phone.bytes().all(|b| b.is_ascii_digit()) {
        // A formula keeps Excel from turning 13812345678 into 1.38E+10.
        format!("=\"{}\"", r.phone)
    } else {
        csv::text(&r.phone)
    };
    [
        csv::value(&r.due_on.format("%Y-%m-%d").to_string()),
        csv::value(&overdue.to_string()),
        csv::text(tr(lang, r.colour.i18n_key())),
        csv::text(&r.case_no),
        csv::text(&r.party),
        phone,
        csv::text(&r.owner_code),
        csv::text(&r.owner_name),
        csv::text(&kind_label(lang, r)),
        csv::text(&category_label(&r.category, lang)),
        csv::text(&r.summary),
    ]
    .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_defuse_typed_text_and_keep_the_phone_wrapper() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let r = FollowupRow {
            id: 1,
            due_on: d,
            kind: followup::Kind::Agreement,
            attempt: 1,
            owner_id: None,
            owner_code: "M001".into(),
            owner_name: "=HYPERLINK(\"http://x\",\"y\")".into(),
            case_id: 1,
            case_no: "2026-1124-001".into(),
            case_owner: None,
            colour: crate::domain::risk::Colour::Red,
            category: "neighbour".into(),
            status: crate::domain::status::Status::Registered,
            summary: "＋1 @SUM(A1)".into(),
            party: "-张伟".into(),
            phone: "13812345678".into(),
        };
        let row = csv_row(&r, Lang::En, d + chrono::Duration::days(3));
        assert!(row.starts_with("2026-11-24,3,"), "{row}");
        assert!(row.contains(",'-张伟,=\"13812345678\",M001,"), "{row}");
        assert!(
            row.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","),
            "{row}"
        );
        assert!(row.ends_with(",'＋1 @SUM(A1)"), "{row}");
    }

    #[test]
    fn text_cells_align_by_display_width() {
        use unicode_width::UnicodeWidthStr;
        assert_eq!(cell("张伟", 10).width(), 10);
        assert_eq!(cell("abc", 10).width(), 10);
        assert_eq!(cell("婚姻家庭·离婚纠纷很长很长", 10).width(), 10);
    }
}
