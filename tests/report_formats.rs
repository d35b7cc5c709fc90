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

/// A township (T1) with two villages, seen by its lead: V1 received 4 and resolved 3, T1
/// resolved 1 handed up from V1, V2 had nothing (a zero report).
fn township_month() -> onedoor::domain::centre_report::CentreFigures {
    use onedoor::domain::centre::{Centre, CentreTree};
    use onedoor::domain::centre_report::{CategoryCount, CentreFigures, Tally};
    use onedoor::domain::ladder::Level;
    let centre = |id, code: &str, name: &str, level, parent| Centre {
        id,
        code: code.into(),
        name: name.into(),
        level,
        parent_id: parent,
        number_prefix: code.into(),
        address: String::new(),
        phone: String::new(),
        active: true,
        hours: None,
    };
    let mut v1 = Tally {
        received: 4,
        resolved: 3,
        mediated: 4,
        agreements: 3,
        handed_up: 1,
        ..Tally::default()
    };
    v1.resolved_at = [3, 0, 0];
    v1.by_category.insert(
        "family.divorce".into(),
        CategoryCount {
            received: 4,
            resolved: 3,
        },
    );
    let mut t1 = Tally {
        resolved: 1,
        ..Tally::default()
    };
    t1.resolved_at = [0, 1, 0];
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    CentreFigures {
        from: d(11, 1),
        to: d(11, 30),
        at: d(12, 2).and_hms_opt(9, 0, 0).unwrap(),
        tree: CentreTree::new(vec![
            centre(1, "MAIN", "县矛调中心", Level::County, None),
            centre(2, "T1", "东林镇综治中心", Level::Township, Some(1)),
            centre(4, "V1", "东林一村调解室", Level::Village, Some(2)),
            centre(5, "V2", "东林二村调解室", Level::Village, Some(2)),
        ]),
        own: std::collections::HashMap::from([(2, t1), (4, v1), (5, Tally::default())]),
    }
}

#[test]
fn the_monthly_report_reads_back_from_text_pdf_and_xlsx() {
    use calamine::{Data, Reader, Xlsx};
    use onedoor::report::{monthly, xlsx};
    let f = township_month();
    let doc = monthly::monthly_doc(&f, 2, f.from, Lang::Zh);
    let txt = String::from_utf8(render(&doc, Format::Txt, &FontSource::Bundled).unwrap()).unwrap();
    assert!(txt.contains("■ 汇总"), "{txt}");
    // The summary's columns line up by display width: each count ends in the same column.
    let summary: Vec<&str> = txt
        .lines()
        .skip_while(|l| !l.starts_with("■ 汇总"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    let col = summary[0].split("受理").next().unwrap().width() + "受理".width();
    for l in &summary[2..] {
        let cut: String = {
            let mut w = 0;
            l.chars()
                .take_while(|c| {
                    w += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
                    w <= col
                })
                .collect()
        };
        assert!(cut.ends_with(|c: char| c.is_ascii_digit()), "{l}");
    }
    assert!(txt.contains("零报告"));

    let pdf = render(&doc, Format::Pdf, &FontSource::Bundled).unwrap();
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    for needle in [
        "矛盾纠纷调处化解月报",
        "东林镇综治中心（T1）（含下级）",
        "东林二村调解室（V2）",
        "零报告",
        "婚姻",
        "小事不出村",
    ] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }

    let bytes = xlsx::doc_xlsx(&doc).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names().len(), doc.sections.len());
    let t1 = wb
        .worksheet_range("东林镇综治中心（T1）（含下级）")
        .unwrap();
    // Figures: received 4, resolved 4 (3 in the village, 1 in the township).
    assert_eq!(t1.get_value((1, 1)), Some(&Data::Float(4.0)));
    assert_eq!(t1.get_value((2, 1)), Some(&Data::Float(4.0)));
    let share = (0..t1.height() as u32)
        .find(|r| t1.get_value((*r, 0)) == Some(&Data::String("村（社区）".into())))
        .and_then(|r| t1.get_value((r, 2)).cloned());
    assert_eq!(share, Some(Data::Float(0.75)));
    let v2 = wb.worksheet_range("东林二村调解室（V2）").unwrap();
    assert_eq!(
        v2.get_value((0, 0)),
        Some(&Data::String(
            "零报告：本月无受理、化解、调解、移交、退回及超期案件。".into()
        ))
    );
}

#[test]
fn statistics_of_several_centres_carry_the_tables_by_centre_and_level() {
    use calamine::{Data, Reader, Xlsx};
    use onedoor::store::handover::stats::Stats;
    let f = township_month();
    let st = Stats {
        from: f.from,
        to: f.to,
        ..Stats::default()
    };
    let bytes = export::xlsx_with(&st, Some(&f), Lang::Zh).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    assert_eq!(
        names[names.len() - 3..],
        ["按中心（本级）", "按层级", "说明"]
    );
    let by_centre = wb.worksheet_range("按中心（本级）").unwrap();
    assert_eq!(
        by_centre.get_value((2, 0)),
        Some(&Data::String("  东林一村调解室（V1）".into()))
    );
    assert_eq!(by_centre.get_value((2, 1)), Some(&Data::Float(4.0)));
    // Agreements 3 of 4 mediated.
    assert_eq!(by_centre.get_value((2, 3)), Some(&Data::Float(0.75)));
    let csv = String::from_utf8(export::centres_csv(&f, Lang::En)).unwrap();
    assert!(csv.contains("By centre (own figures)\r\n"), "{csv}");
    assert!(
        csv.contains("  东林一村调解室 (V1),4,3,75.0%,0\r\n"),
        "{csv}"
    );
    assert!(csv.contains("Village,3,75.0%,—\r\n"), "{csv}");
}
