//! State tests of where keys go (issue #16): Enter through the walk-in, the red checklist after
//! the flags, Ctrl+S in the routing list, the elderly party shown by her ID number.
use super::form::{Focus, PField};
use super::popup::Popup;
use super::tests::{ctrl, demo, login, press, tab_to, typ, type_intake};
use crate::app::App;
use crate::domain::party::Vulnerability;
use crate::domain::risk::{Colour, RiskFlag};
use crate::store::Store;
use ratatui::crossterm::event::KeyCode;

/// Born 1950-03-15: 76 on the tests' day (2026-11-24).
const ELDERLY_ID: &str = "110101195003150021";

fn app() -> App {
    let mut s = Store::open_in_memory().unwrap();
    demo(&mut s);
    login(s, "D001")
}

fn focus(a: &App) -> Focus {
    a.panes.triage.form.focus
}

#[test]
fn enter_walks_the_typed_fields_and_an_empty_one_skips_the_rest_of_its_part() {
    let mut a = app();
    assert_eq!(
        focus(&a),
        Focus::Party(0, PField::Name),
        "the form opens there"
    );
    typ(&mut a, "王秀英");
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "13912345678");
    press(&mut a, KeyCode::Enter);
    typ(&mut a, ELDERLY_ID);
    press(&mut a, KeyCode::Enter);
    assert_eq!(focus(&a), Focus::Party(0, PField::Address));
    press(&mut a, KeyCode::Enter);
    assert_eq!(focus(&a), Focus::Party(1, PField::Name), "empty address");
    typ(&mut a, "李建国");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    assert_eq!(focus(&a), Focus::Category, "his empty phone skips his part");
    typ(&mut a, "赡养");
    press(&mut a, KeyCode::Enter);
    assert_eq!(
        a.panes.triage.form.category.as_deref(),
        Some("family.elder")
    );
    typ(&mut a, "拒付赡养费");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    assert_eq!(focus(&a), Focus::Risk, "empty description");
    // ↓ still walks every field, as Tab does.
    tab_to(&mut a, Focus::Party(0, PField::Address));
    press(&mut a, KeyCode::Down);
    assert_eq!(focus(&a), Focus::Party(0, PField::Language));
    let f = &a.panes.triage.form;
    assert_eq!(f.parties[0].name.value(), "王秀英");
    assert_eq!(f.parties[0].id_number.value(), ELDERLY_ID);
    assert_eq!(f.summary.value(), "拒付赡养费");
}

#[test]
fn enter_on_the_category_with_nothing_typed_keeps_the_one_chosen() {
    let mut a = app();
    type_intake(&mut a, "张三", "");
    assert_eq!(a.panes.triage.form.category.as_deref(), Some("neighbour"));
    tab_to(&mut a, Focus::Category);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.panes.triage.form.category.as_deref(), Some("neighbour"));
    assert_eq!(focus(&a), Focus::Summary);
}

/// `v` then `a`: the second flag is ticked, not taken by the checklist; the checklist comes
/// up as the clerk leaves the flags, and the key that leaves still moves on.
#[test]
fn the_key_after_a_red_flag_is_not_lost_and_the_checklist_follows_the_flags() {
    let mut a = app();
    type_intake(&mut a, "王芳", "");
    tab_to(&mut a, Focus::Risk);
    typ(&mut a, "va");
    let t = &a.panes.triage;
    assert_eq!(t.form.flags, [RiskFlag::Violence, RiskFlag::Agitated]);
    assert!(!t.popups.is_open());
    assert!(t.red_due());
    press(&mut a, KeyCode::Enter);
    assert_eq!(focus(&a), Focus::Routing);
    assert!(matches!(
        a.panes.triage.popups.top(),
        Some(Popup::RedChecklist { .. })
    ));
    typ(&mut a, "123");
    press(&mut a, KeyCode::Enter);
    assert!(!a.panes.triage.popups.is_open());
    assert!(a.panes.triage.form.red_ack.iter().all(|x| *x));
    // Raised and lowered again before leaving: nothing comes up.
    let mut b = app();
    type_intake(&mut b, "王芳", "");
    tab_to(&mut b, Focus::Risk);
    typ(&mut b, "vv");
    press(&mut b, KeyCode::Enter);
    assert!(!b.panes.triage.popups.is_open());
}

#[test]
fn ctrl_s_in_the_routing_list_saves_with_the_highlighted_mediator() {
    let mut a = app();
    type_intake(&mut a, "欧阳娜娜", "");
    tab_to(&mut a, Focus::Routing);
    press(&mut a, KeyCode::Down);
    let t = &a.panes.triage;
    let want = t.proposal.as_ref().expect("proposal").ranked[1]
        .candidate
        .staff_id;
    assert_eq!(t.route_row, 1);
    assert_eq!(t.form.owner, None, "only highlighted");
    ctrl(&mut a, 's');
    let saved = a.panes.triage.saved.as_ref().expect("saved");
    assert_eq!(saved.owner_id, Some(want));
    let no = saved.created.case_no.clone();
    assert!(a.store.slip(&no).unwrap().owner_name.is_some());
}

