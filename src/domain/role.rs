//! Staff roles and what each may do. The store checks these before every write.
use super::codes::code_enum;

code_enum! {
    pub enum Role ("role") {
        Desk = "desk",
        Mediator = "mediator",
        Lead = "lead",
    }
}

/// Things a member of staff may or may not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Register a new case or attach a visit to an existing one.
    Register,
    /// Give an unassigned case its first owner.
    Route,
    /// Take a case from one owner and give it to another.
    Reassign,
    /// Record attempts, sessions, outcomes and follow-ups on a case one owns.
    WorkOwnCase,
    /// The same on anybody's case.
    WorkAnyCase,
    AddNote,
    BookSession,
    Close,
    Reopen,
    /// See unmasked ID and phone numbers of cases one owns.
    SeeOwnNumbers,
    /// See unmasked numbers of every case.
    SeeAllNumbers,
    PrintHandover,
    ManageStaff,
    /// Anonymise old closed cases (retention).
    Purge,
    /// Bring cases in from a file (moving from paper or an older system).
    Import,
    /// Be alerted to new red cases and acknowledge them (domain/red_alert.rs).
    RedAlert,
}

impl Role {
    pub fn may(self, p: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Lead => true,
            Role::Desk => matches!(p, Register | Route | AddNote | BookSession | PrintHandover),
            Role::Mediator => {
                matches!(
                    p,
                    WorkOwnCase | AddNote | BookSession | SeeOwnNumbers | Register
                )
            }
        }
    }

    /// May this person work on a case owned by `owner`? (a mediator works their own cases)
    pub fn may_work(self, me: i64, owner: Option<i64>) -> bool {
        self.may(Permission::WorkAnyCase)
            || (self.may(Permission::WorkOwnCase) && owner == Some(me))
    }

    /// May this person see full personal numbers on a case owned by `owner`?
    pub fn may_see_numbers(self, me: i64, owner: Option<i64>) -> bool {
        self.may(Permission::SeeAllNumbers)
            || (self.may(Permission::SeeOwnNumbers) && owner == Some(me))
    }
}

/// Who may mediate — own a case, sit on its dedicated team, sit in a session as a mediator:
/// an active account that is not a desk clerk's.
pub fn may_mediate(role: Role, active: bool) -> bool {
    active && role != Role::Desk
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::*;

    #[test]
    fn clerk_registers_and_routes_but_cannot_close_or_reassign() {
        let r = Role::Desk;
        assert!(r.may(Register) && r.may(Route));
        for p in [
            Reassign,
            Close,
            Reopen,
            WorkAnyCase,
            WorkOwnCase,
            SeeAllNumbers,
            ManageStaff,
            Import,
            RedAlert,
        ] {
            assert!(!r.may(p), "{p:?}");
        }
        assert!(!r.may_work(1, None));
        assert!(!r.may_see_numbers(1, Some(1)));
    }

    #[test]
    fn mediator_works_only_own_cases() {
        let r = Role::Mediator;
        assert!(r.may_work(7, Some(7)));
        assert!(!r.may_work(7, Some(8)));
        assert!(!r.may_work(7, None));
        assert!(r.may_see_numbers(7, Some(7)));
        assert!(!r.may_see_numbers(7, Some(8)));
        assert!(!r.may(Close) && !r.may(Reassign) && !r.may(Import) && !r.may(RedAlert));
    }

    #[test]
    fn active_mediators_and_leads_mediate_clerks_and_closed_accounts_do_not() {
        assert!(may_mediate(Role::Mediator, true) && may_mediate(Role::Lead, true));
        assert!(!may_mediate(Role::Desk, true));
        assert!(!may_mediate(Role::Mediator, false) && !may_mediate(Role::Lead, false));
    }

    #[test]
    fn lead_may_do_everything() {
        for p in [
            Register,
            Route,
            Reassign,
            WorkAnyCase,
            Close,
            Reopen,
            SeeAllNumbers,
            ManageStaff,
            Import,
            RedAlert,
        ] {
            assert!(Role::Lead.may(p), "{p:?}");
        }
        assert!(Role::Lead.may_work(1, Some(2)));
        assert!(Role::Lead.may_see_numbers(1, None));
    }
}
