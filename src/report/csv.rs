//! CSV cells, for every CSV onedoor writes (statistics, the follow-up call list). Text a
//! person typed (names, summaries) could be a spreadsheet formula: `=HYPERLINK(…)` runs when
//! the file is opened in Excel or WPS. As OWASP advises, such a cell gets a leading `'`.

/// Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, hide the
/// one behind them); full-width forms too, which the Chinese input method types.
const FORMULA_START: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// A cell of text: one line (CR and LF become spaces), a formula defused with a leading `'`,
/// quoted when it holds a comma or a quote.
pub fn text(s: &str) -> String {
    let s = if s.starts_with(FORMULA_START) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    value(&s)
}

/// A value onedoor computed itself (a count, a rate, a date): quoted when needed, never
/// prefixed, so `-3` stays a number.
pub fn value(s: &str) -> String {
    let s = s.replace(['\r', '\n'], " ");
    if s.contains([',', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Cells already made by `text` or `value`, as one CSV line ending in CR LF.
pub fn line(cells: &[String]) -> String {
    let mut l = cells.join(",");
    l.push_str("\r\n");
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_quoted_and_formulas_defused() {
        assert_eq!(text("张伟"), "张伟");
        assert_eq!(text("a,b"), "\"a,b\"");
        assert_eq!(text("说\"好\""), "\"说\"\"好\"\"\"");
        assert_eq!(text("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(
            text("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(text("-1,2"), "\"'-1,2\"");
        assert_eq!(text("一\r\n二"), "一  二");
        for s in [
            "+1", "@SUM(A1)", "\t=1", "\r=1", "＝1+1", "＋1", "－1", "＠x",
        ] {
            assert!(text(s).trim_start_matches('"').starts_with('\''), "{s}");
        }
        assert_eq!(text("a=1"), "a=1");
    }

    #[test]
    fn values_are_left_as_they_are() {
        assert_eq!(value("-3"), "-3");
        assert_eq!(value("12.5%"), "12.5%");
        assert_eq!(line(&["a".into(), "-1".into()]), "a,-1\r\n");
    }
}
