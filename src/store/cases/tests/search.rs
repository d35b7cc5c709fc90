//! Search: every source finds its cases, two-character Chinese words included, ranked.
use super::super::search::*;
use crate::domain::risk::ResponseHours;
use crate::domain::role::Role;
use crate::store::Store;
use crate::store::{Actor, NewCase, NewParty};
use chrono::NaiveDate;
use chrono::NaiveDateTime;

fn at(d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn case(s: &mut Store, by: Actor, d: u32, name: &str, phone: &str, summary: &str) -> (i64, String) {
    let c = NewCase::walk_in(
        at(d),
        "neighbour",
        summary,
        NewParty::named(name, Some(phone)),
    );
    let r = s.create_case(by, &c, &ResponseHours::default()).unwrap();
    (r.id, r.case_no)
}

fn setup() -> (Store, Vec<(i64, String)>) {
    let mut s = Store::open_in_memory().unwrap();
    let by = crate::store::testing::add_staff(&mut s, None, "L1", Role::Lead, at(1));
    let cases = vec![
        case(&mut s, by, 20, "张伟", "13812345678", "公司拖欠工资三个月"),
        case(
            &mut s,
            by,
            21,
            "张伟明",
            "13900001111",
            "楼上漏水，多次协商未果",
        ),
        case(&mut s, by, 22, "李娜", "13700005678", "丈夫家暴，要求调解"),
        case(&mut s, by, 23, "周文", "13600002222", "欠薪，工地老板失联"),
    ];
    (s, cases)
}

fn ids(s: &Store, q: &str) -> Vec<i64> {
    s.search_cases(q, 20, at(24))
        .unwrap()
        .into_iter()
        .map(|h| h.row.id)
        .collect()
}

#[test]
fn two_character_chinese_words_in_summaries() {
    let (s, c) = setup();
    assert_eq!(ids(&s, "欠薪"), vec![c[3].0]);
    assert_eq!(ids(&s, "家暴"), vec![c[2].0]);
    assert_eq!(ids(&s, "漏水"), vec![c[1].0]);
    assert_eq!(ids(&s, "拖欠工资"), vec![c[0].0]);
    // A phrase, not a bag of bigrams: 工资 and 拖欠 both occur, 工资拖欠 does not.
    assert!(ids(&s, "工资拖欠").is_empty());
    assert!(ids(&s, "投诉").is_empty());
}

#[test]
fn names_in_chinese_pinyin_and_initials_rank_exact_first() {
    let (s, c) = setup();
    assert_eq!(ids(&s, "张伟"), vec![c[0].0, c[1].0]);
    // 周文 is "zw" too: exact initials first (newest first), then 张伟明 by prefix.
    assert_eq!(ids(&s, "zw"), vec![c[3].0, c[0].0, c[1].0]);
    assert_eq!(ids(&s, "zwm"), vec![c[1].0]);
    assert_eq!(ids(&s, "zhangweiming"), vec![c[1].0]);
    assert_eq!(
        ids(&s, "ZhangW"),
        vec![c[1].0, c[0].0],
        "prefix matches: newest first"
    );
    let hits = s.search_cases("zw", 20, at(24)).unwrap();
    assert_eq!(hits[0].kind, MatchKind::Name);
    assert!(hits[1].score > hits[2].score);
}

#[test]
fn phone_tail_and_case_number_and_its_tail() {
    let (s, c) = setup();
    // 5678 is the tail of two phones.
    let mut got = ids(&s, "5678");
    got.sort();
    assert_eq!(got, vec![c[0].0, c[2].0]);
    assert_eq!(ids(&s, "13900001111"), vec![c[1].0]);
    assert_eq!(ids(&s, &c[2].1), vec![c[2].0]);
    let tail = &c[2].1[5..]; // "1122-001"
    assert_eq!(ids(&s, tail), vec![c[2].0]);
    assert_eq!(ids(&s, &tail.replace('-', "")), vec![c[2].0]);
    // The tail while it is typed: every keystroke from the day on finds it.
    for typed in ["1122", "1122-", "1122-0", "1122-00", "112200"] {
        assert_eq!(ids(&s, typed), vec![c[2].0], "{typed}");
    }
    // Case number prefix: the day.
    assert_eq!(ids(&s, "2026-1123"), vec![c[3].0]);
    assert!(ids(&s, "").is_empty());
    assert!(ids(&s, "\"*(").is_empty());
}

#[test]
fn ranking_prefers_stronger_evidence_then_open_then_urgent() {
    let (s, c) = setup();
    let mut cands = Candidates::default();
    cands.add(c[0].0, score::SUMMARY, MatchKind::Summary);
    cands.add(c[0].0, score::NAME_EXACT, MatchKind::Name);
    cands.add(c[1].0, score::SUMMARY, MatchKind::Summary);
    cands.add(c[2].0, score::SUMMARY, MatchKind::Summary);
    let rows = s.case_rows(&[c[0].0, c[1].0, c[2].0]).unwrap();
    let hits = rank(&cands, rows, 2);
    assert_eq!(hits.len(), 2);
    assert_eq!((hits[0].row.id, hits[0].kind), (c[0].0, MatchKind::Name));
    // Equal scores: newest first.
    assert_eq!(hits[1].row.id, c[2].0);
    assert_eq!(name_score("张伟", "zhangwei zw", "zw"), score::KEY_EXACT);
    assert_eq!(
        name_score("张伟明", "zhangweiming zwm", "zw"),
        score::KEY_PREFIX
    );
    assert_eq!(name_score("张伟", "zhangwei zw", "张伟"), score::NAME_EXACT);
}

#[test]
fn the_shared_name_index_adds_substring_matches_and_keeps_ranking() {
    let (s, c) = setup();
    let mut parties = Vec::new();
    s.for_each_party_name(|id, name, keys| parties.push((id, name.to_string(), keys.to_string())))
        .unwrap();
    let ix = crate::search::NameIndex::from_parties(
        parties
            .iter()
            .map(|(id, n, k)| (*id, n.as_str(), k.as_str())),
    );
    let with = |q: &str| -> Vec<i64> {
        s.search_cases_with(q, 20, at(24), Some(&ix))
            .unwrap()
            .into_iter()
            .map(|h| h.row.id)
            .collect()
    };
    // "weiming" is inside zhangweiming: only the index finds it.
    assert!(ids(&s, "weiming").is_empty());
    assert_eq!(with("weiming"), vec![c[1].0]);
    // Exact name first, then the longer name it begins.
    assert_eq!(with("张伟"), vec![c[0].0, c[1].0]);
    // Summary words still come from the bigram index.
    assert_eq!(with("欠薪"), vec![c[3].0]);
}

#[test]
fn a_case_number_read_out_without_dashes_finds_it() {
    let (s, c) = setup();
    let no = &c[2].1;
    assert_eq!(ids(&s, &no.replace('-', "")), vec![c[2].0], "{no}");
    assert_eq!(ids(&s, &no.replace('-', " ")), vec![c[2].0], "{no}");
}

#[test]
fn only_the_first_sixty_characters_are_searched() {
    let (s, c) = setup();
    let long = format!("欠薪{}", " ".repeat(MAX_QUERY_CHARS - 2));
    assert_eq!(ids(&s, &format!("{long}家暴")), vec![c[3].0]);
    assert_eq!(
        ids(&s, &format!("{long}{}", "9".repeat(100_000))),
        vec![c[3].0]
    );
}

#[test]
fn full_width_digits_and_letters_from_an_input_method_search_as_ascii() {
    let (s, c) = setup();
    assert_eq!(ids(&s, "１１２２"), vec![c[2].0]);
    assert_eq!(ids(&s, "５６７８"), ids(&s, "5678"));
    assert_eq!(ids(&s, "ｚｗ"), vec![c[3].0, c[0].0, c[1].0]);
    assert_eq!(ids(&s, "ＺｈａｎｇＷ"), ids(&s, "ZhangW"));
    // The ideographic space separates like a space.
    assert_eq!(ids(&s, "欠薪\u{3000}"), vec![c[3].0]);
}

/// A day with more than 999 cases (2026-1120-1524): its four-digit numbers are found by every
/// form a three-digit one is.
#[test]
fn four_digit_sequence_numbers_are_found_by_every_form() {
    use crate::store::bulk::{CaseRow, PartyRow};
    let (mut s, _) = setup();
    let day = at(20);
    let ids_by_no: Vec<(String, i64)> = s
        .bulk_load(|w| {
            let party = w.party(&PartyRow {
                name: "王芳",
                name_keys: "wangfang wf",
                phone: None,
                id_number: None,
                address: "",
                language: "",
                vulnerability: "",
            })?;
            let mut v = Vec::new();
            // The day's first case came from setup(); these follow it.
            for n in 2..=1530 {
                let no = crate::store::format_case_no(day, n);
                let id = w.case(&CaseRow {
                    case_no: &no,
                    received_at: day,
                    channel: "walk_in",
                    category: "neighbour",
                    colour: 3,
                    colour_flags: "",
                    status: "registered",
                    active: true,
                    summary: "楼道堆物",
                    amount_yuan: None,
                    people: 1,
                    team: "",
                    owner_id: None,
                    received_by: 1,
                    first_party_id: party,
                    level: "village",
                    attempts: [0, 0, 0],
                    visits: 1,
                    deadline_at: None,
                    closed_at: None,
                    centre_id: 1,
                })?;
                w.link(id, party, "applicant")?;
                v.push((no, id));
            }
            w.counter(day.date(), 1530)?;
            Ok(v)
        })
        .unwrap();
    let id_of = |no: &str| ids_by_no.iter().find(|(n, _)| n == no).unwrap().1;
    let want = id_of("2026-1120-1524");
    for q in [
        "2026-1120-1524",
        "1120-1524",
        "11201524",
        "1524",
        "202611201524",
        "2026 1120 1524",
    ] {
        let got = ids(&s, q);
        assert_eq!(got.first(), Some(&want), "{q}: {got:?}");
    }
    // Typing the tail lists the day's numbers that start so, four digits included.
    let got = ids(&s, "1120-152");
    assert_eq!(
        got.first(),
        Some(&id_of("2026-1120-152")),
        "the exact tail first"
    );
    for n in ["2026-1120-1520", "2026-1120-1524", "2026-1120-1529"] {
        assert!(got.contains(&id_of(n)), "{n} in {got:?}");
    }
    // Three-digit numbers of that day still answer to their own forms.
    assert_eq!(ids(&s, "1120-015").first(), Some(&id_of("2026-1120-015")));
    assert_eq!(ids(&s, "015").first(), Some(&id_of("2026-1120-015")));
}
