//! The case timeline in words: each audit entry as what happened and what changed, in the
//! user's language. The log keeps stable codes ("red", "in_mediation", "no_show",
//! "followup.breached"); people read labels, so every code an entry can carry is translated
//! here, action by action, following the formats the store writes.
use crate::domain::case_filter::Waiting;
use crate::domain::followup::{Kind, Method, Performance};
use crate::domain::transfer::{ReturnCode, TransferState};
use crate::domain::{ladder::Level, risk::Colour, status::Status};
use crate::i18n::{Lang, tr};
use crate::store::AuditLine;

/// The translation key of what happened.
pub fn what_key(action: &str) -> &'static str {
    match action {
        "case.create" => "ui.cases.ev.create",
        "case.import" => "ui.import.ev",
        "case.assign" => "ui.cases.ev.assign",
        "case.attempt" => "ui.cases.ev.attempt",
        "case.colour" => "ui.cases.ev.colour",
        "case.deadline" => "ui.cases.ev.deadline",
        "case.escalate" => "ui.cases.ev.escalate",
        "case.note" => "ui.cases.ev.note",
        "case.supervise" => "ui.cases.ev.supervise",
        "case.outcome" => "ui.cases.ev.outcome",
        "case.reopen" => "ui.cases.ev.reopen",
        "case.referral_back" => "ui.cases.ev.referral_back",
        "case.wait" => "ui.cases.ev.wait",
        "case.resume" => "ui.cases.ev.resume",
        "case.reveal" => "ui.cases.ev.reveal",
        "case.status" => "ui.cases.ev.status",
        "case.visit" => "ui.cases.ev.visit",
        "case.extend" => "ui.deadlines.ev.extend",
        "case.consent" => "ui.deadlines.ev.consent",
        "case.merge" => "ui.merge.ev.merge",
        "case.merged" => "ui.merge.ev.merged",
        "case.unmerge" | "case.unmerged" => "ui.merge.ev.unmerge",
        "party.merge" => "ui.merge.ev.party",
        "party.unmerge" => "ui.merge.ev.party_undo",
        "case.team" => "ui.team.ev",
        "session.book" => "ui.cases.ev.session_book",
        "session.move" => "ui.cases.ev.session_move",
        "session.cancel" => "ui.cases.ev.session_cancel",
        "session.record" => "ui.cases.ev.session_record",
        "followup.add" => "ui.cases.ev.followup_add",
        "followup.move" => "ui.cases.ev.followup_move",
        "followup.cancel" => "ui.cases.ev.followup_cancel",
        "followup.record" => "ui.cases.ev.followup_record",
        "transfer.up" => "ui.xfer.ev.up",
        "transfer.down" => "ui.xfer.ev.down",
        "transfer.across" => "ui.xfer.ev.across",
        "transfer.sign" => "ui.xfer.ev.sign",
        "transfer.return" => "ui.xfer.ev.return",
        "transfer.withdraw" => "ui.xfer.ev.withdraw",
        "transfer.overrule" => "ui.xfer.ev.overrule",
        "transfer.move" => "ui.xfer.ev.move",
        _ => "ui.cases.ev.other",
    }
}

/// A stored code of `field` in the user's language; anything else as it is.
pub fn label(lang: Lang, field: &str, code: &str) -> String {
    let key = match field {
        "status" => Status::from_code(code).map(Status::i18n_key),
        "colour" => Colour::from_code(code).map(Colour::i18n_key),
        "level" => Level::from_code(code).map(Level::i18n_key),
        "waiting" => Waiting::from_code(code).map(Waiting::i18n_key),
        "kind" => Kind::from_code(code).map(Kind::i18n_key),
        "method" => Method::from_code(code).map(Method::i18n_key),
        "performance" => Performance::from_code(code).map(Performance::i18n_key),
        "state" => state_key(code),
        _ => None,
    };
    key.map(|k| tr(lang, k).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// A session's or a follow-up's state (booked, held, due, done, breached…).
fn state_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "booked" => "ui.cases.session.booked",
        "held" => "ui.cases.session.held",
        "no_show" => "ui.cases.session.no_show",
        "postponed" => "ui.cases.session.postponed",
        "cancelled" => "ui.cases.session.cancelled",
        "due" => "ui.cases.followup.due",
        "done" => "ui.cases.followup.done",
        "fulfilled" => "ui.cases.followup.fulfilled",
        "partly" => "ui.cases.followup.partly",
        "breached" => "ui.cases.followup.breached",
        "unreachable" => "ui.cases.followup.unreachable",
        // A hand-over's (transfer.sign, transfer.return…).
        c => return TransferState::from_code(c).map(TransferState::i18n_key),
    })
}

