//! The intake form as rows: one per field, plus the category list, risk checklist and routing
//! list. Scrolled so the focused rows stay in view; the focused text field gets the real cursor.
use crate::app::panes::triage::form::{Focus, PField};
use crate::app::panes::triage::{FLAG_KEYS, TriageState};
use crate::app::text_field::TextField;
use crate::domain::category;
use crate::domain::risk::RiskFlag;
use crate::domain::routing::Reason;
use crate::i18n::{Lang, tr, trf};
use crate::ui::View;
use crate::ui::widgets::{draw_field, pad, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

/// Display cells for labels (the longest label fits in both languages).
const LABEL_W: usize = 14;
/// Rows of the filtered category list shown under the category field.
const CATEGORY_ROWS: usize = 6;
/// Mediators shown in the routing list.
const ROUTE_ROWS: usize = 6;

enum Row<'a> {
    Line(Line<'static>),
    Field {
        label: String,
        field: &'a TextField,
        focused: bool,
        width: Option<u16>,
        after: Option<Span<'static>>,
    },
}

struct Rows<'a> {
    rows: Vec<Row<'a>>,
    /// First and last row of the focused item.
    focus: (usize, usize),
}

impl<'a> Rows<'a> {
    fn push(&mut self, r: Row<'a>, focused: bool) {
        if focused {
            if self.focus == (usize::MAX, 0) {
                self.focus.0 = self.rows.len();
            }
            self.focus.1 = self.rows.len();
        }
        self.rows.push(r);
    }
}

fn marker(focused: bool) -> &'static str {
    if focused { "▶" } else { " " }
}

fn label(view: &View, key: &str, focused: bool) -> String {
    format!("{}{} ", marker(focused), pad(view.tr(key), LABEL_W))
}

/// A row with a label and a chosen value, cut to the row's width (never half a character).
fn choice_line(view: &View, key: &str, focused: bool, value: &str, width: usize) -> Line<'static> {
    let style = if focused {
        view.theme.focus()
    } else {
        Style::new()
    };
    let label = label(view, key, focused);
    let room = width.saturating_sub(label.width());
    Line::from(vec![
        Span::styled(label, style),
        Span::raw(truncate(value, room)),
    ])
}

pub fn draw(frame: &mut Frame, area: Rect, s: &TriageState, view: &View) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", view.tr("ui.triage.title")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = build(s, view, usize::from(inner.width));
    let h = usize::from(inner.height);
    let (first, last) = rows.focus;
    let first = if first == usize::MAX { 0 } else { first };
    // Keep the whole focused item in view when it fits, else its first row.
    let mut top = 0;
    if last + 1 > h {
        top = last + 1 - h;
    }
    if first < top {
        top = first;
    }
    for (i, row) in rows.rows.iter().skip(top).take(h).enumerate() {
        let y = inner.y + i as u16;
        let line_area = Rect::new(inner.x, y, inner.width, 1);
        match row {
            Row::Line(l) => frame.render_widget(Paragraph::new(l.clone()), line_area),
            Row::Field {
                label,
                field,
                focused,
                width,
                after,
            } => {
                let style = if *focused {
                    view.theme.focus()
                } else {
                    Style::new()
                };
                let lw = (label.width() as u16).min(inner.width);
                frame.render_widget(
                    Paragraph::new(Span::styled(label.clone(), style)),
                    Rect::new(inner.x, y, lw, 1),
                );
                let rest = inner.width - lw;
                let fw = width.unwrap_or(rest).min(rest);
                draw_field(
                    frame,
                    Rect::new(inner.x + lw, y, fw, 1),
                    field,
                    *focused,
                    Style::new(),
                );
                if let Some(a) = after {
                    let aw = rest.saturating_sub(fw + 1);
                    let text = truncate(&a.content, usize::from(aw));
                    frame.render_widget(
                        Paragraph::new(Span::styled(text, a.style)),
                        Rect::new(inner.x + lw + fw + 1, y, aw, 1),
                    );
                }
            }
        }
    }
}