#[test]
fn ctrl_s_elsewhere_saves_with_the_mediator_accepted_or_none() {
    let mut a = app();
    type_intake(&mut a, "欧阳娜娜", "");
    tab_to(&mut a, Focus::Risk);
    ctrl(&mut a, 's');
    let saved = a.panes.triage.saved.as_ref().expect("saved");
    assert_eq!(saved.owner_id, None);
}

/// Her ID number says she is 76: elderly without a tick, in the preview and in the saved case;
/// pressing 1 says why instead of toggling something that would not change.
#[test]
fn an_elderly_id_number_makes_her_vulnerable_without_a_tick() {
    let mut a = app();
    tab_to(&mut a, Focus::Party(0, PField::IdNumber));
    typ(&mut a, ELDERLY_ID);
    let t = &a.panes.triage;
    assert!(t.form.parties[0].vulnerability.is_empty());
    assert!(t.reasons().contains(&RiskFlag::VulnerableParty));
    assert_eq!(t.colour(), Colour::Yellow);
    tab_to(&mut a, Focus::Party(0, PField::Vulnerability));
    typ(&mut a, "1");
    assert!(a.panes.triage.form.parties[0].vulnerability.is_empty());
    let flash = a.flash.clone().expect("explained");
    assert!(!flash.error && flash.text.contains("76"), "{flash:?}");
    typ(&mut a, "4");
    assert_eq!(
        a.panes.triage.form.parties[0].vulnerability,
        [Vulnerability::Pregnant],
        "other boxes tick as before"
    );
    typ(&mut a, "4");
    tab_to(&mut a, Focus::Party(0, PField::Name));
    typ(&mut a, "王秀英");
    tab_to(&mut a, Focus::Category);
    typ(&mut a, "赡养");
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "拒付赡养费");
    ctrl(&mut a, 's');
    let saved = a.panes.triage.saved.as_ref().expect("saved");
    assert_eq!(saved.created.colour, Colour::Yellow);
    let d = a.store.case_detail(saved.created.id).unwrap();
    assert_eq!(d.flags, [RiskFlag::VulnerableParty]);
}

/// Esc in the category filter clears what was typed there first; on an empty filter it asks
/// to discard the form, as anywhere else.
#[test]
fn esc_in_the_category_filter_clears_it_before_it_asks_to_discard() {
    let mut a = app();
    type_intake(&mut a, "张三", "");
    tab_to(&mut a, Focus::Category);
    typ(&mut a, "qx");
    press(&mut a, KeyCode::Esc);
    let t = &a.panes.triage;
    assert_eq!(t.form.category_filter.value(), "");
    assert!(!t.popups.is_open());
    assert_eq!(
        t.form.category.as_deref(),
        Some("neighbour"),
        "the choice stays"
    );
    press(&mut a, KeyCode::Esc);
    assert!(matches!(
        a.panes.triage.popups.top(),
        Some(Popup::ConfirmDiscard)
    ));
}

/// The clerk starts typing the applicant's name the moment the pane opens: it lands there.
#[test]
fn a_name_typed_as_the_pane_opens_is_the_applicants_name() {
    let mut a = app();
    typ(&mut a, "王秀英");
    assert_eq!(a.panes.triage.form.parties[0].name.value(), "王秀英");
    assert_eq!(focus(&a), Focus::Party(0, PField::Name));
}

/// Text typed on a choice field is not dropped: it goes to the next field typed in. The
/// choices keep their own keys (space, ←/→, 1–4; the flags' letters).
#[test]
fn text_typed_on_a_choice_field_goes_to_the_next_text_field() {
    let mut a = app();
    press(&mut a, KeyCode::BackTab);
    assert_eq!(
        focus(&a),
        Focus::Channel,
        "the channel is one Shift+Tab away"
    );
    typ(&mut a, "王秀英");
    assert_eq!(focus(&a), Focus::Party(0, PField::Name));
    assert_eq!(a.panes.triage.form.parties[0].name.value(), "王秀英");
    assert_eq!(
        a.panes.triage.form.channel,
        crate::domain::channel::Channel::WalkIn,
        "the channel keeps its default"
    );
    tab_to(&mut a, Focus::Party(0, PField::Language));
    typ(&mut a, " ");
    assert_eq!(
        a.panes.triage.form.parties[0].language(),
        "hmn",
        "space cycles"
    );
    typ(&mut a, "李");
    assert_eq!(focus(&a), Focus::Party(1, PField::Name));
    assert_eq!(a.panes.triage.form.parties[1].name.value(), "李");
    tab_to(&mut a, Focus::Party(1, PField::Vulnerability));
    typ(&mut a, "4赡养");
    assert_eq!(
        a.panes.triage.form.parties[1].vulnerability,
        [Vulnerability::Pregnant]
    );
    assert_eq!(focus(&a), Focus::Category);
    assert_eq!(a.panes.triage.form.category_filter.value(), "赡养");
}

/// A paste on a choice field goes where typed text would.
#[test]
fn a_paste_on_a_choice_field_goes_to_the_next_text_field() {
    let mut a = app();
    press(&mut a, KeyCode::BackTab);
    crate::app::update::update(&mut a, crate::app::Action::Paste("王秀英".into()));
    assert_eq!(focus(&a), Focus::Party(0, PField::Name));
    assert_eq!(a.panes.triage.form.parties[0].name.value(), "王秀英");
}
