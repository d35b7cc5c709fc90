//! What the case list shows: filter chips (combinable, one per kind, cleared one by one) and the
//! sort. Pure data; the store turns it into SQL (store/case_list.rs).
use super::channel::Channel;
use super::codes::code_enum;
use super::ladder::Level;
use super::risk::Colour;
use super::status::Status;
use chrono::NaiveDate;

code_enum! {
    /// What a paused case waits for; its clock stops meanwhile.
    pub enum Waiting ("waiting") {
        Party = "party",
        Agency = "agency",
        Documents = "documents",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerFilter {
    Staff(i64),
    Unassigned,
}

/// One filter. A list shows cases matching every chip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chip {
    /// Still needs work (registered, assigned, in mediation).
    Open,
    Status(Status),
    Colour(Colour),
    Category(String),
    Channel(Channel),
    Owner(OwnerFilter),
    Level(Level),
    /// Received on or after `from` and on or before `to`.
    Received {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Open and past its deadline.
    Overdue,
    /// A follow-up visit is due (today or earlier) and not done.
    NeedsFollowUp,
    /// Handled by this centre (a lead above village level narrows the list to one of theirs).
    Centre(i64),
}

impl Chip {
    /// Chips of the same kind replace each other.
    fn kind(&self) -> u8 {
        match self {
            Chip::Open | Chip::Status(_) => 0,
            Chip::Colour(_) => 1,
            Chip::Category(_) => 2,
            Chip::Channel(_) => 3,
            Chip::Owner(_) => 4,
            Chip::Level(_) => 5,
            Chip::Received { .. } => 6,
            Chip::Overdue => 7,
            Chip::NeedsFollowUp => 8,
            Chip::Centre(_) => 9,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    pub chips: Vec<Chip>,
}

impl CaseFilter {
    /// A mediator's queue (or the unassigned queue): open cases of one owner.
    pub fn queue(owner: OwnerFilter) -> Self {
        CaseFilter {
            chips: vec![Chip::Open, Chip::Owner(owner)],
        }
    }

    pub fn open() -> Self {
        CaseFilter {
            chips: vec![Chip::Open],
        }
    }

    /// Adds a chip, replacing one of the same kind in place.
    pub fn set(&mut self, chip: Chip) {
        match self.chips.iter_mut().find(|c| c.kind() == chip.kind()) {
            Some(c) => *c = chip,
            None => self.chips.push(chip),
        }
    }

    /// Removes the most recently added chip; false when there was none.
    pub fn pop(&mut self) -> bool {
        self.chips.pop().is_some()
    }

    /// Only open cases can match (so the partial "active" indexes apply).
    pub fn open_only(&self) -> bool {
        self.chips.iter().any(|c| match c {
            Chip::Open | Chip::Overdue => true,
            Chip::Status(s) => s.is_active(),
            _ => false,
        })
    }
}

/// Sortable columns. Every order ends with (received, id) so keyset paging is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Colour, then newest: the urgency order of queues.
    Urgency,
    /// Newest first (reversed: oldest first = most days open).
    Received,
    CaseNo,
    Category,
    Status,
    Owner,
    Level,
    Deadline,
}

impl SortKey {
    pub const ALL: [SortKey; 8] = [
        SortKey::Urgency,
        SortKey::Received,
        SortKey::CaseNo,
        SortKey::Category,
        SortKey::Status,
        SortKey::Owner,
        SortKey::Level,
        SortKey::Deadline,
    ];

    pub fn next(self) -> SortKey {
        let i = SortKey::ALL.iter().position(|k| *k == self).unwrap_or(0);
        SortKey::ALL[(i + 1) % SortKey::ALL.len()]
    }

    pub fn i18n_key(self) -> &'static str {
        match self {
            SortKey::Urgency => "ui.cases.sort.urgency",
            SortKey::Received => "ui.cases.sort.received",
            SortKey::CaseNo => "ui.cases.sort.case_no",
            SortKey::Category => "ui.cases.sort.category",
            SortKey::Status => "ui.cases.sort.status",
            SortKey::Owner => "ui.cases.sort.owner",
            SortKey::Level => "ui.cases.sort.level",
            SortKey::Deadline => "ui.cases.sort.deadline",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub reversed: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Urgency,
            reversed: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_kind_replaces_and_pop_clears_one_by_one() {
        let mut f = CaseFilter::open();
        f.set(Chip::Colour(Colour::Red));
        f.set(Chip::Status(Status::Closed));
        f.set(Chip::Colour(Colour::Blue));
        assert_eq!(
            f.chips,
            vec![Chip::Status(Status::Closed), Chip::Colour(Colour::Blue)]
        );
        assert!(!f.open_only());
        assert!(f.pop());
        assert!(f.pop());
        assert!(!f.pop());
    }

    #[test]
    fn queue_is_open_only() {
        assert!(CaseFilter::queue(OwnerFilter::Unassigned).open_only());
        let mut f = CaseFilter::default();
        f.set(Chip::Status(Status::InMediation));
        assert!(f.open_only());
        assert!(!CaseFilter::default().open_only());
    }

    #[test]
    fn sort_cycles_through_all() {
        let mut k = SortKey::Urgency;
        for _ in 0..SortKey::ALL.len() {
            k = k.next();
        }
        assert_eq!(k, SortKey::Urgency);
    }
}
