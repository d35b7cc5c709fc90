//! The follow-up popups, bottom of the stack first: each form has a file of its own (record,
//! change, add, filter); the offer to close a case and the rows every form is made of are here.
use crate::app::panes::followups::FollowupsState;
use crate::app::panes::followups::popup::{Choice, Popup};
use crate::app::text_field::TextField;
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
pub(super) const LABEL_W: usize = 14;

pub(super) struct Form<'f, 'v> {
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

    pub(super) fn text(&mut self, text: &str, style: Style) {
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

    pub(super) fn field(&mut self, view: &View, key: &str, field: &TextField, focused: bool) {
        if let Some(area) = self.label(view, key, focused) {
            let underline = Style::new().add_modifier(Modifier::UNDERLINED);
            draw_field(self.frame, area, field, focused, underline);
        }
    }

    pub(super) fn choice<T: Copy + PartialEq>(
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

pub(super) fn open<'f, 'v>(
    frame: &'f mut Frame<'v>,
    area: Rect,
    title: &str,
    h: u16,
) -> Form<'f, 'v> {
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
    for p in state.popups.iter() {
        popup(frame, area, p, view);
    }
}

fn popup(frame: &mut Frame, area: Rect, p: &Popup, view: &View) {
    match p {
        Popup::Record(f) => super::record::draw(frame, area, f, view),
        Popup::Change(f) => super::change::draw(frame, area, f, view),
        Popup::Add(f) => super::add::draw(frame, area, f, view),
        Popup::Filter(f) => super::filter::draw(frame, area, f, view),
        Popup::ConfirmClose { case_no, .. } => {
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
