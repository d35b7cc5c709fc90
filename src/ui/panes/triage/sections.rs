//! The form's lower sections: the category list, the risk checklist and the routing proposal.
use super::form::{CATEGORY_ROWS, ROUTE_ROWS, Row, Rows, check, label, lang_label, marker};
use crate::app::panes::triage::form::Focus;
use crate::app::panes::triage::{FLAG_KEYS, TriageState};
use crate::domain::category;
use crate::domain::risk::RiskFlag;
use crate::domain::routing::Reason;
use crate::domain::team_rule::Route;
use crate::i18n::{Lang, trf};
use crate::ui::View;
use crate::ui::widgets::{fit_parts, pad, truncate};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub(super) fn category_rows<'a>(rows: &mut Rows<'a>, s: &'a TriageState, view: &View) {
    let f = &s.form;
    let focused = f.focus == Focus::Category;
    let chosen = f
        .category
        .as_deref()
        .and_then(category::find)
        .map(|c| format!("→ {}", c.label(view.lang)))
        .unwrap_or_else(|| view.tr("ui.triage.category.none").to_string());
    rows.push(
        Row::Field {
            label: label(view, "ui.triage.category", focused),
            field: &f.category_filter,
            focused,
            width: Some(12),
            after: Some(Span::styled(chosen, view.theme.ok())),
        },
        focused,
    );
    if !focused {
        return;
    }
    let list = f.categories();
    if list.is_empty() {
        rows.push(
            Row::Line(Line::from(Span::styled(
                format!("  {}", view.tr("ui.triage.category.no_match")),
                view.theme.dim(),
            ))),
            true,
        );
    }
    let start = f.category_row.saturating_sub(CATEGORY_ROWS - 1);
    for (i, c) in list.iter().enumerate().skip(start).take(CATEGORY_ROWS) {
        let sel = i == f.category_row;
        let style = if sel {
            view.theme.tab_active()
        } else {
            Style::new()
        };
        let other = match view.lang {
            Lang::Zh => &c.en,
            Lang::En => &c.zh,
        };
        let text = format!("   {}  {}", c.label(view.lang), other);
        rows.push(Row::Line(Line::from(Span::styled(text, style))), true);
    }
}

pub(super) fn risk_rows(rows: &mut Rows, s: &TriageState, view: &View, width: usize) {
    let focused = s.form.focus == Focus::Risk;
    let a = s.assessment();
    let facts = s.facts().flags();
    let head = format!("── {} ", view.tr("ui.triage.risk"));
    rows.push(
        Row::Line(Line::from(Span::styled(
            pad(&head, width),
            view.theme.title(),
        ))),
        focused,
    );
    for flag in RiskFlag::ALL {
        let (on, key) = if flag.is_computed() {
            (facts.contains(flag), "·".to_string())
        } else {
            let k = FLAG_KEYS
                .iter()
                .find(|(_, f)| f == flag)
                .map(|(k, _)| *k)
                .unwrap_or(' ');
            (s.form.flags.contains(flag), k.to_string())
        };
        let mut text = format!(
            "{} {} {} {}",
            marker(focused),
            check(on),
            key,
            view.tr(flag.i18n_key())
        );
        if flag.is_computed() {
            text.push_str(view.tr("ui.triage.auto"));
        }
        let style = if on && a.raised_by.contains(flag) {
            view.theme.risk(a.colour)
        } else if flag.is_computed() {
            view.theme.dim()
        } else {
            Style::new()
        };
        rows.push(
            Row::Line(Line::from(Span::styled(truncate(&text, width), style))),
            focused,
        );
    }
    let colour = s.colour();
    let mut spans = vec![
        Span::raw(format!(
            "{} {}: ",
            marker(focused),
            view.tr("ui.triage.colour")
        )),
        Span::styled(
            view.tr(colour.i18n_key()).to_string(),
            view.theme.risk(colour),
        ),
    ];
    if colour != a.colour {
        spans.push(Span::raw(trf(
            view.lang,
            "ui.triage.computed",
            &[("c", &view.tr(a.colour.i18n_key()))],
        )));
    }
    spans.push(Span::styled(
        format!("  {}", view.tr("ui.triage.colour_keys")),
        view.theme.dim(),
    ));
    rows.push(Row::Line(Line::from(spans)), focused);
    if s.red_due() {
        let t = format!("  {}", view.tr("ui.triage.red.due"));
        rows.push(
            Row::Line(Line::from(Span::styled(
                truncate(&t, width),
                view.theme.risk(colour),
            ))),
            focused,
        );
    }
    if !s.form.colour_reason.is_empty() {
        let t = format!(
            "  {}: {}",
            view.tr("ui.triage.reason"),
            s.form.colour_reason
        );
        rows.push(Row::Line(Line::from(truncate(&t, width))), focused);
    }
}

