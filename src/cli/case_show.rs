//! `onedoor case show CASE_NO --as CODE`: the case as its reader may see it — where it is now
//! (read-only when another centre handles it), its passage through the centres with attempts
//! and dates, and every hand-over with its answer (有果必公: the sender reads the result).
use super::{CliError, Out};
use crate::domain::centre::CentreTree;
use crate::domain::ladder::Level;
use crate::domain::transfer::TransferState;
use crate::i18n::{Lang, tr, trf};
use crate::store::{Store, TransferLine};
use chrono::NaiveDateTime;

fn when(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// `T1 东林镇综治中心` (the code alone for a centre the tree lacks).
pub(super) fn centre_label(tree: &CentreTree, id: i64) -> String {
    match tree.get(id) {
        Some(c) if c.name.is_empty() => c.code.clone(),
        Some(c) => format!("{} {}", c.code, c.name),
        None => id.to_string(),
    }
}

pub(super) fn show(
    out: &mut Out,
    store: &Store,
    id: i64,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(), CliError> {
    let d = store.case_detail(id)?;
    let passage = store.transfers_of(id)?;
    let tree = store.centre_tree()?;
    let r = &d.row;
    out.line(format_args!(
        "{}  {}  {}  {}",
        r.case_no,
        tr(lang, r.status.i18n_key()),
        tr(lang, r.colour.i18n_key()),
        tr(lang, r.level.i18n_key())
    ))?;
    out.line(&d.summary)?;
    if let Some(now_at) = passage.stages.last() {
        let centre = centre_label(&tree, now_at.centre);
        let mine = store.visible_centres()?.contains(&now_at.centre);
        let key = if mine {
            "cli.case.show.handled"
        } else {
            "cli.case.show.read_only"
        };
        out.line(trf(lang, key, &[("centre", &centre)]))?;
    }
    let attempts: Vec<String> = Level::ALL
        .iter()
        .map(|l| {
            format!(
                "{} {}/{}",
                tr(lang, l.i18n_key()),
                d.attempts[*l as usize],
                l.max_attempts()
            )
        })
        .collect();
    let attempts = attempts.join(tr(lang, "cli.case.show.sep"));
    out.line(trf(
        lang,
        "cli.case.show.attempts",
        &[("attempts", &attempts)],
    ))?;
    out.line(tr(lang, "cli.case.show.passage"))?;
    for s in &passage.stages {
        let until = s.until.map(when).unwrap_or_default();
        out.line(trf(
            lang,
            "cli.case.show.stage",
            &[
                ("centre", &centre_label(&tree, s.centre)),
                ("level", &tr(lang, s.level.i18n_key())),
                ("from", &when(s.from)),
                ("until", &until),
                ("attempts", &s.attempts),
            ],
        ))?;
    }
    if passage.transfers.is_empty() {
        return out.line(tr(lang, "cli.case.show.no_transfers"));
    }
    out.line(tr(lang, "cli.case.show.transfers"))?;
    for t in &passage.transfers {
        for line in transfer_lines(t, &tree, lang, now) {
            out.line(line)?;
        }
    }
    Ok(())
}

/// A hand-over in two or three lines: who sent it where and why; its answer; an overrule.
pub(super) fn transfer_lines(
    t: &TransferLine,
    tree: &CentreTree,
    lang: Lang,
    now: NaiveDateTime,
) -> Vec<String> {
    let mut out = vec![trf(
        lang,
        "cli.case.show.sent",
        &[
            ("at", &when(t.sent_at)),
            ("kind", &tr(lang, t.kind.i18n_key())),
            ("from", &centre_label(tree, t.from_centre)),
            ("to", &centre_label(tree, t.to_centre)),
            ("by", &t.sent_by),
            ("reason", &t.reason),
        ],
    )];
    let state = tr(lang, t.state.i18n_key());
    let at = t.answered_at.map(when).unwrap_or_default();
    let by = t.answered_by.clone().unwrap_or_default();
    let answer = match t.state {
        TransferState::Pending => {
            let key = match t.reply_by {
                None => "cli.case.show.awaiting",
                Some(_) if t.is_overdue(now) => "cli.case.show.overdue",
                Some(_) => "cli.case.show.pending",
            };
            let due = t.reply_by.map(when).unwrap_or_default();
            trf(lang, key, &[("state", &state), ("due", &due)])
        }
        TransferState::Returned | TransferState::Overruled => {
            let mut why = t
                .return_code
                .map(|c| tr(lang, c.i18n_key()).to_string())
                .unwrap_or_default();
            if !t.return_other.is_empty() {
                why = format!("{why} ({})", t.return_other);
            }
            let returned = tr(lang, TransferState::Returned.i18n_key());
            trf(
                lang,
                "cli.case.show.returned",
                &[
                    ("state", &returned),
                    ("at", &at),
                    ("by", &by),
                    ("why", &why),
                    ("note", &t.return_note),
                ],
            )
        }
        TransferState::Signed | TransferState::Withdrawn => trf(
            lang,
            "cli.case.show.answered",
            &[("state", &state), ("at", &at), ("by", &by)],
        ),
    };
    out.push(answer);
    if let Some(o) = t.overruled_at {
        out.push(trf(
            lang,
            "cli.case.show.overruled",
            &[
                ("state", &state),
                ("at", &when(o)),
                ("by", &t.overruled_by.clone().unwrap_or_default()),
                ("note", &t.overrule_note),
            ],
        ));
    }
    out
}
