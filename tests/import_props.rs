//! Property tests of the CSV import (issue 7): any bytes and any rows are answered without a
//! panic; every problem names a line that exists and a message that exists in both languages;
//! valid rows come back whole, on the line they start on, in any encoding and line ending.
use chrono::{NaiveDate, NaiveDateTime};
use onedoor::domain::text::sanitize_single_line;
use onedoor::i18n::{Lang, tr};
use onedoor::import::{Encoding, ImportError, Options, Parsed, Problem, parse};
use proptest::prelude::*;

/// A fixed seed keeps CI deterministic; `PROPTEST_RNG_SEED=N` explores other inputs locally.
fn seed() -> proptest::test_runner::RngSeed {
    let n = std::env::var("PROPTEST_RNG_SEED")
        .ok()
        .and_then(|s| s.parse().ok());
    proptest::test_runner::RngSeed::Fixed(n.unwrap_or(20_261_124))
}

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(17, 0, 0)
        .unwrap()
}

fn opts(encoding: Encoding, ignore_unknown: bool) -> Options {
    Options {
        encoding,
        now: now(),
        ignore_unknown,
    }
}

/// The problem is on a line of the file and its message exists, with every placeholder given.
fn check_problem(p: &Problem, bytes: &[u8]) -> Result<(), TestCaseError> {
    let lines = bytes.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    prop_assert!(
        p.line >= 1 && p.line <= lines,
        "line {} of {}: {:?}",
        p.line,
        lines,
        p
    );
    for lang in [Lang::Zh, Lang::En] {
        let template = tr(lang, p.key);
        prop_assert!(template != p.key, "no {} text for {}", lang.tag(), p.key);
        for piece in template.split('{').skip(1) {
            let name = piece.split('}').next().unwrap_or("");
            prop_assert!(
                p.args.iter().any(|(k, _)| *k == name),
                "{} needs {{{}}}: {:?}",
                p.key,
                name,
                p
            );
        }
        prop_assert!(!p.message(lang).is_empty());
    }
    Ok(())
}

fn check_outcome(out: &Result<Parsed, ImportError>, bytes: &[u8]) -> Result<(), TestCaseError> {
    match out {
        Ok(parsed) => {
            prop_assert!(!parsed.rows.is_empty());
            for p in &parsed.warnings {
                check_problem(p, bytes)?;
            }
        }
        Err(ImportError::File(p)) => check_problem(p, bytes)?,
        Err(ImportError::Rows {
            problems,
            total,
            bad_rows,
            rows,
        }) => {
            prop_assert!(!problems.is_empty() && problems.len() <= 50);
            prop_assert!(*total >= problems.len() && *bad_rows >= 1 && bad_rows <= rows);
            for p in problems {
                check_problem(p, bytes)?;
            }
        }
    }
    Ok(())
}

/// Pieces a CSV is made of, so random files get past the header often.
fn token() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b",".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\t".to_vec()),
        Just("\u{feff}".as_bytes().to_vec()),
        Just("登记时间,类别,摘要,申请人".as_bytes().to_vec()),
        Just(
            "received_at,category,summary,applicant,phone,amount,colour\n"
                .as_bytes()
                .to_vec()
        ),
        Just("2026-11-20 09:30".as_bytes().to_vec()),
        Just("欠薪".as_bytes().to_vec()),
        Just("13812345678".as_bytes().to_vec()),
        Just("1.2万".as_bytes().to_vec()),
        Just("红".as_bytes().to_vec()),
        Just(vec![0xC4, 0xE3]),
        Just(vec![0xFF]),
        Just(vec![0x81, 0x30, 0x81, 0x30]),
        "\\PC{0,12}".prop_map(String::into_bytes),
        prop::collection::vec(any::<u8>(), 0..8),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, rng_seed: seed(), ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_answered_with_lines_and_messages_that_exist(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        gbk in any::<bool>(),
        lenient in any::<bool>(),
    ) {
        let enc = if gbk { Encoding::Gbk } else { Encoding::Utf8 };
        let out = parse(&bytes, &opts(enc, lenient));
        check_outcome(&out, &bytes)?;
    }

    #[test]
    fn csv_shaped_junk_is_answered_too(
        pieces in prop::collection::vec(token(), 0..60),
        gbk in any::<bool>(),
        lenient in any::<bool>(),
    ) {
        let bytes = pieces.concat();
        let enc = if gbk { Encoding::Gbk } else { Encoding::Utf8 };
        let out = parse(&bytes, &opts(enc, lenient));
        check_outcome(&out, &bytes)?;
    }
}

