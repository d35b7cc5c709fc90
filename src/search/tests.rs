//! Behavioural tests of `NameIndex`: ranking, pinyin, merging, masks.

use super::{MatchKind, NameIndex};

fn index() -> NameIndex {
    NameIndex::from_parties([
        (1, "张小伟", "zhangxiaowei zxw"),
        (2, "张伟明", "zhangweiming zwm"),
        (3, "张伟", "zhangwei zw"),
        (4, "王小明", "wangxiaoming wxm"),
        (5, "张三", "zhangsan zs"),
        (6, "张小三", "zhangxiaosan zxs"),
        (7, "赵伟", "zhaowei zw"),
        (8, "张伟", "zhangwei zw"),
        (9, "John Smith", ""),
    ])
}

fn names(ix: &NameIndex, q: &str) -> Vec<String> {
    ix.search(q, 10).into_iter().map(|h| h.name).collect()
}

#[test]
fn chinese_ranking_exact_then_prefix_then_fuzzy() {
    let ix = index();
    let hits = ix.search("张伟", 10);
    let got: Vec<&str> = hits.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(got, ["张伟", "张伟明", "张小伟"]);
    let kinds: Vec<MatchKind> = hits.iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        [MatchKind::Exact, MatchKind::Prefix, MatchKind::Fuzzy]
    );
}

#[test]
fn pinyin_full_key_and_initials() {
    let ix = index();
    assert_eq!(names(&ix, "zhangwei")[..2], ["张伟", "张伟明"]);
    // Both exact "zw" keys first, newest party first among equals (赵伟=7, 张伟=8).
    assert_eq!(names(&ix, "zw")[..3], ["张伟", "赵伟", "张伟明"]);
    assert_eq!(names(&ix, "zxs")[0], "张小三");
    assert!(names(&ix, "qq").is_empty());
}

#[test]
fn ascii_queries_ignore_case_and_spaces() {
    let ix = index();
    assert_eq!(names(&ix, "ZhangWei"), names(&ix, "zhangwei"));
    assert_eq!(names(&ix, " zhang wei "), names(&ix, "zhangwei"));
    assert_eq!(names(&ix, "JOHNS"), ["John Smith"]);
    assert_eq!(names(&ix, "smith"), ["John Smith"]);
}

#[test]
fn cjk_subsequence_and_shorter_first() {
    let ix = index();
    assert_eq!(names(&ix, "张三"), ["张三", "张小三"]);
    assert_eq!(names(&ix, "王小")[0], "王小明");
    // One-character query: all prefix hits, shorter names first.
    let z = names(&ix, "张");
    assert_eq!(z.len(), 5);
    assert_eq!(z[..2], ["张伟", "张三"]);
}

#[test]
fn duplicates_share_one_entry_and_keep_the_newest_party() {
    let mut ix = index();
    assert_eq!(ix.len_names(), 8);
    assert_eq!(ix.len_parties(), 9);
    ix.insert(20, " 张伟 ", "zhangwei zw");
    assert_eq!(ix.len_names(), 8);
    assert_eq!(ix.len_parties(), 10);
    let hit = &ix.search("张伟", 1)[0];
    assert_eq!(ix.latest(hit.name_id), 20);
    ix.insert(5, "张伟", "zhangwei zw");
    ix.compact();
    assert_eq!(ix.latest(ix.search("zhangwei", 1)[0].name_id), 20);
}

