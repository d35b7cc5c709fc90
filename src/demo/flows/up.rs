//! Up the ladder: a village case with its attempts used handed up (上报) and signed for (签收)
//! by its township, some on to the county; an early hand-up returned (退回).
use super::work::{desk, later};
use super::{Flow, Run};
use crate::domain::ladder::Level;
use crate::domain::role::Role;
use crate::domain::transfer::ReturnCode;
use crate::store::{Actor, StoreError};
use rand::Rng;

impl Run<'_> {
    /// its last session; signed the next, worked there; a few go on to the county.
    pub(super) fn up(&mut self, f: &Flow) -> Result<(), StoreError> {
        let sent = later(f.last, 1, 10, 0);
        if sent >= self.now {
            return Ok(());
        }
        let (village, Some(township)) = self.at_centre(f.centre)? else {
            return Ok(());
        };
        let handed = self.store.hand_up(village.desk, f.case_id, "", sent)?;
        self.report.up_with_session += u64::from(!handed.sessions.is_empty());
        let signed = later(sent, 1, 9, 30);
        if signed >= self.now {
            self.report.up_pending += 1;
            return Ok(());
        }
        self.store
            .sign(township.desk, f.case_id, &self.hours, signed)?;
        self.report.up_signed[0] += 1;
        self.moved(Level::Village, Level::Township);
        let Some((m, t)) = self.work(&township, f.case_id, signed, 1)? else {
            return Ok(());
        };
        // About one in eight fails twice at the township and goes on to the county.
        if self.rng.random_range(0..8) > 0 {
            return self.resolve(&township, m, f.case_id, t, 0);
        }
        let Some(t) = self.attempt_by(m, f.case_id, t)? else {
            return Ok(());
        };
        let sent = later(t, 1, 10, 0);
        let signed = later(sent, 1, 9, 30);
        if signed >= self.now {
            return Ok(());
        }
        let county = desk(self.store, &self.tree, self.tree_parent(township.id)?)?;
        self.store.hand_up(township.desk, f.case_id, "", sent)?;
        self.store
            .sign(county.desk, f.case_id, &self.hours, signed)?;
        self.report.up_signed[1] += 1;
        self.moved(Level::Township, Level::County);
        if let Some((m, t)) = self.work(&county, f.case_id, signed, 1)? {
            self.resolve(&county, m, f.case_id, t, 1)?;
        }
        Ok(())
    }

    /// A village lead hands a case up after two attempts (a reason: it grew too big); the
    /// township returns it, the village's attempts not exhausted, and the village tries again.
    pub(super) fn up_early(&mut self, f: &Flow) -> Result<(), StoreError> {
        let sent = later(f.last, 1, 10, 0);
        if sent >= self.now {
            return Ok(());
        }
        let (village, Some(township)) = self.at_centre(f.centre)? else {
            return Ok(());
        };
        let why = "双方情绪对立，村级调解难以推进，提请镇综治中心介入";
        let handed = self.store.hand_up(village.lead, f.case_id, why, sent)?;
        self.report.up_with_session += u64::from(!handed.sessions.is_empty());
        let answered = later(sent, 1, 9, 30);
        if answered >= self.now {
            self.report.up_pending += 1;
            return Ok(());
        }
        let note = "村级三次调解尚未用完，请再组织一次调解，镇调解员可到场指导";
        self.store.return_transfer(
            township.desk,
            f.case_id,
            ReturnCode::NotExhausted,
            "",
            note,
            answered,
        )?;
        self.report.up_returned += 1;
        if let Some(owner) = f.owner {
            let m = Actor {
                staff_id: owner,
                role: Role::Mediator,
            };
            self.attempt_by(m, f.case_id, answered)?;
        }
        Ok(())
    }
}
