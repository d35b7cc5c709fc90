//! Routing as shown and as saved (#16): a threat in a family dispute moves it to the family desk.
use super::*;

#[test]
fn a_threat_in_an_elder_support_case_moves_it_to_the_family_desk_as_shown() {
    use crate::domain::{risk::RiskFlag, team::Team};
    let mut a = app();
    tab_to(&mut a, Focus::Party(0, PField::Name));
    typ(&mut a, "王秀英");
    tab_to(&mut a, Focus::Category);
    typ(&mut a, "shanyang");
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "儿子拒付赡养费并威胁");
    let route = |a: &App| a.panes.triage.route.clone().expect("route");
    assert_eq!((route(&a).team, route(&a).moved()), (Team::People, false));
    tab_to(&mut a, Focus::Risk);
    typ(&mut a, "v");
    assert_eq!(route(&a).team, Team::Women);
    assert_eq!(route(&a).moved_by, [RiskFlag::Violence]);
    assert_eq!(
        a.panes.triage.proposal.as_ref().map(|p| p.team),
        Some(Team::Women)
    );
    ctrl(&mut a, 's');
    typ(&mut a, "123");
    press(&mut a, KeyCode::Enter);
    let no = saved_no(&a);
    assert_eq!(a.store.slip(&no).unwrap().team.as_deref(), Some("women"));
}
