//! A case's passage through the centres: the stretches it spent at each, from the hand-overs
//! that moved it.
use chrono::NaiveDateTime;

/// A case's passage through the centres: where it was received, then every hand-over that
/// moved it (signed or overruled), in time order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub to: i64,
    pub at: NaiveDateTime,
}

/// One stretch of a case at one centre: from when it arrived until it moved on (none: still
/// there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stage {
    pub centre: i64,
    pub from: NaiveDateTime,
    pub until: Option<NaiveDateTime>,
}

/// The stages of a case received at `received_centre` at `received`, moved by `moves`.
pub fn stages(received_centre: i64, received: NaiveDateTime, moves: &[Move]) -> Vec<Stage> {
    let mut moves = moves.to_vec();
    moves.sort_by_key(|m| m.at);
    let mut out = vec![Stage {
        centre: received_centre,
        from: received,
        until: None,
    }];
    for m in moves {
        if let Some(last) = out.last_mut() {
            last.until = Some(m.at);
        }
        out.push(Stage {
            centre: m.to,
            from: m.at,
            until: None,
        });
    }
    out
}
