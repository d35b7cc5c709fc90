//! Limits: empty files, size and row caps, and huge cells that must be refused without a hang.
use super::tests::{file_err, opts};
use super::*;

#[test]
fn empty_header_only_too_big_and_too_many_rows() {
    assert_eq!(file_err(b"", &opts()).key, "err.import.empty");
    assert_eq!(file_err(b"\n\n,,\n", &opts()).key, "err.import.empty");
    assert_eq!(
        file_err("登记时间,类别,摘要,申请人\n".as_bytes(), &opts()).key,
        "err.import.no_rows"
    );
    let big = vec![b'a'; limits::FILE_BYTES + 1];
    assert_eq!(file_err(&big, &opts()).key, "err.import.file_too_big");
    let mut text = String::from("登记时间,类别,摘要,申请人\n");
    for _ in 0..4 {
        text.push_str("2026-11-20,其他,咨询,张三\n");
    }
    assert_eq!(
        parse_limited(text.as_bytes(), &opts(), 4)
            .unwrap()
            .rows
            .len(),
        4
    );
    let err = match parse_limited(text.as_bytes(), &opts(), 3) {
        Err(ImportError::File(p)) => p,
        other => panic!("{other:?}"),
    };
    assert_eq!((err.line, err.key), (5, "err.import.too_many_rows"));
}

#[test]
fn huge_cells_in_every_column_are_refused_one_by_one() {
    let head = "登记时间,渠道,类别,风险,摘要,描述,申请人,电话,身份证号,被申请人,金额,人数,地址";
    let cell = format!("\"{}\"", "９".repeat(300_000));
    let row = vec![cell; 13].join(",");
    let text = format!("{head}\n{row}\n");
    let problems = match parse(text.as_bytes(), &opts()) {
        Err(ImportError::Rows {
            problems, total, ..
        }) => {
            assert_eq!(total, 13, "{problems:?}");
            problems
        }
        other => panic!("{other:?}"),
    };
    let too_long = problems
        .iter()
        .filter(|p| p.key == "err.import.too_long")
        .count();
    assert_eq!(
        too_long, 5,
        "summary, description, two names, address: {problems:?}"
    );
    // Values quoted back in messages are cut short.
    assert!(
        problems
            .iter()
            .all(|p| p.message(crate::i18n::Lang::En).chars().count() < 400)
    );
}
