//! The 3-2-1 ladder (321 工作法): up to 3 attempts in the village, 2 in the township, 1 in the county.
use super::codes::code_enum;

code_enum! {
    pub enum Level ("level") {
        Village = "village",
        Township = "township",
        County = "county",
    }
}

impl Level {
    pub fn max_attempts(self) -> u32 {
        match self {
            Level::Village => 3,
            Level::Township => 2,
            Level::County => 1,
        }
    }

    pub fn next(self) -> Option<Level> {
        match self {
            Level::Village => Some(Level::Township),
            Level::Township => Some(Level::County),
            Level::County => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LadderError {
    #[error("all attempts at this level are used: escalate")]
    AttemptsUsed,
    #[error("the county is the top of the ladder: refer the case out")]
    TopReached,
}

impl LadderError {
    pub fn i18n_key(&self) -> &'static str {
        match self {
            LadderError::AttemptsUsed => "err.ladder.attempts_used",
            LadderError::TopReached => "err.ladder.top_reached",
        }
    }
}

/// Where a case stands on the ladder: its current level and attempts made at each level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ladder {
    pub level: Level,
    /// Attempts at village, township, county.
    pub attempts: [u32; 3],
}

impl Default for Ladder {
    fn default() -> Self {
        Ladder {
            level: Level::Village,
            attempts: [0; 3],
        }
    }
}

impl Ladder {
    pub fn attempts_at(&self, level: Level) -> u32 {
        self.attempts[level as usize]
    }

    pub fn remaining(&self) -> u32 {
        self.level
            .max_attempts()
            .saturating_sub(self.attempts_at(self.level))
    }

    pub fn record_attempt(&mut self) -> Result<(), LadderError> {
        if self.remaining() == 0 {
            return Err(LadderError::AttemptsUsed);
        }
        self.attempts[self.level as usize] += 1;
        Ok(())
    }

    /// The system proposes escalation once a level's attempts are used up.
    pub fn should_escalate(&self) -> bool {
        self.remaining() == 0 && self.level.next().is_some()
    }

    /// Escalation is allowed at any time (a lead may judge a case too big for the village).
    pub fn escalate(&mut self) -> Result<Level, LadderError> {
        let next = self.level.next().ok_or(LadderError::TopReached)?;
        self.level = next;
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_two_one() {
        let mut l = Ladder::default();
        for _ in 0..3 {
            assert!(!l.should_escalate());
            l.record_attempt().unwrap();
        }
        assert_eq!(l.record_attempt(), Err(LadderError::AttemptsUsed));
        assert!(l.should_escalate());
        assert_eq!(l.escalate(), Ok(Level::Township));
        assert_eq!(l.remaining(), 2);
        l.record_attempt().unwrap();
        l.record_attempt().unwrap();
        assert!(l.should_escalate());
        assert_eq!(l.escalate(), Ok(Level::County));
        l.record_attempt().unwrap();
        assert_eq!(l.remaining(), 0);
        // Top of the ladder: nothing to propose, escalation refused.
        assert!(!l.should_escalate());
        assert_eq!(l.escalate(), Err(LadderError::TopReached));
        assert_eq!(l.attempts, [3, 2, 1]);
    }

    #[test]
    fn early_escalation_keeps_counts() {
        let mut l = Ladder::default();
        l.record_attempt().unwrap();
        l.escalate().unwrap();
        assert_eq!(l.attempts_at(Level::Village), 1);
        assert_eq!(l.attempts_at(Level::Township), 0);
        assert_eq!(l.remaining(), 2);
    }
}
