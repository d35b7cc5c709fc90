//! The case status machine: 受理 accept → 办理 handle → 回访 follow up → close, and reopen.
use super::codes::code_enum;

code_enum! {
    pub enum Status ("status") {
        Registered = "registered",
        Assigned = "assigned",
        InMediation = "in_mediation",
        Agreement = "agreement",
        NoAgreement = "no_agreement",
        ReferredOut = "referred_out",
        Withdrawn = "withdrawn",
        AnsweredAtDesk = "answered",
        FollowUp = "follow_up",
        Closed = "closed",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a case cannot go from {from} to {to}")]
pub struct TransitionError {
    pub from: Status,
    pub to: Status,
}

impl TransitionError {
    pub fn i18n_key(&self) -> &'static str {
        "err.status.transition"
    }
}

impl Status {
    /// Still needs work from the centre: these cases fill queues and the red/orange counts.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            Status::Registered | Status::Assigned | Status::InMediation
        )
    }

    /// An outcome has been recorded (有理必果).
    pub fn is_outcome(self) -> bool {
        matches!(
            self,
            Status::Agreement
                | Status::NoAgreement
                | Status::ReferredOut
                | Status::Withdrawn
                | Status::AnsweredAtDesk
        )
    }

    /// Every status a case may move to from this one. Reopening is `Closed`/outcomes → `Assigned`
    /// (or `Registered` when nobody owns it), which the store decides from the owner.
    pub fn next(self) -> &'static [Status] {
        use Status::*;
        match self {
            Registered => &[Assigned, AnsweredAtDesk, ReferredOut, Withdrawn],
            Assigned => &[InMediation, ReferredOut, Withdrawn, Registered],
            InMediation => &[Agreement, NoAgreement, ReferredOut, Withdrawn],
            Agreement => &[FollowUp, Closed, Assigned],
            NoAgreement => &[ReferredOut, Closed, Assigned],
            ReferredOut => &[Closed, Assigned, Registered],
            Withdrawn => &[Closed, Assigned, Registered],
            AnsweredAtDesk => &[FollowUp, Closed, Registered],
            FollowUp => &[Closed, Assigned],
            Closed => &[Assigned, Registered],
        }
    }

    pub fn can_go_to(self, to: Status) -> bool {
        self.next().contains(&to)
    }

    pub fn check(self, to: Status) -> Result<(), TransitionError> {
        if self.can_go_to(to) {
            Ok(())
        } else {
            Err(TransitionError { from: self, to })
        }
    }

    /// Moving back to active work from an outcome, a follow-up or closure.
    pub fn is_reopen(self, to: Status) -> bool {
        !self.is_active() && to.is_active()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn the_usual_path_is_allowed() {
        let path = [
            Registered,
            Assigned,
            InMediation,
            Agreement,
            FollowUp,
            Closed,
        ];
        for w in path.windows(2) {
            assert_eq!(w[0].check(w[1]), Ok(()), "{} -> {}", w[0], w[1]);
        }
    }

    #[test]
    fn shortcuts_that_skip_handling_are_refused() {
        assert!(Registered.check(Closed).is_err());
        assert!(Registered.check(Agreement).is_err());
        assert!(Assigned.check(Agreement).is_err());
        assert!(Closed.check(FollowUp).is_err());
        assert!(InMediation.check(Closed).is_err());
        let e = Registered.check(Closed).unwrap_err();
        assert_eq!((e.from, e.to), (Registered, Closed));
    }

    #[test]
    fn every_terminal_state_can_reopen() {
        for s in [
            Agreement,
            NoAgreement,
            ReferredOut,
            Withdrawn,
            FollowUp,
            Closed,
        ] {
            assert!(
                s.can_go_to(Assigned) || s.can_go_to(Registered),
                "{s} cannot reopen"
            );
            assert!(s.is_reopen(Assigned));
        }
        assert!(!Assigned.is_reopen(InMediation));
    }

    #[test]
    fn active_and_outcome_partition() {
        for s in Status::ALL {
            assert!(!(s.is_active() && s.is_outcome()), "{s}");
        }
        assert_eq!(Status::ALL.iter().filter(|s| s.is_active()).count(), 3);
    }

    #[test]
    fn codes_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(*s));
        }
        assert_eq!(Status::from_code("nope"), None);
    }
}
