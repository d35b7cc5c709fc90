//! `onedoor demo` (a sample county, or one centre, into a new database) and `onedoor --demo`
//! (the TUI on a throwaway county, logged in as the county centre's lead).
use super::{CliError, DEMO_PIN, DemoArgs, Out, other};
use crate::app::{App, Session};
use crate::config::Config;
use crate::i18n::{Lang, trf};
use crate::store::{Actor, Store, StoreError};
use std::path::{Path, PathBuf};

pub(crate) fn make(
    out: &mut Out,
    db: &Path,
    a: &DemoArgs,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<(), CliError> {
    let started = std::time::Instant::now();
    let mut store = Store::create(db)?;
    let opts = crate::demo::DemoOptions {
        cases: a.cases,
        seed: a.seed,
        now,
    };
    let report = if a.one_centre {
        crate::demo::generate(&mut store, &opts, DEMO_PIN)?
    } else {
        crate::demo::generate_county(&mut store, &opts, DEMO_PIN)?
    };
    drop(store);
    let mb = std::fs::metadata(db)
        .map(|m| m.len() as f64 / 1e6)
        .unwrap_or(0.0);
    let secs = format!("{:.1}", started.elapsed().as_secs_f64());
    out.line(trf(
        lang,
        "cli.demo.done",
        &[
            ("cases", &report.cases),
            ("secs", &secs),
            ("mb", &format!("{mb:.0}")),
            ("path", &db.display()),
        ],
    ))?;
    out.line(trf(lang, "cli.demo.accounts", &[("pin", &DEMO_PIN)]))?;
    if a.one_centre {
        return Ok(());
    }
    let [village, township, county] = report.per_level;
    out.line(trf(
        lang,
        "cli.demo.county",
        &[
            ("centres", &report.centres),
            ("staff", &report.staff),
            ("village", &village),
            ("township", &township),
            ("county", &county),
            ("desk", &crate::demo::DEMO_VILLAGE_DESK),
        ],
    ))?;
    let f = &report.flows;
    out.line(trf(
        lang,
        "cli.demo.flows",
        &[
            ("up", &f.up_signed[0]),
            ("county", &f.up_signed[1]),
            ("returned", &f.up_returned),
            ("down", &f.down_signed),
            ("sent_back", &f.down_returned),
            ("overruled", &f.down_overruled),
            ("pending", &(f.up_pending + f.down_pending)),
            ("overdue", &f.down_overdue),
        ],
    ))
}

/// `--demo`: a fresh database in a temporary directory, removed on exit.
pub(crate) fn run_tui(config: Config, lang: Lang) -> Result<(), CliError> {
    let dir = tempfile_dir()?;
    let path = dir.join("onedoor-demo.db");
    let now = crate::tui::now();
    let mut store = Store::create(&path)?;
    crate::demo::generate_county(
        &mut store,
        &crate::demo::DemoOptions {
            cases: 2000,
            seed: 1,
            now,
        },
        DEMO_PIN,
    )?;
    let lead = store
        .staff_by_code(crate::demo::DEMO_LEAD)?
        .ok_or(StoreError::NotFound)?;
    store.view_as(Actor {
        staff_id: lead.id,
        role: lead.role,
    })?;
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

/// The demo directories are `<temp>/onedoor-demo-<pid>`.
const DIR_PREFIX: &str = "onedoor-demo-";

fn tempfile_dir() -> Result<PathBuf, CliError> {
    let base = std::env::temp_dir();
    sweep_stale(&base, own_uid(), pid_alive);
    let dir = base.join(format!("{DIR_PREFIX}{}", std::process::id()));
    make_own_dir(&dir, own_uid())
        .map_err(|e| other("err.db.io", format!("{}: {e}", dir.display())))?;
    Ok(dir)
}

/// `dir` made here and ours alone (0700): a directory or link someone else left at the name
/// is refused. One of ours (`uid`) is from before a restart reused this pid: replaced.
fn make_own_dir(dir: &Path, uid: Option<u32>) -> std::io::Result<()> {
    let ours = std::fs::symlink_metadata(dir)
        .is_ok_and(|m| m.is_dir() && uid.is_some_and(|u| owned_by(&m, u)));
    if ours {
        std::fs::remove_dir_all(dir)?;
    }
    let mut b = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// Our user id: the owner of /proc/self. None where there is no /proc (no sweep there: we
/// could not tell a live demo from a dead one).
fn own_uid() -> Option<u32> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata("/proc/self").ok().map(|m| m.uid())
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

fn pid_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

/// Removes what `--demo` runs that were killed (SIGKILL, a closed terminal) left in `base`:
/// directories named exactly `onedoor-demo-<pid>`, owned by `uid`, whose process is gone.
/// Anything else — other names, files, symbolic links, other users' directories, live
/// demos — is left alone. Returns how many were removed.
pub(crate) fn sweep_stale(base: &Path, uid: Option<u32>, alive: impl Fn(u32) -> bool) -> usize {
    let Some(uid) = uid else {
        return 0;
    };
    let Ok(entries) = std::fs::read_dir(base) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(DIR_PREFIX))
            .and_then(|p| p.parse::<u32>().ok().filter(|n| n.to_string() == p))
        else {
            continue;
        };
        // symlink_metadata: a link is never followed, so nothing outside `base` is touched.
        let Ok(meta) = std::fs::symlink_metadata(e.path()) else {
            continue;
        };
        if !meta.is_dir() || !owned_by(&meta, uid) || alive(pid) {
            continue;
        }
        if std::fs::remove_dir_all(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(unix)]
fn owned_by(meta: &std::fs::Metadata, uid: u32) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.uid() == uid
}

#[cfg(not(unix))]
fn owned_by(_: &std::fs::Metadata, _: u32) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn sweeps_only_our_dead_demos() {
        let base = tempfile::tempdir().unwrap();
        let b = base.path();
        let dir = |n: &str| {
            std::fs::create_dir(b.join(n)).unwrap();
            std::fs::write(b.join(n).join("onedoor-demo.db"), "x").unwrap();
        };
        // Dead (pid 1001) and alive (1002) demos, and look-alikes that must stay.
        dir("onedoor-demo-1001");
        dir("onedoor-demo-1002");
        for keep in [
            "onedoor-demo-",
            "onedoor-demo-abc",
            "onedoor-demo-1003x",
            "onedoor-demo-+1004",
            "onedoor-demo-01005",
            "onedoor-demo-1006.bak",
            "xonedoor-demo-1007",
            "other",
        ] {
            dir(keep);
        }
        std::fs::write(b.join("onedoor-demo-1008"), "a file").unwrap();
        // A link to a dead demo's name, pointing outside: neither it nor its target goes.
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("keep"), "x").unwrap();
        std::os::unix::fs::symlink(outside.path(), b.join("onedoor-demo-1009")).unwrap();
        let alive = |pid: u32| pid == 1002;
        let uid = own_uid();
        // Another user's directories are not ours to remove.
        assert_eq!(sweep_stale(b, uid.map(|u| u + 1), alive), 0);
        assert_eq!(sweep_stale(b, None, alive), 0);
        assert!(b.join("onedoor-demo-1001").exists());
        assert_eq!(sweep_stale(b, uid, alive), 1);
        assert!(!b.join("onedoor-demo-1001").exists());
        let mut left: Vec<String> = std::fs::read_dir(b)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left.len(), 11, "{left:?}");
        assert!(outside.path().join("keep").exists());
        assert_eq!(sweep_stale(b, uid, alive), 0, "nothing more to sweep");
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn the_demo_directory_is_private_and_never_a_planted_one() {
        use std::os::unix::fs::PermissionsExt;
        let base = tempfile::tempdir().unwrap();
        let d = base.path().join("onedoor-demo-1");
        make_own_dir(&d, own_uid()).unwrap();
        let mode = std::fs::metadata(&d).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        // Ours, left from before a restart: made afresh.
        std::fs::write(d.join("onedoor-demo.db"), "old").unwrap();
        make_own_dir(&d, own_uid()).unwrap();
        assert_eq!(std::fs::read_dir(&d).unwrap().count(), 0);
        // A link planted at the name: refused, its target untouched.
        let elsewhere = tempfile::tempdir().unwrap();
        let link = base.path().join("onedoor-demo-2");
        std::os::unix::fs::symlink(elsewhere.path(), &link).unwrap();
        assert!(make_own_dir(&link, own_uid()).is_err());
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        // Someone else's directory: refused, kept.
        assert!(make_own_dir(&d, own_uid().map(|u| u + 1)).is_err());
        assert!(d.is_dir());
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn our_own_process_is_alive() {
        assert!(pid_alive(std::process::id()));
        assert!(!pid_alive(u32::MAX));
    }
}
