//! What a member of staff may be called: codes typed at the login screen and names printed on
//! sheets. The store applies these rules to every new account.
use super::text::sanitize_single_line;

/// Longest staff code (the login screen's code field holds as many).
pub const CODE_MAX_LEN: usize = 16;
/// Longest name, in characters: ample for Chinese and minority names written in Chinese, and
/// for a romanised name, while a sheet's owner column stays readable.
pub const NAME_MAX_CHARS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffInputError {
    /// Not 1–16 ASCII letters or digits.
    Code,
    NameEmpty,
    NameTooLong,
    /// Control characters, tabs, line breaks or bidirectional overrides.
    NameControl,
}

impl StaffInputError {
    pub fn i18n_key(self) -> &'static str {
        match self {
            StaffInputError::Code => "err.staff.code",
            StaffInputError::NameEmpty => "err.staff.name_empty",
            StaffInputError::NameTooLong => "err.staff.name_long",
            StaffInputError::NameControl => "err.staff.name_control",
        }
    }
}

/// A staff code without surrounding spaces: 1–16 ASCII letters or digits (`D001`, `M12`).
/// Codes are unique ignoring case: `d001` is the same code as `D001`.
pub fn check_code(code: &str) -> Result<&str, StaffInputError> {
    let code = code.trim();
    if (1..=CODE_MAX_LEN).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(code)
    } else {
        Err(StaffInputError::Code)
    }
}

/// A name without surrounding spaces: not empty, at most 40 characters, one line of printable
/// text (nothing that could move the terminal's cursor or reorder what is shown).
pub fn check_name(name: &str) -> Result<&str, StaffInputError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StaffInputError::NameEmpty);
    }
    if name.chars().count() > NAME_MAX_CHARS {
        return Err(StaffInputError::NameTooLong);
    }
    if sanitize_single_line(name, NAME_MAX_CHARS).text != name {
        return Err(StaffInputError::NameControl);
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::StaffInputError::*;
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
}
