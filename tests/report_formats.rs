//! The handover sheet and statistics in every format, from a demo store at a fixed date: the
//! PDF's Chinese text comes back through a PDF text extractor, the XLSX opens in calamine, the
//! CSV starts with a BOM, the text version lines CJK columns up by display width.
mod common;
use chrono::NaiveDate;
use onedoor::domain::shift::Shift;
use onedoor::i18n::Lang;
use onedoor::report::font::FontSource;
use onedoor::report::{Format, export, render, sheet, stats};
use onedoor::store::handover::SheetRequest;
use unicode_width::UnicodeWidthStr;

fn request() -> SheetRequest {
    let now = common::app::fixed_now();
    SheetRequest {
        centre: "城关镇矛盾纠纷调处化解中心".into(),
        date: now.date(),
        shift: Shift::Day,
        next_day: now.date() + chrono::Duration::days(1),
        lead: "李值班".into(),
        now,
    }
}

#[test]
fn pdf_embeds_chinese_text_that_extracts_back() {
    let mut store = common::app::demo_store(400);
    let lead = store.staff_by_code("L001").unwrap().unwrap();
    let actor = onedoor::store::Actor {
        staff_id: lead.id,
        role: lead.role,
    };
    store
        .save_handover_note(
            actor,
            request().date,
            Shift::Day,
            "三号楼漏水纠纷明早回访",
            request().now,
        )
        .unwrap();
    let sh = store.handover_sheet(&request()).unwrap();
    assert!(sh.urgent.total > 0, "demo data has open red/orange cases");
    let doc = sheet::sheet_doc(&sh, Lang::Zh);
    let pdf = render(&doc, Format::Pdf, &FontSource::Bundled).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // Subsetted: far smaller than the 3 MB font.
    assert!(pdf.len() < 600_000, "PDF is {} bytes", pdf.len());
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    for needle in [
        "交接班表",
        "城关镇矛盾纠纷调处化解中心",
        "值班长",
        "李值班",
        "三号楼漏水纠纷明早回访",
        "交班人签字",
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from extracted text:\n{text}"
        );
    }
    let first_urgent = &sh.urgent.rows[0].case_no;
    assert!(text.contains(first_urgent.as_str()));
}

#[test]
fn text_columns_line_up_by_display_width() {
    let store = common::app::demo_store(400);
    let sh = store.handover_sheet(&request()).unwrap();
    let doc = sheet::sheet_doc(&sh, Lang::Zh);
    let table = doc.sections.iter().find_map(|s| {
        s.blocks.iter().find_map(|b| match b {
            onedoor::report::Block::Table(t)
                if t.headers.len() == 7 && t.headers[0] == "案件编号" =>
            {
                Some(t.clone())
            }
            _ => None,
        })
    });
    let table = table.expect("urgent table");
    let lines = onedoor::report::text::table_lines(&table);
    let widths = onedoor::report::text::widths(&table);
    // The third column (status) starts at the same display column on every line.
    let start = widths[0] + 2 + widths[1] + 2;
    for l in &lines[2..] {
        let prefix: String = {
            let mut w = 0;
            l.chars()
                .take_while(|c| {
                    w += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
                    w <= start
                })
                .collect()
        };
        assert_eq!(prefix.width(), start, "{l}");
    }
    let txt = String::from_utf8(render(&doc, Format::Txt, &FontSource::Bundled).unwrap()).unwrap();
    assert!(txt.contains("■ 新受理案件"));
    assert!(!txt.contains("13812345678"));
}

#[test]
fn html_and_markdown_carry_the_same_numbers() {
    let store = common::app::demo_store(400);
    let sh = store.handover_sheet(&request()).unwrap();
    let doc = sheet::sheet_doc(&sh, Lang::En);
    let html =
        String::from_utf8(render(&doc, Format::Html, &FontSource::Bundled).unwrap()).unwrap();
    assert!(html.contains("thead { display: table-header-group; }"));
    assert!(html.contains("@page { size: A4"));
    let heading = format!("Open red and orange cases ({})", sh.urgent.total);
    assert!(html.contains(&heading));
    let md = String::from_utf8(render(&doc, Format::Md, &FontSource::Bundled).unwrap()).unwrap();
    assert!(md.contains(&format!("## {heading}")));
}

#[test]
fn xlsx_opens_with_one_sheet_per_breakdown_and_csv_has_a_bom() {
    use calamine::{Data, Reader, Xlsx};
    let store = common::app::demo_store(400);
    let to = common::app::fixed_now().date();
    let from = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let st = store.stats(from, to).unwrap();
    assert!(st.received > 0);
    let bytes = export::xlsx(&st, Lang::Zh).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    assert_eq!(
        names,
        [
            "主要指标",
            "按类别",
            "按预警等级",
            "按来源渠道",
            "按调解员",
            "每日受理"
        ]
    );
    let figures = wb.worksheet_range("主要指标").unwrap();
    assert_eq!(
        figures.get_value((1, 0)),
        Some(&Data::String("受理".into()))
    );
    assert_eq!(
        figures.get_value((1, 1)),
        Some(&Data::String(st.received.to_string()))
    );
    let colours = wb.worksheet_range("按预警等级").unwrap();
    assert_eq!(
        colours.get_value((0, 0)),
        Some(&Data::String("按预警等级".into()))
    );
    let total: f64 = (1..colours.height() as u32)
        .filter_map(|r| match colours.get_value((r, 1)) {
            Some(Data::Float(f)) => Some(*f),
            _ => None,
        })
        .sum();
    assert_eq!(total as i64, st.received);
    let days = wb.worksheet_range("每日受理").unwrap();
    assert_eq!(days.height(), st.per_day.len() + 1);

    let csv = export::csv(&st, Lang::Zh);
    assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]));
    let s = String::from_utf8(csv).unwrap();
    assert!(s.contains(&format!("受理,{}\r\n", st.received)));
    let table = onedoor::report::text::txt(&stats::stats_doc(&st, Lang::Zh, "中心"));
    assert!(table.contains("调解成功率"));
}
