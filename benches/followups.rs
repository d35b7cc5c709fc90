//! Follow-up list at scale: the counts, the first and a deep page of common filters, and the
//! pane (entering it, a keystroke's update and draw): `cargo bench --bench followups [-- DB]`.
//! Runs on the 10,000- and 1,000,000-case demo databases (see benches/common;
//! ONEDOOR_BENCH_DB overrides the big one); it saves nothing, so it needs no copy.
mod common;
use chrono::Local;
use onedoor::app::{Action, App, Session, update};
use onedoor::domain::risk::Colour;
use onedoor::store::{Actor, FollowupFilter, FollowupScope, Store};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::time::Instant;

fn median_ms(mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..15 {
        let t = Instant::now();
        n = f();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    (times[times.len() / 2], n)
}

fn main() {
    for db in common::bench_dbs() {
        bench(&db);
    }
}

fn bench(path: &Path) {
    println!("{}", path.display());
    let store = Store::open(path).unwrap();
    let today = Local::now().date_naive();
    let lead = store.staff_by_code("L001").unwrap().unwrap();
    let lead = Actor {
        staff_id: lead.id,
        role: lead.role,
    };
    let m = store.staff_by_code("M001").unwrap().unwrap();
    let med = Actor {
        staff_id: m.id,
        role: m.role,
    };
    println!("cases: {}", store.case_count().unwrap());
    let (t, _) = median_ms(|| {
        let c = store.followup_counts(today).unwrap();
        (c.due_today + c.overdue) as usize
    });
    println!(
        "followup_counts(today): {t:.3} ms -> {:?}",
        store.followup_counts(today).unwrap()
    );
    let (t, _) = median_ms(|| {
        store
            .followup_counts_for(today, Some(m.id))
            .unwrap()
            .overdue as usize
    });
    println!("followup_counts_for(M001): {t:.3} ms");
    let cases: Vec<(&str, Actor, FollowupFilter)> = vec![
        ("lead, next 7 days", lead, FollowupFilter::default()),
        (
            "lead, overdue",
            lead,
            FollowupFilter {
                scope: FollowupScope::Overdue,
                ..Default::default()
            },
        ),
        (
            "lead, all open",
            lead,
            FollowupFilter {
                scope: FollowupScope::All,
                ..Default::default()
            },
        ),
        (
            "mediator own, next 7 days",
            med,
            FollowupFilter {
                owner: Some(m.id),
                ..Default::default()
            },
        ),
        (
            "lead, red only, all",
            lead,
            FollowupFilter {
                scope: FollowupScope::All,
                colour: Some(Colour::Red),
                ..Default::default()
            },
        ),
        (
            "lead, category family.elder, all",
            lead,
            FollowupFilter {
                scope: FollowupScope::All,
                categories: Some(vec!["family.elder".into()]),
                ..Default::default()
            },
        ),
    ];
    for (name, who, f) in cases {
        let (first, n) = median_ms(|| {
            store
                .followup_page(who, &f, today, None, 100)
                .unwrap()
                .len()
        });
        // Walk 50 pages deep, then time the next page from there.
        let mut after = None;
        let mut depth = 0;
        for _ in 0..50 {
            let page = store.followup_page(who, &f, today, after, 100).unwrap();
            if page.is_empty() {
                break;
            }
            depth += page.len();
            after = page.last().map(|r| r.key());
        }
        let (deep, _) = median_ms(|| {
            store
                .followup_page(who, &f, today, after, 100)
                .unwrap()
                .len()
        });
        println!(
            "{name}: first page {first:.3} ms ({n} rows); page after {depth} rows {deep:.3} ms"
        );
    }

    // The pane: entering it (page + counts), a keystroke (update + draw at 120x40).
    let store = Store::open(path).unwrap();
    let now = Local::now().naive_local();
    let mut app = App::new(
        store,
        onedoor::config::Config::default(),
        onedoor::i18n::Lang::Zh,
        now,
    );
    app.start_session(Session {
        actor: lead,
        code: "L001".into(),
        name: "王建国".into(),
    });
    let t = Instant::now();
    update(
        &mut app,
        Action::Key(KeyEvent::new(KeyCode::F(5), KeyModifiers::NONE)),
    );
    println!(
        "enter the pane: {:.3} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let (mut ups, mut draws) = (Vec::new(), Vec::new());
    for _ in 0..300 {
        let t = Instant::now();
        update(
            &mut app,
            Action::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)),
        );
        ups.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        term.draw(|f| onedoor::ui::draw(f, &app)).unwrap();
        draws.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    for (what, v) in [("update (Down)", &mut ups), ("draw 120x40", &mut draws)] {
        v.sort_by(|a, b| a.total_cmp(b));
        println!(
            "{what}, 300 keys: median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
            v[150], v[296], v[299]
        );
    }
    // The same frame with an empty pane, for comparison (debug builds draw slowly).
    update(
        &mut app,
        Action::Key(KeyEvent::new(KeyCode::F(6), KeyModifiers::NONE)),
    );
    let mut other = Vec::new();
    for _ in 0..100 {
        let t = Instant::now();
        term.draw(|f| onedoor::ui::draw(f, &app)).unwrap();
        other.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    other.sort_by(|a, b| a.total_cmp(b));
    println!(
        "draw 120x40 of the empty handover pane: median {:.3} ms",
        other[50]
    );
}
