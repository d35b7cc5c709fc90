//! `onedoor case …` through the real binary, on a county built with the library: MAIN (county),
//! T1 and T2 (townships), V1 and V2 under T1. A village clerk hands a case up, the township
//! signs, the village reads the result read-only; the refusals are one translated line each.
mod common;
use chrono::{NaiveDate, NaiveDateTime};
use common::cli::{ok, refused};
use onedoor::domain::intake::{NewCase, NewParty};
use onedoor::domain::ladder::Level;
use onedoor::domain::risk::ResponseHours;
use onedoor::domain::role::Role;
use onedoor::store::centres::NewCentre;
use onedoor::store::{Actor, Store};
use std::process::Output;

const PIN: &str = "246810";

fn at(d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

struct County {
    _dir: tempfile::TempDir,
    db: String,
    store: Store,
    lead: Actor,
    v1_desk: Actor,
    v1_mediator: Actor,
}

fn staff(s: &mut Store, by: Option<Actor>, code: &str, role: Role, centre: Option<i64>) -> Actor {
    common::county::add_staff(s, by, code, role, centre, PIN, at(20, 8))
}

fn county() -> County {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("county.db");
    let mut s = Store::create(&path).unwrap();
    let lead = staff(&mut s, None, "L1", Role::Lead, None);
    for (code, level, parent) in [
        ("T1", Level::Township, "MAIN"),
        ("T2", Level::Township, "MAIN"),
        ("V1", Level::Village, "T1"),
        ("V2", Level::Village, "T1"),
    ] {
        let c = NewCentre {
            code: code.into(),
            name: format!("{code}调解中心"),
            level,
            parent: Some(parent.into()),
            address: String::new(),
            phone: String::new(),
        };
        s.add_centre(lead, &c, at(20, 8)).unwrap();
    }
    let l = Some(lead);
    staff(&mut s, l, "TD1", Role::Desk, Some(2));
    staff(&mut s, l, "VD2", Role::Desk, Some(5));
    let v1_desk = staff(&mut s, l, "VD1", Role::Desk, Some(4));
    let v1_mediator = staff(&mut s, l, "VM1", Role::Mediator, Some(4));
    County {
        db: path.to_str().unwrap().to_string(),
        _dir: dir,
        store: s,
        lead,
        v1_desk,
        v1_mediator,
    }
}

/// A case registered by `by`; its number.
fn case(c: &mut County, by: Actor) -> (i64, String) {
    let n = NewCase::walk_in(
        at(23, 9),
        "neighbour",
        "楼上漏水，多次协商未果",
        NewParty::named("张伟", Some("13812345678")),
    );
    let made = c
        .store
        .create_case(by, &n, &ResponseHours::default())
        .unwrap();
    (made.id, made.case_no)
}

/// A case of V1's with its three village attempts made.
fn exhausted(c: &mut County) -> String {
    let desk = c.v1_desk;
    let (id, no) = case(c, desk);
    let m = c.v1_mediator;
    c.store
        .assign_case(c.v1_desk, id, m.staff_id, "", at(23, 10))
        .unwrap();
    for d in 23..26 {
        c.store
            .record_attempt(m, id, "调解未果", at(d, 11))
            .unwrap();
    }
    no
}

fn run(c: &County, lang: &str, args: &[&str]) -> Output {
    common::cli::onedoor()
        .args(["--db", &c.db, "--lang", lang, "case"])
        .args(args)
        .env("ONEDOOR_PIN", PIN)
        .output()
        .unwrap()
}

#[test]
fn a_village_hands_up_the_township_signs_and_the_village_reads_the_result() {
    let mut c = county();
    let no = exhausted(&mut c);
    let out = ok(&run(&c, "en", &["escalate", &no, "--as", "VD1"]));
    assert!(out.contains("handed up to T1 T1调解中心"), "{out}");
    let show = ok(&run(&c, "en", &["show", &no, "--as", "VD1"]));
    assert!(show.contains("Awaiting sign-off"), "{show}");
    assert!(show.contains("Village 3/3"), "{show}");
    // Another village does not see it at all; the sender cannot sign for its own hand-over.
    refused(
        &run(&c, "en", &["accept", &no, "--as", "VD2"]),
        &format!("No case {no} in your view"),
    );
    refused(
        &run(&c, "en", &["accept", &no, "--as", "VD1"]),
        "not handed to your centre",
    );
    let out = ok(&run(&c, "en", &["accept", &no, "--as", "TD1"]));
    assert!(out.contains("now handled by T1 T1调解中心"), "{out}");
    let show = ok(&run(&c, "zh-CN", &["show", &no, "--as", "VD1"]));
    assert!(show.contains("承办：T1 T1调解中心（您只能查看）"), "{show}");
    assert!(show.contains("已签收"), "{show}");
    assert!(show.contains("V1 V1调解中心（村（社区））"), "{show}");
    assert!(show.contains("调解 3 次"), "{show}");
}

#[test]
fn the_county_cannot_hand_up_and_nothing_goes_outside_the_tree() {
    let mut c = county();
    let lead = c.lead;
    let (_, no) = case(&mut c, lead);
    refused(
        &run(&c, "en", &["escalate", &no, "--as", "L1", "--reason", "x"]),
        "top of the ladder",
    );
    refused(
        &run(
            &c,
            "zh-CN",
            &["escalate", &no, "--as", "L1", "--reason", "x"],
        ),
        "县级中心已是最高一级",
    );
    refused(
        &run(
            &c,
            "en",
            &["hand-down", &no, "--to", "ZZ", "--as", "L1", "--note", "x"],
        ),
        "No such centre in this county's tree",
    );
    refused(
        &run(
            &c,
            "en",
            &[
                "hand-across",
                &no,
                "--to",
                "T1",
                "--as",
                "L1",
                "--note",
                "x",
            ],
        ),
        "neither above nor below",
    );
}

#[test]
fn a_return_needs_a_reason_and_the_sender_may_overrule_it() {
    let mut c = county();
    let lead = c.lead;
    let (_, no) = case(&mut c, lead);
    let out = ok(&run(
        &c,
        "en",
        &[
            "hand-down",
            &no,
            "--to",
            "V1",
            "--as",
            "L1",
            "--note",
            "属地调处",
        ],
    ));
    assert!(out.contains("handed to V1 V1调解中心"), "{out}");
    refused(
        &run(
            &c,
            "en",
            &["return", &no, "--as", "VD1", "--note", "不住本村"],
        ),
        "A reason is needed",
    );
    refused(
        &run(
            &c,
            "zh-CN",
            &["return", &no, "--as", "VD1", "--note", "不住本村"],
        ),
        "请填写理由",
    );
    refused(
        &run(
            &c,
            "en",
            &["return", &no, "--as", "VD1", "--reason", "wrong_locality"],
        ),
        "A note is needed",
    );
    ok(&run(
        &c,
        "en",
        &[
            "return",
            &no,
            "--as",
            "VD1",
            "--reason",
            "wrong_locality",
            "--note",
            "不住本村",
        ],
    ));
    let show = ok(&run(&c, "en", &["show", &no, "--as", "L1"]));
    assert!(show.contains("Wrong locality: 不住本村"), "{show}");
    let out = ok(&run(
        &c,
        "en",
        &["overrule", &no, "--as", "L1", "--note", "以户籍为准"],
    ));
    assert!(out.contains("overruled"), "{out}");
    let show = ok(&run(&c, "en", &["show", &no, "--as", "VD1"]));
    assert!(show.contains("Handled by V1 V1调解中心\n"), "{show}");
    assert!(show.contains("Overruled"), "{show}");
}

#[test]
fn the_sender_withdraws_and_a_wrong_pin_is_refused() {
    let mut c = county();
    let no = exhausted(&mut c);
    ok(&run(&c, "en", &["escalate", &no, "--as", "VM1"]));
    let out = ok(&run(
        &c,
        "en",
        &["withdraw", &no, "--as", "VD1", "--note", "再调一次"],
    ));
    assert!(out.contains("withdrawn"), "{out}");
    refused(&run(&c, "en", &["accept", &no, "--as", "TD1"]), "No case");
    let wrong = common::cli::onedoor()
        .args([
            "--db", &c.db, "--lang", "en", "case", "show", &no, "--as", "VD1",
        ])
        .env("ONEDOOR_PIN", "000000")
        .output()
        .unwrap();
    refused(&wrong, "Login failed");
}
