//! The case timeline speaks the user's language for every audited action: a scenario drives
//! the store through each kind of event a case can have (intake, colours, assignment,
//! attempts, waiting, escalation, extension, team, visits, sessions, outcomes, follow-ups,
//! referral, reopening, case and party merges and their undoing), then every timeline line
//! is put in words in both languages and checked for stored codes showing through.
mod common;
use chrono::{Duration, NaiveDateTime};
use common::app::*;
use onedoor::domain::case_filter::Waiting;
use onedoor::domain::channel::Channel;
use onedoor::domain::followup::{FollowupPlan, Method, Performance};
use onedoor::domain::risk::{Colour, ResponseHours};
use onedoor::domain::role::Role;
use onedoor::domain::session::SessionStatus;
use onedoor::i18n::{Lang, tr};
use onedoor::store::{
    Actor, ImportOutcome, ImportRow, ImportSource, NewCase, NewParty, NewSession, NewStaff,
    Outcome, RecordResult, Store,
};
use onedoor::ui::panes::timeline;
use std::collections::BTreeSet;
use unicode_width::UnicodeWidthStr;

/// Every action that can reach a case's timeline (audit entries with a case).
const CASE_ACTIONS: &[&str] = &[
    "case.create",
    "case.import",
    "case.colour",
    "case.assign",
    "case.note",
    "case.attempt",
    "case.status",
    "case.deadline",
    "case.wait",
    "case.resume",
    "case.escalate",
    "case.extend",
    "case.consent",
    "case.reveal",
    "case.team",
    "case.visit",
    "case.outcome",
    "case.reopen",
    "case.referral_back",
    "case.merge",
    "case.merged",
    "case.unmerge",
    "case.unmerged",
    "party.merge",
    "party.unmerge",
    "session.book",
    "session.move",
    "session.cancel",
    "session.record",
    "followup.add",
    "followup.move",
    "followup.cancel",
    "followup.record",
];

struct Scenario<'a> {
    s: &'a mut Store,
    lead: Actor,
    clock: NaiveDateTime,
}

impl Scenario<'_> {
    /// Each step a minute later, so the timeline reads in order.
    fn tick(&mut self) -> NaiveDateTime {
        self.clock += Duration::minutes(1);
        self.clock
    }

    fn staff(&self, code: &str) -> i64 {
        self.s.staff_by_code(code).unwrap().unwrap().id
    }

    fn case(&mut self, name: &str, phone: &str, red: bool) -> i64 {
        let now = self.tick();
        let mut c = NewCase::walk_in(
            now,
            "neighbour",
            "楼上漏水",
            NewParty::named(name, Some(phone)),
        );
        if red {
            c.colour = Some(Colour::Red);
            c.colour_reason = "扬言报复".into();
            c.red_acknowledged = true;
        }
        c.owner_id = Some(self.staff("M001"));
        self.s
            .create_case(self.lead, &c, &ResponseHours::default())
            .unwrap()
            .id
    }

    fn session(&mut self, case_id: i64, days: i64, hour: u32) -> i64 {
        let now = self.tick();
        let start = (now.date() + Duration::days(days))
            .and_hms_opt(hour, 0, 0)
            .unwrap();
        let s = NewSession {
            case_id,
            // A new mediator and no room, so the demo's own bookings are not in the way.
            mediators: vec![self.staff("M099")],
            room_id: None,
            start,
            end: start + Duration::hours(1),
        };
        self.s.book_session(self.lead, &s, now).unwrap()
    }
}

