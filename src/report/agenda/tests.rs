use super::*;
use chrono::NaiveDate;

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

fn item(id: i64, h: u32, party: &str, room: &str, mediators: &str, late: bool) -> Item {
    Item {
        session_id: id,
        start: at(h, 0),
        end: at(h + 1, 0),
        case_no: format!("2026-1124-00{id}"),
        colour: "红".into(),
        party: mask_name(party),
        room: room.into(),
        mediators: mediators.into(),
        status: "已预约".into(),
        late,
    }
}

fn items() -> Vec<Item> {
    vec![
        item(1, 9, "欧阳娜娜", "第一调解室", "赵德明", true),
        item(2, 10, "李四", "圆桌室", "周文、赵德明", false),
    ]
}

#[test]
fn names_are_masked_to_the_surname() {
    assert_eq!(mask_name("张伟"), "张*");
    assert_eq!(mask_name("欧阳娜娜"), "欧***");
    assert_eq!(mask_name("王"), "王*");
    assert_eq!(mask_name(""), "");
}

#[test]
fn text_columns_line_up_by_display_width() {
    let labels = Labels {
        title: "示范中心 调解日程 2026-11-24".into(),
        columns: [
            "时间",
            "案件编号",
            "风险",
            "当事人",
            "调解室",
            "调解员",
            "状态",
        ],
        late: "超时",
        empty: "无",
    };
    let t = text(&labels, &items());
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines.len(), 5, "{t}");
    // The room column starts at the same display column on every row.
    let col = |l: &str, needle: &str| l[..l.find(needle).unwrap()].width();
    assert_eq!(col(lines[3], "第一调解室"), col(lines[4], "圆桌室"));
    assert_eq!(col(lines[1], "调解室"), col(lines[3], "第一调解室"));
    assert_eq!(col(lines[3], "已预约"), col(lines[4], "已预约"));
    assert!(
        lines[3].ends_with("已预约 超时") && !lines[4].contains("超时"),
        "{t}"
    );
    assert!(!t.contains("娜娜"));
    let empty = text(&labels, &[]);
    assert!(empty.ends_with("无\n"));
}

#[test]
fn ics_is_crlf_folded_escaped_and_has_uids() {
    let mut its = items();
    its[1].room = "圆桌室; 2楼, 东侧\\西".into();
    its[1].party = "李*".into();
    let s = ics("赵德明的调解日程", "abc.onedoor", at(2, 20), &its);
    assert!(s.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(s.ends_with("END:VCALENDAR\r\n"));
    // Every line ends in CRLF, no bare LF, and no line is longer than 75 octets.
    for l in s.split("\r\n") {
        assert!(!l.contains('\n') && !l.contains('\r'));
        assert!(l.len() <= 75, "{} octets: {l}", l.len());
    }
    assert_eq!(s.matches("BEGIN:VEVENT").count(), 2);
    assert!(s.contains("UID:session-1@abc.onedoor\r\n"));
    assert!(s.contains("DTSTAMP:20261124T022000Z\r\n"), "UTC: {s}");
    assert!(s.contains("DTSTART;TZID=Asia/Shanghai:20261124T090000\r\n"));
    assert!(s.contains("LOCATION:圆桌室\\; 2楼\\, 东侧\\\\西\r\n"));
    assert!(s.contains("DESCRIPTION:赵德明\\n"));
    // Unfolding gives back the long line.
    let unfolded = s.replace("\r\n ", "");
    assert!(unfolded.contains("X-WR-CALNAME:赵德明的调解日程\r\n"));
}

#[test]
fn folding_never_splits_a_character() {
    let line = format!("SUMMARY:{}", "调".repeat(60));
    let f = fold(&line);
    for part in f.split("\r\n") {
        assert!(part.len() <= 75);
    }
    assert_eq!(f.replace("\r\n ", ""), format!("{line}\r\n"));
    assert_eq!(fold("A"), "A\r\n");
}

#[test]
fn uid_domain_is_stable() {
    assert_eq!(uid_domain("x"), uid_domain("x"));
    assert_ne!(uid_domain("x"), uid_domain("y"));
}
