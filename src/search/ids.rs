//! Party ids grouped per name.
//!
//! Two layers: a compacted CSR block (one `Vec<i64>`, one offset per name,
//! each run sorted newest first) and, for ids added since the last
//! `compact`, a singly linked list per name threaded through two flat vectors.
//! Inserting is O(1) with no per-name allocation; `compact` folds the lists
//! back into the CSR block in O(parties).

const NONE: u32 = u32::MAX;

#[derive(Debug, Default, Clone)]
pub struct PartyIds {
    /// `csr_ids[csr_off[n]..csr_off[n + 1]]` are name `n`'s compacted ids, descending.
    csr_off: Vec<u32>,
    csr_ids: Vec<i64>,
    /// Head of name `n`'s list of recent ids (`NONE` when empty).
    head: Vec<u32>,
    tail_id: Vec<i64>,
    tail_next: Vec<u32>,
    /// Largest id per name: a cheap "most recently seen" tie-break.
    latest: Vec<i64>,
}

impl PartyIds {
    pub fn new() -> Self {
        PartyIds {
            csr_off: vec![0],
            ..Default::default()
        }
    }

    /// Register a new, empty name; returns nothing because names are dense.
    pub fn push_name(&mut self) {
        self.csr_off.push(self.csr_ids.len() as u32);
        self.head.push(NONE);
        self.latest.push(i64::MIN);
    }

    pub fn add(&mut self, name: u32, party_id: i64) {
        let n = name as usize;
        self.tail_id.push(party_id);
        self.tail_next.push(self.head[n]);
        self.head[n] = (self.tail_id.len() - 1) as u32;
        self.latest[n] = self.latest[n].max(party_id);
    }

    pub fn len(&self) -> usize {
        self.csr_ids.len() + self.tail_id.len()
    }

    pub fn latest(&self, name: u32) -> i64 {
        self.latest[name as usize]
    }

    pub fn count(&self, name: u32) -> usize {
        let n = name as usize;
        let mut c = (self.csr_off[n + 1] - self.csr_off[n]) as usize;
        let mut i = self.head[n];
        while i != NONE {
            c += 1;
            i = self.tail_next[i as usize];
        }
        c
    }

    /// All ids of `name`, largest (newest) first.
    pub fn ids(&self, name: u32) -> Vec<i64> {
        let n = name as usize;
        let csr = &self.csr_ids[self.csr_off[n] as usize..self.csr_off[n + 1] as usize];
        let mut out = Vec::with_capacity(csr.len() + 4);
        let mut i = self.head[n];
        while i != NONE {
            out.push(self.tail_id[i as usize]);
            i = self.tail_next[i as usize];
        }
        if out.is_empty() {
            out.extend_from_slice(csr);
        } else {
            out.extend_from_slice(csr);
            out.sort_unstable_by(|a, b| b.cmp(a));
        }
        out
    }

    /// Fold every linked list into the CSR block (counting sort by name).
    pub fn compact(&mut self) {
        if self.tail_id.is_empty() {
            return;
        }
        let names = self.head.len();
        let mut off = Vec::with_capacity(names + 1);
        let mut total = 0u32;
        off.push(0);
        for n in 0..names {
            total += self.count(n as u32) as u32;
            off.push(total);
        }
        let mut ids = vec![0i64; total as usize];
        for n in 0..names {
            let run = self.ids(n as u32);
            ids[off[n] as usize..off[n + 1] as usize].copy_from_slice(&run);
        }
        self.csr_off = off;
        self.csr_ids = ids;
        self.head.fill(NONE);
        self.tail_id = Vec::new();
        self.tail_next = Vec::new();
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.csr_off.capacity() * 4
            + self.csr_ids.capacity() * 8
            + self.head.capacity() * 4
            + self.tail_id.capacity() * 8
            + self.tail_next.capacity() * 4
            + self.latest.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_survive_compaction_newest_first() {
        let mut p = PartyIds::new();
        p.push_name();
        p.push_name();
        p.add(0, 5);
        p.add(1, 7);
        p.add(0, 9);
        p.add(0, 1);
        assert_eq!(p.ids(0), vec![9, 5, 1]);
        p.compact();
        assert_eq!(p.ids(0), vec![9, 5, 1]);
        assert_eq!(p.ids(1), vec![7]);
        p.add(0, 3);
        p.push_name();
        p.add(2, 4);
        assert_eq!(p.ids(0), vec![9, 5, 3, 1]);
        assert_eq!(p.ids(2), vec![4]);
        assert_eq!(p.len(), 6);
        assert_eq!(p.latest(0), 9);
        p.compact();
        assert_eq!(p.ids(0), vec![9, 5, 3, 1]);
        assert_eq!(p.count(2), 1);
    }
}
