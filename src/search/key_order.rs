//! Pinyin keys sorted by bytes, so every exact and prefix hit of an ASCII
//! query is one binary search away: the scan is then needed only for the
//! weaker substring / fuzzy tiers, and usually not at all.

/// One key: where it starts in the keys buffer and whose it is.
#[derive(Debug, Clone, Copy)]
pub struct KeyRef {
    pub start: u32,
    pub name: u32,
}

#[derive(Debug, Default, Clone)]
pub struct KeyOrder {
    entries: Vec<KeyRef>,
    /// Names `0..covered` are in `entries`; later ones only in the scan.
    covered: u32,
}

/// The key starting at `e.start`: up to the next space or the name's end.
#[inline]
fn key<'a>(keys: &'a [u8], key_off: &[u32], e: KeyRef) -> &'a [u8] {
    let end = key_off[e.name as usize + 1] as usize;
    let rest = &keys[e.start as usize..end];
    rest.iter()
        .position(|&b| b == b' ')
        .map_or(rest, |p| &rest[..p])
}

impl KeyOrder {
    /// Sort every key of every name; `key_off` has one entry per name plus one.
    pub fn build(keys: &[u8], key_off: &[u32]) -> Self {
        let names = key_off.len() - 1;
        let mut entries = Vec::with_capacity(names * 2);
        for name in 0..names {
            let (a, b) = (key_off[name] as usize, key_off[name + 1] as usize);
            let mut start = a;
            for (i, &byte) in keys[a..b].iter().enumerate() {
                if byte == b' ' {
                    start = a + i + 1;
                } else if a + i == start {
                    let (start, name) = (start as u32, name as u32);
                    entries.push(KeyRef { start, name });
                }
            }
        }
        entries.sort_unstable_by(|&x, &y| {
            key(keys, key_off, x)
                .cmp(key(keys, key_off, y))
                .then(x.name.cmp(&y.name))
        });
        KeyOrder {
            entries,
            covered: names as u32,
        }
    }

    pub fn covered(&self) -> u32 {
        self.covered
    }

    /// Keys starting with `q`, exact matches (`key == q`) first.
    pub fn prefix_range(&self, keys: &[u8], key_off: &[u32], q: &[u8]) -> &[KeyRef] {
        let lo = self.entries.partition_point(|&e| key(keys, key_off, e) < q);
        let rest = &self.entries[lo..];
        let n = rest.partition_point(|&e| key(keys, key_off, e).starts_with(q));
        &rest[..n]
    }

    /// Length of the key of `e` (for telling exact from prefix hits).
    pub fn key_len(keys: &[u8], key_off: &[u32], e: KeyRef) -> usize {
        key(keys, key_off, e).len()
    }

    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<KeyRef>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_range_lists_exact_keys_first() {
        let per_name = ["zhangwei zw", "zw", "zhaowei zhw", "wang w"];
        let keys = per_name.concat();
        let keys = keys.as_bytes();
        let mut key_off = vec![0u32];
        for k in per_name {
            key_off.push(key_off[key_off.len() - 1] + k.len() as u32);
        }
        let order = KeyOrder::build(keys, &key_off);
        let found = |q: &[u8]| -> Vec<(u32, usize)> {
            order
                .prefix_range(keys, &key_off, q)
                .iter()
                .map(|&e| (e.name, KeyOrder::key_len(keys, &key_off, e)))
                .collect()
        };
        assert_eq!(found(b"zw"), [(0, 2), (1, 2)]);
        assert_eq!(found(b"zh"), [(0, 8), (2, 7), (2, 3)]);
        assert_eq!(found(b"w"), [(3, 1), (3, 4)]);
        assert!(found(b"q").is_empty());
    }
}