/// The start-up load: names in byte order go in without a hash table and are found by binary
/// search; one out of order, a repeat after trimming and later inserts still land right.
#[test]
fn sorted_load_finds_every_name_and_tolerates_disorder() {
    let mut ix = NameIndex::new();
    let mut rows = vec![
        ("John Smith", "", 9, 1),
        ("张三", "zhangsan zs", 5, 1),
        ("张伟", "zhangwei zw", 8, 2),
        ("王小明", "wangxiaoming wxm", 4, 1),
        ("赵伟", "zhaowei zw", 7, 1),
    ];
    rows.sort_by(|a, b| a.0.cmp(b.0));
    rows.push((" 张伟", "zhangwei zw", 11, 1)); // trims to a name already loaded
    rows.push(("李四", "lisi ls", 12, 1)); // out of order
    for (name, keys, latest, n) in rows {
        ix.push_sorted(name, keys, "", latest, n);
    }
    ix.compact();
    assert_eq!(ix.len_names(), 6);
    assert_eq!(ix.len_parties(), 8);
    for (name, latest) in [("张伟", 11), ("李四", 12), ("John Smith", 9), ("张三", 5)] {
        let id = ix.lookup(name).unwrap_or_else(|| panic!("{name} lost"));
        assert_eq!(ix.latest(id), latest, "{name}");
    }
    assert_eq!(ix.lookup("张"), None);
    let id = ix.insert(30, "欧阳娜娜", "ouyangnana oynn");
    assert_eq!(ix.lookup("欧阳娜娜"), Some(id));
    assert_eq!(ix.insert(31, "张三", "x"), ix.lookup("张三").unwrap());
    assert_eq!(names(&ix, "zw"), ["张伟", "赵伟"]);
    assert_eq!(names(&ix, "ls"), ["李四"]);
}

#[test]
fn insert_after_load_is_searchable() {
    let mut ix = index();
    let id = ix.insert(30, "欧阳娜娜", "ouyangnana oynn");
    assert_eq!(ix.lookup("欧阳娜娜"), Some(id));
    assert_eq!(names(&ix, "oynn"), ["欧阳娜娜"]);
    assert_eq!(ix.keys(id), "ouyangnana oynn");
}

#[test]
fn empty_queries_and_limits() {
    let ix = index();
    assert!(ix.search("", 10).is_empty());
    assert!(ix.search("   ", 10).is_empty());
    assert!(ix.search("z", 0).is_empty());
    assert_eq!(ix.search("z", 2).len(), 2);
}

/// The index, end to end, never misses a name the brute-force scan finds.
#[test]
fn search_matches_brute_force_subsequence() {
    let chars = ['张', '王', '伟', '小', '三', '明', '李', 'a'];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut ix = NameIndex::new();
    let mut all = Vec::new();
    for pid in 0..400 {
        let len = 1 + next() % 4;
        let name: String = (0..len).map(|_| chars[(next() % 8) as usize]).collect();
        ix.insert(pid, &name, "");
        all.push(name);
    }
    all.sort();
    all.dedup();
    for q in ["张", "伟小", "王王", "张三明", "a张"] {
        let want = all
            .iter()
            .filter(|n| {
                let mut it = n.chars();
                q.chars().all(|c| it.any(|x| x == c))
            })
            .count();
        assert_eq!(ix.search(q, 10_000).len(), want, "query {q}");
    }
}

/// Pruning and the one-char shortcuts must give exactly the top `limit` of
/// a full scan that scores every name.
#[test]
fn pruned_search_equals_full_scan() {
    let syll = [
        "a", "zhang", "wei", "an", "ni", "g", "xiao", "li", "n", "e1", "9",
    ];
    let hanzi = ['张', '王', '伟', '小', '安', '娜', 'A', 'b'];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    let mut ix = NameIndex::new();
    for i in 0..3000 {
        // Compact two-thirds in: names after it are outside the key order.
        if i == 2000 {
            check_against_full_scan(&ix);
            ix.compact();
        }
        let name: String = (0..1 + next(3)).map(|_| hanzi[next(hanzi.len())]).collect();
        let full: String = (0..1 + next(3)).map(|_| syll[next(syll.len())]).collect();
        let initials: String = (0..1 + next(2)).map(|_| syll[next(syll.len())]).collect();
        // Some names have rare readings too, some of them of a query's kind.
        let rare: String = (0..next(3))
            .map(|_| syll[next(syll.len())].to_string() + syll[next(syll.len())])
            .collect::<Vec<_>>()
            .join(" ");
        ix.insert_readings(
            next(5000) as i64,
            &name,
            &format!("{full} {initials}"),
            &rare,
        );
    }
    check_against_full_scan(&ix);
}

