//! Staff PINs: 4 to 12 digits, typed fast at a shared desk.

pub fn is_valid_pin(pin: &str) -> bool {
    (4..=12).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    #[test]
    fn pins() {
        use super::is_valid_pin;
        assert!(is_valid_pin("1234"));
        assert!(is_valid_pin("123456789012"));
        assert!(!is_valid_pin("123"));
        assert!(!is_valid_pin("1234567890123"));
        assert!(!is_valid_pin("12a4"));
        assert!(!is_valid_pin("１２３４"));
    }
}