/// Reasons the store writes itself, as opposed to what a person typed.
fn reason(lang: Lang, text: &str) -> String {
    match text {
        "followup.breached" => tr(lang, "ui.cases.ev.breached").to_string(),
        t => t.to_string(),
    }
}

/// `code rest` with the code (first word) labelled and a machine reason in `(…)` translated:
/// "red (followup.breached)" → "红 (回访发现未履行)".
fn labelled(lang: Lang, field: &str, value: &str) -> String {
    let value = short_times(value);
    match value.split_once(' ') {
        Some((code, rest)) => {
            let rest = match rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
                Some(r) => format!("({})", reason(lang, r)),
                None => rest.to_string(),
            };
            format!("{} {rest}", label(lang, field, code))
        }
        None => label(lang, field, &value),
    }
}

/// Each word of `value` labelled as the field in the same position (None: kept).
fn words(lang: Lang, value: &str, fields: &[Option<&str>]) -> String {
    value
        .split(' ')
        .enumerate()
        .map(|(i, w)| match fields.get(i).copied().flatten() {
            Some(f) => label(lang, f, w),
            None => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Store times 'YYYY-MM-DD HH:MM:SS' to the minute, wherever they are in the text.
fn short_times(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let end = i + 19;
        if end <= s.len()
            && s.is_char_boundary(end)
            && chrono::NaiveDateTime::parse_from_str(&s[i..end], "%Y-%m-%d %H:%M:%S").is_ok()
            && (end == s.len() || !b[end].is_ascii_digit())
        {
            out.push_str(&s[i..end - 3]);
            i = end;
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

fn arrow(old: String, new: String) -> String {
    match (old.is_empty(), new.is_empty()) {
        (true, true) => String::new(),
        (true, false) => new,
        (false, true) => old,
        (false, false) => format!("{old} → {new}"),
    }
}

/// What an entry changed, in words.
pub fn change(a: &AuditLine, lang: Lang) -> String {
    let (old, new) = (a.old.as_str(), a.new.as_str());
    match a.action.as_str() {
        // "2026-1124-010 red", imported: "2026-1124-010 red 旧台账.csv:12"
        "case.create" | "case.import" => words(lang, new, &[None, Some("colour")]),
        // From a session held: the level's count went from `old` to `new`.
        "case.attempt" if a.field.starts_with("attempts_") => {
            let level = label(lang, "level", a.field.trim_start_matches("attempts_"));
            format!("{level} {new}")
        }
        // Recorded by hand: "2/3" at the level, and what happened.
        "case.attempt" => format!("{} {old}: {new}", label(lang, "level", &a.field)),
        // "agreement: terms [judicial]", "referred_out: 司法所 → 2026-12-09".
        "case.outcome" => match new.split_once(": ") {
            Some((code, rest)) => {
                let judicial = format!("[{}]", tr(lang, "ui.cases.judicial"));
                let rest = rest.replace("[judicial]", &judicial);
                format!("{}: {rest}", label(lang, "status", code))
            }
            None => new.to_string(),
        },
        // The action says it all ("numbers" seen).
        "case.reveal" => String::new(),
        "case.reopen" | "case.referral_back" | "case.note" | "case.supervise" | "case.consent" => {
            reason(lang, new)
        }
        // "#7 2026-11-30 09:00:00 booked" → "cancelled (reason)" / "held result".
        "session.cancel" | "session.record" => arrow(
            words(lang, &short_times(old), &[None, None, None, Some("state")]),
            labelled(lang, "state", new),
        ),
        // "not_exhausted: note", "other (words): note": the reason in words, and the note.
        "transfer.return" => match new.split_once(": ") {
            Some((why, note)) => {
                let (code, other) = why.split_once(' ').unwrap_or((why, ""));
                let why = ReturnCode::from_code(code)
                    .map_or_else(|| code.to_string(), |c| tr(lang, c.i18n_key()).to_string());
                if other.is_empty() {
                    format!("{why}: {note}")
                } else {
                    format!("{why} {other}: {note}")
                }
            }
            None => new.to_string(),
        },
        // What the sender said.
        "transfer.withdraw" | "transfer.overrule" => new.to_string(),
        // "#3 agreement 2026-12-01"
        "followup.add" => words(lang, new, &[None, Some("kind")]),
        // "#3 due" → "cancelled (reason)"
        "followup.cancel" => arrow(
            words(lang, old, &[None, Some("state")]),
            labelled(lang, "state", new),
        ),
        // "#3 fulfilled phone 5"
        "followup.record" => {
            let mut w: Vec<&str> = new.split(' ').collect();
            let stars = (w.len() > 3).then(|| w.remove(3));
            let mut s = words(
                lang,
                &w.join(" "),
                &[None, Some("performance"), Some("method")],
            );
            if let Some(n) = stars {
                s.push_str(&format!(
                    " {} {n}",
                    tr(lang, "ui.followups.record.satisfaction")
                ));
            }
            s
        }
        _ => arrow(labelled(lang, &a.field, old), labelled(lang, &a.field, new)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(action: &str, field: &str, old: &str, new: &str) -> AuditLine {
        AuditLine {
            at: String::new(),
            staff: String::new(),
            action: action.into(),
            field: field.into(),
            old: old.into(),
            new: new.into(),
            from_case: String::new(),
        }
    }

    #[test]
    fn hand_overs_read_in_words() {
        let zh = |a: AuditLine| change(&a, Lang::Zh);
        assert_eq!(
            zh(line("transfer.sign", "state", "pending", "signed")),
            "待签收 → 已签收"
        );
        assert_eq!(
            zh(line(
                "transfer.return",
                "state",
                "pending",
                "not_exhausted: 请再调解"
            )),
            "下级未穷尽: 请再调解"
        );
        assert_eq!(
            zh(line(
                "transfer.return",
                "state",
                "pending",
                "other (材料不全): 补充"
            )),
            "其他 (材料不全): 补充"
        );
        assert_eq!(
            zh(line("transfer.move", "level", "village", "township")),
            "村（社区） → 乡镇（街道）"
        );
        assert_eq!(what_key("transfer.up"), "ui.xfer.ev.up");
    }

    #[test]
    fn codes_become_words() {
        let zh = |a: AuditLine| change(&a, Lang::Zh);
        assert_eq!(
            zh(line("case.create", "", "", "2026-1124-010 red")),
            "2026-1124-010 红"
        );
        assert_eq!(
            zh(line(
                "case.colour",
                "colour",
                "blue",
                "red (followup.breached)"
            )),
            "蓝 → 红 (回访发现未履行协议)"
        );
        assert_eq!(
            zh(line("case.reopen", "", "", "followup.breached")),
            "回访发现未履行协议"
        );
        assert_eq!(
            zh(line(
                "session.record",
                "status",
                "#7 2026-11-30 09:00:00 booked",
                "no_show 未到"
            )),
            "#7 2026-11-30 09:00 已预约 → 未到场 未到"
        );
        assert_eq!(
            zh(line("followup.record", "", "", "#3 breached phone 2")),
            "#3 违约 电话 满意度 2"
        );
        assert_eq!(
            zh(line(
                "case.deadline",
                "deadline_at",
                "",
                "2026-12-01 17:30:00"
            )),
            "2026-12-01 17:30"
        );
        assert_eq!(short_times("2026-12-01 17:30:001"), "2026-12-01 17:30:001");
        assert_eq!(
            short_times("张 2026-12-01 17:30:00–2026-12-01 18:30:00"),
            "张 2026-12-01 17:30–2026-12-01 18:30"
        );
    }
}
