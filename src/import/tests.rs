//! Whole files: headers, every kind of row problem, encodings, line numbers and limits.
use super::*;
use crate::domain::channel::Channel;
use crate::domain::party::PartyRole;
use crate::domain::risk::Colour;
use chrono::NaiveDate;

const ID: &str = "310115200002290021";

pub(super) fn opts() -> Options {
    Options {
        encoding: Encoding::Utf8,
        now: NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(17, 0, 0)
            .unwrap(),
        ignore_unknown: false,
    }
}

fn ok(text: &str) -> Parsed {
    parse(text.as_bytes(), &opts()).unwrap_or_else(|e| panic!("{e:?}"))
}

pub(super) fn file_err(bytes: &[u8], o: &Options) -> Problem {
    match parse(bytes, o) {
        Err(ImportError::File(p)) => p,
        other => panic!("expected a file problem, got {other:?}"),
    }
}

/// (line, column, key) of every problem.
fn row_errs(text: &str) -> Vec<(u64, String, &'static str)> {
    match parse(text.as_bytes(), &opts()) {
        Err(ImportError::Rows { problems, .. }) => problems
            .into_iter()
            .map(|p| (p.line, p.column, p.key))
            .collect(),
        other => panic!("expected row problems, got {other:?}"),
    }
}

const ZH_HEAD: &str =
    "登记时间,渠道,类别,风险,摘要,描述,申请人,电话,身份证号,被申请人,金额,人数,地址";

#[test]
fn chinese_headers_fill_every_field() {
    let p = ok(&format!(
        "{ZH_HEAD}\n2026-11-20 09:30,来电,欠薪,橙,工地欠薪,\"拖欠三个月\n工资\",王建国,13812345678,{ID},某建筑公司,\"86,000\",12,城关镇\n"
    ));
    assert!(p.warnings.is_empty());
    let [row] = p.rows.as_slice() else { panic!() };
    let c = &row.case;
    assert_eq!(row.line, 2);
    assert_eq!(c.received_at.to_string(), "2026-11-20 09:30:00");
    assert_eq!(c.channel, Channel::Phone);
    assert_eq!(c.category, "labour.wages");
    assert_eq!(c.colour, Some(Colour::Orange));
    assert_eq!(c.summary, "工地欠薪");
    assert_eq!(c.description, "拖欠三个月\n工资");
    assert_eq!((c.amount_yuan, c.people), (Some(86_000), 12));
    let (role, a) = &c.parties[0];
    assert_eq!(*role, PartyRole::Applicant);
    assert_eq!(a.name, "王建国");
    assert_eq!(a.phone.as_deref(), Some("13812345678"));
    assert_eq!(a.id_number.as_deref(), Some(ID));
    assert_eq!(a.address, "城关镇");
    assert_eq!(c.parties[1].0, PartyRole::Respondent);
    assert_eq!(c.parties[1].1.name, "某建筑公司");
}

#[test]
fn english_headers_loosely_and_only_required_columns() {
    let p = ok(
        "Received at,CATEGORY,summary*,Applicant name,Amount (yuan)\n2026/11/20,neighbour,Noise,Li Lei,\n",
    );
    let c = &p.rows[0].case;
    assert_eq!(c.category, "neighbour");
    assert_eq!(c.channel, Channel::WalkIn);
    assert_eq!((c.colour, c.amount_yuan, c.people), (None, None, 1));
    assert_eq!(c.parties.len(), 1, "no respondent column, no respondent");
    // Units in brackets and full-width brackets are ignored.
    ok("登记时间,类别,摘要,申请人,金额（元）\n2026-11-20,其他,咨询,张三,5000\n");
}

#[test]
fn missing_unknown_and_repeated_columns_are_named() {
    let p = file_err("登记时间,摘要,备注\n".as_bytes(), &opts());
    assert_eq!((p.line, p.key), (1, "err.import.missing_columns"));
    let cols = &p.args[0].1;
    assert!(
        cols.contains("类别/category") && cols.contains("申请人/applicant"),
        "{cols}"
    );
    assert!(!cols.contains("登记时间"), "{cols}");

    let text = "序号,登记时间,类别,摘要,申请人,备注\n1,2026-11-20,其他,咨询,张三,无\n";
    let p = file_err(text.as_bytes(), &opts());
    assert_eq!(p.key, "err.import.unknown_columns");
    assert_eq!(p.args[0].1, "序号、备注");
    let lenient = Options {
        ignore_unknown: true,
        ..opts()
    };
    let parsed = parse(text.as_bytes(), &lenient).unwrap();
    assert_eq!(parsed.rows.len(), 1);
    assert_eq!(parsed.warnings[0].key, "err.import.ignored_columns");

    let p = file_err(
        "电话,登记时间,类别,摘要,申请人,联系电话\n".as_bytes(),
        &opts(),
    );
    assert_eq!(p.key, "err.import.column_twice");
    assert_eq!(p.args[0].1, "联系电话");
}

