//! Cases pane at scale: first pages of common filters, deep keyset pages, search keystrokes.
//! Run on the shared 1,000,000-case demo database (see benches/common; ONEDOOR_BENCH_DB
//! overrides the path): `cargo bench --bench cases`.
//! The first run migrates the file (search indexes), which takes a while and is reported.
mod common;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use onedoor::domain::case_filter::{CaseFilter, Chip, OwnerFilter, Sort, SortKey};
use onedoor::domain::channel::Channel;
use onedoor::domain::risk::Colour;
use onedoor::domain::status::Status;
use onedoor::store::Store;
use std::time::Instant;

const PAGE: usize = 50;

fn stats(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99), v[v.len() - 1])
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64, f64) {
    let mut v = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        v.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    stats(v)
}

fn main() {
    for db in common::bench_dbs() {
        bench(&db.to_string_lossy());
    }
}

fn bench(path: &str) {
    let path = path.to_string();
    let t = Instant::now();
    let store = match Store::open(std::path::Path::new(&path)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "cannot open {path}: {e}\nmake it with: onedoor demo --db {path} --cases 1000000"
            );
            std::process::exit(1);
        }
    };
    println!(
        "open (+ migrate if needed): {:.1} s",
        t.elapsed().as_secs_f64()
    );
    println!("cases: {}", store.case_count().unwrap_or(0));
    let now: NaiveDateTime = std::env::var("ONEDOOR_BENCH_NOW")
        .ok()
        .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
        .and_hms_opt(9, 30, 0)
        .unwrap_or_default();
    let me = store
        .staff_by_code("M001")
        .ok()
        .flatten()
        .map(|s| s.id)
        .unwrap_or(1);
    let urgency = Sort::default();
    let f = |chips: Vec<Chip>| CaseFilter { chips };
    let combos: Vec<(&str, CaseFilter, Sort)> = vec![
        ("open by urgency", CaseFilter::open(), urgency),
        (
            "my queue (M001)",
            CaseFilter::queue(OwnerFilter::Staff(me)),
            urgency,
        ),
        (
            "unassigned queue",
            CaseFilter::queue(OwnerFilter::Unassigned),
            urgency,
        ),
        ("overdue", f(vec![Chip::Overdue]), urgency),
        (
            "overdue by deadline",
            f(vec![Chip::Overdue]),
            Sort {
                key: SortKey::Deadline,
                reversed: false,
            },
        ),
        (
            "open red",
            f(vec![Chip::Open, Chip::Colour(Colour::Red)]),
            urgency,
        ),
        (
            "all yellow, newest",
            f(vec![Chip::Colour(Colour::Yellow)]),
            Sort {
                key: SortKey::Received,
                reversed: false,
            },
        ),
        (
            "open by category",
            f(vec![Chip::Open, Chip::Category("neighbour".into())]),
            urgency,
        ),
        (
            "all by category, newest",
            f(vec![Chip::Category("labour.wages".into())]),
            Sort {
                key: SortKey::Received,
                reversed: false,
            },
        ),
        (
            "all cases, newest",
            CaseFilter::default(),
            Sort {
                key: SortKey::Received,
                reversed: false,
            },
        ),
        (
            "all cases, oldest (days open)",
            CaseFilter::default(),
            Sort {
                key: SortKey::Received,
                reversed: true,
            },
        ),
        (
            "all by case no.",
            CaseFilter::default(),
            Sort {
                key: SortKey::CaseNo,
                reversed: false,
            },
        ),
        (
            "closed, newest",
            f(vec![Chip::Status(Status::Closed)]),
            Sort {
                key: SortKey::Received,
                reversed: false,
            },
        ),
        (
            "letters by urgency",
            f(vec![Chip::Channel(Channel::Letter)]),
            urgency,
        ),
        (
            "open, last 30 days",
            f(vec![
                Chip::Open,
                Chip::Received {
                    from: now.date() - Duration::days(30),
                    to: now.date(),
                },
            ]),
            urgency,
        ),
        ("needs follow-up", f(vec![Chip::NeedsFollowUp]), urgency),
        (
            "open sorted by owner",
            CaseFilter::open(),
            Sort {
                key: SortKey::Owner,
                reversed: false,
            },
        ),
        (
            "open sorted by level",
            CaseFilter::open(),
            Sort {
                key: SortKey::Level,
                reversed: false,
            },
        ),
        (
            "open+red+category+channel",
            f(vec![
                Chip::Open,
                Chip::Colour(Colour::Red),
                Chip::Category("family.violence".into()),
                Chip::Channel(Channel::WalkIn),
            ]),
            urgency,
        ),
        (
            "M001 all statuses, status sort",
            f(vec![Chip::Owner(OwnerFilter::Staff(me))]),
            Sort {
                key: SortKey::Status,
                reversed: false,
            },
        ),
    ];
    println!("\n## First page ({PAGE} rows), ms: median / p99 / max (50 runs)");
    for (name, filter, sort) in &combos {
        let (m, p, x) = time(50, || {
            store
                .case_page(filter, *sort, None, false, PAGE, now)
                .unwrap()
        });
        println!("{name:32} {m:8.3} {p:8.3} {x:8.3}");
    }
    println!(
        "\n## Keyset pages at depth (walking {PAGE}-row pages), ms per page: median / p99 / max"
    );
    for (name, filter, sort, pages) in [
        (
            "all cases, urgency",
            CaseFilter::default(),
            urgency,
            6000usize,
        ),
        ("open by urgency", CaseFilter::open(), urgency, 4000),
        (
            "all by category",
            CaseFilter::default(),
            Sort {
                key: SortKey::Category,
                reversed: false,
            },
            4000,
        ),
    ] {
        let mut cur = None;
        let mut v = Vec::new();
        let mut rows = 0;
        for _ in 0..pages {
            let t = Instant::now();
            let page = store
                .case_page(&filter, sort, cur.as_ref(), false, PAGE, now)
                .unwrap();
            v.push(t.elapsed().as_secs_f64() * 1000.0);
            rows += page.len();
            match page.last() {
                Some(r) => cur = Some(r.cursor(sort)),
                None => break,
            }
        }
        let (m, p, x) = stats(v.clone());
        let deep = v.len().saturating_sub(100);
        let (dm, _, _) = stats(v[deep..].to_vec());
        println!(
            "{name:32} {m:8.3} {p:8.3} {x:8.3}   rows walked {rows}, last 100 pages median {dm:.3}"
        );
        // Jump to the end (G) and page back up from there.
        let (m, _, _) = time(20, || {
            store
                .case_page(&filter, sort, None, true, PAGE, now)
                .unwrap()
        });
        println!("{:32} {m:8.3}  (last page, G)", "");
    }
    let t = Instant::now();
    let (ix, _) = store.load_name_index().unwrap();
    println!(
        "\nname index loaded in {:.0} ms (the app does this on a background thread)",
        t.elapsed().as_secs_f64() * 1000.0
    );
    for (title, names) in [
        ("names by SQL (CLI, index not loaded)", None),
        ("names by the shared NameIndex (the app)", Some(&ix)),
    ] {
        println!("\n## Search, {title}: every keystroke of typing the query (limit 50), ms");
        let queries = [
            "zw",
            "zhangwei",
            "wangf",
            "张伟",
            "王",
            "欠薪",
            "家暴",
            "漏水",
            "拖欠工资",
            "物业费",
            "5678",
            "2026-11",
            "1124-0",
            "x",
        ];
        let mut all = Vec::new();
        for q in queries {
            let mut v = Vec::new();
            let chars: Vec<char> = q.chars().collect();
            let mut hits = 0;
            for _ in 0..10 {
                for n in 1..=chars.len() {
                    let prefix: String = chars[..n].iter().collect();
                    let t = Instant::now();
                    let h = store.search_cases_with(&prefix, PAGE, now, names).unwrap();
                    v.push(t.elapsed().as_secs_f64() * 1000.0);
                    hits = h.len();
                }
            }
            all.extend(v.iter().copied());
            let (m, p, x) = stats(v);
            println!("{q:14} {m:8.3} {p:8.3} {x:8.3}   ({hits} hits for the full query)");
        }
        let (m, p, x) = stats(all);
        println!("{:14} {m:8.3} {p:8.3} {x:8.3}", "ALL KEYSTROKES");
    }
    // The same searches through fzf over one line per case: number, parties' names with their
    // pinyin keys, summary (what the case search looks at).
    let lines = std::path::Path::new(&path).with_extension("cases.txt");
    common::fzf::lines_file(&lines, |out| {
        let conn = rusqlite::Connection::open(&path).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT c.case_no || ' ' || ifnull(group_concat(p.name || ' ' || p.name_keys, ' '), '')
                        || ' ' || c.summary
                 FROM cases c LEFT JOIN case_parties cp ON cp.case_id = c.id
                 LEFT JOIN parties p ON p.id = cp.party_id GROUP BY c.id",
            )
            .unwrap();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            out(r.get_ref(0).unwrap().as_str().unwrap_or(""));
        }
    });
    common::fzf::compare(
        "Case search (the app: name index + SQL), whole query",
        &lines,
        &[
            "zw",
            "zhangwei",
            "张伟",
            "欠薪",
            "漏水",
            "物业费",
            "5678",
            "1124-0",
        ],
        20,
        |q| drop(store.search_cases_with(q, PAGE, now, Some(&ix)).unwrap()),
    );
    println!("\n## Counts (background thread in the app), ms");
    for (name, filter, _) in combos.iter().take(6) {
        let (m, _, _) = time(3, || store.count_cases(filter, now).unwrap());
        println!("{name:32} {m:8.1}");
    }
}
