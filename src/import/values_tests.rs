//! Cell parsers: the ways registers and spreadsheets write dates, money, colours and names.
use super::values::*;
use chrono::{NaiveDate, NaiveDateTime};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(17, 0, 0)
        .unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, s)
        .unwrap()
}

#[test]
fn dates_in_the_usual_spellings() {
    let ok = |s: &str| received_at(s, now()).unwrap_or_else(|e| panic!("{s}: {e:?}"));
    assert_eq!(ok("2026-11-24 09:05:00"), at(2026, 11, 24, 9, 5, 0));
    assert_eq!(ok("2026-11-24 09:05"), at(2026, 11, 24, 9, 5, 0));
    assert_eq!(ok("2026/11/24 9:05"), at(2026, 11, 24, 9, 5, 0));
    assert_eq!(ok("2026-11-24T09:05:07"), at(2026, 11, 24, 9, 5, 7));
    assert_eq!(ok("2026.3.5"), at(2026, 3, 5, 0, 0, 0));
    assert_eq!(ok("2026年3月5日"), at(2026, 3, 5, 0, 0, 0));
    assert_eq!(ok("2026年3月5日 14时30分"), at(2026, 3, 5, 14, 30, 0));
    assert_eq!(ok("20260305"), at(2026, 3, 5, 0, 0, 0));
    assert_eq!(ok("２０２６－０３－０５"), at(2026, 3, 5, 0, 0, 0));
    assert_eq!(ok(" 2026-11-24 17:00 "), now());
}

#[test]
fn dates_refused_with_the_reason() {
    let key = |s: &str| received_at(s, now()).unwrap_err().key;
    for s in [
        "",
        "24/11/2026",
        "11-24",
        "2026-13-01",
        "2026-02-30",
        "2026-11-24 25:00",
        "下午 2026-11-24",
        "2026-11-24 9:05 PM",
        "2026-11-24 09:05:00:01",
        "2026-11-24 099999:00",
    ] {
        assert_eq!(key(s), "err.import.date", "{s}");
    }
    assert_eq!(key("2026-11-24 17:01"), "err.import.date_future");
    assert_eq!(key("2027-01-01"), "err.import.date_future");
    assert_eq!(key("1989-12-31"), "err.import.date_old");
    assert_eq!(key("1026-11-24"), "err.import.date_old");
    let e = received_at("24/11/2026", now()).unwrap_err();
    assert_eq!(e.args, vec![("value", "24/11/2026".to_string())]);
}

#[test]
fn amounts() {
    assert_eq!(amount(""), Ok(None));
    assert_eq!(amount("12000"), Ok(Some(12_000)));
    assert_eq!(amount("12,000 元"), Ok(Some(12_000)));
    assert_eq!(amount("￥3500.50"), Ok(Some(3_501)));
    assert_eq!(amount("1.5万"), Ok(Some(15_000)));
    assert_eq!(amount("2万元"), Ok(Some(20_000)));
    assert_eq!(amount("１２０００"), Ok(Some(12_000)));
    for s in [
        "-5",
        "abc",
        "1.2.3",
        "万",
        "1e9",
        "99999999999999999",
        ".",
        "NaN",
        "inf",
    ] {
        assert_eq!(amount(s).unwrap_err().key, "err.import.amount", "{s}");
    }
}

#[test]
fn people_counts() {
    assert_eq!(people(""), Ok(1));
    assert_eq!(people("0"), Ok(1));
    assert_eq!(people("12"), Ok(12));
    assert_eq!(people("12人"), Ok(12));
    for s in ["-1", "2.5", "许多", "+3", "99999999999"] {
        assert_eq!(people(s).unwrap_err().key, "err.import.people", "{s}");
    }
}

