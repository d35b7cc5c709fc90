//! A4 PDF written natively with krilla: the CJK font is embedded and subsetted to the glyphs
//! used, tables repeat their header row on every page, pages are numbered.
use super::font::{FontSource, LoadedFont, Measurer};
use super::{Block, Doc, Table};
use krilla::Document;
use krilla::geom::{PathBuilder, Point};
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 42.0;
const BODY: f32 = 9.0;
const HEAD: f32 = 12.0;
const TITLE: f32 = 17.0;
const ROW_H: f32 = 13.5;
const CELL_PAD: f32 = 3.0;

/// Cuts `s` to fit `max` points, ending in "…" when cut.
fn clip(m: &Measurer, s: &str, size: f32, max: f32) -> String {
    if m.width(s, size) <= max {
        return s.to_string();
    }
    let ell = m.width("…", size);
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = m.width(c.encode_utf8(&mut [0; 4]), size);
        if w + cw + ell > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// Splits `s` into lines no wider than `max` points (any character may break: CJK text).
fn wrap(m: &Measurer, s: &str, size: f32, max: f32) -> Vec<String> {
    let mut out = Vec::new();
    for para in s.lines() {
        let mut line = String::new();
        let mut w = 0.0;
        for c in para.chars() {
            let cw = m.width(c.encode_utf8(&mut [0; 4]), size);
            if w + cw > max && !line.is_empty() {
                out.push(std::mem::take(&mut line));
                w = 0.0;
            }
            line.push(c);
            w += cw;
        }
        out.push(line);
    }
    out
}

/// Column widths in points: natural widths, shrunk proportionally (wide columns first) to fit.
fn col_widths(m: &Measurer, t: &Table, avail: f32) -> Vec<f32> {
    let n = t.headers.len().max(1);
    let mut w: Vec<f32> = (0..n)
        .map(|i| {
            let head = t.headers.get(i).map(|h| m.width(h, BODY)).unwrap_or(0.0);
            t.rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| m.width(c, BODY))
                .fold(head, f32::max)
                + 2.0 * CELL_PAD
        })
        .collect();
    let total: f32 = w.iter().sum();
    if total > avail {
        // Give every column at least its header (or a fair share), squeeze the rest.
        let fair = avail / n as f32;
        let floor: Vec<f32> = (0..n)
            .map(|i| {
                let head =
                    t.headers.get(i).map(|h| m.width(h, BODY)).unwrap_or(0.0) + 2.0 * CELL_PAD;
                w[i].min(head.max(fair.min(w[i])))
            })
            .collect();
        let floor_sum: f32 = floor.iter().sum();
        let extra: f32 = w.iter().zip(&floor).map(|(a, b)| a - b).sum();
        let room = (avail - floor_sum).max(0.0);
        let k = if extra > 0.0 { room / extra } else { 0.0 };
        w = w.iter().zip(&floor).map(|(a, b)| b + (a - b) * k).collect();
        let s: f32 = w.iter().sum();
        if s > avail {
            w.iter_mut().for_each(|x| *x *= avail / s);
        }
    }
    w
}

struct Writer<'f> {
    doc: Document,
    font: Font,
    m: Measurer<'f>,
    /// Drawing commands of the current page: (x, baseline y, size, text) and rules.
    texts: Vec<(f32, f32, f32, String)>,
    rules: Vec<(f32, f32, f32, f32)>,
    y: f32,
    page_no: usize,
    footer: String,
}

