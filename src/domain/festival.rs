//! The weeks before Spring Festival (春节), when wage arrears turn urgent (DOMAIN.md: "wage
//! arrears near Spring Festival" is an orange flag). Migrant workers go home for the festival and
//! must be paid before they leave, so unpaid wages come to a head in the last two lunar months
//! of the year (冬月 and 腊月, the 年关 when debts are settled); the national winter campaign on
//! wage arrears runs over the same weeks. onedoor takes the window as the 60 days before the
//! first day of the lunar year (正月初一), that day itself excluded.
use chrono::{Duration, NaiveDate};

/// Days before 正月初一 that count as "before Spring Festival".
pub const WINDOW_DAYS: i64 = 60;

/// 正月初一 by Gregorian year (the lunar calendar cannot be computed in a line; a table is exact).
const SPRING_FESTIVAL: &[(i32, u32, u32)] = &[
    (2020, 1, 25),
    (2021, 2, 12),
    (2022, 2, 1),
    (2023, 1, 22),
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 3),
    (2031, 1, 23),
    (2032, 2, 11),
    (2033, 1, 31),
    (2034, 2, 19),
    (2035, 2, 8),
    (2036, 1, 28),
    (2037, 2, 15),
    (2038, 2, 4),
    (2039, 1, 24),
    (2040, 2, 12),
];

/// 正月初一 of a Gregorian year, if the table has it.
pub fn spring_festival(year: i32) -> Option<NaiveDate> {
    let &(y, m, d) = SPRING_FESTIVAL.iter().find(|(y, _, _)| *y == year)?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Whether `day` falls in the window before a Spring Festival. The next festival is this year's
/// or, from late autumn, next year's; a day past the table's last year is never in the window.
pub fn before_spring_festival(day: NaiveDate) -> bool {
    use chrono::Datelike;
    [day.year(), day.year() + 1]
        .into_iter()
        .filter_map(spring_festival)
        .any(|f| day < f && f - day <= Duration::days(WINDOW_DAYS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn table_is_valid_ordered_and_covers_the_years_in_use() {
        let mut last = None;
        for &(y, m, day) in SPRING_FESTIVAL {
            let f = NaiveDate::from_ymd_opt(y, m, day).expect("a real date");
            // 正月初一 always falls between 21 January and 20 February.
            assert!(f >= d(y, 1, 21) && f <= d(y, 2, 20), "{f}");
            assert!(last.is_none_or(|l| l + 1 == y), "years in a row: {y}");
            last = Some(y);
        }
        assert_eq!(SPRING_FESTIVAL.first().map(|x| x.0), Some(2020));
        assert!(last.is_some_and(|l| l >= 2040));
    }

    #[test]
    fn window_is_the_sixty_days_before_new_year() {
        // 2027's festival is on 6 February: the window opens on 8 December 2026.
        assert!(!before_spring_festival(d(2026, 12, 7)));
        assert!(before_spring_festival(d(2026, 12, 8)));
        assert!(before_spring_festival(d(2027, 2, 5)));
        assert!(!before_spring_festival(d(2027, 2, 6)));
        assert!(!before_spring_festival(d(2026, 7, 1)));
        // Within the same year: 2026's is on 17 February.
        assert!(before_spring_festival(d(2026, 1, 10)));
        assert!(!before_spring_festival(d(2026, 2, 18)));
        assert!(!before_spring_festival(d(2041, 1, 10)));
    }
}