/// Drives every kind of event; returns the cases whose timelines hold them.
fn scenario(s: &mut Store) -> Vec<i64> {
    let lead = s.staff_by_code("L001").unwrap().unwrap();
    let lead = Actor {
        staff_id: lead.id,
        role: lead.role,
    };
    let m = NewStaff {
        code: "M099".into(),
        name: "杨新".into(),
        role: Role::Mediator,
        languages: vec![],
        specialties: vec![],
        team: None,
        pin: "1234".into(),
        centre_id: None,
    };
    s.add_staff(Some(lead), &m, cases_demo().now).unwrap();
    let mut sc = Scenario {
        s,
        lead,
        clock: cases_demo().now,
    };
    let hours = ResponseHours::default();
    let plan = FollowupPlan::default();

    let a = sc.case("罗玉兰", "13912345678", true);
    let t = sc.tick();
    sc.s.add_case_note(lead, a, "已电话联系双方", t).unwrap();
    let t = sc.tick();
    sc.s.change_colour(lead, a, Colour::Orange, "情绪已平稳", &hours, t)
        .unwrap();
    let (m2, m3, m4) = (sc.staff("M002"), sc.staff("M003"), sc.staff("M004"));
    let t = sc.tick();
    sc.s.assign_case(lead, a, m2, "原承办人回避", t).unwrap();
    let t = sc.tick();
    sc.s.record_attempt(lead, a, "首次调解，双方陈述意见", t)
        .unwrap();
    let t = sc.tick();
    sc.s.start_waiting(lead, a, Waiting::Documents, "等待病历", t)
        .unwrap();
    let t = sc.tick();
    sc.s.stop_waiting(lead, a, t).unwrap();
    let t = sc.tick();
    sc.s.escalate_case(lead, a, "村级调解未果", t).unwrap();
    let t = sc.tick();
    sc.s.extend_term(lead, a, 15, "双方当面同意延长", t)
        .unwrap();
    let t = sc.tick();
    sc.s.reveal_numbers(lead, a, t).unwrap();
    let t = sc.tick();
    sc.s.set_case_team(lead, a, &[m3, m4], "联合调解，先分开谈", t)
        .unwrap();
    let t = sc.tick();
    sc.s.attach_visit(lead, a, Channel::WalkIn, t, "再次来访催办")
        .unwrap();
    // A session booked, moved, held; another booked and cancelled.
    let held = sc.session(a, 0, 15);
    let t = sc.tick();
    let (start, end) = (
        t.date().and_hms_opt(16, 0, 0).unwrap(),
        t.date().and_hms_opt(17, 0, 0).unwrap(),
    );
    sc.s.move_session(lead, held, start, end, None, "调解员临时有会", t)
        .unwrap();
    let t = sc.tick();
    sc.s.record_session(lead, held, SessionStatus::Held, "达成初步意向", t)
        .unwrap();
    let gone = sc.session(a, 1, 10);
    let t = sc.tick();
    sc.s.cancel_session(lead, gone, "当事人住院", t).unwrap();
    // Agreed, judicially confirmed; follow-ups planned, moved, dropped, one found breached.
    let t = sc.tick();
    let terms = Outcome::Agreement {
        terms: "分三期支付".into(),
        judicial: true,
    };
    sc.s.record_outcome(lead, a, &terms, &plan, t).unwrap();
    let t = sc.tick();
    let due = t.date() + Duration::days(3);
    let moved = sc.s.add_followup(lead, a, due, "补充回访", t).unwrap();
    let t = sc.tick();
    sc.s.move_followup(lead, moved, due + Duration::days(7), "当事人外出", t)
        .unwrap();
    let t = sc.tick();
    sc.s.cancel_followup(lead, moved, "已电话确认", t).unwrap();
    let t = sc.tick();
    let today = sc.s.add_followup(lead, a, t.date(), "今日回访", t).unwrap();
    let t = sc.tick();
    let breached = RecordResult {
        method: Method::Phone,
        reached: "申请人".into(),
        performance: Performance::Breached,
        satisfaction: Some(2),
        note: String::new(),
    };
    sc.s.record_followup(lead, today, &breached, &hours, &[1, 2, 3, 4, 5], t)
        .unwrap();

    // Referred out, and the receiving body sends it back.
    let b = sc.case("周文", "13600002222", false);
    let t = sc.tick();
    sc.s.record_attempt(lead, b, "调解未果", t).unwrap();
    let t = sc.tick();
    let referred = Outcome::Referred {
        to: "县司法局".into(),
        reply_due: t.date() + Duration::days(15),
    };
    sc.s.record_outcome(lead, b, &referred, &plan, t).unwrap();
    let t = sc.tick();
    sc.s.return_referral(lead, b, "材料不全", &hours, t)
        .unwrap();
    // Withdrawn, closed, reopened.
    let t = sc.tick();
    sc.s.record_outcome(
        lead,
        b,
        &Outcome::Withdrawn {
            reason: "当事人撤回".into(),
        },
        &plan,
        t,
    )
    .unwrap();
    let t = sc.tick();
    sc.s.close_case(lead, b, t).unwrap();
    let t = sc.tick();
    sc.s.reopen_case(lead, b, "当事人再次来访", &hours, t)
        .unwrap();

    // The same dispute registered twice: merged and unmerged; two records of one person too.
    let c = sc.case("张伟", "13812340000", false);
    let d = sc.case("张伟", "13812340000", false);
    let t = sc.tick();
    let m = sc.s.merge_cases(lead, c, d, t).unwrap();
    let t = sc.tick();
    sc.s.undo_merge(lead, m, t).unwrap();
    let (pc, pd) = (
        sc.s.case_detail(c).unwrap().parties[0].party_id,
        sc.s.case_detail(d).unwrap().parties[0].party_id,
    );
    let t = sc.tick();
    let m = sc.s.merge_parties(lead, pc, pd, t).unwrap();
    let t = sc.tick();
    sc.s.undo_merge(lead, m, t).unwrap();
    // A case brought in from the old paper register.
    let t = sc.tick();
    let mut old = NewCase::walk_in(t, "neighbour", "宅基地边界", NewParty::named("覃海", None));
    old.parties[0].1.language = "zh".into();
    let row = ImportRow {
        line: 12,
        case: old,
    };
    let source = ImportSource {
        file_name: "旧台账",
        sha256: "00",
        again: false,
    };
    let e = match sc
        .s
        .import_cases(lead, &[row], &hours, &source, false, t)
        .unwrap()
    {
        ImportOutcome::Imported { cases, .. } => cases[0].created.id,
        other => panic!("{other:?}"),
    };
    vec![a, b, c, d, e]
}