#[test]
fn every_problem_of_every_row_is_reported_with_line_and_column() {
    let text = format!(
        "登记时间,类别,摘要,申请人,电话,身份证号,金额,人数,风险,渠道\n\
         2026-11-20,欠薪,欠薪,张三,13812345678,{ID},100,1,,\n\
         2026-13-01,宠物,,,12345,110101199001011230,很多,-2,紫,传真\n\
         2026-11-20,其他,咨询,李四,,,,,,\n\
         2099-01-01,其他,咨询,王五,1.38123E+10,,,,,\n"
    );
    let errs = row_errs(&text);
    let on = |line: u64| -> Vec<(String, &str)> {
        errs.iter()
            .filter(|e| e.0 == line)
            .map(|e| (e.1.clone(), e.2))
            .collect()
    };
    let keys3: Vec<&str> = on(3).iter().map(|e| e.1).collect();
    assert_eq!(
        on(3),
        [
            ("登记时间".to_string(), "err.import.date"),
            ("类别".into(), "err.import.category"),
            ("摘要".into(), "err.case.summary"),
            ("申请人".into(), "err.case.applicant"),
            ("电话".into(), keys3[4]),
            ("身份证号".into(), "err.id.checksum"),
            ("金额".into(), "err.import.amount"),
            ("人数".into(), "err.import.people"),
            ("风险".into(), "err.import.colour"),
            ("渠道".into(), "err.import.channel"),
        ]
    );
    assert!(keys3[4].starts_with("err.phone."), "{keys3:?}");
    assert!(on(2).is_empty() && on(4).is_empty());
    assert_eq!(
        on(5),
        [
            ("登记时间".to_string(), "err.import.date_future"),
            ("电话".into(), "err.import.excel_number")
        ]
    );
    match parse(text.as_bytes(), &opts()) {
        Err(ImportError::Rows {
            total,
            bad_rows,
            rows,
            ..
        }) => {
            assert_eq!((total, bad_rows, rows), (12, 2, 4));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn more_row_rules() {
    let head = "登记时间,类别,摘要,申请人,被申请人电话,风险,人数,描述";
    let errs = row_errs(&format!(
        "{head}\n\
         2026-11-20,其他,咨询,张三,13812345678,,,\n\
         2026-11-20,其他,咨询,张三,,蓝,8,\n\
         2026-11-20,其他,咨询,张三,,,,{}\n\
         2026-11-20,其他,{},张三,,,,\n\
         2026-11-20,其他,咨询,张三,,,,,多出来的\n",
        "长".repeat(2001),
        "长".repeat(81)
    ));
    assert_eq!(
        errs,
        [
            (
                2,
                "被申请人/respondent".to_string(),
                "err.import.respondent_name"
            ),
            (3, "风险".into(), "err.colour.reason_required"),
            (4, "描述".into(), "err.import.too_long"),
            (5, "摘要".into(), "err.import.too_long"),
            (6, String::new(), "err.import.extra_cells"),
        ]
    );
    // Lowering with a reason is accepted, as at the desk.
    let p = ok(
        "登记时间,类别,摘要,申请人,风险,人数,风险理由\n2026-11-20,其他,咨询,张三,蓝,8,同一家庭八口人\n",
    );
    assert_eq!(p.rows[0].case.colour, Some(Colour::Blue));
    // A column without a header may stay empty, but a value in it is not dropped unseen.
    ok("登记时间,类别,摘要,申请人,,\n2026-11-20,其他,咨询,张三,,\n");
    let errs = row_errs("登记时间,类别,摘要,申请人,\n2026-11-20,其他,咨询,张三,x\n");
    assert_eq!(errs, [(2, String::new(), "err.import.no_header")]);
}

/// The ID number says the applicant is 76: the desk would compute yellow (vulnerable party),
/// so an imported row that says blue needs a reason, as at the desk and in the store.
#[test]
fn an_elderly_party_by_id_number_counts_when_a_row_lowers_the_colour() {
    let head = "登记时间,类别,摘要,申请人,身份证号,风险";
    let errs = row_errs(&format!(
        "{head}\n2026-11-20,婚姻家庭·赡养,赡养费,王秀英,110101195003150021,蓝\n"
    ));
    assert_eq!(errs, [(2, "风险".into(), "err.colour.reason_required")]);
    let p = ok(&format!(
        "{head}\n2026-11-20,婚姻家庭·赡养,赡养费,王秀英,110101195003150021,\n"
    ));
    assert!(p.rows[0].case.facts().vulnerable_party);
}

#[test]
fn the_list_is_capped_but_every_problem_counted() {
    let mut text = String::from("登记时间,类别,摘要,申请人\n");
    for _ in 0..40 {
        text.push_str("bad,bad,,\n");
    }
    match parse(text.as_bytes(), &opts()) {
        Err(ImportError::Rows {
            problems,
            total,
            bad_rows,
            rows,
        }) => {
            assert_eq!(problems.len(), limits::REPORTED);
            assert_eq!((total, bad_rows, rows), (160, 40, 40));
            assert_eq!(problems.last().unwrap().line, 2 + 49 / 4);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn bom_crlf_quotes_blank_rows_and_tabs() {
    let text = "\u{feff}登记时间,类别,摘要,申请人\r\n\r\n,,,\r\n2026-11-20,其他,\"咨询，\"\"加急\"\"\",张三\r\n\"2026-11-21\",其他,\"两行\r\n摘要\",李四\r\n2026-11-22,其他,咨询,王五\r\n";
    let p = ok(text);
    let lines: Vec<u64> = p.rows.iter().map(|r| r.line).collect();
    assert_eq!(
        lines,
        [4, 5, 7],
        "a quoted line break moves the next row's line"
    );
    assert_eq!(p.rows[0].case.summary, "咨询，\"加急\"");
    assert_eq!(
        p.rows[1].case.summary, "两行 摘要",
        "a one-line field keeps no line break"
    );
    let tabbed = ok("登记时间\t类别\t摘要\t申请人\n2026-11-20\t其他\t咨询, 加急\t张三\n");
    assert_eq!(tabbed.rows[0].case.summary, "咨询, 加急");
}

#[test]
fn gbk_is_read_when_asked_and_refused_when_not() {
    let text = "登记时间,类别,摘要,申请人\n2026-11-20,欠薪,工地欠薪,王建国\n2026-11-21,邻里纠纷,噪音,李四\n";
    let (gbk, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    let gbk_opts = Options {
        encoding: Encoding::Gbk,
        ..opts()
    };
    let p = parse(&gbk, &gbk_opts).unwrap();
    assert_eq!(p.rows[1].case.parties[0].1.name, "李四");
    assert_eq!(p.rows[0].case.category, "labour.wages");

    // Without the option: the first line with a non-UTF-8 byte, and the hint.
    let ascii_head = format!(
        "received_at,category,summary,applicant\n2026-11-20,other,x,Li\n{}",
        "2026-11-21,其他,噪音,李四\n"
    );
    let (mixed, _, _) = encoding_rs::GBK.encode(&ascii_head);
    let p = file_err(&mixed, &opts());
    assert_eq!((p.line, p.key), (3, "err.import.bad_utf8"));
    assert!(
        p.message(crate::i18n::Lang::En).contains("--encoding gbk"),
        "{}",
        p.message(crate::i18n::Lang::En)
    );

    // A UTF-8 file read as GBK would be garbage: refused.
    assert_eq!(
        file_err(text.as_bytes(), &gbk_opts).key,
        "err.import.looks_utf8"
    );
    // A BOM wins over the option.
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(parse(&with_bom, &gbk_opts).unwrap().rows.len(), 2);
    // Bytes that are not GBK either: the line is named.
    let mut broken = gbk.to_vec();
    broken.extend_from_slice(b"2026-11-22,\x81\x20,x,y\n");
    assert_eq!(file_err(&broken, &gbk_opts).line, 4);
}

#[test]
fn utf16_with_bom_and_workbooks() {
    let text = "登记时间\t类别\t摘要\t申请人\n2026-11-20\t其他\t咨询\t张三\n";
    let mut le = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(
        parse(&le, &opts()).unwrap().rows[0].case.parties[0].1.name,
        "张三"
    );
    le.extend_from_slice(&[0x00, 0xD8, 0x41, 0x00]); // a lone surrogate on line 3
    assert_eq!(file_err(&le, &opts()).line, 3);
    assert_eq!(file_err(b"PK\x03\x04junk", &opts()).key, "err.import.xlsx");
    assert_eq!(
        file_err(&[0xD0, 0xCF, 0x11, 0xE0, 0, 1], &opts()).key,
        "err.import.xls"
    );
}

#[test]
fn messages_name_line_and_column_in_both_languages() {
    let errs = match parse(
        "登记时间,类别,摘要,申请人\n2026-11-20,宠物,咨询,张三\n".as_bytes(),
        &opts(),
    ) {
        Err(ImportError::Rows { problems, .. }) => problems,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        errs[0].message(crate::i18n::Lang::Zh),
        "第 2 行“类别”列：无法识别的类别“宠物”，请填类别名称（如 欠薪、邻里纠纷、婚姻家庭·离婚）或代码。"
    );
    assert!(
        errs[0]
            .message(crate::i18n::Lang::En)
            .starts_with("Line 2, column “类别”: Unknown category “宠物”")
    );
    let p = Problem::at(7, "err.import.csv");
    assert_eq!(
        p.message(crate::i18n::Lang::En),
        "Line 7: This line is not well-formed CSV."
    );
}

#[test]
fn header_names_are_unique_across_fields() {
    let mut seen = std::collections::HashMap::new();
    for f in Field::ALL {
        for n in f.names() {
            let k = columns::normalise(n);
            if let Some(other) = seen.insert(k.clone(), *f) {
                panic!("{k} names both {other:?} and {f:?}");
            }
        }
    }
}

#[test]
fn encoding_names() {
    for n in ["utf-8", "UTF8", "utf_8"] {
        assert_eq!(Encoding::from_name(n), Some(Encoding::Utf8), "{n}");
    }
    for n in ["gbk", "GB18030", "gb2312", "cp936"] {
        assert_eq!(Encoding::from_name(n), Some(Encoding::Gbk), "{n}");
    }
    assert_eq!(Encoding::from_name("latin1"), None);
}
