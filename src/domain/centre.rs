//! Centres and levels: the county's tree of village stations, township centres and the county
//! centre; who sees which centre's cases; how a centre's case numbers read.
use super::ladder::Level;
use super::role::Role;
use chrono::NaiveDateTime;

/// One centre of the tree, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Centre {
    pub id: i64,
    /// Short ASCII code typed in commands (`--centre DX`) and carried by case numbers.
    pub code: String,
    pub name: String,
    pub level: Level,
    pub parent_id: Option<i64>,
    /// What this centre's case numbers start with: empty for the centre a single-centre
    /// database had before centres existed (its numbers stay as they were), else the code.
    pub number_prefix: String,
    pub address: String,
    pub phone: String,
    pub active: bool,
    /// Its own working hours and days; None: the record's default (the config's `[hours]`).
    pub hours: Option<super::slots::WorkTime>,
}

/// Why a centre cannot be added or changed as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CentreRule {
    #[error("a centre code is 2 to 8 capital letters or digits")]
    BadCode,
    #[error("a centre needs a name")]
    NoName,
    #[error("that centre code is taken")]
    CodeTaken,
    #[error("no such centre")]
    NoSuchCentre,
    #[error("a village sits under a township, a township under the county")]
    WrongParentLevel,
    #[error("the county centre is the top of the tree: it has no parent")]
    CountyHasParent,
    #[error("a centre cannot sit under itself or one of its own centres")]
    Cycle,
    #[error("a centre that still has active centres under it cannot be disabled")]
    HasActiveChildren,
    #[error("that centre is neither yours nor below yours")]
    OutsideView,
    #[error("that member of staff works at a centre that does not handle this case")]
    StaffElsewhere,
    #[error("that room belongs to another centre")]
    RoomElsewhere,
}

impl CentreRule {
    pub fn i18n_key(&self) -> &'static str {
        match self {
            CentreRule::BadCode => "err.centre.bad_code",
            CentreRule::NoName => "err.centre.no_name",
            CentreRule::CodeTaken => "err.centre.code_taken",
            CentreRule::NoSuchCentre => "err.centre.no_such",
            CentreRule::WrongParentLevel => "err.centre.parent_level",
            CentreRule::CountyHasParent => "err.centre.county_parent",
            CentreRule::Cycle => "err.centre.cycle",
            CentreRule::HasActiveChildren => "err.centre.active_children",
            CentreRule::OutsideView => "err.centre.outside_view",
            CentreRule::StaffElsewhere => "err.centre.staff_elsewhere",
            CentreRule::RoomElsewhere => "err.centre.room_elsewhere",
        }
    }
}

/// A code is what a clerk types and reads aloud in a case number: 2–8 of A–Z and 0–9.
pub fn check_code(code: &str) -> Result<(), CentreRule> {
    let ok = (2..=8).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if ok { Ok(()) } else { Err(CentreRule::BadCode) }
}

/// The level a centre's parent must have: a village under a township, a township under the
/// county; the county has none.
pub fn parent_level(level: Level) -> Option<Level> {
    level.next()
}

/// `2026-1124-007` for the original centre, `DX-2026-1124-007` for another: the day it was
/// received and a counter per centre and day that never goes back.
pub fn case_no(prefix: &str, received: NaiveDateTime, n: i64) -> String {
    let day = received.format("%Y-%m%d");
    if prefix.is_empty() {
        format!("{day}-{n:03}")
    } else {
        format!("{prefix}-{day}-{n:03}")
    }
}

/// The key of a centre's day counter: the bare day for the original centre (as before
/// centres existed), `PREFIX:day` for the others.
pub fn counter_key(prefix: &str, received: NaiveDateTime) -> String {
    let day = received.format("%Y-%m-%d");
    if prefix.is_empty() {
        day.to_string()
    } else {
        format!("{prefix}:{day}")
    }
}

/// A database of one centre reads without anyone named, as before centres existed; one of
/// several shows nothing until someone says who they are (their view of the tree).
pub fn open_to_all(centres: usize) -> bool {
    centres == 1
}

/// The whole tree, read once; small (a county has at most a few hundred centres).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CentreTree {
    centres: Vec<Centre>,
}

impl CentreTree {
    pub fn new(mut centres: Vec<Centre>) -> CentreTree {
        centres.sort_by_key(|c| c.id);
        CentreTree { centres }
    }

    pub fn all(&self) -> &[Centre] {
        &self.centres
    }

    pub fn len(&self) -> usize {
        self.centres.len()
    }

    pub fn is_empty(&self) -> bool {
        self.centres.is_empty()
    }

    pub fn get(&self, id: i64) -> Option<&Centre> {
        self.centres
            .binary_search_by_key(&id, |c| c.id)
            .ok()
            .map(|i| &self.centres[i])
    }

    pub fn by_code(&self, code: &str) -> Option<&Centre> {
        self.centres
            .iter()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }

    pub fn parent(&self, id: i64) -> Option<&Centre> {
        self.get(id)?.parent_id.and_then(|p| self.get(p))
    }

    pub fn children(&self, id: i64) -> impl Iterator<Item = &Centre> {
        self.centres.iter().filter(move |c| c.parent_id == Some(id))
    }

