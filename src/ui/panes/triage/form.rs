//! The intake form as rows: one per field, plus the category list, risk checklist and routing
//! list. Scrolled so the focused rows stay in view; the focused text field gets the real cursor.
use super::sections::{category_rows, risk_rows, routing_rows};
use crate::app::panes::triage::TriageState;
use crate::app::panes::triage::form::{Focus, PField};
use crate::app::text_field::TextField;
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
pub(super) const LABEL_W: usize = 14;
/// Rows of the filtered category list shown under the category field.
pub(super) const CATEGORY_ROWS: usize = 6;
/// Mediators shown in the routing list.
pub(super) const ROUTE_ROWS: usize = 6;

pub(super) enum Row<'a> {
    Line(Line<'static>),
    Field {
        label: String,
        field: &'a TextField,
        focused: bool,
        width: Option<u16>,
        after: Option<Span<'static>>,
    },
}

pub(super) struct Rows<'a> {
    rows: Vec<Row<'a>>,
    /// First and last row of the focused item.
    focus: (usize, usize),
}

impl<'a> Rows<'a> {
    pub(super) fn push(&mut self, r: Row<'a>, focused: bool) {
        if focused {
            if self.focus == (usize::MAX, 0) {
                self.focus.0 = self.rows.len();
            }
            self.focus.1 = self.rows.len();
        }
        self.rows.push(r);
    }
}

pub(super) fn marker(focused: bool) -> &'static str {
    if focused { "▶" } else { " " }
}

pub(super) fn label(view: &View, key: &str, focused: bool) -> String {
    format!("{}{} ", marker(focused), pad(view.tr(key), LABEL_W))
}

/// A row with a label and a chosen value, cut to the row's width (never half a character).
pub(super) fn choice_line(
    view: &View,
    key: &str,
    focused: bool,
    value: &str,
    width: usize,
) -> Line<'static> {
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
    // Several centres: the case is registered into the desk's own, named on the form.
    let title = match view.place.own.as_ref().filter(|_| view.place.several()) {
        Some(own) => format!(" {} · {} ", view.tr("ui.triage.title"), own.name),
        None => format!(" {} ", view.tr("ui.triage.title")),
    };
    let block = Block::default().borders(Borders::ALL).title(title);
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
    // The case as it would be saved: what the ID numbers say (age, elderly) comes from it.
    let case = s.intake(view.now);
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
        let party = case.parties.get(i).map(|(_, p)| p);
        let age = party.and_then(|p| p.age(today));
        let derived = party.and_then(|p| p.derived_vulnerability(today));
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
                        // A valid ID number shows the age it gives: why 老人 is ticked.
                        None if pf == PField::IdNumber && age.is_some() => (
                            Some(Span::styled(
                                format!(
                                    "✓ {}",
                                    trf(view.lang, "ui.triage.age", &[("n", &age.unwrap_or(0))])
                                ),
                                view.theme.ok(),
                            )),
                            None,
                        ),
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
                            let mark = if p.vulnerability.contains(v) || derived == Some(*v) {
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

pub(super) fn check(on: bool) -> &'static str {
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
