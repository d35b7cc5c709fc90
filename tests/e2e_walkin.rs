//! The common walk-in of issue #16, typed with real keys into the real binary: an elderly mother
//! against her son over elder support, who threatened her. Every special key sent (Tab, Enter,
//! arrows, function and control keys) is counted; typed text (Chinese included) is not. From
//! the triage pane to the case number on screen it must take at most 20 special keys, at most
//! 25 with the son's phone and ID too, at 120×40 and at 80×24.
mod common;
use common::pty::{Pty, keys};
use onedoor::domain::idnum::check_digit;

/// Special keys the walk-in may take (issue #16 item 1).
const MAX_KEYS: usize = 20;
const MAX_KEYS_WITH_RESPONDENT_NUMBERS: usize = 25;

const MOTHER: &str = "王秀英";
const SON: &str = "李建国";
const MOBILE: &str = "13912345678";
const SON_MOBILE: &str = "13700001111";
const SUMMARY: &str = "儿子拒付赡养费，还扬言要打她";

/// A valid 18-digit ID number (GB 11643 check digit) from its first 17 digits.
fn id_number(first17: &str) -> String {
    format!("{first17}{}", check_digit(first17).unwrap())
}

/// The keyboard, counting every key that is not typed text.
struct Desk {
    p: Pty,
    special: usize,
}

impl Desk {
    fn key(&mut self, k: &str) {
        self.special += 1;
        self.p.send(k);
    }

    fn text(&mut self, s: &str) {
        self.p.type_text(s);
    }
}

fn login(db: &str, cols: u16, rows: u16) -> Desk {
    let mut p = Pty::spawn(&["--db", db, "--lang", "zh-CN"], &[], cols, rows);
    p.wait_for("示范县");
    p.type_text("D001");
    p.send(keys::ENTER);
    p.type_text("1234");
    p.send(keys::ENTER);
    p.wait_for("张丽（D001）");
    p.wait_for("来访登记");
    Desk { p, special: 0 }
}

/// The mediator highlighted in the routing list (`▶ ✔1. 姓名 M001 …` or `▶  1. …`).
fn highlighted_mediator(screen: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains("▶") && l.contains(" 1. "))
        .unwrap_or_else(|| panic!("no highlighted mediator:\n{screen}"));
    line.split_whitespace()
        .find(|w| w.len() == 4 && w.starts_with('M'))
        .unwrap_or_else(|| panic!("no staff code in {line:?}"))
        .to_string()
}

/// The case number in the "案件 X 已登记。" message.
fn case_no(screen: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains("已登记。"))
        .expect("saved message");
    let start = line.find("案件 ").unwrap() + "案件 ".len();
    line[start..].split_whitespace().next().unwrap().to_string()
}

/// Types the walk-in from the fresh triage pane to the case number on screen; returns the
/// case number and the staff code of the mediator it was saved with.
fn walk_in(d: &mut Desk, son_numbers: Option<(&str, &str)>) -> (String, String) {
    let mother_id = id_number("11010119500315002");
    d.text(MOTHER); // the form opens on her name (the channel stays walk-in)
    d.key(keys::ENTER);
    d.text(MOBILE);
    d.key(keys::ENTER);
    d.text(&mother_id);
    d.p.wait_for("76岁");
    d.key(keys::ENTER); // → address, left empty
    d.key(keys::ENTER); // an empty field ends her section → the son's name
    d.text(SON);
    d.key(keys::ENTER);
    if let Some((phone, id)) = son_numbers {
        d.text(phone);
        d.key(keys::ENTER);
        d.text(id);
        d.key(keys::ENTER); // → his address, left empty
    }
    d.key(keys::ENTER); // empty → the category
    d.text("赡养");
    d.p.wait_for("婚姻家庭·赡养  Family: elder support");
    d.key(keys::ENTER); // chosen → the summary
    d.text(SUMMARY);
    d.key(keys::ENTER); // → description, left empty
    d.key(keys::ENTER); // empty → the risk flags
    d.text("va"); // violence or threats, agitated
    d.p.wait_until(
        |s| s.contains("[x] v 暴力或威胁") && s.contains("[x] a 情绪激动"),
        "both flags ticked",
    );
    d.key(keys::ENTER); // → the routing list; the red checklist comes up
    d.p.wait_for("红色预警：立即处置");
    d.text("123");
    d.key(keys::ENTER);
    let screen = d.p.wait_until(
        |s| !s.contains("红色预警：立即处置") && s.contains(" 1. "),
        "checklist acknowledged, mediators listed",
    );
    let mediator = highlighted_mediator(&screen);
    d.key(keys::CTRL_S); // saves with the highlighted mediator
    let screen = d.p.wait_for("已登记。");
    let no = case_no(&screen);
    assert!(screen.contains(&format!("案件编号  {no}")), "{screen}");
    (no, mediator)
}

