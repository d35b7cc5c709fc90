//! Where the logged-in person works: the county's tree of centres and their own centre, read
//! once at login (a tree is small and rarely changes). A record with one centre shows nothing
//! of centres anywhere: `several()` is false.
use crate::domain::centre::{Centre, CentreTree};
use crate::domain::ladder::Level;
use crate::domain::role::Role;
use crate::domain::transfer::{Standing, standing};
use crate::store::{CaseRow, Result, Store};

#[derive(Debug, Clone, Default)]
pub struct Place {
    pub tree: CentreTree,
    /// The person's centre (none before a login).
    pub own: Option<Centre>,
    pub role: Option<Role>,
}

impl Place {
    pub fn load(store: &Store, staff_id: i64, role: Role) -> Result<Place> {
        Ok(Place {
            tree: store.centre_tree()?,
            own: Some(store.staff_centre(staff_id)?),
            role: Some(role),
        })
    }

    /// The record has more than one centre: the panes show centres.
    pub fn several(&self) -> bool {
        self.tree.len() > 1
    }

    pub fn own_id(&self) -> Option<i64> {
        self.own.as_ref().map(|c| c.id)
    }

    /// A lead of a township or the county, in a record of several centres: their lists show
    /// each case's centre and may be narrowed to one centre.
    pub fn lead_above_village(&self) -> bool {
        self.several()
            && self.role == Some(Role::Lead)
            && self.own.as_ref().is_some_and(|c| c.level != Level::Village)
    }

    /// The centres this person reads: their own, and for a lead every centre below it, in the
    /// tree's order (own first).
    pub fn visible(&self) -> Vec<&Centre> {
        let (Some(own), Some(role)) = (self.own.as_ref(), self.role) else {
            return Vec::new();
        };
        self.tree
            .visible_to(role, own.id)
            .into_iter()
            .filter_map(|id| self.tree.get(id))
            .collect()
    }

    /// Active centres below the person's own (where a case may be handed down: 交办).
    pub fn below(&self) -> Vec<&Centre> {
        let Some(own) = self.own.as_ref() else {
            return Vec::new();
        };
        self.tree
            .subtree(own.id)
            .into_iter()
            .skip(1)
            .filter_map(|id| self.tree.get(id))
            .filter(|c| c.active)
            .collect()
    }

    /// The centre above the person's own (where a case is handed up: 上报), if any.
    pub fn parent(&self) -> Option<&Centre> {
        self.tree.parent(self.own_id()?)
    }

    /// A centre's name; its id when it is unknown (not in the tree read at login).
    pub fn name(&self, id: i64) -> String {
        self.tree
            .get(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    /// This person's centre's standing on a case (works it, answers its hand-over, reads it).
    pub fn standing(&self, row: &CaseRow) -> Standing {
        standing(self.own_id(), row.centre_id, row.pending_to)
    }
}
