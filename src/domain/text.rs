//! Sanitising typed or pasted text before it is stored or drawn, and fitting it to display
//! cells (`truncate`, `pad`: CJK characters take two cells) for screens and plain-text sheets.
//!
//! Control characters could move the terminal cursor or corrupt the layout,
//! and bidirectional overrides can make a name display as something else,
//! so both are removed. Length limits count characters, never bytes, so a
//! cut can never split a UTF-8 sequence.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Result of sanitising: the cleaned text and whether input was cut off.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sanitized {
    pub text: String,
    pub truncated: bool,
}

/// What one input character becomes.
enum Out {
    Drop,
    Char(char),
    /// A line break (`\n`, `\r`, `\r\n`, U+2028/2029, NEL).
    Break,
}

fn classify(c: char) -> Out {
    match c {
        '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Out::Break,
        '\t' => Out::Char(' '),
        // Bidi embeddings/overrides/isolates, marks and the BOM: invisible
        // and able to reorder what the clerk sees.
        '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Out::Drop,
        c if c.is_control() => Out::Drop,
        c => Out::Char(c),
    }
}

fn sanitize(s: &str, max_chars: usize, line_break: char) -> Sanitized {
    // Capacity for the common case without over-allocating for huge pastes.
    let mut text = String::with_capacity(s.len().min(max_chars.saturating_mul(4)));
    let mut count = 0usize;
    let mut after_cr = false;
    let mut chars = s.chars();
    for c in chars.by_ref() {
        // "\r\n" is one line break, not two.
        let was_cr = std::mem::replace(&mut after_cr, c == '\r');
        if c == '\n' && was_cr {
            continue;
        }
        let out = match classify(c) {
            Out::Drop => continue,
            Out::Char(o) => o,
            Out::Break => line_break,
        };
        if count == max_chars {
            return Sanitized {
                text,
                truncated: true,
            };
        }
        text.push(out);
        count += 1;
    }
    Sanitized {
        text,
        truncated: false,
    }
}

/// One-line fields (names, phone, case title): every line break or tab
/// becomes a single space, other control characters are removed, and at most
/// `max_chars` characters are kept.
pub fn sanitize_single_line(s: &str, max_chars: usize) -> Sanitized {
    sanitize(s, max_chars, ' ')
}

/// Multi-line fields (dispute description, notes): line breaks are kept and
/// normalised to `\n`; tabs become spaces because the terminal would expand
/// them unpredictably.
pub fn sanitize_multi_line(s: &str, max_chars: usize) -> Sanitized {
    sanitize(s, max_chars, '\n')
}

/// Converts the full-width digits, Latin letters and the ideographic space a
/// Chinese IME produces to ASCII. Full-width punctuation is left alone: `，`
/// and `（` are correct in Chinese text.
pub fn to_halfwidth_ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// Cuts `s` to at most `width` display cells, adding "…" when cut; never splits a character.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `head` then `parts` joined by `sep`, in their order, within `width` display cells: the
/// least important parts (lowest rank; of equal ranks the later) are left out first, so what
/// matters most is never the part that is cut. Cut at the end only when even the head and the
/// most important part do not fit.
pub fn fit_parts(head: &str, parts: &[(String, u8)], sep: &str, width: usize) -> String {
    let mut keep: Vec<bool> = vec![true; parts.len()];
    let line = |keep: &[bool]| -> String {
        let kept: Vec<&str> = parts
            .iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|((p, _), _)| p.as_str())
            .collect();
        format!("{head}{}", kept.join(sep))
    };
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // Least important first; of equal ranks the later one first.
    order.sort_by_key(|i| (parts[*i].1, std::cmp::Reverse(*i)));
    for i in order.into_iter().take(parts.len().saturating_sub(1)) {
        if line(&keep).width() <= width {
            break;
        }
        keep[i] = false;
    }
    truncate(&line(&keep), width)
}