impl Writer<'_> {
    fn text(&mut self, x: f32, size: f32, s: &str) {
        self.texts.push((x, self.y + size, size, s.to_string()));
    }

    fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.rules.push((x1, y1, x2, y2));
    }

    fn flush_page(&mut self) {
        self.page_no += 1;
        let label = format!("{} · {}", self.footer, self.page_no);
        let w = self.m.width(&label, 8.0);
        self.texts
            .push(((PAGE_W - w) / 2.0, PAGE_H - MARGIN / 2.0, 8.0, label));
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).unwrap_or_default();
        let mut page = self.doc.start_page_with(settings);
        let mut surface = page.surface();
        draw(&mut surface, &self.font, &self.texts, &self.rules);
        surface.finish();
        page.finish();
        self.texts.clear();
        self.rules.clear();
        self.y = MARGIN;
    }

    /// Starts a new page if fewer than `need` points remain.
    fn ensure(&mut self, need: f32) -> bool {
        if self.y + need > PAGE_H - MARGIN {
            self.flush_page();
            return true;
        }
        false
    }

    fn table_row(&mut self, cells: &[String], widths: &[f32], numeric: &[bool], header: bool) {
        let mut x = MARGIN;
        let top = self.y;
        for (i, w) in widths.iter().enumerate() {
            let c = cells.get(i).map(String::as_str).unwrap_or("");
            let s = clip(&self.m, &c.replace('\n', " "), BODY, w - 2.0 * CELL_PAD);
            let right = numeric.get(i).copied().unwrap_or(false) && !header;
            let tx = if right {
                x + w - CELL_PAD - self.m.width(&s, BODY)
            } else {
                x + CELL_PAD
            };
            self.texts.push((tx, top + ROW_H - 3.8, BODY, s));
            x += w;
        }
        let right = x;
        self.rule(MARGIN, top + ROW_H, right, top + ROW_H);
        if header {
            self.rule(MARGIN, top, right, top);
        }
        self.y += ROW_H;
    }

    fn table(&mut self, t: &Table) {
        let avail = PAGE_W - 2.0 * MARGIN;
        let widths = col_widths(&self.m, t, avail);
        self.ensure(ROW_H * 2.0);
        self.table_row(&t.headers, &widths, &t.numeric, true);
        for r in &t.rows {
            if self.ensure(ROW_H) {
                // A table continuing on a new page repeats its header.
                self.table_row(&t.headers, &widths, &t.numeric, true);
            }
            self.table_row(r, &widths, &t.numeric, false);
        }
        self.y += 4.0;
    }
}

fn draw(
    surface: &mut Surface,
    font: &Font,
    texts: &[(f32, f32, f32, String)],
    rules: &[(f32, f32, f32, f32)],
) {
    for (x, y, size, s) in texts {
        if !s.is_empty() {
            surface.draw_text(
                Point::from_xy(*x, *y),
                font.clone(),
                *size,
                s,
                false,
                TextDirection::Auto,
            );
        }
    }
    if rules.is_empty() {
        return;
    }
    let mut pb = PathBuilder::new();
    for (x1, y1, x2, y2) in rules {
        pb.move_to(*x1, *y1);
        pb.line_to(*x2, *y2);
    }
    if let Some(path) = pb.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            width: 0.5,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}

pub fn pdf(doc: &Doc, src: &FontSource) -> anyhow::Result<Vec<u8>> {
    let loaded = LoadedFont::load(src)?;
    pdf_with(doc, &loaded)
}

pub fn pdf_with(doc: &Doc, loaded: &LoadedFont) -> anyhow::Result<Vec<u8>> {
    let mut w = Writer {
        doc: Document::new(),
        font: loaded.krilla()?,
        m: loaded.measurer(),
        texts: Vec::new(),
        rules: Vec::new(),
        y: MARGIN,
        page_no: 0,
        footer: doc.title.clone(),
    };
    let avail = PAGE_W - 2.0 * MARGIN;
    let tw = w.m.width(&doc.title, TITLE);
    w.texts
        .push(((PAGE_W - tw) / 2.0, w.y + TITLE, TITLE, doc.title.clone()));
    w.y += TITLE + 10.0;
    let meta = doc
        .meta
        .iter()
        .map(|(k, v)| format!("{k}{}{v}", super::colon(doc.lang)))
        .collect::<Vec<_>>()
        .join("    ");
    for line in wrap(&w.m, &meta, 10.0, avail) {
        w.text(MARGIN, 10.0, &line);
        w.y += 14.0;
    }
    for sec in &doc.sections {
        w.y += 6.0;
        w.ensure(HEAD + 6.0 + ROW_H * 2.0);
        w.text(MARGIN, HEAD, &format!("■ {}", sec.heading));
        w.y += HEAD + 6.0;
        for b in &sec.blocks {
            match b {
                Block::Table(t) => w.table(t),
                Block::Text(s) | Block::Note(s) => {
                    let size = if matches!(b, Block::Note(_)) {
                        8.5
                    } else {
                        10.0
                    };
                    for line in wrap(&w.m, s, size, avail - 8.0) {
                        w.ensure(size + 5.0);
                        w.text(MARGIN + 8.0, size, &line);
                        w.y += size + 5.0;
                    }
                }
            }
        }
    }
    if !doc.footer.is_empty() {
        w.y += 24.0;
        w.ensure(30.0);
        let line = doc.footer.join("                    ");
        w.text(MARGIN, 10.0, &line);
    }
    w.flush_page();
    w.doc.finish().map_err(|e| anyhow::anyhow!("PDF: {e:?}"))
}
