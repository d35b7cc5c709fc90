//! Whole-app figures for BENCHMARKS.md: `cargo bench --bench app [-- DB...]`.
//! For each database (default: 10,000 and 1,000,000 demo cases, made on first use under
//! /tmp/onedoor-bench): open → first frame, time until name search is usable, memory, a
//! keystroke's update + draw, save-a-case latency (synchronous=FULL), size per 1,000 cases.
use chrono::Local;
use onedoor::app::{Action, App, Session, update};
use onedoor::config::Config;
use onedoor::domain::channel::Channel;
use onedoor::domain::party::PartyRole;
use onedoor::domain::risk::ResponseHours;
use onedoor::i18n::Lang;
use onedoor::store::{Actor, NewCase, NewParty, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn demo_db(cases: u32) -> PathBuf {
    let dir = PathBuf::from("/tmp/onedoor-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("demo-{cases}.db"));
    if !path.exists() {
        eprintln!("making {} with {cases} cases …", path.display());
        let mut s = Store::create(&path).unwrap();
        let opts = onedoor::demo::DemoOptions {
            cases,
            seed: 1,
            today: Local::now().date_naive(),
        };
        onedoor::demo::generate(&mut s, &opts, "1234").unwrap();
    }
    path
}

fn session(store: &Store, code: &str) -> Session {
    let m = store.staff_by_code(code).unwrap().unwrap();
    Session {
        actor: Actor {
            staff_id: m.id,
            role: m.role,
        },
        code: m.code,
        name: m.name,
    }
}

fn bench(path: &Path) {
    let now = Local::now().naive_local();
    let size_mb = std::fs::metadata(path).unwrap().len() as f64 / 1e6;
    let rss_before = rss_mb();

    // Start-up: open (checks, migrations), app state, login, first frame.
    let cases = Store::open(path).unwrap().case_count().unwrap();
    let t0 = Instant::now();
    let store = Store::open(path).unwrap();
    let s = session(&store, "L001");
    let mut app = App::new(store, Config::default(), Lang::Zh, now);
    app.start_session(s);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| onedoor::ui::draw(f, &app)).unwrap();
    let first_frame = t0.elapsed();
    while app.names.is_loading() {
        std::thread::sleep(Duration::from_millis(2));
        app.names.poll();
    }
    let search_ready = t0.elapsed();
    let names = app.names.get().map_or(0, |n| n.len_parties());
    let rss = rss_mb() - rss_before;

    // A keystroke: update + full redraw (pane switch, the heaviest shell key).
    let mut key_ms = Vec::new();
    for i in 0..200 {
        let k = KeyEvent::new(KeyCode::F(2 + (i % 5) as u8), KeyModifiers::NONE);
        let t = Instant::now();
        update(&mut app, Action::Key(k));
        term.draw(|f| onedoor::ui::draw(f, &app)).unwrap();
        key_ms.push(ms(t.elapsed()));
    }
    drop(app);

    // Saving: on a copy, so the demo database stays as made.
    let copy = path.with_extension("save-bench.db");
    let _ = std::fs::remove_file(&copy);
    let _ = std::fs::remove_file(copy.with_extension("db-wal"));
    Store::open(path).unwrap().backup_to(&copy).unwrap();
    let mut store = Store::open(&copy).unwrap();
    let actor = session(&store, "D001").actor;
    let mut save_ms = Vec::new();
    for i in 0..100 {
        let c = NewCase {
            received_at: now,
            channel: Channel::WalkIn,
            category: "neighbour".into(),
            flags: vec![],
            colour: None,
            colour_reason: String::new(),
            red_acknowledged: false,
            summary: format!("基准测试 {i} 楼上漏水"),
            description: String::new(),
            amount_yuan: None,
            people: 1,
            earlier_visits: 0,
            team: None,
            owner_id: None,
            parties: vec![(
                PartyRole::Applicant,
                NewParty {
                    name: "张伟".into(),
                    phone: Some("13812345678".into()),
                    ..Default::default()
                },
            )],
        };
        let t = Instant::now();
        store
            .create_case(actor, &c, &ResponseHours::default())
            .unwrap();
        save_ms.push(ms(t.elapsed()));
    }
    drop(store);
    let _ = std::fs::remove_file(&copy);

    println!(
        "| {cases} cases | {:.1} ms | {:.0} ms | {:.2} / {:.2} ms | {:.2} / {:.2} ms | {:.0} MB ({names} parties) | {:.0} MB, {:.2} MB per 1,000 cases |",
        ms(first_frame),
        ms(search_ready),
        percentile(&mut key_ms, 0.5),
        percentile(&mut key_ms, 0.99),
        percentile(&mut save_ms, 0.5),
        percentile(&mut save_ms, 0.99),
        rss,
        size_mb,
        size_mb * 1000.0 / cases.max(1) as f64
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let dbs: Vec<PathBuf> = if args.is_empty() {
        vec![demo_db(10_000), demo_db(1_000_000)]
    } else {
        args.iter().map(PathBuf::from).collect()
    };
    println!(
        "| database | first frame | name search ready | key → frame p50 / p99 | save p50 / p99 | memory (index) | file size |"
    );
    println!("|---|---|---|---|---|---|---|");
    for db in dbs {
        bench(&db);
    }
}
