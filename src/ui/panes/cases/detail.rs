//! Case detail: header, deadlines, colour and its reasons, parties, summary, the 3-2-1 ladder,
//! sessions, follow-ups, outcome and the audit timeline, as one scrollable page.
use super::short_time;
use crate::app::panes::cases::CasesState;
use crate::domain::category;
use crate::domain::ladder::Level;
use crate::i18n::trf;
use crate::store::{AuditLine, CaseDetail};
use crate::ui::View;
use crate::ui::widgets::{Left, pad, with_more};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub(super) fn section<'a>(view: &View, key: &str) -> Line<'a> {
    Line::from(Span::styled(
        format!("── {} ", view.tr(key)),
        view.theme.title(),
    ))
}

fn label(view: &View, field: &str, code: &str) -> String {
    super::timeline::label(view.lang, field, code)
}

fn event<'a>(a: &AuditLine, view: &View) -> Line<'a> {
    let what = view.tr(super::timeline::what_key(&a.action));
    let change = super::timeline::change(a, view.lang);
    // Events of a case merged into this one say which case they happened to.
    let change = if a.from_case.is_empty() {
        change
    } else {
        format!("[{}] {change}", a.from_case)
    };
    Line::from(vec![
        Span::styled(
            format!("{} ", a.at.get(..16).unwrap_or(&a.at)),
            view.theme.dim(),
        ),
        Span::raw(pad(&a.staff, 8)),
        Span::raw(" "),
        Span::styled(pad(what, 10), view.theme.focus()),
        Span::raw(" "),
        Span::raw(change),
    ])
}

pub fn draw(frame: &mut Frame, area: Rect, state: &CasesState, d: &CaseDetail, view: &View) {
    let r = &d.row;
    let mut lines: Vec<Line> = Vec::new();
    let t = |k: &str| view.tr(k).to_string();
    lines.push(Line::from(vec![
        Span::styled(format!("{} ", r.case_no), view.theme.title()),
        Span::styled(
            format!("[{}]", t(r.colour.i18n_key())),
            view.theme.risk(r.colour),
        ),
        Span::raw(format!(
            "  {}: {}  {}: {}  {}: {}",
            t("ui.cases.col.status"),
            t(r.status.i18n_key()),
            t("ui.cases.col.owner"),
            r.owner.clone().unwrap_or_else(|| t("ui.cases.unassigned")),
            t("ui.cases.col.level"),
            t(r.level.i18n_key()),
        )),
    ]));
    let cat = category::find(&r.category)
        .map(|c| c.label(view.lang).to_string())
        .unwrap_or_else(|| r.category.clone());
    let channel = crate::domain::channel::Channel::from_code(&d.channel)
        .map(|c| t(c.i18n_key()))
        .unwrap_or_else(|| d.channel.clone());
    lines.push(Line::raw(format!(
        "{}: {}  · {channel} · {cat}",
        t("ui.cases.col.received"),
        short_time(r.received_at)
    )));
    // Deadlines: the current one (response, or the mediation term once mediation started).
    let deadline = match r.deadline_at {
        Some(dl) if r.overdue(view.now) => Span::styled(
            format!("{} ({})", short_time(dl), t("ui.cases.overdue")),
            view.theme.error(),
        ),
        Some(dl) => Span::raw(short_time(dl)),
        None => Span::raw("—"),
    };
    lines.push(Line::from(vec![
        Span::raw(format!("{}: ", t("ui.cases.col.deadline"))),
        deadline,
        Span::raw(format!(
            "  · {}: {}",
            t("ui.cases.term"),
            short_time(d.term_ends())
        )),
    ]));
    lines.extend(super::passage::header(state, d, view));
    if let (Some(w), true) = (r.waiting, r.active) {
        let since = r.waiting_since.map(short_time).unwrap_or_default();
        let text = trf(
            view.lang,
            "ui.cases.waiting_line",
            &[("what", &t(w.i18n_key())), ("since", &since)],
        );
        lines.push(Line::from(Span::styled(text, view.theme.focus())));
    }
    let flags: Vec<String> = d.flags.iter().map(|f| t(f.i18n_key())).collect();
    let mut colour = format!(
        "{}: {}",
        t("ui.cases.reasons"),
        if flags.is_empty() {
            "—".into()
        } else {
            flags.join("、")
        }
    );
    if d.colour_computed != r.colour {
        colour.push_str(&format!(
            "  ({} {}",
            t("ui.cases.computed"),
            t(d.colour_computed.i18n_key())
        ));
        if !d.colour_reason.is_empty() {
            colour.push_str(&format!(": {}", d.colour_reason));
        }
        colour.push(')');
    }
    lines.push(Line::raw(colour));

    lines.push(section(view, "ui.cases.sec.parties"));
    for p in &d.parties {
        let full = state.revealed.iter().find(|x| x.party_id == p.party_id);
        let phone = full
            .and_then(|f| f.phone.clone())
            .or_else(|| p.phone.clone())
            .unwrap_or_default();
        let id = full
            .and_then(|f| f.id_number.clone())
            .or_else(|| p.id_number.clone())
            .unwrap_or_default();
        lines.push(Line::raw(format!(
            "{} {} {} {}",
            pad(&t(p.role.i18n_key()), 10),
            pad(&p.name, 8),
            pad(&phone, 13),
            id
        )));
    }
    lines.push(section(view, "ui.cases.sec.summary"));
    lines.push(Line::raw(d.summary.clone()));
    if !d.description.is_empty() {
        lines.push(Line::raw(d.description.clone()));
    }
    lines.push(section(view, "ui.cases.sec.ladder"));
    let ladder = d.ladder();
    let mut spans = Vec::new();
    for l in Level::ALL {
        let text = format!("{} {}", t(l.i18n_key()), l.attempts_label(&ladder));
        let style = if *l == r.level {
            view.theme.focus()
        } else {
            Style::new()
        };
        spans.push(Span::styled(format!("{text}   "), style));
    }
    // Not while a hand-over awaits an answer: the case is on its way up already.
    if ladder.should_escalate() && r.active && r.pending_to.is_none() {
        spans.push(Span::styled(
            t("ui.cases.escalate_proposed"),
            view.theme.error(),
        ));
    }
    lines.push(Line::from(spans));
    lines.extend(super::passage::section(state, view));
    if !d.sessions.is_empty() {
        lines.push(section(view, "ui.cases.sec.sessions"));
        for s in &d.sessions {
            lines.push(Line::raw(format!(
                "{} {} {} {} {}",
                s.starts_at.get(..16).unwrap_or(&s.starts_at),
                pad(&s.mediator, 8),
                label(view, "level", &s.level),
                label(view, "state", &s.status),
                s.result
            )));
        }
    }
    if !d.followups.is_empty() {
        lines.push(section(view, "ui.cases.sec.followups"));
        for f in &d.followups {
            lines.push(Line::raw(format!(
                "{} {} {}",
                f.due_on,
                label(view, "state", &f.status),
                label(view, "state", &f.performance)
            )));
        }
    }
    if let Some(o) = &d.outcome {
        lines.push(section(view, "ui.cases.sec.outcome"));
        let mut text = format!(
            "{} {}",
            o.at.get(..16).unwrap_or(&o.at),
            label(view, "status", &o.kind)
        );
        for part in [&o.terms, &o.referred_to] {
            if !part.is_empty() {
                text.push_str(&format!(" · {part}"));
            }
        }
        if o.judicial {
            text.push_str(&format!(" · {}", t("ui.cases.judicial")));
        }
        if let Some(due) = &o.reply_due {
            text.push_str(&format!(
                " · {}",
                trf(view.lang, "ui.cases.reply_due", &[("date", due)])
            ));
        }
        lines.push(Line::raw(text));
    }
    team(&mut lines, state, view);
    merges(&mut lines, state, view);
    lines.push(section(view, "ui.cases.sec.timeline"));
    lines.extend(d.timeline.iter().map(|a| event(a, view)));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {} ", r.case_no), view.theme.title()));
    let inner = block.inner(area);
    let page = Paragraph::new(lines).wrap(Wrap { trim: false });
    // The page's rows once wrapped, less those scrolled past and those in view.
    let below = page
        .line_count(inner.width)
        .saturating_sub(usize::from(state.detail_scroll) + usize::from(inner.height));
    frame.render_widget(
        page.block(with_more(block, view, below, Left::Lines))
            .scroll((state.detail_scroll, 0)),
        area,
    );
}

