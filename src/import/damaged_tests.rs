//! Files that are damaged or not what they seem: an unterminated quote, NUL bytes, UTF-32, and
//! the `="…"` phone cells onedoor's own CSV writers produce.
use super::tests::{file_err, opts};
use super::*;

const HEAD: &str = "登记时间,类别,摘要,申请人,电话";

fn rows_err(text: &[u8]) -> Vec<(u64, String, &'static str)> {
    match parse(text, &opts()) {
        Err(ImportError::Rows { problems, .. }) => problems
            .into_iter()
            .map(|p| (p.line, p.column, p.key))
            .collect(),
        other => panic!("expected row problems, got {other:?}"),
    }
}

#[test]
fn an_unterminated_quote_is_named_where_it_opens() {
    // The quote in 摘要 on line 3 is never closed: the rest of the file became one cell.
    let text = format!(
        "{HEAD}\n2026-11-20,其他,咨询,张三,\n2026-11-21,其他,\"楼上漏水,李四,\n2026-11-22,其他,咨询,王五,\n"
    );
    let p = file_err(text.as_bytes(), &opts());
    assert_eq!(
        (p.line, p.column.as_str(), p.key),
        (3, "摘要", "err.import.open_quote")
    );
    let en = p.message(crate::i18n::Lang::En);
    assert!(en.starts_with("Line 3, column “摘要”: "), "{en}");
    assert!(en.contains("quote"), "{en}");
    // In the header itself: the line only.
    let p = file_err("登记时间,\"类别,摘要,申请人\n".as_bytes(), &opts());
    assert_eq!((p.line, p.column.as_str()), (1, ""));
    assert_eq!(p.key, "err.import.open_quote");
    // Quotes that close, doubled quotes and a quote inside an unquoted cell are fine.
    let ok = format!("{HEAD}\n2026-11-20,其他,\"说\"\"好\"\"的\",张\"三,\n");
    let parsed = parse(ok.as_bytes(), &opts()).unwrap();
    assert_eq!(parsed.rows[0].case.summary, "说\"好\"的");
}

#[test]
fn a_nul_in_a_cell_is_named_once() {
    let text = format!(
        "{HEAD}\n2026-11-20 09:30,其他,咨询,张三,\n2026-11-20\x0009:30,其他,咨询,李四,\n2026-11-20,其他,咨\x00询,王五,\n"
    );
    let errs = rows_err(text.as_bytes());
    assert_eq!(
        errs,
        [
            (3, "登记时间".to_string(), "err.import.nul"),
            (4, "摘要".to_string(), "err.import.nul"),
        ]
    );
    let p = Problem {
        line: 3,
        column: "登记时间".into(),
        key: "err.import.nul",
        args: vec![],
    };
    assert!(
        p.message(crate::i18n::Lang::En)
            .contains("contains a NUL character"),
        "{}",
        p.message(crate::i18n::Lang::En)
    );
}

#[test]
fn utf32_and_nul_filled_files_are_encoding_problems() {
    let text = "登记时间,类别,摘要,申请人\n2026-11-20,其他,咨询,张三\n";
    let mut le = vec![0xFF, 0xFE, 0x00, 0x00];
    let mut be = vec![0x00, 0x00, 0xFE, 0xFF];
    for c in text.chars() {
        le.extend_from_slice(&(c as u32).to_le_bytes());
        be.extend_from_slice(&(c as u32).to_be_bytes());
    }
    for bytes in [le, be] {
        let p = file_err(&bytes, &opts());
        assert_eq!((p.line, p.key), (1, "err.import.utf32"));
    }
    // A file of zero bytes (a disk that lost it), and UTF-16 saved without a byte-order mark.
    let p = file_err(&vec![0u8; 4096], &opts());
    assert_eq!((p.line, p.key), (1, "err.import.nul_bytes"));
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(file_err(&utf16, &opts()).key, "err.import.nul_bytes");
    let gbk = Options {
        encoding: Encoding::Gbk,
        ..opts()
    };
    assert_eq!(file_err(&[0u8; 100], &gbk).key, "err.import.nul_bytes");
}

#[test]
fn excel_formula_numbers_as_onedoor_writes_them_are_read() {
    // `="…"` keeps Excel from eating digits; a CSV writer quotes it as "=""…""".
    let text = format!(
        "{HEAD},身份证号\n2026-11-20,其他,咨询,张三,\"=\"\"13812345678\"\"\",=\"310115200002290021\"\n"
    );
    let p = parse(text.as_bytes(), &opts()).unwrap_or_else(|e| panic!("{e:?}"));
    let a = &p.rows[0].case.parties[0].1;
    assert_eq!(a.phone.as_deref(), Some("13812345678"));
    assert_eq!(a.id_number.as_deref(), Some("310115200002290021"));
    // Only the whole wrapper: a formula is not a number.
    let errs = rows_err(format!("{HEAD}\n2026-11-20,其他,咨询,张三,=1+1\n").as_bytes());
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].1, "电话");
}