struct SavedCase {
    colour: i64,
    category: String,
    flags: String,
    summary: String,
    owner: Option<String>,
    parties: Vec<(String, String, Option<String>, Option<String>)>,
}

fn saved(db: &str, no: &str) -> SavedCase {
    let c = rusqlite::Connection::open(db).unwrap();
    let (id, colour, category, flags, summary, owner) = c
        .query_row(
            "SELECT c.id, c.colour, c.category, c.colour_flags, c.summary, s.code
             FROM cases c LEFT JOIN staff s ON s.id = c.owner_id WHERE c.case_no = ?1",
            [no],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .unwrap();
    let mut st = c
        .prepare(
            "SELECT cp.role, p.name, p.phone, p.id_number FROM case_parties cp
             JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = ?1 ORDER BY cp.role",
        )
        .unwrap();
    let parties = st
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    SavedCase {
        colour,
        category,
        flags,
        summary,
        owner,
        parties,
    }
}

fn run(cols: u16, rows: u16, with_son_numbers: bool) {
    let dir = tempfile::tempdir().unwrap();
    let db = common::cli::demo_db(dir.path(), "centre.db", 200);
    let mut d = login(&db, cols, rows);
    let son_id = id_number("11010119780812003");
    let son = with_son_numbers.then_some((SON_MOBILE, son_id.as_str()));
    let (no, mediator) = walk_in(&mut d, son);
    let max = if with_son_numbers {
        MAX_KEYS_WITH_RESPONDENT_NUMBERS
    } else {
        MAX_KEYS
    };
    eprintln!(
        "walk-in at {cols}×{rows}{}: {} special keys",
        if with_son_numbers {
            " with the son's numbers"
        } else {
            ""
        },
        d.special
    );
    assert!(
        d.special <= max,
        "{} special keys at {cols}×{rows} (at most {max})",
        d.special
    );
    d.p.send(keys::CTRL_Q);
    assert!(d.p.wait_exit().success());

    let c = saved(&db, &no);
    assert_eq!(c.colour, 0, "red");
    assert_eq!(c.category, "family.elder");
    assert_eq!(c.summary, SUMMARY);
    for flag in ["violence", "agitated", "vulnerable_party"] {
        assert!(c.flags.split(',').any(|f| f == flag), "{flag}: {}", c.flags);
    }
    assert_eq!(c.owner.as_deref(), Some(mediator.as_str()), "highlighted");
    let mother_id = id_number("11010119500315002");
    let mut want = vec![
        (
            "applicant".to_string(),
            MOTHER.to_string(),
            Some(MOBILE.to_string()),
            Some(mother_id),
        ),
        ("respondent".to_string(), SON.to_string(), None, None),
    ];
    if with_son_numbers {
        want[1].2 = Some(SON_MOBILE.to_string());
        want[1].3 = Some(son_id);
    }
    assert_eq!(c.parties, want);
}

#[test]
fn walk_in_at_120x40() {
    run(120, 40, false);
}

#[test]
fn walk_in_at_80x24() {
    run(80, 24, false);
}

#[test]
fn walk_in_with_the_sons_numbers_at_120x40() {
    run(120, 40, true);
}

#[test]
fn walk_in_with_the_sons_numbers_at_80x24() {
    run(80, 24, true);
}
