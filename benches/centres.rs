//! Centres at scale (issue 14): the same list pages and search keystrokes on a 1,000,000-case
//! county (10 centres: the county, 3 townships, 6 villages) as a village clerk (one centre),
//! a township lead (3 centres) and the county lead (all 10), next to the single-centre demo of
//! the same size. `cargo bench --bench centres` (databases under /tmp/onedoor-bench, made once;
//! a path after `--` replaces the county one). `ONEDOOR_BENCH_WHO=DL01D` (or DLL, L001, SINGLE)
//! runs one viewer; `ONEDOOR_BENCH_KEYS=1` prints each keystroke's median / max beside the table.
mod common;
use chrono::NaiveDateTime;
use onedoor::domain::case_filter::{CaseFilter, Chip, OwnerFilter, Sort};
use onedoor::domain::risk::Colour;
use onedoor::store::{Actor, Store};
use std::path::{Path, PathBuf};
use std::time::Instant;

const PAGE: usize = 50;
const CASES: u32 = 1_000_000;

fn stats(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99), v[v.len() - 1])
}

fn county_db() -> PathBuf {
    if let Some(p) = std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        return PathBuf::from(p);
    }
    let dir = PathBuf::from("/tmp/onedoor-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("county-{CASES}.db"));
    if !path.exists() {
        eprintln!("making {} with {CASES} cases …", path.display());
        let t = Instant::now();
        let mut s = Store::create(&path).unwrap();
        let opts = onedoor::demo::DemoOptions {
            cases: CASES,
            seed: 1,
            now: chrono::Local::now().naive_local(),
        };
        onedoor::demo::generate_county(&mut s, &opts, "1234").unwrap();
        eprintln!("made in {:.1} s", t.elapsed().as_secs_f64());
    }
    path
}

fn now() -> NaiveDateTime {
    chrono::Local::now()
        .date_naive()
        .and_hms_opt(9, 30, 0)
        .unwrap_or_default()
}

/// Logs `code` in (PIN 1234) and scopes the connection to what they see.
fn viewer(store: &mut Store, code: &str) -> Actor {
    let m = store
        .login(code, "1234", now())
        .unwrap()
        .unwrap_or_else(|e| panic!("{code}: {e:?}"));
    let by = Actor {
        staff_id: m.id,
        role: m.role,
    };
    store.view_as(by).unwrap();
    by
}

fn main() {
    let single = common::big_db();
    let county = county_db();
    println!(
        "| who | centres seen | open by urgency | red open | unassigned | search keystroke median / p99 / max | name index |"
    );
    println!("|---|---|---|---|---|---|---|");
    // ONEDOOR_BENCH_WHO=DLL runs one viewer (SINGLE: the single-centre demo's lead).
    let only = std::env::var("ONEDOOR_BENCH_WHO").ok();
    let wanted = |code: &str| only.as_deref().is_none_or(|o| o == code);
    if wanted("SINGLE") {
        run(&single, None, "single centre, lead");
    }
    for (code, who) in [
        ("DL01D", "county: village clerk"),
        ("DLL", "county: township lead"),
        ("L001", "county: county lead"),
    ] {
        if wanted(code) {
            run(&county, Some(code), who);
        }
    }
}

fn page_ms(store: &Store, f: &CaseFilter) -> f64 {
    let mut v = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        let rows = store
            .case_page(f, Sort::default(), None, false, PAGE, now())
            .unwrap();
        v.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(rows);
    }
    stats(v).0
}

fn run(path: &Path, code: Option<&str>, who: &str) {
    let mut store = Store::open(path).unwrap();
    let seen = match code {
        Some(c) => {
            viewer(&mut store, c);
            store.visible_centres().unwrap().len()
        }
        None => 1,
    };
    let open = page_ms(&store, &CaseFilter::open());
    let mut red = CaseFilter::open();
    red.set(Chip::Colour(Colour::Red));
    let red = page_ms(&store, &red);
    let unassigned = page_ms(&store, &CaseFilter::queue(OwnerFilter::Unassigned));
    let t = Instant::now();
    let (ix, _) = store.load_name_index().unwrap();
    let index_ms = t.elapsed().as_secs_f64() * 1000.0;
    let queries = [
        "zw",
        "zhangwei",
        "wangf",
        "张伟",
        "王",
        "欠薪",
        "漏水",
        "物业费",
        "5678",
        "1124-0",
    ];
    // Per keystroke (query prefix): its samples, for the breakdown printed after the table.
    let mut per: Vec<(String, Vec<f64>)> = Vec::new();
    for q in queries {
        let chars: Vec<char> = q.chars().collect();
        for n in 1..=chars.len() {
            per.push((chars[..n].iter().collect(), Vec::new()));
        }
    }
    for _ in 0..5 {
        for (prefix, samples) in per.iter_mut() {
            let t = Instant::now();
            let h = store
                .search_cases_with(prefix, PAGE, now(), Some(&ix))
                .unwrap();
            samples.push(t.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(h);
        }
    }
    let v: Vec<f64> = per.iter().flat_map(|(_, s)| s.iter().copied()).collect();
    let (m, p, x) = stats(v);
    println!(
        "| {who} | {seen} | {open:.2} ms | {red:.2} ms | {unassigned:.2} ms | {m:.2} / {p:.2} / {x:.2} ms | {index_ms:.0} ms |"
    );
    if std::env::var_os("ONEDOOR_BENCH_KEYS").is_some() {
        // Median / max of each keystroke, to find the slow ones.
        let keys: Vec<String> = per
            .into_iter()
            .map(|(k, s)| {
                let (m, _, x) = stats(s);
                format!("{k} {m:.2}/{x:.2}")
            })
            .collect();
        eprintln!("  {who}: {}", keys.join(", "));
    }
}
