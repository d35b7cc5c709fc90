//! The handover sheet: its sections, the shifts that split the day, the shift notes.
use super::*;
use crate::domain::shift::Shift;
use crate::store::handover::SheetRequest;

pub(super) fn request(shift: Shift) -> SheetRequest {
    SheetRequest {
        centre: "城关镇矛盾纠纷调处化解中心".into(),
        date: d(11, 24),
        shift,
        next_day: d(11, 25),
        lead: "员工L1".into(),
        now: t(11, 24, 17, 0),
    }
}

#[test]
fn sheet_sections() {
    let fx = fixture();
    let sh = fx.store.handover_sheet(&request(Shift::Day)).unwrap();
    let ids = &fx.ids;
    assert_eq!(ids.len(), 6);
    assert_eq!(sh.intakes.total, 2);
    assert_eq!(sh.intakes.by_colour, [1, 1, 0, 0, 0]);
    // Taxonomy order: family.violence comes before neighbour.
    assert_eq!(
        sh.intakes.rows,
        vec![
            ("family.violence".to_string(), [0, 1, 0, 0, 0]),
            ("neighbour".to_string(), [1, 0, 0, 0, 0])
        ]
    );
    assert_eq!(sh.urgent.total, 2);
    let nos: Vec<&str> = sh.urgent.rows.iter().map(|u| u.case_no.as_str()).collect();
    assert_eq!(nos, ["2026-1124-001", "2026-1124-002"]);
    let c1 = &sh.urgent.rows[0];
    assert_eq!(c1.colour, Colour::Red);
    assert_eq!(c1.owner.as_deref(), Some("员工M1"));
    assert_eq!(c1.phone_masked, "138****5678");
    let next = c1.next_session.as_ref().unwrap();
    assert_eq!(
        (next.at, next.mediator.as_str()),
        (t(11, 25, 10, 0), "员工M1")
    );
    assert!(sh.urgent.rows[1].next_session.is_none());
    // c6 (11-06) and c1 (11-24 13:00) overdue, c2 (11-25 14:00) near.
    assert_eq!(sh.deadlines.total, 3);
    let dl: Vec<(&str, bool)> = sh
        .deadlines
        .rows
        .iter()
        .map(|r| (r.case_no.as_str(), r.overdue))
        .collect();
    assert_eq!(
        dl,
        [
            ("2026-1030-001", true),
            ("2026-1124-001", true),
            ("2026-1124-002", false)
        ]
    );
    assert_eq!(sh.sessions_today.total, 1);
    assert_eq!(sh.sessions_today.rows[0].result, "双方同意再谈");
    assert_eq!(sh.sessions_today.rows[0].room, "一号调解室");
    assert_eq!(sh.sessions_next.len(), 1);
    assert_eq!(sh.sessions_next[0].0, "员工M1");
    assert_eq!(sh.sessions_next[0].1.len(), 1);
    assert_eq!(sh.followups.total, 2);
    assert_eq!(sh.followups_overdue, 1);
    assert!(sh.followups.rows[0].overdue && !sh.followups.rows[1].overdue);
    assert_eq!(sh.escalations.total, 1);
    let e = &sh.escalations.rows[0];
    assert_eq!(
        (e.case_no.as_str(), e.from.as_str(), e.to.as_str()),
        ("2026-1111-001", "village", "township")
    );
}

#[test]
fn shifts_split_the_day() {
    let fx = fixture();
    let am = fx.store.handover_sheet(&request(Shift::Am)).unwrap();
    let pm = fx.store.handover_sheet(&request(Shift::Pm)).unwrap();
    assert_eq!((am.intakes.total, pm.intakes.total), (1, 1));
    assert_eq!((am.escalations.total, pm.escalations.total), (1, 0));
    assert_eq!((am.sessions_today.total, pm.sessions_today.total), (1, 0));
}

#[test]
fn notes_are_saved_per_shift_by_leads_only() {
    let mut fx = fixture();
    let now = t(11, 24, 17, 0);
    fx.store
        .save_handover_note(
            fx.lead,
            d(11, 24),
            Shift::Pm,
            "王家纠纷明早回访\n注意安全",
            now,
        )
        .unwrap();
    assert_eq!(
        fx.store.handover_note(d(11, 24), Shift::Pm).unwrap(),
        "王家纠纷明早回访\n注意安全"
    );
    assert_eq!(fx.store.handover_note(d(11, 24), Shift::Am).unwrap(), "");
    let desk = Actor {
        staff_id: fx.lead.staff_id,
        role: Role::Desk,
    };
    let err = fx
        .store
        .save_handover_note(desk, d(11, 24), Shift::Pm, "x", now)
        .unwrap_err();
    assert!(matches!(err, StoreError::Forbidden));
    let sheet = fx.store.handover_sheet(&request(Shift::Pm)).unwrap();
    assert_eq!(sheet.notes, "王家纠纷明早回访\n注意安全");
}