pub fn reason_text(view: &View, r: &Reason) -> String {
    match r {
        Reason::Speaks(l) => trf(
            view.lang,
            "ui.triage.why.speaks",
            &[("lang", &lang_label(view.lang, l))],
        ),
        Reason::LacksLanguage(l) => trf(
            view.lang,
            "ui.triage.why.lacks",
            &[("lang", &lang_label(view.lang, l))],
        ),
        Reason::Specialty => view.tr("ui.triage.why.specialty").to_string(),
        Reason::SameTeam => view.tr("ui.triage.why.team").to_string(),
        Reason::Load(n) => trf(view.lang, "ui.triage.why.load", &[("n", n)]),
        Reason::FreeAt(t) => trf(
            view.lang,
            "ui.triage.why.free",
            &[("t", &t.format("%m-%d %H:%M"))],
        ),
        Reason::NoFreeSlot => view.tr("ui.triage.why.busy").to_string(),
    }
}

/// Why the case left its category's window: ` (暴力或威胁)`, or nothing if it did not.
fn moved_by(view: &View, route: Option<&Route>) -> String {
    match route.filter(|r| r.moved()) {
        Some(r) => {
            let why: Vec<&str> = r.moved_by.iter().map(|f| view.tr(f.i18n_key())).collect();
            format!(" ({})", why.join("·"))
        }
        None => String::new(),
    }
}

pub(super) fn routing_rows(rows: &mut Rows, s: &TriageState, view: &View, width: usize) {
    let focused = s.form.focus == Focus::Routing;
    let head = match &s.proposal {
        Some(p) => format!(
            "── {}: {}{} ",
            view.tr("ui.triage.route"),
            view.tr(p.team.i18n_key()),
            moved_by(view, s.route.as_ref())
        ),
        None => format!("── {} ", view.tr("ui.triage.route")),
    };
    rows.push(
        Row::Line(Line::from(Span::styled(
            pad(&head, width),
            view.theme.title(),
        ))),
        focused,
    );
    let Some(p) = &s.proposal else {
        rows.push(
            Row::Line(Line::from(Span::styled(
                format!(
                    "{}  {}",
                    marker(focused),
                    view.tr(if s.candidates_loading() && s.form.category.is_some() {
                        "ui.triage.route.loading"
                    } else {
                        "ui.triage.route.need_category"
                    })
                ),
                view.theme.dim(),
            ))),
            focused,
        );
        return;
    };
    let start = s.route_row.saturating_sub(ROUTE_ROWS - 1);
    for (i, r) in p.ranked.iter().enumerate().skip(start).take(ROUTE_ROWS) {
        let accepted = s.form.owner == Some(r.candidate.staff_id);
        let sel = focused && i == s.route_row;
        let why: Vec<(String, u8)> = r
            .reasons
            .iter()
            .map(|x| (reason_text(view, x), reason_rank(x)))
            .collect();
        let head = format!(
            "{}{}{}. {} {} ",
            marker(sel),
            if accepted { "✔" } else { " " },
            i + 1,
            pad(&r.candidate.name, 6),
            r.candidate.code,
        );
        let text = fit_parts(&head, &why, "·", width);
        let style = if sel {
            view.theme.tab_active()
        } else if accepted {
            view.theme.ok()
        } else {
            Style::new()
        };
        rows.push(Row::Line(Line::from(Span::styled(text, style))), focused);
    }
}

/// What a clerk choosing a mediator needs most, kept when the row is narrow: when they are
/// free, then a language they lack or speak, their load, and last the specialty and team.
fn reason_rank(r: &Reason) -> u8 {
    match r {
        Reason::FreeAt(_) | Reason::NoFreeSlot => 5,
        Reason::LacksLanguage(_) => 4,
        Reason::Speaks(_) => 3,
        Reason::Load(_) => 2,
        Reason::Specialty => 1,
        Reason::SameTeam => 0,
    }
}