/// Lowercase ASCII words of two letters or more: a Chinese timeline has none unless a
/// stored code shows through (the scenario types Chinese only).
fn ascii_words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_alphabetic() && c != '_' && c != '.')
        .filter(|w| w.len() >= 2 && w.chars().any(|c| c.is_ascii_lowercase()))
        .collect()
}

#[test]
fn every_timeline_event_is_in_words_in_both_languages() {
    let mut app = cases_as("L001", Lang::Zh);
    let cases = scenario(&mut app.store);
    let mut seen = BTreeSet::new();
    for id in cases {
        for a in app.store.case_detail(id).unwrap().timeline {
            seen.insert(a.action.clone());
            let what = timeline::what_key(&a.action);
            assert_ne!(what, "ui.cases.ev.other", "{} has no words", a.action);
            for lang in [Lang::Zh, Lang::En] {
                assert_ne!(tr(lang, what), what, "{what} untranslated");
                // The column is 10 wide (ui/panes/cases/detail.rs): a longer label is cut.
                assert!(tr(lang, what).width() <= 10, "{what}: {}", tr(lang, what));
            }
            let zh = timeline::change(&a, Lang::Zh);
            assert!(
                ascii_words(&zh).is_empty(),
                "{}: {:?} → {zh:?}",
                a.action,
                a.new
            );
            let en = timeline::change(&a, Lang::En);
            for w in ascii_words(&en) {
                assert!(
                    !w.contains(['_', '.']),
                    "{}: {:?} → {en:?}",
                    a.action,
                    a.new
                );
            }
            assert!(!en.contains("[judicial]"), "{en}");
        }
    }
    let missing: Vec<_> = CASE_ACTIONS
        .iter()
        .filter(|a| !seen.contains(**a))
        .collect();
    assert!(missing.is_empty(), "the scenario did not reach {missing:?}");
    let unknown: Vec<_> = seen
        .iter()
        .filter(|a| !CASE_ACTIONS.contains(&a.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "new actions to put in words: {unknown:?}"
    );
}

/// The busiest timeline as people see it.
#[test]
fn a_full_timeline_snapshot() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut app = cases_as("L001", lang);
        let cases = scenario(&mut app.store);
        let no = app.store.case_detail(cases[0]).unwrap().row.case_no;
        typ(&mut app, &format!("/{no}"));
        press(&mut app, ratatui::crossterm::event::KeyCode::Enter);
        // Scroll down to the timeline, the last section.
        for _ in 0..22 {
            typ(&mut app, "j");
        }
        insta::assert_snapshot!(format!("timeline_{tag}_120x40"), screen(&app, 120, 40));
    }
}
