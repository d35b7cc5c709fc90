//! Today's agenda as text for the door and the notice board, and as iCalendar (RFC 5545) for
//! mediators' phones. Pure formatting: the caller reads the sessions. Party names are masked
//! (surname only) in both, and no phone or ID number is ever written.
use chrono::{Duration, NaiveDate, NaiveDateTime};
use unicode_width::UnicodeWidthStr;

/// One line of the agenda, already translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub session_id: i64,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub case_no: String,
    pub colour: String,
    pub party: String,
    pub room: String,
    pub mediators: String,
    pub status: String,
    pub late: bool,
}

/// 张伟 → 张*, 欧阳娜娜 → 欧***: enough to find one's session, nothing more.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => format!("{first}{}", "*".repeat(chars.count().max(1))),
        None => String::new(),
    }
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(s.width())))
}

/// Header labels: time, case, colour, party, room, mediators, status; and the late marker.
pub struct Labels<'a> {
    pub title: String,
    pub columns: [&'a str; 7],
    pub late: &'a str,
    pub empty: &'a str,
}

/// A plain-text table; columns aligned by display width so Chinese lines up on paper.
pub fn text(labels: &Labels, items: &[Item]) -> String {
    let mut out = format!("{}\n", labels.title);
    if items.is_empty() {
        out.push_str(labels.empty);
        out.push('\n');
        return out;
    }
    let rows: Vec<[String; 7]> = items
        .iter()
        .map(|i| {
            let mut status = i.status.clone();
            if i.late {
                status = format!("{status} {}", labels.late);
            }
            [
                format!("{}–{}", i.start.format("%H:%M"), i.end.format("%H:%M")),
                i.case_no.clone(),
                i.colour.clone(),
                i.party.clone(),
                i.room.clone(),
                i.mediators.clone(),
                status,
            ]
        })
        .collect();
    let mut widths = labels.columns.map(|c| c.width());
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &[&str]| -> String {
        let last = cells.len() - 1;
        let mut s = String::new();
        for (k, c) in cells.iter().enumerate() {
            if k == last {
                s.push_str(c);
            } else {
                s.push_str(&pad(c, widths[k]));
                s.push_str("  ");
            }
        }
        s.trim_end().to_string()
    };
    out.push_str(&line(&labels.columns));
    out.push('\n');
    let total: usize = widths.iter().sum::<usize>() + 2 * 6;
    out.push_str(&"-".repeat(total));
    out.push('\n');
    for r in &rows {
        let cells: Vec<&str> = r.iter().map(String::as_str).collect();
        out.push_str(&line(&cells));
        out.push('\n');
    }
    out
}

/// Escapes TEXT values (RFC 5545 3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 3.1) without splitting a UTF-8 character;
/// continuation lines start with one space. Ends with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    let mut limit = 75;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > limit {
            out.push_str("\r\n ");
            used = 0;
            limit = 74; // the leading space counts
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

fn local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// The calendar for phones. Session times are the centre's local time, China Standard Time
/// (UTC+8, no daylight saving), declared with a VTIMEZONE so every app places them right.
/// `stamp_utc` is when the file is made, in UTC (DTSTAMP).
pub fn ics(
    calendar_name: &str,
    uid_domain: &str,
    stamp_utc: NaiveDateTime,
    items: &[Item],
) -> String {
    let stamp = stamp_utc.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//onedoor//agenda//ZH".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(calendar_name)),
        "X-WR-TIMEZONE:Asia/Shanghai".into(),
        "BEGIN:VTIMEZONE".into(),
        "TZID:Asia/Shanghai".into(),
        "BEGIN:STANDARD".into(),
        "DTSTART:19700101T000000".into(),
        "TZOFFSETFROM:+0800".into(),
        "TZOFFSETTO:+0800".into(),
        "TZNAME:CST".into(),
        "END:STANDARD".into(),
        "END:VTIMEZONE".into(),
    ];
    for i in items {
        let summary = format!("{} {} {}", i.case_no, i.colour, i.party);
        let description = format!("{}\n{}\n{}", i.mediators, i.room, i.status);
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:session-{}@{}", i.session_id, uid_domain),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;TZID=Asia/Shanghai:{}", local(i.start)),
            format!("DTEND;TZID=Asia/Shanghai:{}", local(i.end)),
            format!("SUMMARY:{}", escape(&summary)),
            format!("LOCATION:{}", escape(&i.room)),
            format!("DESCRIPTION:{}", escape(&description)),
            "STATUS:CONFIRMED".into(),
            "TRANSP:OPAQUE".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// A stable, DNS-safe UID domain from the centre's name (UIDs must not change between exports).
pub fn uid_domain(centre: &str) -> String {
    // FNV-1a: stable across versions and platforms, unlike std's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in centre.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}.onedoor")
}

/// The first and last instant of a day, for reading its sessions.
pub fn day_bounds(d: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
    let start = d.and_time(chrono::NaiveTime::MIN);
    (start, start + Duration::days(1))
}

#[cfg(test)]
mod tests;
