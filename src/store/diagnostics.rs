//! What the store tells the log: each connection opened (schema, engine, whether it migrated)
//! and statements slower than `SLOW`, by a label cut from their SQL text. onedoor binds every
//! value as a parameter (`?`), and `label` masks literals besides, so no value reaches the log.
use rusqlite::Connection;
use rusqlite::trace::{TraceEvent, TraceEventCodes};
use std::time::Duration;

/// Statements taking longer are logged (a frame is 16 ms; a save at the desk takes ~10 ms).
pub const SLOW: Duration = Duration::from_millis(50);
/// Characters of a statement's text kept as its label.
const LABEL_CHARS: usize = 80;

/// Called by every connection once it is set up and migrated from schema `from`. The process's
/// main connections (opened with checks) log at info, worker connections at debug.
pub(super) fn opened(conn: &Connection, from: i64, main: bool) {
    watch(conn);
    let db = conn.path().filter(|p| !p.is_empty()).unwrap_or(":memory:");
    let schema = super::migrations::LATEST;
    let migrated = from < schema;
    if main {
        tracing::info!(
            db,
            sqlite = rusqlite::version(),
            schema,
            migrated,
            from,
            "database opened"
        );
    } else {
        tracing::debug!(db, schema, "worker connection opened");
    }
}

/// Logs this connection's slow statements.
pub(super) fn watch(conn: &Connection) {
    conn.trace_v2(TraceEventCodes::SQLITE_TRACE_PROFILE, Some(profile));
}

fn profile(event: TraceEvent<'_>) {
    if let TraceEvent::Profile(stmt, took) = event
        && took >= SLOW
    {
        let ms = took.as_millis() as u64;
        tracing::warn!(ms, sql = %label(&stmt.sql()), "slow statement");
    }
}

/// A statement's stable name: its text with runs of white space made one, quoted literals and
/// numbers made `?`, cut to `LABEL_CHARS` characters.
pub fn label(sql: &str) -> String {
    let mut out = String::new();
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if out.len() >= LABEL_CHARS {
            break;
        }
        let prev = out.chars().last().unwrap_or(' ');
        match c {
            '\'' => {
                // A string or blob literal ('' inside is an escaped quote).
                loop {
                    match chars.next() {
                        Some('\'') if chars.peek() == Some(&'\'') => {
                            chars.next();
                        }
                        Some('\'') | None => break,
                        Some(_) => {}
                    }
                }
                let mut back = out.chars().rev();
                if matches!(back.next(), Some('x' | 'X')) && !back.next().is_some_and(word) {
                    out.pop();
                }
                out.push('?');
            }
            // A number, unless part of a name (t2) or a parameter (?1, :n1).
            c if c.is_ascii_digit() && !(word(prev) || matches!(prev, '?' | ':' | '@' | '$')) => {
                while chars
                    .peek()
                    .is_some_and(|d| d.is_ascii_alphanumeric() || *d == '.')
                {
                    chars.next();
                }
                out.push('?');
            }
            c if c.is_whitespace() => {
                if !out.is_empty() && prev != ' ' {
                    out.push(' ');
                }
            }
            c if c.is_ascii() => out.push(c),
            _ if prev == '?' => {}
            _ => out.push('?'),
        }
    }
    out.trim_end().to_string()
}

fn word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_keep_the_statement_and_drop_literals() {
        assert_eq!(
            label("SELECT c.id, c.case_no\n     FROM cases c\n  WHERE c.id = ?1 LIMIT 20"),
            "SELECT c.id, c.case_no FROM cases c WHERE c.id = ?1 LIMIT ?"
        );
        assert_eq!(
            label("UPDATE parties SET name = '欧阳娜娜', phone = '139''11112222' WHERE id = 5"),
            "UPDATE parties SET name = ?, phone = ? WHERE id = ?"
        );
        assert_eq!(
            label("SELECT x'0a0b', 1.5e3, od_grams(t2.x)"),
            "SELECT ?, ?, od_grams(t2.x)"
        );
        assert_eq!(label("SELECT 张伟"), "SELECT ?");
        let long = label(&format!("SELECT {} FROM cases", "c.id, ".repeat(40)));
        assert!(
            long.starts_with("SELECT c.id, c.id,") && long.len() <= LABEL_CHARS,
            "{long}"
        );
    }
}
