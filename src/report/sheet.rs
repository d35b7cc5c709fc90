//! The handover sheet as a `Doc`, in the reader's language. Personal numbers arrive masked.
use super::{Block, Doc, Section, Table, more_note, none_note};
use crate::domain::category;
use crate::domain::risk::Colour;
use crate::i18n::{Lang, tr, trf};
use crate::store::handover::{Sheet, UrgentCase};

fn colour_label(lang: Lang, c: Colour) -> String {
    tr(lang, c.i18n_key()).to_string()
}

fn cat_label(lang: Lang, code: &str) -> String {
    category::find(code)
        .map(|c| c.label(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

fn owner(lang: Lang, o: &Option<String>) -> String {
    o.clone()
        .unwrap_or_else(|| tr(lang, "ui.report.unassigned").to_string())
}

/// What happens next to an urgent case: its booked session, else what its status calls for.
pub fn next_step(lang: Lang, c: &UrgentCase) -> String {
    use crate::domain::status::Status;
    if let Some(n) = &c.next_session {
        return trf(
            lang,
            "ui.report.next.session",
            &[("at", &n.at.format("%m-%d %H:%M")), ("who", &n.mediator)],
        );
    }
    let key = match c.status {
        Status::Registered => "ui.report.next.assign",
        Status::Assigned => "ui.report.next.book",
        _ => "ui.report.next.book_again",
    };
    tr(lang, key).to_string()
}

fn session_status(lang: Lang, code: &str) -> String {
    let key = format!("ui.report.session.{code}");
    let s = tr(lang, &key);
    if s == key {
        code.to_string()
    } else {
        s.to_string()
    }
}

fn table(headers: &[&str], lang: Lang, numeric: &[bool], rows: Vec<Vec<String>>) -> Block {
    Block::Table(Table {
        headers: headers.iter().map(|h| tr(lang, h).to_string()).collect(),
        rows,
        numeric: numeric.to_vec(),
    })
}

fn listing(blocks: &mut Vec<Block>, lang: Lang, empty: bool, more: i64) {
    if empty {
        blocks.push(none_note(lang));
    }
    blocks.extend(more_note(lang, more));
}

pub fn sheet_doc(s: &Sheet, lang: Lang) -> Doc {
    let mut sections = Vec::new();

    // New intakes by category × colour.
    let mut rows: Vec<Vec<String>> = s
        .intakes
        .rows
        .iter()
        .map(|(cat, n)| {
            let mut r = vec![cat_label(lang, cat)];
            r.extend(n.iter().map(|v| v.to_string()));
            r.push(n.iter().sum::<i64>().to_string());
            r
        })
        .collect();
    let mut total = vec![tr(lang, "ui.report.total").to_string()];
    total.extend(s.intakes.by_colour.iter().map(|v| v.to_string()));
    total.push(s.intakes.total.to_string());
    rows.push(total);
    let mut headers = vec![tr(lang, "ui.report.col.category").to_string()];
    headers.extend(Colour::ALL.iter().map(|c| colour_label(lang, *c)));
    headers.push(tr(lang, "ui.report.total").to_string());
    sections.push(Section {
        heading: trf(lang, "ui.report.sec.intakes", &[("n", &s.intakes.total)]),
        blocks: vec![Block::Table(Table {
            headers,
            rows,
            numeric: vec![false, true, true, true, true, true, true],
        })],
    });

    // Open red and orange cases.
    let rows = s
        .urgent
        .rows
        .iter()
        .map(|c| {
            vec![
                c.case_no.clone(),
                colour_label(lang, c.colour),
                tr(lang, c.status.i18n_key()).to_string(),
                owner(lang, &c.owner),
                format!("{} {}", c.applicant, c.phone_masked)
                    .trim()
                    .to_string(),
                c.summary.clone(),
                next_step(lang, c),
            ]
        })
        .collect::<Vec<_>>();
    let empty = rows.is_empty();
    let mut blocks = vec![table(
        &[
            "ui.report.col.case_no",
            "ui.report.col.colour",
            "ui.report.col.status",
            "ui.report.col.owner",
            "ui.report.col.applicant",
            "ui.report.col.summary",
            "ui.report.col.next",
        ],
        lang,
        &[false; 7],
        rows,
    )];
    listing(&mut blocks, lang, empty, s.urgent.more());
    sections.push(Section {
        heading: trf(lang, "ui.report.sec.urgent", &[("n", &s.urgent.total)]),
        blocks,
    });

    // Deadlines.
    let rows = s
        .deadlines
        .rows
        .iter()
        .map(|c| {
            let state = if c.overdue {
                "ui.report.overdue"
            } else {
                "ui.report.due_soon"
            };
            vec![
                c.case_no.clone(),
                colour_label(lang, c.colour),
                tr(lang, c.status.i18n_key()).to_string(),
                owner(lang, &c.owner),
                c.deadline.format("%Y-%m-%d %H:%M").to_string(),
                tr(lang, state).to_string(),
            ]
        })
        .collect::<Vec<_>>();
    let empty = rows.is_empty();
    let mut blocks = vec![table(
        &[
            "ui.report.col.case_no",
            "ui.report.col.colour",
            "ui.report.col.status",
            "ui.report.col.owner",
            "ui.report.col.deadline",
            "ui.report.col.state",
        ],
        lang,
        &[false; 6],
        rows,
    )];
    listing(&mut blocks, lang, empty, s.deadlines.more());
    sections.push(Section {
        heading: trf(
            lang,
            "ui.report.sec.deadlines",
            &[("n", &s.deadlines.total)],
        ),
        blocks,
    });

    // Today's sessions.
    let rows = s
        .sessions_today
        .rows
        .iter()
        .map(|l| {
            vec![
                l.starts_at.format("%H:%M").to_string(),
                l.case_no.clone(),
                l.mediator.clone(),
                l.room.clone(),
                session_status(lang, &l.status),
                l.result.clone(),
            ]
        })
        .collect::<Vec<_>>();
    let empty = rows.is_empty();
    let mut blocks = vec![table(
        &[
            "ui.report.col.time",
            "ui.report.col.case_no",
            "ui.report.col.mediator",
            "ui.report.col.room",
            "ui.report.col.status",
            "ui.report.col.result",
        ],
        lang,
        &[false; 6],
        rows,
    )];
    listing(&mut blocks, lang, empty, s.sessions_today.more());
    sections.push(Section {
        heading: trf(
            lang,
            "ui.report.sec.sessions_today",
            &[("n", &s.sessions_today.total)],
        ),
        blocks,
    });

    // Next working day's sessions by mediator.
    let mut rows = Vec::new();
    for (mediator, lines) in &s.sessions_next {
        for (i, l) in lines.iter().enumerate() {
            rows.push(vec![
                if i == 0 {
                    mediator.clone()
                } else {
                    String::new()
                },
                l.starts_at.format("%H:%M").to_string(),
                l.case_no.clone(),
                l.room.clone(),
            ]);
        }
    }
    let n_next = rows.len();
    let empty = rows.is_empty();
    let mut blocks = vec![table(
        &[
            "ui.report.col.mediator",
            "ui.report.col.time",
            "ui.report.col.case_no",
            "ui.report.col.room",
        ],
        lang,
        &[false; 4],
        rows,
    )];
    listing(&mut blocks, lang, empty, 0);
    sections.push(Section {
        heading: trf(
            lang,
            "ui.report.sec.sessions_next",
            &[("date", &s.next_day.format("%Y-%m-%d")), ("n", &n_next)],
        ),
        blocks,
    });

    // Follow-ups due and overdue.
    let rows = s
        .followups
        .rows
        .iter()
        .map(|f| {
            let state = if f.overdue {
                "ui.report.overdue"
            } else {
                "ui.report.due_today"
            };
            vec![
                f.due_on.format("%Y-%m-%d").to_string(),
                f.case_no.clone(),
                owner(lang, &f.owner),
                tr(lang, state).to_string(),
            ]
        })
        .collect::<Vec<_>>();
    let empty = rows.is_empty();
    let mut blocks = vec![table(
        &[
            "ui.report.col.due",
            "ui.report.col.case_no",
            "ui.report.col.owner",
            "ui.report.col.state",
        ],
        lang,
        &[false; 4],
        rows,
    )];
    listing(&mut blocks, lang, empty, s.followups.more());
    sections.push(Section {
        heading: trf(
            lang,
            "ui.report.sec.followups",
            &[("n", &s.followups.total), ("overdue", &s.followups_overdue)],
        ),
        blocks,
    });

    // Escalations.
    let rows = s
        .escalations
        .rows
        .iter()
        .map(|e| {
            // The audit's new value may carry the reason: "township (调解三次未果)".
            let level = |l: &str| {
                let (code, rest) = l.split_once(' ').unwrap_or((l, ""));
                let key = format!("ui.report.level.{code}");
                let t = tr(lang, &key);
                let label = if t == key { code } else { t };
                format!("{label} {rest}").trim_end().to_string()
            };
            vec![
                e.at.format("%H:%M").to_string(),
                e.case_no.clone(),
                format!("{} → {}", level(&e.from), level(&e.to)),
                e.by.clone().unwrap_or_default(),
            ]
        })
        .collect::<Vec<_>>();
    let empty = rows.is_empty();
    let mut blocks = vec![table(
        &[
            "ui.report.col.time",
            "ui.report.col.case_no",
            "ui.report.col.level",
            "ui.report.col.by",
        ],
        lang,
        &[false; 4],
        rows,
    )];
    listing(&mut blocks, lang, empty, s.escalations.more());
    sections.push(Section {
        heading: trf(
            lang,
            "ui.report.sec.escalations",
            &[("n", &s.escalations.total)],
        ),
        blocks,
    });

    // Notes.
    let notes = if s.notes.trim().is_empty() {
        none_note(lang)
    } else {
        Block::Text(s.notes.clone())
    };
    sections.push(Section {
        heading: tr(lang, "ui.report.sec.notes").to_string(),
        blocks: vec![notes],
    });

    // Blocks that hold a table with no rows are dropped; the "none" note says it instead.
    for sec in &mut sections {
        sec.blocks
            .retain(|b| !matches!(b, Block::Table(t) if t.rows.is_empty()));
    }

    Doc {
        // A record of several centres: the sheet is one centre's and says whose.
        title: match s.centre_id {
            Some(_) => crate::i18n::trf(lang, "ui.report.title_at", &[("centre", &s.centre)]),
            None => tr(lang, "ui.report.title").to_string(),
        },
        meta: vec![
            (tr(lang, "ui.report.centre").to_string(), s.centre.clone()),
            (
                tr(lang, "ui.report.date").to_string(),
                s.date.format("%Y-%m-%d").to_string(),
            ),
            (
                tr(lang, "ui.report.shift").to_string(),
                tr(lang, s.shift.i18n_key()).to_string(),
            ),
            (tr(lang, "ui.report.lead").to_string(), s.lead.clone()),
        ],
        sections,
        footer: vec![
            tr(lang, "ui.report.sign_off").to_string(),
            tr(lang, "ui.report.sign_on").to_string(),
        ],
        lang,
    }
}
