//! Where a case stands for a centre looking at it: the handling centre works it; the centre a
//! hand-over is addressed to signs for it or returns it; every other centre that reads it
//! (the sender, a lead above) reads it only.

/// A centre's standing on one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Standing {
    /// The centre handles the case (承办): it works it, within each person's role.
    #[default]
    Works,
    /// A hand-over of the case awaits this centre's answer (待签收): sign for it or return it.
    ToAnswer,
    /// Another centre handles it: read-only here.
    ReadOnly,
}

/// The standing of centre `own` on a case handled at `handling`, awaiting the sign-off of
/// `pending_to` (none: nothing pending). No own centre (nobody logged in): as the handler.
pub fn standing(own: Option<i64>, handling: i64, pending_to: Option<i64>) -> Standing {
    match own {
        None => Standing::Works,
        Some(me) if pending_to == Some(me) => Standing::ToAnswer,
        Some(me) if me == handling => Standing::Works,
        Some(_) => Standing::ReadOnly,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_handler_works_the_addressed_centre_answers_everyone_else_reads() {
        assert_eq!(standing(Some(4), 4, None), Standing::Works);
        // Sent up by 4 to 2: 4 still handles it, but 2 is the one to answer.
        assert_eq!(standing(Some(4), 4, Some(2)), Standing::Works);
        assert_eq!(standing(Some(2), 4, Some(2)), Standing::ToAnswer);
        assert_eq!(standing(Some(1), 4, Some(2)), Standing::ReadOnly);
        assert_eq!(standing(Some(4), 2, None), Standing::ReadOnly);
        assert_eq!(standing(None, 2, None), Standing::Works);
    }
}
