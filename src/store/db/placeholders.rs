//! SQLite's `?N` placeholders as PostgreSQL's `$N`, so one SQL text serves both engines.
//! Quoted text ('…', "…") and comments are left alone; a bare `?` is numbered after the
//! highest number seen so far, as SQLite numbers it.

/// The PostgreSQL form of a statement written with `?N` (or `?`) placeholders.
pub(crate) fn to_pg(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut chars = sql.chars().peekable();
    let mut highest = 0u32;
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == '\n' {
                        break;
                    }
                }
            }
            '?' => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                let n = match digits.parse::<u32>() {
                    Ok(n) => n,
                    Err(_) => highest + 1,
                };
                highest = highest.max(n);
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::to_pg;

    #[test]
    fn numbered_and_bare_placeholders() {
        assert_eq!(
            to_pg("SELECT a FROM t WHERE b = ?2 AND c = ?1 AND d = ?"),
            "SELECT a FROM t WHERE b = $2 AND c = $1 AND d = $3"
        );
        assert_eq!(to_pg("VALUES (?, ?)"), "VALUES ($1, $2)");
        assert_eq!(to_pg("LIMIT ?10"), "LIMIT $10");
    }

    #[test]
    fn quotes_and_comments_are_left_alone() {
        assert_eq!(
            to_pg("SELECT '?1', \"a?\" -- why?\nFROM t WHERE x = ?1"),
            "SELECT '?1', \"a?\" -- why?\nFROM t WHERE x = $1"
        );
        // '' inside a literal: the literal closes and reopens, still quoted.
        assert_eq!(to_pg("SELECT 'it''s ?' , ?1"), "SELECT 'it''s ?' , $1");
    }
}
