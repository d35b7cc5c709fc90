//! The case detail in a record of several centres: under the header, who handles the case
//! (read-only when another centre does), where its latest hand-over stands ("已上报 东林镇综治中心
//! 待签收"), and what to do when it awaits this centre; further down, the ladder as the centres
//! it passed through (attempts and dates at each) and every hand-over with its answer.
use super::short_time;
use crate::app::panes::cases::CasesState;
use crate::domain::transfer::{Standing, TransferKind, TransferState};
use crate::i18n::trf;
use crate::store::{CaseDetail, TransferLine};
use crate::ui::View;
use ratatui::text::{Line, Span};

fn sent_key(kind: TransferKind) -> &'static str {
    match kind {
        TransferKind::Up => "ui.xfer.sent.up",
        TransferKind::Down => "ui.xfer.sent.down",
        TransferKind::Across => "ui.xfer.sent.across",
    }
}

/// "已上报 东林镇综治中心 待签收", "… 已签收 11-24 10:40".
pub(super) fn status(t: &TransferLine, view: &View) -> String {
    let mut state = view.tr(t.state.i18n_key()).to_string();
    let at = match t.state {
        TransferState::Overruled => t.overruled_at,
        _ => t.answered_at,
    };
    if let Some(at) = at {
        state.push(' ');
        state.push_str(&short_time(at));
    }
    trf(
        view.lang,
        "ui.xfer.status",
        &[
            ("sent", &view.tr(sent_key(t.kind))),
            ("to", &view.place.name(t.to_centre)),
            ("state", &state),
        ],
    )
}

/// Lines under the header: the handling centre, the latest hand-over, what to do here.
pub(super) fn header<'a>(state: &CasesState, d: &CaseDetail, view: &View) -> Vec<Line<'a>> {
    if !view.place.several() {
        return Vec::new();
    }
    let mut handler = trf(
        view.lang,
        "ui.xfer.handler",
        &[("centre", &view.place.name(d.row.centre_id))],
    );
    if state.standing == Standing::ReadOnly {
        handler.push_str(view.tr("ui.xfer.read_only_mark"));
    }
    let mut spans = vec![Span::raw(handler)];
    if let Some(t) = state.passage.as_ref().and_then(|p| p.transfers.last()) {
        let style = if t.is_overdue(view.now) {
            view.theme.error()
        } else {
            view.theme.focus()
        };
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(status(t, view), style));
    }
    let mut lines = vec![Line::from(spans)];
    if state.standing == Standing::ToAnswer {
        lines.push(Line::styled(
            view.tr("ui.xfer.to_answer").to_string(),
            view.theme.error(),
        ));
    }
    lines
}

/// The passage: each centre with its dates and attempts, then each hand-over and its answer.
pub(super) fn section<'a>(state: &CasesState, view: &View) -> Vec<Line<'a>> {
    let Some(p) = state.passage.as_ref().filter(|p| !p.transfers.is_empty()) else {
        return Vec::new();
    };
    let mut lines = vec![super::detail::section(view, "ui.xfer.sec.passage")];
    for s in &p.stages {
        let until = s
            .until
            .map_or_else(|| view.tr("ui.xfer.until_now").to_string(), short_time);
        lines.push(Line::raw(trf(
            view.lang,
            "ui.xfer.stage",
            &[
                ("centre", &s.name),
                ("level", &view.tr(s.level.i18n_key())),
                ("from", &short_time(s.from)),
                ("until", &until),
                ("n", &s.attempts),
            ],
        )));
    }
    for t in &p.transfers {
        lines.push(Line::styled(
            trf(
                view.lang,
                "ui.xfer.line",
                &[
                    ("at", &short_time(t.sent_at)),
                    ("kind", &view.tr(t.kind.i18n_key())),
                    ("from", &view.place.name(t.from_centre)),
                    ("to", &view.place.name(t.to_centre)),
                    ("by", &t.sent_by),
                    ("reason", &t.reason),
                ],
            )
            .trim_end()
            .to_string(),
            view.theme.dim(),
        ));
        if let Some(l) = answer(t, view) {
            lines.push(l);
        }
    }
    lines
}

/// How a hand-over was answered (pending: its deadline, flagged when past it).
fn answer<'a>(t: &TransferLine, view: &View) -> Option<Line<'a>> {
    let state = view.tr(t.state.i18n_key());
    let by = t.answered_by.clone().unwrap_or_default();
    let at = t.answered_at.map(short_time).unwrap_or_default();
    let text = match t.state {
        TransferState::Pending => {
            let due = t.reply_by.map(short_time)?;
            let mut text = format!("  {state} → {due}");
            if t.is_overdue(view.now) {
                text.push_str(&format!(" {}", view.tr("ui.xfer.overdue")));
                return Some(Line::styled(text, view.theme.error()));
            }
            text
        }
        TransferState::Returned => {
            let mut why = t
                .return_code
                .map(|c| view.tr(c.i18n_key()).to_string())
                .unwrap_or_default();
            if !t.return_other.is_empty() {
                why = t.return_other.clone();
            }
            trf(
                view.lang,
                "ui.xfer.returned",
                &[
                    ("state", &state),
                    ("at", &at),
                    ("by", &by),
                    ("why", &why),
                    ("note", &t.return_note),
                ],
            )
        }
        TransferState::Overruled => {
            let at = t.overruled_at.map(short_time).unwrap_or_default();
            let by = t.overruled_by.clone().unwrap_or_default();
            let args: [(&str, &dyn std::fmt::Display); 3] =
                [("state", &state), ("at", &at), ("by", &by)];
            format!(
                "{}: {}",
                trf(view.lang, "ui.xfer.answered", &args),
                t.overrule_note
            )
        }
        TransferState::Signed | TransferState::Withdrawn => trf(
            view.lang,
            "ui.xfer.answered",
            &[("state", &state), ("at", &at), ("by", &by)],
        ),
    };
    Some(Line::raw(text))
}
