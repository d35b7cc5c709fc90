//! Down the ladder: a township or county case handed down (交办) to a village, signed for,
//! sent back (退单) and overruled (审定) or taken back, or still awaiting sign-off.
use super::work::{desk, later};
use super::{Answer, Flow, Run};
use crate::domain::ladder::Level;
use crate::domain::transfer::ReturnCode;
use crate::store::StoreError;
use chrono::{Duration, NaiveDateTime};
use rand::Rng;

/// A hand-down leaves the hour after its case came.
pub(super) fn down_sent(f: &Flow) -> NaiveDateTime {
    f.received + Duration::hours(1)
}

impl Run<'_> {
    /// A township or county case handed down to a village where the parties live, the hour
    /// after it came; the village signs the next working morning (or sends it back, or waits).
    pub(super) fn down(&mut self, f: &Flow, answer: Answer) -> Result<(), StoreError> {
        let sent = down_sent(f);
        let (from, _) = self.at_centre(f.centre)?;
        let villages: Vec<i64> = self
            .tree
            .all()
            .iter()
            .filter(|c| c.level == Level::Village && self.tree.is_within(c.id, from.id))
            .map(|c| c.id)
            .collect();
        let to = villages[self.rng.random_range(0..villages.len())];
        let village = desk(self.store, &self.tree, to)?;
        let name = self
            .tree
            .get(to)
            .map_or("", |c| c.name.as_str())
            .to_string();
        let why = format!("当事人居住在{name}辖区，请属地签收办理并按期回复");
        let handed = self
            .store
            .hand_down(from.desk, f.case_id, to, &why, None, sent)?;
        let answered = later(sent, 1, 9, 30);
        if answer == Answer::Wait || answered >= self.now {
            self.report.down_pending += 1;
            let late = handed.reply_by.is_some_and(|d| d < self.now);
            self.report.down_overdue += u64::from(late);
            return Ok(());
        }
        let from_level = self.tree.get(from.id).ok_or(StoreError::NotFound)?.level;
        let Answer::Return { overrule } = answer else {
            self.store
                .sign(village.desk, f.case_id, &self.hours, answered)?;
            self.report.down_signed += 1;
            self.moved(from_level, Level::Village);
            self.work(&village, f.case_id, answered, 1)?;
            return Ok(());
        };
        let note = "经核实，当事人户籍及居住地均不在本村，请核实后重新交办";
        self.store.return_transfer(
            village.desk,
            f.case_id,
            ReturnCode::WrongLocality,
            "",
            note,
            answered,
        )?;
        self.report.down_returned += 1;
        let decided = answered + Duration::hours(2);
        if decided >= self.now {
            return Ok(());
        }
        if overrule {
            let why = "经镇网格员核实，当事人长期居住在该村，维持交办";
            self.store
                .overrule(from.lead, f.case_id, why, &self.hours, decided)?;
            self.report.down_overruled += 1;
            self.moved(from_level, Level::Village);
            self.work(&village, f.case_id, decided, 1)?;
        } else {
            self.work(&from, f.case_id, decided, 1)?;
        }
        Ok(())
    }
}
