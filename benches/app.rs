//! Whole-app figures for BENCHMARKS.md: `cargo bench --bench app [-- DB...]`.
//! For each database (default: 10,000 and 1,000,000 demo cases, made on first use under
//! /tmp/onedoor-bench): open → first frame, time until name search is usable, memory, a
//! keystroke's update + draw, save-a-case latency (synchronous=FULL), size per 1,000 cases.
mod common;
use chrono::Local;
use onedoor::app::{Action, App, Session, update};
use onedoor::config::Config;
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
    if let Some(idx) = app.names.get() {
        search_vs_fzf(path, idx);
    }

    // A keystroke: update + full redraw (pane switch, the heaviest shell key), per pane too.
    let mut key_ms = Vec::new();
    let mut per_pane: Vec<Vec<f64>> = vec![Vec::new(); 5];
    for i in 0..200 {
        let k = KeyEvent::new(KeyCode::F(2 + (i % 5) as u8), KeyModifiers::NONE);
        let t = Instant::now();
        update(&mut app, Action::Key(k));
        term.draw(|f| onedoor::ui::draw(f, &app)).unwrap();
        key_ms.push(ms(t.elapsed()));
        per_pane[i % 5].push(ms(t.elapsed()));
        // At a person's pace: what the key started in the background (the handover sheet,
        // the list's count) finishes before the next key, as it does at the desk.
        while app.waiting() {
            std::thread::sleep(Duration::from_millis(1));
            update(&mut app, Action::Tick(now));
        }
        std::thread::sleep(Duration::from_millis(40));
    }
    for (i, v) in per_pane.iter_mut().enumerate() {
        eprintln!(
            "  switch to F{}: p50 {:.2} ms, p99 {:.2} ms",
            i + 2,
            percentile(v, 0.5),
            percentile(v, 0.99)
        );
    }
    drop(app);

    // Saving: on a copy, so the demo database stays as made.
    let copy = path.with_extension("save-bench.db");
    let _ = std::fs::remove_file(&copy);
    let _ = std::fs::remove_file(copy.with_extension("db-wal"));
    Store::open(path).unwrap().backup_to(&copy).unwrap();
    {
        let store = Store::open(&copy).unwrap();
        let s = session(&store, "D001");
        let mut app = App::new(store, Config::default(), Lang::Zh, now);
        app.start_session(s);
        app.settle(Duration::from_secs(10));
        while app.names.is_loading() {
            std::thread::sleep(Duration::from_millis(5));
            app.names.poll();
        }
        let (mut ctrl_s, mut answered) = save_keys(&mut app, &mut term);
        eprintln!(
            "  Ctrl+S (save on the worker): key → frame p50 {:.2} / p99 {:.2} ms; saved screen after p50 {:.2} / p99 {:.2} ms",
            percentile(&mut ctrl_s, 0.5),
            percentile(&mut ctrl_s, 0.99),
            percentile(&mut answered, 0.5),
            percentile(&mut answered, 0.99)
        );
    }
    let mut store = Store::open(&copy).unwrap();
    let actor = session(&store, "D001").actor;
    // As at the desk: commits never checkpoint; a second connection (the app's background
    // worker) checkpoints after every save, as the app does with each counts refresh.
    store.defer_checkpoints().unwrap();
    let worker = Store::open(&copy).unwrap();
    let mut save_ms = Vec::new();
    let mut checkpoint_ms = Vec::new();
    for i in 0..300 {
        let c = NewCase::walk_in(
            now,
            "neighbour",
            &format!("基准测试 {i} 楼上漏水"),
            NewParty::named("张伟", Some("13812345678")),
        );
        let t = Instant::now();
        store
            .create_case(actor, &c, &ResponseHours::default())
            .unwrap();
        save_ms.push(ms(t.elapsed()));
        let t = Instant::now();
        worker.checkpoint().unwrap();
        checkpoint_ms.push(ms(t.elapsed()));
    }
    eprintln!(
        "  save max {:.2} ms; the worker's checkpoint after it p50 {:.2} / p99 {:.2} ms",
        save_ms.iter().copied().fold(0.0, f64::max),
        percentile(&mut checkpoint_ms, 0.5),
        percentile(&mut checkpoint_ms, 0.99)
    );
    drop(worker);
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

/// Intakes typed and saved through the app, as at the desk: the Ctrl+S key's own time to the
/// next frame, and how long until the saved screen (the worker's commit) is there.
fn save_keys(app: &mut App, term: &mut Terminal<TestBackend>) -> (Vec<f64>, Vec<f64>) {
    use onedoor::app::panes::triage::form::{Focus, PField};
    let press = |app: &mut App, code: KeyCode, m: KeyModifiers| {
        update(app, Action::Key(KeyEvent::new(code, m)));
    };
    let tab_to = |app: &mut App, f: Focus| {
        for _ in 0..60 {
            if app.panes.triage.form.focus == f {
                return;
            }
            press(app, KeyCode::Tab, KeyModifiers::NONE);
        }
    };
    let (mut key_ms, mut done_ms) = (Vec::new(), Vec::new());
    update(
        app,
        Action::Key(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE)),
    );
    for i in 0..30 {
        tab_to(app, Focus::Party(0, PField::Name));
        for c in format!("基准{i}").chars() {
            press(app, KeyCode::Char(c), KeyModifiers::NONE);
        }
        tab_to(app, Focus::Category);
        for c in "lljf".chars() {
            press(app, KeyCode::Char(c), KeyModifiers::NONE);
        }
        press(app, KeyCode::Enter, KeyModifiers::NONE);
        for c in "楼上漏水".chars() {
            press(app, KeyCode::Char(c), KeyModifiers::NONE);
        }
        // A person's pause before Ctrl+S: the drafts written while typing are in by then.
        std::thread::sleep(Duration::from_millis(150));
        let t = Instant::now();
        press(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
        term.draw(|f| onedoor::ui::draw(f, app)).unwrap();
        key_ms.push(ms(t.elapsed()));
        while app.panes.triage.saved.is_none() && t.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_micros(200));
            update(app, Action::Tick(Local::now().naive_local()));
        }
        done_ms.push(ms(t.elapsed()));
        while app.waiting() {
            std::thread::sleep(Duration::from_millis(1));
            update(app, Action::Tick(Local::now().naive_local()));
        }
        press(app, KeyCode::Enter, KeyModifiers::NONE); // next visitor
    }
    (key_ms, done_ms)
}

/// Name search per keystroke through the index, and the same queries through fzf.
fn search_vs_fzf(path: &Path, idx: &onedoor::search::NameIndex) {
    let queries = [
        "z", "zw", "zhangw", "zhangwei", "张", "张伟", "王小", "shanw",
    ];
    common::fzf::compare(
        "Name search (the index), per query",
        &common::names_file(path),
        &queries,
        200,
        |q| drop(std::hint::black_box(idx.search(q, 50))),
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let dbs: Vec<PathBuf> = if args.is_empty() {
        vec![common::demo_db(10_000), common::big_db()]
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