    /// `id` and every centre below it, `id` first.
    pub fn subtree(&self, id: i64) -> Vec<i64> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            let at = out[i];
            out.extend(self.children(at).map(|c| c.id));
            i += 1;
        }
        out
    }

    /// The length of the longest case number the tree hands out (up to 999 a day): 13 for the
    /// original centre's, its code and a dash more for another's.
    pub fn case_no_width(&self) -> usize {
        self.centres
            .iter()
            .map(|c| case_no(&c.number_prefix, NaiveDateTime::default(), 1).len())
            .max()
            .unwrap_or(13)
    }

    /// Every centre in reading order, each after its parent and indented by its depth: the
    /// tops (county centres) by code, under each its children by code.
    pub fn depth_first(&self) -> Vec<(usize, &Centre)> {
        fn by_code(mut v: Vec<&Centre>) -> Vec<&Centre> {
            v.sort_by(|a, b| a.code.cmp(&b.code));
            v
        }
        let tops = self
            .centres
            .iter()
            .filter(|c| c.parent_id.is_none_or(|p| self.get(p).is_none()))
            .collect();
        let mut todo: Vec<(usize, &Centre)> =
            by_code(tops).into_iter().rev().map(|c| (0, c)).collect();
        let mut out: Vec<(usize, &Centre)> = Vec::with_capacity(self.centres.len());
        while let Some((depth, c)) = todo.pop() {
            if out.iter().any(|(_, seen)| seen.id == c.id) {
                continue;
            }
            out.push((depth, c));
            let kids = by_code(self.children(c.id).collect());
            todo.extend(kids.into_iter().rev().map(|k| (depth + 1, k)));
        }
        out
    }

    /// The centres from `id` up to the top, `id` first.
    pub fn path_up(&self, id: i64) -> Vec<i64> {
        let mut out = Vec::new();
        let mut at = self.get(id);
        while let Some(c) = at {
            if out.contains(&c.id) {
                break;
            }
            out.push(c.id);
            at = c.parent_id.and_then(|p| self.get(p));
        }
        out
    }

    /// Is `id` the centre `top` or below it?
    pub fn is_within(&self, id: i64, top: i64) -> bool {
        self.path_up(id).contains(&top)
    }

    /// The checks for a new centre (or a changed parent/level of an existing one, `id`).
    pub fn check_place(
        &self,
        id: Option<i64>,
        code: &str,
        name: &str,
        level: Level,
        parent: Option<i64>,
    ) -> Result<(), CentreRule> {
        check_code(code)?;
        if name.trim().is_empty() {
            return Err(CentreRule::NoName);
        }
        if self.by_code(code).is_some_and(|c| Some(c.id) != id) {
            return Err(CentreRule::CodeTaken);
        }
        match (parent_level(level), parent) {
            (None, Some(_)) => Err(CentreRule::CountyHasParent),
            (None, None) => Ok(()),
            (Some(_), None) => Err(CentreRule::WrongParentLevel),
            (Some(want), Some(p)) => {
                let p = self.get(p).ok_or(CentreRule::NoSuchCentre)?;
                if id.is_some_and(|me| self.is_within(p.id, me)) {
                    return Err(CentreRule::Cycle);
                }
                if p.level != want {
                    return Err(CentreRule::WrongParentLevel);
                }
                Ok(())
            }
        }
    }

    /// The centres whose cases a member of staff at `centre` sees: a lead their centre and every
    /// centre below it, anyone else their own centre only.
    pub fn visible_to(&self, role: Role, centre: i64) -> Vec<i64> {
        if role == Role::Lead {
            self.subtree(centre)
        } else {
            vec![centre]
        }
    }

    /// The centre a report is for (a handover sheet, a monthly report): the asker's own (`own`),
    /// or the one `asked` names (a code) if the asker sees it — a lead names their centre or one
    /// below it.
    pub fn report_centre(
        &self,
        role: Role,
        own: i64,
        asked: Option<&str>,
    ) -> Result<i64, CentreRule> {
        let Some(code) = asked else { return Ok(own) };
        let c = self.by_code(code.trim()).ok_or(CentreRule::NoSuchCentre)?;
        if self.visible_to(role, own).contains(&c.id) {
            Ok(c.id)
        } else {
            Err(CentreRule::OutsideView)
        }
    }
    /// What a member of staff (`role` at centre `own`) may do with a case handled at `case`:
    /// the handling centre works it; a lead of a centre above it supervises it (督办: notes
    /// and a deadline); nobody else learns it exists.
    pub fn reach(&self, role: Role, own: i64, case: i64) -> Reach {
        if case == own {
            Reach::Handles
        } else if self.visible_to(role, own).contains(&case) {
            Reach::Supervises
        } else {
            Reach::Hidden
        }
    }

    /// Whether staff of `staff` may serve a case handled at `case` (be booked for its
    /// sessions, sit on its team): from the handling centre or a centre above it — a county
    /// mediator may sit in a township's session, a village's may not sit in the county's.
    pub fn may_serve(&self, staff: i64, case: i64) -> bool {
        self.is_within(case, staff)
    }
}

/// A member of staff's relation to a case (`CentreTree::reach`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Their centre handles the case (承办): they work it, within their role.
    Handles,
    /// A lead of a centre above the handling one: reads it, adds notes, sets a deadline (督办).
    Supervises,
    /// Another centre's case: not readable, not even its existence.
    Hidden,
}

/// County-wide actions are a lead's of the county centre: adding, editing and disabling
/// centres, and purging old cases' personal data (retention is the county record's).
pub fn county_wide(role: Role, own_level: Level) -> bool {
    role == Role::Lead && own_level == Level::County
}

/// The rung of the ladder a case registered at a centre of `level` starts on: that centre's
/// own in a tree of several (a walk-in at a township is tried there first: 大事不出乡); the
/// village with one centre, whose ladder is a label moved by hand (as before centres).
pub fn intake_level(centres: usize, level: Level) -> Level {
    if centres > 1 { level } else { Level::Village }
}

/// Only a lead of the county centre adds, edits and disables centres.
pub fn may_manage_centres(role: Role, own_level: Level) -> bool {
    county_wide(role, own_level)
}

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