/// Where this case was merged to, and the merges in force on it (a lead undoes them with U).
fn merges<'a>(lines: &mut Vec<Line<'a>>, state: &CasesState, view: &View) {
    let m = &state.merges;
    if m.merged_into.is_none() && m.merges.is_empty() {
        return;
    }
    lines.push(section(view, "ui.merge.sec"));
    if let Some(no) = &m.merged_into {
        lines.push(Line::styled(
            trf(view.lang, "ui.merge.into", &[("no", no)]),
            view.theme.title(),
        ));
    }
    for l in &m.merges {
        let kind = match l.kind {
            crate::store::MergeKind::Case => view.tr("ui.merge.kind_case"),
            crate::store::MergeKind::Party => view.tr("ui.merge.kind_party"),
        };
        let at = l.at.get(..16).unwrap_or(&l.at);
        lines.push(Line::raw(format!("{at} {kind} {} → {}", l.gone, l.keep)));
    }
}

/// The dedicated team (一案一专班): members by name and code, then the plan.
fn team<'a>(lines: &mut Vec<Line<'a>>, state: &CasesState, view: &View) {
    let Some(t) = &state.team else {
        return;
    };
    lines.push(section(view, "ui.team.sec"));
    let names: Vec<String> = t
        .members
        .iter()
        .map(|(_, code, name)| format!("{name}({code})"))
        .collect();
    lines.push(Line::raw(names.join("、")));
    if !t.plan.is_empty() {
        lines.push(Line::raw(format!(
            "{}: {}",
            view.tr("ui.team.plan"),
            t.plan
        )));
    }
}
