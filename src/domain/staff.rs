//! What a member of staff may be called (codes typed at the login screen, names printed on
//! sheets), the PIN rules of an account, and the login lockout. The store applies these rules to
//! every new account and every login; `StaffRule` is each refusal.
use super::text::sanitize_single_line;
use chrono::{Duration, NaiveDateTime};

/// Longest staff code (the login screen's code field holds as many).
pub const CODE_MAX_LEN: usize = 16;
/// Longest name, in characters: ample for Chinese and minority names written in Chinese, and
/// for a romanised name, while a sheet's owner column stays readable.
pub const NAME_MAX_CHARS: usize = 40;

/// A staff change the rules refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StaffRule {
    /// Not 1–16 ASCII letters or digits.
    #[error("a staff code is 1 to 16 letters or digits")]
    Code,
    #[error("no name given")]
    NameEmpty,
    #[error("a name has at most 40 characters")]
    NameTooLong,
    /// Control characters, tabs, line breaks or bidirectional overrides.
    #[error("a name is one line of printable text")]
    NameControl,
    /// Another account has this code (ignoring case).
    #[error("the staff code is taken")]
    CodeTaken,
    /// A lead disabling their own account.
    #[error("one cannot disable one's own account")]
    SelfDisable,
    /// Not 4 to 12 digits.
    #[error("a PIN has 4 to 12 digits")]
    PinFormat,
    /// A shift lead's new PIN is shorter than `pin::LEAD_MIN_DIGITS`.
    #[error("a shift lead's PIN has at least 6 digits")]
    PinLeadShort,
    /// The PIN could not be hashed (never expected: Argon2 with its default parameters).
    #[error("the PIN could not be hashed")]
    PinHash,
}

impl StaffRule {
    /// Translation key of the message.
    pub fn i18n_key(self) -> &'static str {
        match self {
            StaffRule::Code => "err.staff.code",
            StaffRule::NameEmpty => "err.staff.name_empty",
            StaffRule::NameTooLong => "err.staff.name_long",
            StaffRule::NameControl => "err.staff.name_control",
            StaffRule::CodeTaken => "err.staff.code_taken",
            StaffRule::SelfDisable => "err.staff.self_disable",
            StaffRule::PinFormat => "err.pin.format",
            StaffRule::PinLeadShort => "err.pin.lead_short",
            StaffRule::PinHash => "err.pin.hash",
        }
    }
}

/// A staff code without surrounding spaces: 1–16 ASCII letters or digits (`D001`, `M12`).
/// Codes are unique ignoring case: `d001` is the same code as `D001`.
pub fn check_code(code: &str) -> Result<&str, StaffRule> {
    let code = code.trim();
    if (1..=CODE_MAX_LEN).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(code)
    } else {
        Err(StaffRule::Code)
    }
}

/// A name without surrounding spaces: not empty, at most 40 characters, one line of printable
/// text (nothing that could move the terminal's cursor or reorder what is shown).
pub fn check_name(name: &str) -> Result<&str, StaffRule> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StaffRule::NameEmpty);
    }
    if name.chars().count() > NAME_MAX_CHARS {
        return Err(StaffRule::NameTooLong);
    }
    if sanitize_single_line(name, NAME_MAX_CHARS).text != name {
        return Err(StaffRule::NameControl);
    }
    Ok(name)
}

/// Wrong PINs in a row before the account is locked, and for how long.
pub const MAX_FAILED_LOGINS: i64 = 3;
pub const LOCKOUT: Duration = Duration::seconds(30);

/// A login refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoginError {
    #[error("unknown staff code or wrong PIN")]
    Wrong { attempts_left: i64 },
    #[error("locked until {0}")]
    Locked(NaiveDateTime),
    #[error("account disabled")]
    Disabled,
}

impl LoginError {
    pub fn i18n_key(&self) -> &'static str {
        match self {
            LoginError::Wrong { .. } => "login.wrong",
            LoginError::Locked(_) => "login.locked",
            LoginError::Disabled => "login.disabled",
        }
    }
}

/// Which wrong attempt in a row this one is, if its PIN proves wrong, after `failed` earlier
/// ones: a lockout that has run out starts a new series.
pub fn attempt_number(failed: i64) -> i64 {
    if failed >= MAX_FAILED_LOGINS {
        1
    } else {
        failed + 1
    }
}

/// The lock an attempt takes while its PIN is checked: the one that may be the last allowed
/// locks the account at once, so attempts arriving meanwhile are refused unchecked.
pub fn lock_while_checking(n: i64, now: NaiveDateTime) -> Option<NaiveDateTime> {
    (n >= MAX_FAILED_LOGINS).then(|| now + LOCKOUT)
}

/// What the `n`th wrong PIN in a row answers: the attempts left, or the lock.
pub fn wrong_pin(n: i64, now: NaiveDateTime) -> LoginError {
    if n < MAX_FAILED_LOGINS {
        LoginError::Wrong {
            attempts_left: MAX_FAILED_LOGINS - n,
        }
    } else {
        LoginError::Locked(now + LOCKOUT)
    }
}

#[cfg(test)]
mod tests {
    use super::StaffRule::*;
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(check_code(" D001 "), Ok("D001"));
        assert_eq!(check_code("m12"), Ok("m12"));
        assert_eq!(check_code(&"A".repeat(16)), Ok("A".repeat(16).as_str()));
        for bad in ["", " ", "D 1", "D-1", "D_1", "Ｄ1", "张1", &"A".repeat(17)] {
            assert_eq!(check_code(bad), Err(Code), "{bad:?}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(check_name(" 张丽 "), Ok("张丽"));
        assert_eq!(check_name("Ayşe Li"), Ok("Ayşe Li"));
        assert_eq!(check_name(&"张".repeat(40)).map(str::len), Ok(120));
        assert_eq!(check_name(""), Err(NameEmpty));
        assert_eq!(check_name(" \u{3000} "), Err(NameEmpty));
        assert_eq!(check_name(&"张".repeat(41)), Err(NameTooLong));
        for bad in [
            "张\u{7}丽",
            "张\n丽",
            "张\t丽",
            "\u{202E}丽张",
            "\u{1b}[2J",
            "张\u{feff}丽",
        ] {
            assert_eq!(check_name(bad), Err(NameControl), "{bad:?}");
        }
    }

    #[test]
    fn three_wrong_pins_lock_for_thirty_seconds() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        assert_eq!(attempt_number(0), 1);
        assert_eq!(attempt_number(2), 3);
        assert_eq!(attempt_number(3), 1);
        assert_eq!(lock_while_checking(2, now), None);
        assert_eq!(lock_while_checking(3, now), Some(now + LOCKOUT));
        assert_eq!(wrong_pin(1, now), LoginError::Wrong { attempts_left: 2 });
        assert_eq!(wrong_pin(3, now), LoginError::Locked(now + LOCKOUT));
    }
}
