//! The real binary from the command line, always in a sandbox: whatever a run writes by default
//! (its log, a default database, a file in its working folder) stays under `sandbox()`, never
//! in the data or config folder of whoever runs the tests.
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The built `onedoor` binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_onedoor");

/// Variables of the caller's environment that would change what a run does (its database,
/// configuration, PIN, log level): no test inherits them; a test that wants one sets it.
pub const CLEARED: [&str; 4] = ["ONEDOOR_DB", "ONEDOOR_CONFIG", "ONEDOOR_PIN", "ONEDOOR_LOG"];

/// `target/tmp/onedoor-sandbox` (Cargo's scratch folder for integration tests), shared by every
/// test of this build: the log files of the test runs are in its `logs/` (several processes
/// append to one daily file, as desks do; 14 days are kept).
pub fn sandbox() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("onedoor-sandbox");
        std::fs::create_dir_all(dir.join("home")).unwrap();
        dir
    })
}

/// The environment every run gets: the home folder and the platform's data, config, cache and
/// state folders (where the default database, config and log are) and the log folder, all in
/// the sandbox.
pub fn sandbox_env() -> Vec<(&'static str, PathBuf)> {
    let s = sandbox();
    vec![
        ("HOME", s.join("home")),
        ("XDG_DATA_HOME", s.join("data")),
        ("XDG_CONFIG_HOME", s.join("config")),
        ("XDG_CACHE_HOME", s.join("cache")),
        ("XDG_STATE_HOME", s.join("state")),
        ("ONEDOOR_LOG_DIR", s.join("logs")),
    ]
}

/// THE way tests start the binary: in the sandbox (environment and working folder), with
/// standard input closed. Add arguments and variables as to any `Command`.
pub fn onedoor() -> Command {
    sandboxed(Command::new(BIN))
}

/// The binary started by `sh -c '<first>; exec onedoor "$@"'` (e.g. `umask 000`), sandboxed
/// the same way.
pub fn onedoor_after(first: &str) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!("{first}; exec \"$0\" \"$@\""))
        .arg(BIN);
    sandboxed(c)
}

fn sandboxed(mut c: Command) -> Command {
    c.current_dir(sandbox())
        .envs(sandbox_env())
        .stdin(Stdio::null());
    for k in CLEARED {
        c.env_remove(k);
    }
    c
}

/// Runs `args` and waits for the output.
pub fn run(args: &[&str]) -> Output {
    onedoor().args(args).output().unwrap()
}

/// Runs `args` with `pin` in `ONEDOOR_PIN` (for every PIN the command asks).
pub fn run_pin(args: &[&str], pin: &str) -> Output {
    onedoor()
        .args(args)
        .env("ONEDOOR_PIN", pin)
        .output()
        .unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Succeeded: its standard output (UTF-8).
pub fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{}", stderr(out));
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Refused with one clear line containing `needle`, and no panic.
pub fn refused(out: &Output, needle: &str) {
    let err = stderr(out);
    assert!(!out.status.success(), "expected a refusal; stderr: {err}");
    assert!(err.contains(needle), "stderr lacks {needle:?}: {err}");
    assert!(!err.contains("panicked"), "a panic reached the user: {err}");
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
}

/// A demo database of one centre with `cases` cases made by the real binary (`onedoor demo
/// --one-centre`) in `dir`: what a centre that never adds another has, so commands read it
/// without `--as`.
pub fn demo_db(dir: &Path, name: &str, cases: u32) -> String {
    let db = dir.join(name);
    let db = db.to_str().unwrap().to_string();
    let n = cases.to_string();
    let out = run(&["--db", &db, "demo", "--one-centre", "--cases", &n]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

/// The county demo (`onedoor demo`: a county centre, three townships, two villages each) with
/// `cases` cases, made by the real binary in `dir`.
pub fn county_db(dir: &Path, name: &str, cases: u32) -> String {
    let db = dir.join(name);
    let db = db.to_str().unwrap().to_string();
    let n = cases.to_string();
    let out = run(&["--db", &db, "demo", "--cases", &n]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

/// Every file under `dir`, relative to it (folders too).
pub fn everything_in(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            out.push(p.strip_prefix(dir).unwrap().display().to_string());
            if p.is_dir() {
                todo.push(p);
            }
        }
    }
    out
}
