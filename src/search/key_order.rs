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

/// Where every key of every name starts.
fn key_starts<'a>(keys: &'a [u8], key_off: &'a [u32]) -> impl Iterator<Item = KeyRef> + 'a {
    key_off.windows(2).enumerate().flat_map(move |(name, w)| {
        let (a, b) = (w[0] as usize, w[1] as usize);
        (a..b)
            .filter(move |&i| keys[i] != b' ' && (i == a || keys[i - 1] == b' '))
            .map(move |i| KeyRef {
                start: i as u32,
                name: name as u32,
            })
    })
}

/// The first 8 bytes of a key, zero-padded, as a number that orders like the bytes do.
fn prefix8(k: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = k.len().min(8);
    b[..n].copy_from_slice(&k[..n]);
    u64::from_be_bytes(b)
}

impl KeyOrder {
    /// Sort every key of every name; `key_off` has one entry per name plus one.
    pub fn build(keys: &[u8], key_off: &[u32]) -> Self {
        let names = key_off.len() - 1;
        // Bucket by first byte (counting sort, straight into the final vector), then sort each
        // bucket on its keys' first 8 bytes packed big-endian, reading whole keys only on ties:
        // several times faster than comparing through the buffer, and the transient copy is one
        // bucket's, not the whole order's (the load's memory peak is here).
        let mut starts = [0usize; 257];
        for e in key_starts(keys, key_off) {
            starts[keys[e.start as usize] as usize + 1] += 1;
        }
        for b in 1..257 {
            starts[b] += starts[b - 1];
        }
        let mut entries = vec![KeyRef { start: 0, name: 0 }; starts[256]];
        let mut next = starts;
        for e in key_starts(keys, key_off) {
            let b = keys[e.start as usize] as usize;
            entries[next[b]] = e;
            next[b] += 1;
        }
        let mut decorated: Vec<(u64, KeyRef)> = Vec::new();
        for b in 0..256 {
            let bucket = &mut entries[starts[b]..starts[b + 1]];
            decorated.clear();
            decorated.extend(bucket.iter().map(|&e| (prefix8(key(keys, key_off, e)), e)));
            decorated.sort_unstable_by(|(px, x), (py, y)| {
                px.cmp(py).then_with(|| {
                    key(keys, key_off, *x)
                        .cmp(key(keys, key_off, *y))
                        .then(x.name.cmp(&y.name))
                })
            });
            for (slot, &(_, e)) in bucket.iter_mut().zip(&decorated) {
                *slot = e;
            }
        }
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
