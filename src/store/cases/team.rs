//! A dedicated team for a complex case (一案一专班): several mediators and a written plan.
//! Set by a lead or the case's owner, in one transaction, audited (members by staff code, the
//! plan old → new).
use super::super::centres::{check_handles, check_serves, check_visible};
use super::time::to_sql;
use super::{Actor, Result, Store, StoreError, audit, queries};
use crate::domain::case_rule::CaseRule;
use crate::domain::role::{Role, may_mediate};
use chrono::NaiveDateTime;

/// Longest plan kept (characters).
pub const PLAN_MAX: usize = 2000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseTeam {
    /// (staff id, code, name), by code.
    pub members: Vec<(i64, String, String)>,
    pub plan: String,
    pub updated_at: String,
}

impl Store {
    /// Replaces the case's team and plan. Members must be active mediators or leads; an empty
    /// team with an empty plan removes the team.
    pub fn set_case_team(
        &mut self,
        by: Actor,
        case: i64,
        members: &[i64],
        plan: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let plan: String = plan.trim().chars().take(PLAN_MAX).collect();
        self.write(|tx| {
            check_handles(tx, by, case)?;
            let owner = queries::owner(tx, case)?.ok_or(StoreError::NotFound)?;
            if by.role != Role::Lead && !(by.role == Role::Mediator && owner == Some(by.staff_id)) {
                return Err(StoreError::Forbidden);
            }
            for m in members {
                let member = queries::staff_role(tx, *m)?;
                if !member.is_some_and(|(role, active)| may_mediate(role, active)) {
                    return Err(StoreError::Case(CaseRule::TeamMember));
                }
                // From the handling centre or one above it (a county expert on a 专班).
                check_serves(tx, *m, case)?;
            }
            if !plan.is_empty() && members.is_empty() {
                return Err(StoreError::Case(CaseRule::TeamNoMembers));
            }
            let old_codes = queries::member_codes(tx, case)?;
            let old_plan = queries::team(tx, case)?
                .map(|(plan, _)| plan)
                .unwrap_or_default();
            let at = to_sql(now);
            queries::set_members(tx, case, members)?;
            if members.is_empty() {
                queries::remove_team(tx, case)?;
            } else {
                queries::set_plan(tx, case, &plan, &at, by.staff_id)?;
            }
            let new_codes = queries::member_codes(tx, case)?;
            let log = |field: &str, old: &str, new: &str| {
                audit::append(
                    tx,
                    audit::Entry {
                        at: &at,
                        staff_id: Some(by.staff_id),
                        case_id: Some(case),
                        action: "case.team",
                        field,
                        old,
                        new,
                    },
                )
            };
            if old_codes != new_codes {
                log("members", &old_codes, &new_codes)?;
            }
            if old_plan != plan {
                log("plan", &old_plan, &plan)?;
            }
            queries::touch(tx, case, &at)?;
            Ok(())
        })
    }

    /// The case's dedicated team, if it has one (NotFound: a case this connection does not see).
    pub fn case_team(&self, case: i64) -> Result<Option<CaseTeam>> {
        check_visible(self.db(), case)?;
        let Some((plan, updated_at)) = queries::team(self.lite()?, case)? else {
            return Ok(None);
        };
        Ok(Some(CaseTeam {
            members: queries::members(self.lite()?, case)?,
            plan,
            updated_at,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::risk::ResponseHours;
    use crate::store::{NewCase, NewParty};
    use chrono::NaiveDate;

    fn at(h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn add(s: &mut Store, by: Option<Actor>, code: &str, role: Role) -> Actor {
        crate::store::testing::add_staff(s, by, code, role, at(8))
    }

    #[test]
    fn lead_or_owner_sets_the_team_and_plan_audited_others_are_refused() {
        let mut s = Store::open_in_memory().unwrap();
        let lead = add(&mut s, None, "L1", Role::Lead);
        let desk = add(&mut s, Some(lead), "D1", Role::Desk);
        let m1 = add(&mut s, Some(lead), "M1", Role::Mediator);
        let m2 = add(&mut s, Some(lead), "M2", Role::Mediator);
        let m3 = add(&mut s, Some(lead), "M3", Role::Mediator);
        let c = NewCase::walk_in(
            at(9),
            "land",
            "多户宅基地纠纷",
            NewParty::named("王芳", None),
        );
        let id = s
            .create_case(desk, &c, &ResponseHours::default())
            .unwrap()
            .id;
        assert_eq!(s.case_team(id).unwrap(), None);
        // Nobody owns it yet: a mediator and the desk may not build the team.
        assert!(matches!(
            s.set_case_team(m1, id, &[m1.staff_id], "计划", at(10)),
            Err(StoreError::Forbidden)
        ));
        assert!(matches!(
            s.set_case_team(desk, id, &[m1.staff_id], "计划", at(10)),
            Err(StoreError::Forbidden)
        ));
        assert!(matches!(
            s.set_case_team(lead, id, &[desk.staff_id], "计划", at(10)),
            Err(StoreError::Case(CaseRule::TeamMember))
        ));
        s.set_case_team(
            lead,
            id,
            &[m2.staff_id, m1.staff_id],
            "先分户走访，再集中调解",
            at(10),
        )
        .unwrap();
        let t = s.case_team(id).unwrap().unwrap();
        let codes: Vec<&str> = t.members.iter().map(|m| m.1.as_str()).collect();
        assert_eq!(codes, ["M1", "M2"]);
        assert_eq!(t.plan, "先分户走访，再集中调解");
        s.assign_case(lead, id, m3.staff_id, "", at(11)).unwrap();
        // The owner edits it.
        s.set_case_team(m3, id, &[m1.staff_id, m3.staff_id], "改为联合调解", at(12))
            .unwrap();
        let t = s.case_team(id).unwrap().unwrap();
        assert_eq!(t.members.len(), 2);
        assert_eq!(t.plan, "改为联合调解");
        let log: Vec<(String, String, String)> = s
            .case_detail(id)
            .unwrap()
            .timeline
            .into_iter()
            .filter(|a| a.action == "case.team")
            .map(|a| (a.field, a.old, a.new))
            .collect();
        assert_eq!(
            log,
            [
                ("members".into(), "".into(), "M1 M2".into()),
                ("plan".into(), "".into(), "先分户走访，再集中调解".into()),
                ("members".into(), "M1 M2".into(), "M1 M3".into()),
                (
                    "plan".into(),
                    "先分户走访，再集中调解".into(),
                    "改为联合调解".into()
                ),
            ]
        );
        // An empty team removes it.
        s.set_case_team(lead, id, &[], "", at(13)).unwrap();
        assert_eq!(s.case_team(id).unwrap(), None);
    }
}
