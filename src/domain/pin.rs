//! Staff PINs: 4 to 12 digits, typed fast at a shared desk; a shift lead's at least 6.
use super::role::Role;
use super::staff::StaffRule;

/// The fewest digits of a shift lead's new PIN. The lead's account manages staff, imports and
/// purges; a 4-digit PIN is found in minutes by trying every PIN against a stolen backup's hash.
pub const LEAD_MIN_DIGITS: usize = 6;

pub fn is_valid_pin(pin: &str) -> bool {
    (4..=12).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// The fewest digits a new PIN for this role must have.
pub fn min_digits(role: Role) -> usize {
    match role {
        Role::Lead => LEAD_MIN_DIGITS,
        Role::Desk | Role::Mediator => 4,
    }
}

/// A new PIN for an account of this role: the format, and the length the role asks for.
pub fn check_new_pin(role: Role, pin: &str) -> Result<(), StaffRule> {
    if !is_valid_pin(pin) {
        Err(StaffRule::PinFormat)
    } else if pin.len() < min_digits(role) {
        Err(StaffRule::PinLeadShort)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins() {
        assert!(is_valid_pin("1234"));
        assert!(is_valid_pin("123456789012"));
        assert!(!is_valid_pin("123"));
        assert!(!is_valid_pin("1234567890123"));
        assert!(!is_valid_pin("12a4"));
        assert!(!is_valid_pin("１２３４"));
    }

    #[test]
    fn a_lead_needs_six_digits() {
        assert_eq!(check_new_pin(Role::Desk, "1234"), Ok(()));
        assert_eq!(check_new_pin(Role::Mediator, "1234"), Ok(()));
        assert_eq!(
            check_new_pin(Role::Lead, "12345"),
            Err(StaffRule::PinLeadShort)
        );
        assert_eq!(check_new_pin(Role::Lead, "123456"), Ok(()));
        assert_eq!(
            check_new_pin(Role::Lead, "12a456"),
            Err(StaffRule::PinFormat)
        );
        assert_eq!(check_new_pin(Role::Desk, "123"), Err(StaffRule::PinFormat));
    }
}
