//! `onedoor demo` (sample data into a new database) and `onedoor --demo` (the TUI on a
//! throwaway one, logged in as the demo shift lead).
use super::{CliError, DEMO_PIN, DemoArgs, other};
use crate::app::{App, Session};
use crate::config::Config;
use crate::i18n::{Lang, trf};
use crate::store::{Actor, Store, StoreError};
use std::path::{Path, PathBuf};

pub(crate) fn make(
    db: &Path,
    a: &DemoArgs,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<(), CliError> {
    let started = std::time::Instant::now();
    let mut store = Store::create(db)?;
    let report = crate::demo::generate(
        &mut store,
        &crate::demo::DemoOptions {
            cases: a.cases,
            seed: a.seed,
            today: now.date(),
        },
        DEMO_PIN,
    )?;
    drop(store);
    let mb = std::fs::metadata(db)
        .map(|m| m.len() as f64 / 1e6)
        .unwrap_or(0.0);
    let secs = format!("{:.1}", started.elapsed().as_secs_f64());
    println!(
        "{}",
        trf(
            lang,
            "cli.demo.done",
            &[
                ("cases", &report.cases),
                ("secs", &secs),
                ("mb", &format!("{mb:.0}")),
                ("path", &db.display())
            ]
        )
    );
    println!("{}", trf(lang, "cli.demo.accounts", &[("pin", &DEMO_PIN)]));
    Ok(())
}

/// `--demo`: a fresh database in a temporary directory, removed on exit.
pub(crate) fn run_tui(config: Config, lang: Lang) -> Result<(), CliError> {
    let dir = tempfile_dir()?;
    let path = dir.join("onedoor-demo.db");
    let now = crate::tui::now();
    let mut store = Store::create(&path)?;
    crate::demo::generate(
        &mut store,
        &crate::demo::DemoOptions {
            cases: 2000,
            seed: 1,
            today: now.date(),
        },
        DEMO_PIN,
    )?;
    let lead = store
        .staff_by_code(crate::demo::DEMO_LEAD)?
        .ok_or(StoreError::NotFound)?;
    let mut app = App::new(store, config, lang, now);
    app.start_session(Session {
        actor: Actor {
            staff_id: lead.id,
            role: lead.role,
        },
        code: lead.code,
        name: lead.name,
    });
    let result = crate::tui::run(&mut app).map_err(|e| other("err.db.io", e));
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn tempfile_dir() -> Result<PathBuf, CliError> {
    let dir = std::env::temp_dir().join(format!("onedoor-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| other("err.db.io", e))?;
    Ok(dir)
}