/// Pads `s` with spaces to exactly `width` cells (truncating first if needed).
pub fn pad(s: &str, width: usize) -> String {
    let t = truncate(s, width);
    let w = t.width();
    format!("{t}{}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_important_parts_go_first_and_the_order_stays() {
        let parts = vec![
            ("专长".to_string(), 1),
            ("同窗口".to_string(), 0),
            ("在办10件".to_string(), 2),
            ("空闲12-04 08:30".to_string(), 5),
        ];
        let all = "1. 赵德明 专长·同窗口·在办10件·空闲12-04 08:30";
        assert_eq!(fit_parts("1. 赵德明 ", &parts, "·", 60), all);
        assert_eq!(
            fit_parts("1. 赵德明 ", &parts, "·", 40),
            "1. 赵德明 专长·在办10件·空闲12-04 08:30"
        );
        assert_eq!(
            fit_parts("1. 赵德明 ", &parts, "·", 30),
            "1. 赵德明 空闲12-04 08:30"
        );
        assert_eq!(fit_parts("1. 赵德明 ", &parts, "·", 16), "1. 赵德明 空闲1…");
        let same = vec![("a".to_string(), 1), ("b".to_string(), 1)];
        assert_eq!(
            fit_parts("", &same, " ", 2),
            "a",
            "the later of equals goes first"
        );
        assert_eq!(fit_parts("x ", &[], " ", 5), "x ");
    }

    fn single(s: &str, max: usize) -> (String, bool) {
        let r = sanitize_single_line(s, max);
        (r.text, r.truncated)
    }

    fn multi(s: &str, max: usize) -> (String, bool) {
        let r = sanitize_multi_line(s, max);
        (r.text, r.truncated)
    }

    #[test]
    fn single_line_replaces_breaks_and_tabs() {
        assert_eq!(single("a\r\nb", 100), ("a b".into(), false));
        assert_eq!(single("a\rb\nc\td", 100), ("a b c d".into(), false));
        assert_eq!(single("a\n\nb", 100), ("a  b".into(), false));
        assert_eq!(single("a\r\rb", 100), ("a  b".into(), false));
        assert_eq!(single("a\u{2028}b", 100), ("a b".into(), false));
        assert_eq!(single("\r\n", 100), (" ".into(), false));
    }

    #[test]
    fn single_line_removes_control_and_bidi() {
        assert_eq!(single("a\u{1b}[31mb", 100), ("a[31mb".into(), false));
        assert_eq!(single("\0x\u{7f}y\u{9b}z\u{7}", 100), ("xyz".into(), false));
        assert_eq!(single("张\u{202E}三\u{2066}", 100), ("张三".into(), false));
        assert_eq!(single("\u{FEFF}李四", 100), ("李四".into(), false));
        // Emoji ZWJ sequences are kept intact.
        assert_eq!(single("👨‍👩‍👧", 100).0, "👨‍👩‍👧");
    }

    #[test]
    fn keeps_spaces_and_unicode_untouched() {
        assert_eq!(single("  王 小明  ", 100), ("  王 小明  ".into(), false));
        assert_eq!(single("", 10), (String::new(), false));
    }

    #[test]
    fn truncation_counts_chars_not_bytes() {
        assert_eq!(single("张三李四", 2), ("张三".into(), true));
        assert_eq!(single("张三", 2), ("张三".into(), false));
        assert_eq!(single("😀😀😀", 1), ("😀".into(), true));
        assert_eq!(single("abc", 0), (String::new(), true));
        assert_eq!(single("", 0), (String::new(), false));
    }

    #[test]
    fn removed_chars_after_limit_do_not_count_as_truncation() {
        assert_eq!(single("ab\u{7}\u{202E}", 2), ("ab".into(), false));
        assert_eq!(single("ab\u{7}c", 2), ("ab".into(), true));
        assert_eq!(single("ab\n", 2), ("ab".into(), true));
    }

    #[test]
    fn multi_line_normalises_breaks() {
        assert_eq!(multi("a\r\nb\rc\nd", 100), ("a\nb\nc\nd".into(), false));
        assert_eq!(multi("a\r\n\r\nb", 100), ("a\n\nb".into(), false));
        assert_eq!(multi("a\tb\u{1b}c", 100), ("a bc".into(), false));
        assert_eq!(multi("a\u{2029}b\u{85}c", 100), ("a\nb\nc".into(), false));
        assert_eq!(multi("一\r\n二\r\n三", 3), ("一\n二".into(), true));
    }

    #[test]
    fn halfwidth_conversion() {
        assert_eq!(to_halfwidth_ascii("１３８　ＡＢｃ"), "138 ABc");
        assert_eq!(to_halfwidth_ascii("ｘ"), "x");
        // Chinese punctuation stays full-width.
        assert_eq!(to_halfwidth_ascii("张三，（男）"), "张三，（男）");
        assert_eq!(to_halfwidth_ascii("！＠"), "！＠");
        assert_eq!(to_halfwidth_ascii(""), "");
    }

    #[test]
    fn one_megabyte_paste_is_fast() {
        let line = "调解申请人：张三\r\n电话 13812345678\t\u{1b}[0m";
        let big = line.repeat(1_048_576 / line.len() + 1);
        assert!(big.len() >= 1_048_576);
        let start = std::time::Instant::now();
        let a = sanitize_single_line(&big, usize::MAX);
        let b = sanitize_multi_line(&big, 2000);
        let c = sanitize_single_line(&big, 200);
        let elapsed = start.elapsed();
        assert!(!a.truncated && b.truncated && c.truncated);
        assert!(!a.text.contains(['\r', '\n', '\t', '\u{1b}']));
        assert_eq!(c.text.chars().count(), 200);
        // 10 ms is the release-build budget; debug builds get more slack.
        let budget_ms = if cfg!(debug_assertions) { 1000 } else { 10 };
        assert!(elapsed.as_millis() < budget_ms, "{elapsed:?}");
    }

    #[test]
    fn truncate_by_display_width() {
        assert_eq!(truncate("张伟明", 6), "张伟明");
        assert_eq!(truncate("张伟明", 5), "张伟…");
        assert_eq!(truncate("张伟明", 4), "张…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(pad("张", 4), "张  ");
        assert_eq!(pad("张伟明", 3), "张…");
        assert_eq!(pad("张伟明", 3).width(), 3);
    }
}
