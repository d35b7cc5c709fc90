//! The one focus helper: Tab / Shift+Tab (and, in forms of one-line fields, ↓ / ↑) move through
//! a list of focusable items, wrapping around and skipping those that are not focusable now.
//! Every form and every list of columns or tabs cycles through it, and so does every choice
//! among fixed values changed with ← / → in place (channel, language, outcome, shift).
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// Which way focus moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Next,
    Prev,
}

impl Dir {
    /// Tab forward, Shift+Tab back.
    pub fn of_tab(key: KeyEvent) -> Option<Dir> {
        match key.code {
            KeyCode::Tab => Some(Dir::Next),
            KeyCode::BackTab => Some(Dir::Prev),
            _ => None,
        }
    }

    /// → or space forward, ← back: a choice among fixed values, changed where it stands.
    pub fn of_choice(key: KeyEvent) -> Option<Dir> {
        match key.code {
            KeyCode::Right | KeyCode::Char(' ') => Some(Dir::Next),
            KeyCode::Left => Some(Dir::Prev),
            _ => None,
        }
    }

    /// Tab or ↓ forward, Shift+Tab or ↑ back: forms whose fields are one line each.
    pub fn of_tab_or_arrow(key: KeyEvent) -> Option<Dir> {
        match key.code {
            KeyCode::Down => Some(Dir::Next),
            KeyCode::Up => Some(Dir::Prev),
            _ => Dir::of_tab(key),
        }
    }
}

/// The item after (or before) `current` in `items`, wrapping around. An item not in the list
/// counts as the first.
pub fn cycle<T: Copy + PartialEq>(items: &[T], current: T, dir: Dir) -> T {
    cycle_skipping(items, current, dir, |_| false)
}

/// As `cycle`, passing over the items `skip` names; `current` stays when none is left.
pub fn cycle_skipping<T: Copy + PartialEq>(
    items: &[T],
    current: T,
    dir: Dir,
    skip: impl Fn(T) -> bool,
) -> T {
    let n = items.len();
    let mut i = items.iter().position(|x| *x == current).unwrap_or(0);
    for _ in 0..n {
        i = cycle_index(i, n, dir);
        if !skip(items[i]) {
            return items[i];
        }
    }
    current
}

/// An index among `n` items (forms that number their fields 0…n-1, columns, tabs).
pub fn cycle_index(current: usize, n: usize, dir: Dir) -> usize {
    if n == 0 {
        return current;
    }
    match dir {
        Dir::Next => (current + 1) % n,
        Dir::Prev => (current + n - 1) % n,
    }
}

/// Tab / Shift+Tab / ↓ / ↑ move `focus` among `n` numbered fields; true when `key` did that.
pub fn move_by_key(focus: &mut usize, n: usize, key: KeyEvent) -> bool {
    match Dir::of_tab_or_arrow(key) {
        Some(dir) => {
            *focus = cycle_index(*focus, n, dir);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn cycles_both_ways_and_wraps() {
        let items = ['a', 'b', 'c'];
        assert_eq!(cycle(&items, 'a', Dir::Next), 'b');
        assert_eq!(cycle(&items, 'c', Dir::Next), 'a');
        assert_eq!(cycle(&items, 'a', Dir::Prev), 'c');
        assert_eq!(
            cycle(&items, 'x', Dir::Next),
            'b',
            "unknown counts as the first"
        );
        assert_eq!(cycle_index(4, 5, Dir::Next), 0);
        assert_eq!(cycle_index(0, 5, Dir::Prev), 4);
        assert_eq!(cycle_index(0, 1, Dir::Next), 0);
    }

    #[test]
    fn skips_what_is_not_focusable_now() {
        let items = [1, 2, 3, 4];
        let odd = |x: i32| x % 2 == 1;
        assert_eq!(cycle_skipping(&items, 2, Dir::Next, odd), 4);
        assert_eq!(cycle_skipping(&items, 4, Dir::Next, odd), 2);
        assert_eq!(cycle_skipping(&items, 2, Dir::Prev, odd), 4);
        assert_eq!(
            cycle_skipping(&items, 2, Dir::Next, |_| true),
            2,
            "none left"
        );
        assert_eq!(cycle_skipping::<i32>(&[], 7, Dir::Next, |_| false), 7);
    }

    #[test]
    fn keys_map_to_directions() {
        assert_eq!(Dir::of_tab(k(KeyCode::Tab)), Some(Dir::Next));
        assert_eq!(Dir::of_tab(k(KeyCode::BackTab)), Some(Dir::Prev));
        assert_eq!(Dir::of_tab(k(KeyCode::Down)), None);
        assert_eq!(Dir::of_tab_or_arrow(k(KeyCode::Down)), Some(Dir::Next));
        assert_eq!(Dir::of_tab_or_arrow(k(KeyCode::Up)), Some(Dir::Prev));
        assert_eq!(Dir::of_tab_or_arrow(k(KeyCode::Enter)), None);
        assert_eq!(Dir::of_choice(k(KeyCode::Right)), Some(Dir::Next));
        assert_eq!(Dir::of_choice(k(KeyCode::Char(' '))), Some(Dir::Next));
        assert_eq!(Dir::of_choice(k(KeyCode::Left)), Some(Dir::Prev));
        assert_eq!(Dir::of_choice(k(KeyCode::Tab)), None);
        let mut focus = 2;
        assert!(move_by_key(&mut focus, 3, k(KeyCode::Down)));
        assert_eq!(focus, 0);
        assert!(move_by_key(&mut focus, 3, k(KeyCode::BackTab)));
        assert_eq!(focus, 2);
        assert!(!move_by_key(&mut focus, 3, k(KeyCode::Left)));
        assert_eq!(focus, 2);
    }
}
