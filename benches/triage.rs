//! Triage figures: `cargo bench --bench triage [-- DB]` (default: the shared 1,000,000-case demo
//! database, see benches/common). Repeat-visitor lookup per keystroke (names typed
//! one character at a time, pinyin initials, one-character queries, phone and ID), saving a case
//! with synchronous=FULL, attaching a visit, the routing inputs, and drawing the pane.
mod common;
use chrono::Local;
use onedoor::app::panes::triage::form::{Focus, PField, PartyForm};
use onedoor::app::panes::triage::lookup::Lookup;
use onedoor::app::{Action, App, Session, update};
use onedoor::config::Config;
use onedoor::domain::channel::Channel;
use onedoor::domain::party::PartyRole;
use onedoor::i18n::Lang;
use onedoor::search::NameIndex;
use onedoor::store::{Actor, NewCase, NewParty, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn report(what: &str, v: &mut [f64]) {
    println!(
        "| {what} | {} | {:.3} ms | {:.3} ms | {:.3} ms |",
        v.len(),
        pct(v, 0.5),
        pct(v, 0.99),
        pct(v, 1.0)
    );
}

/// Some real parties: (name, pinyin keys, phone, id number), spread over the table.
fn samples(store: &Store, n: usize) -> Vec<(String, String, Option<String>, Option<String>)> {
    let mut out = Vec::new();
    let mut total = 0usize;
    store.for_each_party_name(|_, _, _| total += 1).unwrap();
    // A step prime to any pattern in the demo data, about n samples whatever the size.
    let step = (total / n).max(1) | 1;
    let mut count = 0;
    store
        .for_each_party_name(|_, name, keys| {
            count += 1;
            if count % step == 0 && out.len() < n {
                out.push((name.to_string(), keys.to_string(), None, None));
            }
        })
        .unwrap();
    for s in &mut out {
        let ids = store.parties_by_name_prefix(&s.0, 1).unwrap();
        if let Some(c) = store.cases_of_parties(&ids, 1).unwrap().first() {
            s.2 = c.party_phone.clone();
            s.3 = c.party_id_number.clone();
        }
    }
    out
}

fn main() {
    for path in common::bench_dbs() {
        bench(&path);
    }
}

fn bench(path: &Path) {
    let store = Store::open(path).unwrap();
    println!(
        "database: {} ({} cases)",
        path.display(),
        store.case_count().unwrap()
    );
    let t = Instant::now();
    // As the app's loader does (app/names.rs): distinct names in order from the covering index.
    let (idx, _) = store.load_name_index().unwrap();
    println!(
        "name index: {} parties, {} names, loaded in {:.0} ms (background thread in the app)",
        idx.len_parties(),
        idx.len_names(),
        ms(t.elapsed())
    );
    let today = Local::now().date_naive();
    let people = samples(&store, 200);
    println!("\n| lookup per keystroke | n | median | p99 | max |\n|---|---|---|---|---|");

    // Names typed character by character, as the clerk does (each prefix is one keystroke).
    let mut lookup = Lookup::default();
    let mut party = PartyForm::new(PartyRole::Applicant);
    let run = |lookup: &mut Lookup, party: &PartyForm, v: &mut Vec<f64>| {
        let t = Instant::now();
        lookup.refresh(&store, Some(&idx), 0, party, today);
        v.push(ms(t.elapsed()));
    };
    let mut v = Vec::new();
    for (name, _, _, _) in &people {
        let mut typed = String::new();
        for c in name.chars() {
            typed.push(c);
            party.name.set_value(&typed);
            run(&mut lookup, &party, &mut v);
        }
    }
    report("Chinese name, typed char by char", &mut v);
    let mut v = Vec::new();
    for (_, keys, _, _) in &people {
        let full = keys.split(' ').next().unwrap_or("");
        for n in 1..=full.len() {
            party.name.set_value(&full[..n]);
            run(&mut lookup, &party, &mut v);
        }
    }
    report("full pinyin, typed letter by letter", &mut v);
    let mut v = Vec::new();
    for (_, keys, _, _) in &people {
        let initials = keys.split(' ').nth(1).unwrap_or("");
        for n in 1..=initials.len() {
            party.name.set_value(&initials[..n]);
            run(&mut lookup, &party, &mut v);
        }
    }
    report("pinyin initials (zw …)", &mut v);
    let mut v = Vec::new();
    for q in ["张", "王", "李", "z", "w", "l", "x"] {
        for _ in 0..30 {
            party.name.set_value(q);
            run(&mut lookup, &party, &mut v);
        }
    }
    report("one-character query", &mut v);
    let mut v = Vec::new();
    party.name.set_value("");
    for (_, _, phone, id) in &people {
        if let Some(p) = phone {
            for n in 1..=p.len() {
                party.phone.set_value(&p[..n]);
                run(&mut lookup, &party, &mut v);
            }
            party.phone.set_value("");
        }
        if let Some(i) = id {
            for n in 1..=i.len() {
                party.id_number.set_value(&i[..n]);
                run(&mut lookup, &party, &mut v);
            }
            party.id_number.set_value("");
        }
    }
    report("phone and ID typed digit by digit", &mut v);
    let mut v = Vec::new();
    for (name, _, phone, _) in &people {
        party.name.set_value(name);
        party.phone.set_value(phone.as_deref().unwrap_or(""));
        run(&mut lookup, &party, &mut v);
    }
    report("name and phone together", &mut v);
    party.phone.set_value("");
    // The parts: the index search alone, and the SQL from party ids to cases alone.
    let mut search = Vec::new();
    let mut sql = Vec::new();
    for (name, keys, _, _) in &people {
        let initials = keys.split(' ').nth(1).unwrap_or("");
        for q in [name.as_str(), initials, &initials[..1.min(initials.len())]] {
            let t = Instant::now();
            let hits = idx.search(q, 20);
            search.push(ms(t.elapsed()));
            let t = Instant::now();
            let mut ids = Vec::new();
            for h in hits {
                let room = 40usize.saturating_sub(ids.len());
                if room == 0 {
                    break;
                }
                ids.extend(store.parties_named(&h.name, room as u32).unwrap());
            }
            let _ = store.cases_of_parties(&ids, 12).unwrap();
            sql.push(ms(t.elapsed()));
        }
    }
    report("  part: NameIndex::search_names(q, 20) alone", &mut search);
    report(
        "  part: parties_named per name + cases_of_parties(40 ids, 12)",
        &mut sql,
    );
    let mut v = Vec::new();
    for (name, _, _, _) in &people {
        party.name.set_value(name);
        let t = Instant::now();
        lookup.refresh(&store, None, 0, &party, today);
        v.push(ms(t.elapsed()));
    }
    report("SQL fallback while the index loads (name prefix)", &mut v);
    // The whole look-up (index, then the SQL to earlier cases) against fzf over the names.
    let mut queries: Vec<String> = vec!["张伟".into(), "zhangw".into(), "zw".into()];
    for (name, keys, _, _) in people.iter().take(5) {
        queries.push(name.clone());
        queries.push(keys.split(' ').nth(1).unwrap_or("").to_string());
    }
    let queries: Vec<&str> = queries.iter().map(String::as_str).collect();
    let mut party = PartyForm::new(PartyRole::Applicant);
    common::fzf::compare(
        "Triage look-up (name index + earlier cases), per keystroke",
        &common::names_file(path),
        &queries,
        100,
        |q| {
            party.name.set_value(q);
            lookup.refresh(&store, Some(&idx), 0, &party, today);
        },
    );
    drop(store);
    writes(path);
    draw(path, &idx);
}

/// Writes on a copy so the benchmark database stays as made.
fn writes(path: &Path) {
    let copy = path.with_extension("triage-save.db");
    let _ = std::fs::remove_file(&copy);
    let _ = std::fs::remove_file(copy.with_extension("db-wal"));
    {
        let src = rusqlite::Connection::open(path).unwrap();
        src.execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
            .unwrap();
    }
    let mut store = Store::open(&copy).unwrap();
    let desk = store.staff_by_code("D001").unwrap().unwrap();
    let actor = Actor {
        staff_id: desk.id,
        role: desk.role,
    };
    let hours = onedoor::domain::risk::ResponseHours::default();
    let now = Local::now().naive_local();
    println!("\n| write (synchronous=FULL, WAL) | n | median | p99 | max |\n|---|---|---|---|---|");
    let mut v = Vec::new();
    let mut ids = Vec::new();
    for i in 0..200 {
        let c = NewCase {
            received_at: now,
            channel: Channel::WalkIn,
            category: "neighbour".into(),
            flags: vec![],
            colour: None,
            colour_reason: String::new(),
            red_acknowledged: false,
            summary: "楼上漏水，多次协商未果".into(),
            description: "基准测试".into(),
            amount_yuan: None,
            people: 2,
            earlier_visits: 0,
            team: None,
            owner_id: None,
            parties: vec![
                (
                    PartyRole::Applicant,
                    NewParty {
                        name: "欧阳娜娜".into(),
                        phone: Some(format!("139{:08}", i)),
                        ..Default::default()
                    },
                ),
                (
                    PartyRole::Respondent,
                    NewParty {
                        name: "单建华".into(),
                        ..Default::default()
                    },
                ),
            ],
        };
        let t = Instant::now();
        ids.push(store.create_case(actor, &c, &hours).unwrap().id);
        v.push(ms(t.elapsed()));
    }
    report("save a case (2 parties, audit)", &mut v);
    let mut v = Vec::new();
    for id in &ids[..100] {
        let t = Instant::now();
        store
            .attach_visit(actor, *id, Channel::Phone, now, "")
            .unwrap();
        v.push(ms(t.elapsed()));
    }
    report("attach a visit", &mut v);
    let mut v = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let c = store
            .routing_candidates(
                now,
                &onedoor::app::panes::triage::hours_of(&Config::default()),
            )
            .unwrap();
        assert!(!c.is_empty());
        v.push(ms(t.elapsed()));
    }
    report(
        "routing inputs (grouped load + free slots), once per form",
        &mut v,
    );
    drop(store);
    let _ = std::fs::remove_file(&copy);
}