fn build<'a>(s: &'a TriageState, view: &View, width: usize) -> Rows<'a> {
    let f = &s.form;
    let mut rows = Rows {
        rows: Vec::new(),
        focus: (usize::MAX, 0),
    };
    let today = view.now.date();
    let err = |key: &str| {
        Some(Span::styled(
            format!("✗ {}", view.tr(key)),
            view.theme.error(),
        ))
    };
    let ok = || Some(Span::styled("✓".to_string(), view.theme.ok()));

    let focused = f.focus == Focus::Channel;
    rows.push(
        Row::Line(choice_line(
            view,
            "ui.triage.channel",
            focused,
            &format!("◀ {} ▶", view.tr(f.channel.i18n_key())),
            width,
        )),
        focused,
    );
    let mut counts = [0usize; 3];
    for (i, p) in f.parties.iter().enumerate() {
        let ri = p.role as usize;
        counts[ri] += 1;
        let head = format!("── {} {} ", view.tr(p.role.i18n_key()), counts[ri]);
        rows.push(
            Row::Line(Line::from(Span::styled(
                pad(&head, width),
                view.theme.title(),
            ))),
            false,
        );
        for pf in PField::ALL {
            let focused = f.focus == Focus::Party(i, pf);
            let row = match pf {
                PField::Name | PField::Address => Row::Field {
                    label: label(view, pf.label_key(), focused),
                    field: p.text(pf).unwrap_or(&p.name),
                    focused,
                    width: None,
                    after: None,
                },
                PField::Phone | PField::IdNumber => {
                    let (field, e) = if pf == PField::Phone {
                        (&p.phone, p.phone_error())
                    } else {
                        (&p.id_number, p.id_error(today))
                    };
                    let fw: u16 = if pf == PField::Phone { 14 } else { 19 };
                    let room = width.saturating_sub(LABEL_W + 2 + usize::from(fw) + 1);
                    // The message goes beside the field when it fits, else on the row below.
                    let (after, below) = match e.and_then(err) {
                        Some(msg) if msg.content.width() > room => (
                            err_mark(view),
                            Some(Span::styled(
                                format!("{}{}", " ".repeat(3), msg.content),
                                msg.style,
                            )),
                        ),
                        Some(msg) => (Some(msg), None),
                        None if !field.value().trim().is_empty() => (ok(), None),
                        None => (None, None),
                    };
                    rows.push(
                        Row::Field {
                            label: label(view, pf.label_key(), focused),
                            field,
                            focused,
                            width: Some(fw),
                            after,
                        },
                        focused,
                    );
                    if let Some(b) = below {
                        let text = truncate(&b.content, width);
                        rows.push(Row::Line(Line::from(Span::styled(text, b.style))), focused);
                    }
                    continue;
                }
                PField::Language => Row::Line(choice_line(
                    view,
                    pf.label_key(),
                    focused,
                    &format!("◀ {} ▶", lang_label(view.lang, p.language())),
                    width,
                )),
                PField::Interpreter => Row::Line(choice_line(
                    view,
                    pf.label_key(),
                    focused,
                    check(p.interpreter),
                    width,
                )),
                PField::Vulnerability => {
                    // Compact so all four fit at 80 columns: "✓1老人 2未成年人 …".
                    let items = crate::domain::party::Vulnerability::ALL
                        .iter()
                        .enumerate()
                        .map(|(n, v)| {
                            let mark = if p.vulnerability.contains(v) {
                                "✓"
                            } else {
                                ""
                            };
                            format!("{mark}{}{}", n + 1, view.tr(v.i18n_key()))
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    Row::Line(choice_line(view, pf.label_key(), focused, &items, width))
                }
            };
            rows.push(row, focused);
        }
    }
    category_rows(&mut rows, s, view);
    for (focus, key, field, w) in [
        (Focus::Summary, "ui.triage.summary", &f.summary, None),
        (
            Focus::Description,
            "ui.triage.description",
            &f.description,
            None,
        ),
        (Focus::Amount, "ui.triage.amount", &f.amount, Some(14)),
        (Focus::People, "ui.triage.people", &f.people, Some(6)),
    ] {
        let focused = f.focus == focus;
        let after = match focus {
            Focus::Amount if f.amount_error() => err("err.triage.amount"),
            Focus::People if f.people_error() => err("err.triage.people"),
            _ => None,
        };
        rows.push(
            Row::Field {
                label: label(view, key, focused),
                field,
                focused,
                width: w,
                after,
            },
            focused,
        );
    }
    risk_rows(&mut rows, s, view, width);
    routing_rows(&mut rows, s, view, width);
    rows
}

fn err_mark(view: &View) -> Option<Span<'static>> {
    Some(Span::styled("✗".to_string(), view.theme.error()))
}

fn check(on: bool) -> &'static str {
    if on { "[x]" } else { "[ ]" }
}

pub fn lang_label(lang: Lang, code: &str) -> &'static str {
    match code {
        "zh" => tr(lang, "ui.triage.lang.zh"),
        "hmn" => tr(lang, "ui.triage.lang.hmn"),
        "yue" => tr(lang, "ui.triage.lang.yue"),
        "en" => tr(lang, "ui.triage.lang.en"),
        _ => tr(lang, "ui.triage.lang.other"),
    }
}

fn category_rows<'a>(rows: &mut Rows<'a>, s: &'a TriageState, view: &View) {
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

fn risk_rows(rows: &mut Rows, s: &TriageState, view: &View, width: usize) {
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

fn routing_rows(rows: &mut Rows, s: &TriageState, view: &View, width: usize) {
    let focused = s.form.focus == Focus::Routing;
    let head = match &s.proposal {
        Some(p) => format!(
            "── {}: {} ",
            view.tr("ui.triage.route"),
            view.tr(p.team.i18n_key())
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
        let why = r
            .reasons
            .iter()
            .map(|x| reason_text(view, x))
            .collect::<Vec<_>>()
            .join("·");
        let text = format!(
            "{}{}{}. {} {} {}",
            marker(sel),
            if accepted { "✔" } else { " " },
            i + 1,
            pad(&r.candidate.name, 6),
            r.candidate.code,
            why
        );
        let style = if sel {
            view.theme.tab_active()
        } else if accepted {
            view.theme.ok()
        } else {
            Style::new()
        };
        rows.push(
            Row::Line(Line::from(Span::styled(truncate(&text, width), style))),
            focused,
        );
    }
}
