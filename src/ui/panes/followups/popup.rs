//! The follow-up popups: record form, move / cancel, add by case number, filters, close offer.
use crate::app::panes::followups::FollowupsState;
use crate::app::panes::followups::forms::{
    AddForm, ChangeForm, Choice, FilterForm, Popup, RecordForm,
};
use crate::app::text_field::TextField;
use crate::domain::followup::Performance;
use crate::domain::status::Status;
use crate::i18n::trf;
use crate::ui::View;
use crate::ui::widgets::{centered, clear_popup, draw_field, pad, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

/// Label column width, in cells (fits the longest label in either language).
const LABEL_W: usize = 14;

struct Form<'f, 'v> {
    frame: &'f mut Frame<'v>,
    inner: Rect,
    next: u16,
}

impl Form<'_, '_> {
    fn row(&mut self) -> Option<Rect> {
        if self.next >= self.inner.height {
            return None;
        }
        let r = Rect {
            x: self.inner.x + 1,
            y: self.inner.y + self.next,
            width: self.inner.width.saturating_sub(2),
            height: 1,
        };
        self.next += 1;
        Some(r)
    }

    fn text(&mut self, text: &str, style: Style) {
        if let Some(r) = self.row() {
            let t = truncate(text, usize::from(r.width));
            self.frame
                .render_widget(Paragraph::new(Span::styled(t, style)), r);
        }
    }

    fn label(&mut self, view: &View, key: &str, focused: bool) -> Option<Rect> {
        let r = self.row()?;
        let style = if focused {
            view.theme.focus()
        } else {
            view.theme.dim()
        };
        self.frame.render_widget(
            Paragraph::new(Span::styled(pad(view.tr(key), LABEL_W), style)),
            r,
        );
        let w = u16::try_from(LABEL_W).unwrap_or(0).min(r.width);
        Some(Rect {
            x: r.x + w,
            width: r.width - w,
            ..r
        })
    }

    fn field(&mut self, view: &View, key: &str, field: &TextField, focused: bool) {
        if let Some(area) = self.label(view, key, focused) {
            let underline = Style::new().add_modifier(Modifier::UNDERLINED);
            draw_field(self.frame, area, field, focused, underline);
        }
    }

    fn choice<T: Copy + PartialEq>(
        &mut self,
        view: &View,
        key: &str,
        c: &Choice<T>,
        focused: bool,
        label: impl Fn(T) -> String,
    ) {
        let Some(area) = self.label(view, key, focused) else {
            return;
        };
        let mut spans = Vec::new();
        let mut used = 0;
        for (i, o) in c.options.iter().enumerate() {
            let text = format!(" {} ", label(*o));
            used += text.width() + 1;
            if used > usize::from(area.width) {
                break;
            }
            let style = if i == c.index {
                if focused {
                    view.theme.tab_active()
                } else {
                    Style::new().add_modifier(Modifier::REVERSED)
                }
            } else {
                Style::new()
            };
            spans.push(Span::styled(text, style));
            spans.push(Span::raw(" "));
        }
        self.frame
            .render_widget(Paragraph::new(Line::from(spans)), area);
    }
}

fn open<'f, 'v>(frame: &'f mut Frame<'v>, area: Rect, title: &str, h: u16) -> Form<'f, 'v> {
    let popup = centered(area, 72, h);
    clear_popup(frame, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    Form {
        frame,
        inner,
        next: 0,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &FollowupsState, view: &View) {
    match &state.popup {
        None => {}
        Some(Popup::Record(f)) => record(frame, area, f, view),
        Some(Popup::Change(f)) => change(frame, area, f, view),
        Some(Popup::Add(f)) => add(frame, area, f, view),
        Some(Popup::Filter(f)) => filter(frame, area, f, view),
        Some(Popup::ConfirmClose { case_no, .. }) => {
            let mut form = open(frame, area, view.tr("ui.followups.close.title"), 6);
            form.text(
                &trf(view.lang, "ui.followups.close.ask", &[("case", case_no)]),
                Style::new(),
            );
            form.text("", Style::new());
            form.text(view.tr("ui.followups.close.keys"), view.theme.focus());
        }
    }
}

fn record(frame: &mut Frame, area: Rect, f: &RecordForm, view: &View) {
    let title = format!(
        "{} · {} {}",
        view.tr("ui.followups.record.title"),
        f.row.case_no,
        f.row.party
    );
    let mut form = open(frame, area, &title, 13);
    let terms = f
        .terms
        .as_deref()
        .unwrap_or_else(|| view.tr("ui.followups.record.no_terms"));
    form.text(
        &format!(
            "{}{}",
            pad(view.tr("ui.followups.record.terms"), LABEL_W),
            terms
        ),
        Style::new(),
    );
    form.text(
        &format!(
            "{}{}",
            pad(view.tr("ui.followups.col.phone"), LABEL_W),
            f.row.phone
        ),
        Style::new(),
    );
    form.text("", Style::new());
    form.choice(
        view,
        "ui.followups.record.method",
        &f.method,
        f.focus == 0,
        |m| view.tr(m.i18n_key()).to_string(),
    );
    form.field(
        view,
        "ui.followups.record.reached",
        &f.reached,
        f.focus == 1,
    );
    form.choice(
        view,
        "ui.followups.record.performance",
        &f.performance,
        f.focus == 2,
        |p| view.tr(p.i18n_key()).to_string(),
    );
    form.choice(
        view,
        "ui.followups.record.satisfaction",
        &f.satisfaction,
        f.focus == 3,
        |s| match s {
            None => view.tr("ui.followups.record.no_answer").to_string(),
            Some(n) => n.to_string(),
        },
    );
    form.field(view, "ui.followups.record.note", &f.note, f.focus == 4);
    form.text("", Style::new());
    let warn = match f.performance.value() {
        Performance::Breached => Some(view.tr("ui.followups.record.will_reopen")),
        Performance::Unreachable => Some(view.tr("ui.followups.record.will_retry")),
        _ => None,
    };
    if let Some(w) = warn {
        form.text(w, view.theme.error());
    }
}

fn change(frame: &mut Frame, area: Rect, f: &ChangeForm, view: &View) {
    let key = if f.date.is_some() {
        "ui.followups.move.title"
    } else {
        "ui.followups.cancel.title"
    };
    let title = format!("{} · {} {}", view.tr(key), f.row.case_no, f.row.party);
    let mut form = open(frame, area, &title, 7);
    form.text(
        &format!(
            "{} {}",
            view.tr("ui.followups.col.due"),
            f.row.due_on.format("%Y-%m-%d")
        ),
        view.theme.dim(),
    );
    if let Some(d) = &f.date {
        form.field(view, "ui.followups.move.date", d, f.focus == 0);
        form.text(view.tr("ui.followups.move.formats"), view.theme.dim());
    }
    form.field(
        view,
        "ui.followups.reason",
        &f.reason,
        f.focus == 1 || f.date.is_none(),
    );
}

fn add(frame: &mut Frame, area: Rect, f: &AddForm, view: &View) {
    let mut form = open(frame, area, view.tr("ui.followups.add.title"), 9);
    form.field(view, "ui.followups.add.case_no", &f.case_no, f.focus == 0);
    let Some(case) = &f.case else {
        form.text(view.tr("ui.followups.add.hint"), view.theme.dim());
        return;
    };
    let line = format!(
        "{} · {} · {} · {}",
        view.tr(case.status.i18n_key()),
        view.tr(case.colour.i18n_key()),
        case.owner_name,
        case.summary
    );
    form.text(&line, Style::new());
    let (text_key, hint) = match case.status {
        Status::InMediation => ("ui.followups.add.terms", "ui.followups.add.agreement_hint"),
        Status::AnsweredAtDesk => ("ui.followups.add.request", "ui.followups.add.desk_hint"),
        Status::Agreement | Status::FollowUp => {
            ("ui.followups.reason", "ui.followups.add.extra_hint")
        }
        _ => ("ui.followups.reason", "err.followup.case_state"),
    };
    form.field(view, text_key, &f.text, f.focus == 1);
    if f.wants_date() {
        form.field(view, "ui.followups.move.date", &f.date, f.focus == 2);
    }
    form.text("", Style::new());
    form.text(view.tr(hint), view.theme.dim());
}

fn filter(frame: &mut Frame, area: Rect, f: &FilterForm, view: &View) {
    let mut form = open(frame, area, view.tr("ui.followups.filter.title"), 7);
    form.field(view, "ui.followups.filter.owner", &f.owner, f.focus == 0);
    form.field(
        view,
        "ui.followups.filter.category",
        &f.category,
        f.focus == 1,
    );
    form.choice(
        view,
        "ui.followups.filter.colour",
        &f.colour,
        f.focus == 2,
        |c| match c {
            None => view.tr("ui.followups.filter.all").to_string(),
            Some(c) => view.tr(c.i18n_key()).to_string(),
        },
    );
    form.text("", Style::new());
    form.text(view.tr("ui.followups.filter.hint"), view.theme.dim());
}