#[test]
fn colours_by_code_or_name() {
    use crate::domain::risk::Colour;
    assert_eq!(colour(""), Ok(None));
    assert_eq!(colour("红"), Ok(Some(Colour::Red)));
    assert_eq!(colour("红色"), Ok(Some(Colour::Red)));
    assert_eq!(colour("橙色预警"), Ok(Some(Colour::Orange)));
    assert_eq!(colour("Yellow"), Ok(Some(Colour::Yellow)));
    assert_eq!(colour("blue"), Ok(Some(Colour::Blue)));
    assert_eq!(colour(" 绿 "), Ok(Some(Colour::Green)));
    assert_eq!(colour("紫").unwrap_err().key, "err.import.colour");
    assert_eq!(colour("色").unwrap_err().key, "err.import.colour");
}

#[test]
fn channels_by_code_or_name() {
    use crate::domain::channel::Channel;
    assert_eq!(channel(""), Ok(Channel::WalkIn));
    assert_eq!(channel("来电"), Ok(Channel::Phone));
    assert_eq!(channel("12345热线"), Ok(Channel::Hotline12345));
    assert_eq!(channel("hotline_12345"), Ok(Channel::Hotline12345));
    assert_eq!(channel("Walk-in"), Ok(Channel::WalkIn));
    assert_eq!(channel("传真").unwrap_err().key, "err.import.channel");
    // Every channel is reachable by its code and both labels.
    for c in Channel::ALL {
        assert_eq!(channel(c.code()), Ok(*c));
        for lang in [crate::i18n::Lang::Zh, crate::i18n::Lang::En] {
            assert_eq!(channel(crate::i18n::tr(lang, c.i18n_key())), Ok(*c));
        }
    }
}

#[test]
fn categories_by_code_name_or_leaf() {
    let code = |s: &str| category(s).map(|c| c.code.as_str());
    assert_eq!(code("labour.wages"), Ok("labour.wages"));
    assert_eq!(code("欠薪"), Ok("labour.wages"));
    assert_eq!(code("Wage arrears"), Ok("labour.wages"));
    assert_eq!(code("婚姻家庭·离婚"), Ok("family.divorce"));
    assert_eq!(code("婚姻家庭-离婚"), Ok("family.divorce"));
    assert_eq!(code("离婚"), Ok("family.divorce"));
    assert_eq!(code("divorce"), Ok("family.divorce"));
    assert_eq!(code("NEIGHBOURS"), Ok("neighbour"));
    assert_eq!(code("婚姻家庭").unwrap_err().key, "err.import.category");
    assert_eq!(code("宠物").unwrap_err().key, "err.import.category");
    assert_eq!(code(" ").unwrap_err().key, "err.case.category");
    for c in crate::domain::category::all() {
        assert_eq!(code(&c.zh), Ok(c.code.as_str()));
        assert_eq!(code(&c.en), Ok(c.code.as_str()));
        assert_eq!(code(&c.code), Ok(c.code.as_str()));
    }
}

#[test]
fn text_is_cleaned_and_never_cut() {
    assert_eq!(line(" 张\u{202E}三\t ", 40), Ok("张三".to_string()));
    assert_eq!(line("一\n二", 40), Ok("一 二".to_string()));
    assert_eq!(text("一\r\n二", 40), Ok("一\n二".to_string()));
    assert_eq!(
        line(&"长".repeat(40), 40).map(|s| s.chars().count()),
        Ok(40)
    );
    let e = line(&"长".repeat(41), 40).unwrap_err();
    assert_eq!(
        (e.key, e.args),
        ("err.import.too_long", vec![("max", "40".to_string())])
    );
    assert_eq!(
        text(&"x".repeat(2001), 2000).unwrap_err().key,
        "err.import.too_long"
    );
}

#[test]
fn numbers_excel_has_mangled_are_caught() {
    assert_eq!(number_cell(""), Ok(None));
    assert_eq!(number_cell("'13812345678"), Ok(Some("13812345678".into())));
    assert_eq!(
        number_cell("\t13812345678 "),
        Ok(Some("13812345678".into()))
    );
    for s in ["1.10101E+17", "1.38123E+10", "3.10115e+17", "１.２Ｅ+１０"] {
        assert_eq!(
            number_cell(s).unwrap_err().key,
            "err.import.excel_number",
            "{s}"
        );
    }
}
