//! Other desks, live (issue 16): `cargo bench --bench live [-- DB]`. On a copy of each database:
//! the cost of one poll of the watcher (`data_version`, and the change mark read when it moved),
//! the render loop's tick and draw while nobody else writes and while another desk commits a
//! case every 100 ms, and what a change costs the loop on each pane (the visible pane re-read;
//! the counts and a lead's red alerts asked of the worker) beside entering that pane.
mod common;
use chrono::Local;
use onedoor::app::panes::PaneId;
use onedoor::app::{Action, App, Session, update};
use onedoor::config::Config;
use onedoor::domain::risk::ResponseHours;
use onedoor::i18n::Lang;
use onedoor::store::{Actor, NewCase, NewParty, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn actor(store: &Store, code: &str) -> (Actor, Session) {
    let m = store.staff_by_code(code).unwrap().unwrap();
    let a = Actor {
        staff_id: m.id,
        role: m.role,
    };
    let s = Session {
        actor: a,
        code: m.code,
        name: m.name,
    };
    (a, s)
}

/// Ticks and draws like the event loop, `n` times at 10 ms intervals: each tick's and each
/// draw's time in µs (the tick is where a change reported by the watcher is taken).
fn frames(app: &mut App, term: &mut Terminal<TestBackend>, n: usize) -> (Vec<f64>, Vec<f64>) {
    let (mut ticks, mut draws) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n {
        std::thread::sleep(Duration::from_millis(10));
        let t = Instant::now();
        update(app, Action::Tick(Local::now().naive_local()));
        ticks.push(us(t.elapsed()));
        let t = Instant::now();
        term.draw(|f| onedoor::ui::draw(f, app)).unwrap();
        draws.push(us(t.elapsed()));
    }
    (ticks, draws)
}

const PANES: [PaneId; 4] = [
    PaneId::Cases,
    PaneId::Calendar,
    PaneId::Followups,
    PaneId::Handover,
];

/// Lets what the last step started finish (the worker's answers, the list's count on a thread
/// of its own), so each timed step runs on a quiet machine.
fn calm(app: &mut App) {
    app.settle(Duration::from_secs(30));
    std::thread::sleep(Duration::from_millis(150));
    update(app, Action::Tick(Local::now().naive_local()));
    app.settle(Duration::from_secs(30));
}

fn bench(path: &Path) {
    let db = common::copy_of(path, "live");
    let cases = Store::open(&db).unwrap().case_count().unwrap();
    eprintln!("{cases} cases ({})", db.display());

    // One poll: what the watcher does four times a second.
    let watcher = Store::open(&db).unwrap();
    let mut version: Vec<f64> = (0..20_000)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(watcher.data_version().unwrap());
            us(t.elapsed())
        })
        .collect();
    let mut mark: Vec<f64> = (0..2_000)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(watcher.change_mark().unwrap());
            us(t.elapsed())
        })
        .collect();

    // The desk: a lead on the case list, watching.
    let store = Store::open(&db).unwrap();
    let (_, lead) = actor(&store, "L001");
    let (desk, _) = actor(&store, "D001");
    let mut app = App::new(
        store,
        Config::default(),
        Lang::Zh,
        Local::now().naive_local(),
    );
    app.start_session(lead);
    app.goto(PaneId::Cases);
    app.settle(Duration::from_secs(30));
    while app.names.is_loading() {
        std::thread::sleep(Duration::from_millis(5));
        app.names.poll();
    }
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let (mut quiet, mut quiet_draw) = frames(&mut app, &mut term, 300);

    // Another desk commits a case every 100 ms meanwhile (measured from its first commit: on
    // a big file that one waits for the connection's integrity check).
    let stop = Arc::new(AtomicBool::new(false));
    let commits = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (db, stop, commits) = (db.clone(), Arc::clone(&stop), Arc::clone(&commits));
        std::thread::spawn(move || {
            let mut s = Store::open(&db).unwrap();
            while !stop.load(Ordering::Relaxed) {
                let c = NewCase::walk_in(
                    Local::now().naive_local(),
                    "neighbour",
                    "基准测试 楼上漏水",
                    NewParty::named("张伟", None),
                );
                s.create_case(desk, &c, &ResponseHours::default()).unwrap();
                commits.fetch_add(1, Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    while commits.load(Ordering::Relaxed) == 0 {
        std::thread::sleep(Duration::from_millis(10));
        update(&mut app, Action::Tick(Local::now().naive_local()));
    }
    let from = commits.load(Ordering::Relaxed);
    let (mut busy, mut busy_draw) = frames(&mut app, &mut term, 300);
    let commits = commits.load(Ordering::Relaxed) - from;
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();

    // What a change costs the loop, pane by pane: the re-read (the frame after it costs what
    // any frame costs).
    let mut per_pane = Vec::new();
    for p in PANES {
        let mut enter = Vec::new();
        let mut change = Vec::new();
        for _ in 0..50 {
            app.goto(p);
            calm(&mut app);
            let t = Instant::now();
            app.others_changed();
            change.push(us(t.elapsed()));
            // Entering the pane, for comparison: what it re-reads after its own saves.
            app.goto(PaneId::Triage);
            calm(&mut app);
            let t = Instant::now();
            app.goto(p);
            enter.push(us(t.elapsed()));
            calm(&mut app);
        }
        per_pane.push(format!(
            "{:?} {:.0}/{:.0} (entering it {:.0}/{:.0})",
            p,
            pct(&mut change, 0.5),
            pct(&mut change, 0.99),
            pct(&mut enter, 0.5),
            pct(&mut enter, 0.99)
        ));
    }
    println!(
        "| {cases} cases | data_version {:.1} / {:.1} µs | change mark {:.1} / {:.1} µs | tick, quiet {:.0} / {:.0} µs, with a commit every 100 ms ({commits}) {:.0} / {:.0} µs | draw, quiet {:.0} / {:.0} µs, busy {:.0} / {:.0} µs | a change's re-read, per pane (µs p50/p99): {} |",
        pct(&mut version, 0.5),
        pct(&mut version, 0.99),
        pct(&mut mark, 0.5),
        pct(&mut mark, 0.99),
        pct(&mut quiet, 0.5),
        pct(&mut quiet, 0.99),
        pct(&mut busy, 0.5),
        pct(&mut busy, 0.99),
        pct(&mut quiet_draw, 0.5),
        pct(&mut quiet_draw, 0.99),
        pct(&mut busy_draw, 0.5),
        pct(&mut busy_draw, 0.99),
        per_pane.join(", ")
    );
    drop(app);
    for end in ["", "-wal", "-shm"] {
        let mut f = db.clone().into_os_string();
        f.push(end);
        let _ = std::fs::remove_file(f);
    }
}

fn main() {
    for db in common::bench_dbs() {
        bench(&db);
    }
}
