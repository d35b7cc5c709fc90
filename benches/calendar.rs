//! Calendar figures: `cargo bench --bench calendar [-- DB]`.
//! On a private copy of the shared 1,000,000-case demo database (see benches/common): week
//! view data + render (a ←/→ keystroke: reload + full frame at 160×50), and "next free slot" (Ctrl+N in the booking form: parse, busy time of mediator, rooms and
//! parties over 60 days, search).
mod common;
use chrono::NaiveDate;
use onedoor::app::panes::PaneId;
use onedoor::app::{Action, App, Session, update};
use onedoor::config::Config;
use onedoor::i18n::Lang;
use onedoor::store::{Actor, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// CPU time of this thread: what the work costs, without the time other processes on a shared
/// 2-core machine held the CPU (wall-clock p95 there is mostly waiting to be scheduled).
fn cpu_now() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec we own; the clock id is a constant.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Runs `f` n times; wall-clock and CPU milliseconds of each run.
fn measure(n: usize, mut f: impl FnMut(usize)) -> (Vec<f64>, Vec<f64>) {
    let (mut wall, mut cpu) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 0..n {
        let (t, c) = (Instant::now(), cpu_now());
        f(i);
        wall.push(ms(t.elapsed()));
        cpu.push(ms(cpu_now() - c));
    }
    (wall, cpu)
}

fn report(name: &str, (wall, cpu): (Vec<f64>, Vec<f64>), budget: f64) {
    stats(&format!("{name} [wall]"), wall, budget);
    stats(&format!("{name} [cpu]"), cpu, budget);
}

fn stats(name: &str, mut v: Vec<f64>, budget: f64) {
    v.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    let verdict = if p(0.95) < budget {
        "ok"
    } else {
        "OVER BUDGET"
    };
    println!(
        "{name:<46} n={:<4} min {:>6.3}  p50 {:>7.3} ms  p95 {:>7.3} ms  max {:>7.3} ms  (budget {budget} ms: {verdict})",
        v.len(),
        v[0],
        p(0.5),
        p(0.95),
        v[v.len() - 1]
    );
}

fn key(a: &mut App, code: KeyCode, m: KeyModifiers) {
    update(a, Action::Key(KeyEvent::new(code, m)));
}

fn main() {
    for db in common::bench_dbs() {
        bench(&common::copy_of(&db, "calendar-bench"));
    }
}

fn bench(path: &Path) {
    let path = path.to_path_buf();
    let store = Store::open(&path).unwrap();
    println!("{}: {} cases", path.display(), store.case_count().unwrap());
    let lead = store.staff_by_code("L001").unwrap().unwrap();
    // A booking form left as a draft by an earlier run would be offered back and take the keys.
    let mut store = store;
    store.delete_draft(lead.id, "calendar.book").unwrap();
    let now = NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    // A case to book: active, attempts left, no session booked.
    let case_no: String = {
        let c = rusqlite::Connection::open_with_flags(
            &path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        c.query_row(
            "SELECT case_no FROM cases WHERE active = 1 AND level = 'village' AND attempts_village < 3
               AND received_at > '2026-11-01' ORDER BY received_at DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let mut a = App::new(store, Config::default(), Lang::Zh, now);
    a.start_session(Session {
        actor: Actor {
            staff_id: lead.id,
            role: lead.role,
        },
        code: lead.code.clone(),
        name: lead.name.clone(),
    });
    a.goto(PaneId::Calendar);
    let mut term = Terminal::new(TestBackend::new(160, 50)).unwrap();
    let none = KeyModifiers::NONE;

    // Week view: each ←/→ reloads the week's sessions and the frame is drawn.
    key(&mut a, KeyCode::Char('v'), none);
    let week = measure(300, |i| {
        key(
            &mut a,
            if i % 2 == 0 {
                KeyCode::Right
            } else {
                KeyCode::Left
            },
            none,
        );
        term.draw(|f| onedoor::ui::draw(f, &a)).unwrap();
    });
    let shown = a.panes.calendar.sessions.len();
    report(&format!("week ←/→ data+render ({shown} sess.)"), week, 16.0);
    let tab = measure(300, |_| {
        key(&mut a, KeyCode::Tab, none);
        term.draw(|f| onedoor::ui::draw(f, &a)).unwrap();
    });
    report("week Tab (next mediator) data+render", tab, 16.0);
    key(&mut a, KeyCode::Char('v'), none);
    let day = measure(300, |i| {
        key(
            &mut a,
            if i % 2 == 0 {
                KeyCode::Right
            } else {
                KeyCode::Left
            },
            none,
        );
        term.draw(|f| onedoor::ui::draw(f, &a)).unwrap();
    });
    report("day ←/→ data+render", day, 16.0);

    // Next free slot: the booking form's Ctrl+N, any room (all five searched).
    key(&mut a, KeyCode::Char('n'), none);
    for c in case_no.chars() {
        key(&mut a, KeyCode::Char(c), none);
    }
    key(&mut a, KeyCode::Tab, none);
    for c in "M001".chars() {
        key(&mut a, KeyCode::Char(c), none);
    }
    let ctrl_n = |a: &mut App| key(a, KeyCode::Char('n'), KeyModifiers::CONTROL);
    let free = measure(200, |_| ctrl_n(&mut a));
    let msg = a.flash.as_ref().map(|f| f.text.clone()).unwrap_or_default();
    report("next free slot, any room (Ctrl+N)", free, 5.0);
    // One room given: the common case once the clerk has chosen.
    key(&mut a, KeyCode::Tab, none);
    for _ in 0..4 {
        key(&mut a, KeyCode::Backspace, none);
    }
    key(&mut a, KeyCode::Char('1'), none);
    let free1 = measure(200, |_| ctrl_n(&mut a));
    report("next free slot, room 1 (Ctrl+N)", free1, 5.0);
    let msg1 = a.flash.as_ref().map(|f| f.text.clone()).unwrap_or_default();
    println!("case {case_no}, M001: any room: {msg}; room 1: {msg1}");
}