fn check_against_full_scan(ix: &NameIndex) {
    use super::score::{score_keys, score_name};
    let queries = [
        "a", "n", "g", "9", "e", "zw", "an", "ng", "zhangw", "xl", "张", "伟", "张伟", "小a", "b",
    ];
    for q in queries {
        let ascii = q.is_ascii();
        let mut all: Vec<((i64, bool), usize, i64, u32)> = (0..ix.len_names() as u32)
            .filter_map(|id| {
                let score = if ascii {
                    // Every key scored alone: the best, a usual key winning a tie.
                    let (usual, rare) = ix.keys_by_reading(id);
                    let of = |keys: &str, u: bool| {
                        keys.split(' ')
                            .filter_map(|k| score_keys(q.as_bytes(), k.as_bytes()))
                            .map(|s| (s, u))
                            .max()
                    };
                    of(usual, true).max(of(rare, false))
                } else {
                    let qc: Vec<char> = q.to_lowercase().chars().collect();
                    score_name(
                        q.to_lowercase().as_bytes(),
                        ix.name(id),
                        &qc,
                        &mut Vec::new(),
                    )
                    .map(|s| (s, true))
                }?;
                let latest = ix.latest(id);
                Some((score, ix.name(id).chars().count(), latest, id))
            })
            .collect();
        all.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(a.1.cmp(&b.1))
                .then(b.2.cmp(&a.2))
                .then(a.3.cmp(&b.3))
        });
        for limit in [1, 3, 10, 100] {
            let want: Vec<(u32, i64, bool)> = all
                .iter()
                .take(limit)
                .map(|r| (r.3, r.0.0, r.0.1))
                .collect();
            assert_eq!(ix.search_names(q, limit), want, "query {q:?} limit {limit}");
        }
    }
}

/// A name matched only by a rare reading ranks below the same kind of match by a usual one,
/// whatever its length or recency; a stronger kind of match still wins.
#[test]
fn usual_readings_rank_above_rare_ones_of_the_same_kind() {
    let mut ix = NameIndex::new();
    // Keys as domain::names::split_keys gives them; 邓新磊 and 叶建国 are the newer parties.
    ix.insert_readings(1, "单雄", "shanxiong sx", "danxiong dx chanxiong cx");
    ix.insert_readings(9, "邓新磊", "dengxinlei dxl", "shanxinlei sxl");
    ix.insert_readings(2, "谢建国", "xiejianguo xjg", "");
    ix.insert_readings(8, "叶建国", "yejianguo yjg", "xiejianguo xjg");
    ix.insert_readings(3, "邓", "deng d", "shan s");
    for compacted in [false, true] {
        if compacted {
            ix.compact();
        }
        assert_eq!(
            names(&ix, "shanx"),
            ["单雄", "邓新磊"],
            "compacted {compacted}"
        );
        assert_eq!(names(&ix, "xiejianguo"), ["谢建国", "叶建国"]);
        assert_eq!(names(&ix, "xjg"), ["谢建国", "叶建国"]);
        // An exact rare key (邓 read shan) is still an exact match: found, and first.
        assert_eq!(names(&ix, "shan"), ["邓", "单雄", "邓新磊"]);
        assert_eq!(names(&ix, "s")[..2], ["邓", "单雄"]);
        let hits = ix.search("shanx", 10);
        assert!(hits[0].usual && !hits[1].usual, "{hits:?}");
        assert_eq!(hits[0].kind, hits[1].kind);
        assert_eq!(ix.keys_by_reading(0).0, "shanxiong sx");
        assert_eq!(ix.keys_by_reading(0).1, "danxiong dx chanxiong cx");
    }
}
