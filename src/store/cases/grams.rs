//! Character bigrams for the search indexes. FTS5's trigram tokenizer finds nothing for a
//! two-character query, and two-character words are everywhere in Chinese (欠薪, 家暴, 漏水):
//! we index each run of letters/digits as its overlapping bigrams plus its last character, and
//! query a phrase of the query's bigrams — consecutive bigrams match exactly a substring.
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

/// Index text: `"拖欠工资"` → `"拖欠 欠工 工资 资"`. Lowercased; punctuation splits runs.
pub fn gram_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for run in runs(s) {
        for w in run.windows(2) {
            push_token(&mut out, w);
        }
        if let Some(last) = run.last() {
            push_token(&mut out, std::slice::from_ref(last));
        }
    }
    out
}

/// The FTS5 query for `q`: each run a phrase of its bigrams (a one-character run a prefix
/// term), runs ANDed. None when `q` has no letter or digit. Only letters and digits reach
/// the query, so it cannot carry FTS5 syntax.
pub fn gram_query(q: &str) -> Option<String> {
    let parts: Vec<String> = runs(q)
        .into_iter()
        .map(|run| {
            if run.len() == 1 {
                format!("\"{}\"*", run[0])
            } else {
                let mut p = String::new();
                for w in run.windows(2) {
                    push_token(&mut p, w);
                }
                format!("\"{p}\"")
            }
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

fn runs(s: &str) -> Vec<Vec<char>> {
    let mut runs = Vec::new();
    let mut cur = Vec::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            cur.push(c);
        } else if !cur.is_empty() {
            runs.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs
}

fn push_token(out: &mut String, chars: &[char]) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.extend(chars);
}

/// Registers `od_grams(text)` on a connection (deterministic, so usable in triggers).
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "od_grams",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let s: Option<String> = ctx.get(0)?;
            Ok(gram_text(s.as_deref().unwrap_or("")))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_with_last_character() {
        assert_eq!(gram_text("拖欠工资"), "拖欠 欠工 工资 资");
        assert_eq!(gram_text("欠薪，3万元"), "欠薪 薪 3万 万元 元");
        assert_eq!(gram_text("A"), "a");
        assert_eq!(gram_text("，。"), "");
    }

    #[test]
    fn queries_are_phrases_of_bigrams() {
        assert_eq!(gram_query("欠薪").as_deref(), Some("\"欠薪\""));
        assert_eq!(
            gram_query("拖欠工资").as_deref(),
            Some("\"拖欠 欠工 工资\"")
        );
        assert_eq!(
            gram_query("漏 水费").as_deref(),
            Some("\"漏\"* AND \"水费\"")
        );
        assert_eq!(gram_query("\"*)").as_deref(), None);
    }
}