/// A cell value and whether the import must accept it.
fn pick(values: &[(&'static str, bool)]) -> impl Strategy<Value = (String, bool)> + use<> {
    prop::sample::select(values.to_vec()).prop_map(|(v, ok)| (v.to_string(), ok))
}

/// Rows of the ten common columns, some cells wrong: the verdict follows the cells.
fn row() -> impl Strategy<Value = (Vec<String>, bool)> {
    (
        pick(&[
            ("2026-11-20 09:30", true),
            ("2026/3/5", true),
            ("2026年11月1日 8时", true),
            ("20/11/2026", false),
            ("2099-01-01", false),
            ("", false),
        ]),
        pick(&[
            ("欠薪", true),
            ("neighbour", true),
            ("离婚", true),
            ("宠物", false),
            ("", false),
        ]),
        // Summaries start with a visible character, so they are never blank once cleaned.
        "[\\p{Han}a-z][\\p{Han}a-z ,\"\n\r]{0,20}",
        "[\\p{Han}A-Za-z][\\p{Han}A-Za-z ·]{0,10}",
        pick(&[
            ("13812345678", true),
            ("", true),
            ("'0851-8561 2345", true),
            ("12345", false),
            ("1.38123E+10", false),
        ]),
        pick(&[
            ("310115200002290021", true),
            ("", true),
            ("310115200002290022", false),
        ]),
        pick(&[
            ("", true),
            ("86,000", true),
            ("1.2万元", true),
            ("很多", false),
        ]),
        pick(&[("", true), ("3", true), ("2人", true), ("-1", false)]),
        pick(&[
            ("", true),
            ("红", true),
            ("Orange", true),
            ("蓝色", true),
            ("紫", false),
        ]),
        "\\PC{0,40}",
    )
        .prop_map(
            |(date, cat, summary, name, phone, id, amount, people, colour, desc)| {
                let ok = [&date, &cat, &phone, &id, &amount, &people, &colour]
                    .iter()
                    .all(|c| c.1);
                let cells = vec![
                    date.0, cat.0, summary, name, phone.0, id.0, amount.0, people.0, colour.0, desc,
                ];
                (cells, ok)
            },
        )
}

const HEADER: [&str; 10] = [
    "登记时间",
    "类别",
    "摘要",
    "申请人",
    "电话",
    "身份证号",
    "金额",
    "人数",
    "风险",
    "描述",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, rng_seed: seed(), ..ProptestConfig::default() })]

    #[test]
    fn written_rows_come_back_on_their_lines_or_are_refused_on_them(
        rows in prop::collection::vec(row(), 1..12),
        crlf in any::<bool>(),
        bom in any::<bool>(),
        gbk in any::<bool>(),
    ) {
        let term = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
        let mut w = csv::WriterBuilder::new().terminator(term).from_writer(Vec::new());
        w.write_record(HEADER).unwrap();
        let mut starts = Vec::new();
        for (cells, _) in &rows {
            w.flush().unwrap();
            starts.push(w.get_ref().len());
            w.write_record(cells).unwrap();
        }
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let lines: Vec<u64> = starts
            .iter()
            .map(|s| text.as_bytes()[..*s].iter().filter(|b| **b == b'\n').count() as u64 + 1)
            .collect();
        let bytes = if gbk {
            encoding_rs::GB18030.encode(&text).0.into_owned()
        } else if bom {
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()
        } else {
            text.clone().into_bytes()
        };
        let enc = if gbk { Encoding::Gbk } else { Encoding::Utf8 };
        let out = parse(&bytes, &opts(enc, false));
        check_outcome(&out, &bytes)?;
        if gbk && !text.is_ascii() && std::str::from_utf8(&bytes).is_ok() {
            // GBK bytes that happen to be valid UTF-8 are refused rather than guessed at.
            prop_assert!(matches!(out, Err(ImportError::File(ref p)) if p.key == "err.import.looks_utf8"));
            return Ok(());
        }
        let all_ok = rows.iter().all(|r| r.1);
        match out {
            Ok(parsed) => {
                prop_assert!(all_ok, "accepted a bad row: {:?}", rows);
                prop_assert_eq!(parsed.rows.len(), rows.len());
                for ((got, (cells, _)), line) in parsed.rows.iter().zip(&rows).zip(&lines) {
                    prop_assert_eq!(got.line, *line);
                    let summary = sanitize_single_line(cells[2].trim(), 80).text;
                    prop_assert_eq!(&got.case.summary, summary.trim());
                    let name = sanitize_single_line(cells[3].trim(), 40).text;
                    prop_assert_eq!(&got.case.parties[0].1.name, name.trim());
                }
            }
            Err(ImportError::Rows { problems, .. }) => {
                prop_assert!(!all_ok, "refused good rows: {:?}", problems);
                let bad_lines: Vec<u64> = rows.iter().zip(&lines).filter(|(r, _)| !r.1).map(|(_, l)| *l).collect();
                for p in &problems {
                    prop_assert!(bad_lines.contains(&p.line), "{:?} not on a bad row {:?}", p, bad_lines);
                    prop_assert!(HEADER.contains(&p.column.as_str()), "{:?}", p);
                }
                prop_assert_eq!(problems[0].line, bad_lines[0]);
            }
            Err(ImportError::File(p)) => prop_assert!(false, "file refused: {:?}", p),
        }
    }
}