fn press(a: &mut App, code: KeyCode) {
    update(a, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn draw(path: &Path, _idx: &NameIndex) {
    let store = Store::open(path).unwrap();
    let m = store.staff_by_code("D001").unwrap().unwrap();
    let mut app = App::new(
        store,
        Config::default(),
        Lang::Zh,
        Local::now().naive_local(),
    );
    app.start_session(Session {
        actor: Actor {
            staff_id: m.id,
            role: m.role,
        },
        code: m.code,
        name: m.name,
    });
    while app.names.is_loading() {
        std::thread::sleep(Duration::from_millis(20));
        app.names.poll();
    }
    if app.panes.triage.popups.is_open() {
        press(&mut app, KeyCode::Esc);
    }
    while app.panes.triage.form.focus != Focus::Party(0, PField::Name) {
        press(&mut app, KeyCode::Tab);
    }
    let mut keystroke = Vec::new();
    for c in "张伟".chars() {
        let t = Instant::now();
        press(&mut app, KeyCode::Char(c));
        keystroke.push(ms(t.elapsed()));
    }
    println!("\n| drawing | n | median | p99 | max |\n|---|---|---|---|---|");
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut v = Vec::new();
        for _ in 0..300 {
            let s = Instant::now();
            t.draw(|f| onedoor::ui::draw(f, &app)).unwrap();
            v.push(ms(s.elapsed()));
        }
        report(
            &format!("triage pane {w}×{h} (whole frame, TestBackend)"),
            &mut v,
        );
    }
    report(
        "keystroke in the name field (update incl. lookup + draft queue)",
        &mut keystroke,
    );
    // Leave no draft behind in the benchmark database.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
}
