//! The log file from the command line: levels are checked, files are private, and a log that
//! cannot be opened never stops a command.
mod common;
use std::path::Path;
use std::process::Output;

/// Runs `args` with the new lead's PIN and `env` (a test's own log level).
fn run_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    common::cli::onedoor()
        .args(args)
        .env("ONEDOOR_PIN", "123456")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{err}");
    err
}

/// Every log file's text, one string.
fn logs(dir: &Path) -> String {
    let mut text = String::new();
    for e in std::fs::read_dir(dir).unwrap() {
        text.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    text
}

#[test]
fn log_level_is_accepted_and_a_bad_one_refused_changing_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    let log_dir = dir.path().join("logs");
    let log = log_dir.to_str().unwrap();
    let init = ["--db", db, "--log-dir", log, "init", "--name", "王建国"];
    ok(&run_env(
        &[&["--log-level", "debug"], &init[..]].concat(),
        &[],
    ));
    let text = logs(&log_dir);
    assert!(text.contains("onedoor starting"), "{text}");
    assert!(text.contains("DEBUG"), "debug lines at debug level: {text}");
    assert!(!text.contains("王建国"), "no names in the log: {text}");

    for level in ["error", "warn", "info", "trace", "DEBUG", "onedoor=debug"] {
        ok(&run_env(
            &["--db", db, "--log-dir", log, "--log-level", level, "check"],
            &[],
        ));
        ok(&run_env(
            &["--db", db, "--log-dir", log, "check"],
            &[("ONEDOOR_LOG", level)],
        ));
    }

    let fresh = dir.path().join("fresh-logs");
    let fresh = fresh.to_str().unwrap();
    let new_db = dir.path().join("new.db");
    let new_db = new_db.to_str().unwrap();
    for (args, env, lang, needle) in [
        (
            vec!["--lang", "en", "--log-level", "verbose"],
            vec![],
            "en",
            "not a log level",
        ),
        (
            vec!["--lang", "zh-CN"],
            vec![("ONEDOOR_LOG", "debgu")],
            "zh",
            "不是日志级别",
        ),
        (
            vec!["--lang", "en", "--log-level", "onedoor=lots"],
            vec![],
            "en",
            "not a log level",
        ),
    ] {
        let all = [
            &args[..],
            &[
                "--db",
                new_db,
                "--log-dir",
                fresh,
                "init",
                "--name",
                "王建国",
            ],
        ]
        .concat();
        let out = run_env(&all, &env);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{lang}: {err}");
        assert!(err.contains(needle), "{lang}: {err}");
        assert_eq!(err.lines().count(), 1, "one clear line: {err}");
        assert!(!Path::new(new_db).exists(), "nothing written");
        assert!(!Path::new(fresh).exists(), "no log directory made");
    }
}

#[test]
#[cfg(unix)]
fn log_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let log_dir = dir.path().join("logs");
    ok(&run_env(
        &[
            "--db",
            db.to_str().unwrap(),
            "--log-dir",
            log_dir.to_str().unwrap(),
            "init",
            "--name",
            "王建国",
        ],
        &[],
    ));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&log_dir), 0o700);
    let files: Vec<_> = std::fs::read_dir(&log_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!files.is_empty());
    for f in files {
        assert_eq!(mode(&f), 0o600, "{}", f.display());
        let name = f.file_name().unwrap().to_str().unwrap().to_string();
        assert!(
            name.starts_with("onedoor.") && name.ends_with(".log"),
            "{name}"
        );
    }
}

#[test]
fn a_log_that_cannot_be_opened_warns_once_and_the_command_runs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    // A directory under a plain file cannot be made, not even by root.
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "x").unwrap();
    let log_dir = blocker.join("logs");
    let args = |cmd: &'static [&'static str]| {
        let mut v = vec![
            "--lang".to_string(),
            "en".into(),
            "--db".into(),
            db.to_str().unwrap().into(),
            "--log-dir".into(),
            log_dir.to_str().unwrap().into(),
        ];
        v.extend(cmd.iter().map(|s| s.to_string()));
        v
    };
    let run = |cmd| {
        let a = args(cmd);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        run_env(&a, &[])
    };
    let err = ok(&run(&["init", "--name", "王建国"]));
    assert!(err.contains("log file"), "{err}");
    assert_eq!(err.lines().count(), 1, "warned once: {err}");
    let out = run(&["check"]);
    let err = ok(&out);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok:"));
    assert_eq!(err.lines().count(), 1, "warned once: {err}");
}

/// A test run leaves nothing in the data directory of whoever runs the tests: a command run
/// through `common::cli::onedoor()` with HOME set to a folder that stands in for the real home
/// (`~/.local/share/onedoor/logs/` is where a log goes by default) writes nothing there; its
/// log and its default database are in the tests' sandbox.
#[test]
fn a_test_run_leaves_nothing_in_the_real_data_directory() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    let onedoor = || {
        let mut c = common::cli::onedoor();
        c.env("HOME", home.path()).env("ONEDOOR_PIN", "123456");
        c
    };
    ok(&onedoor()
        .args(["--db", db, "init", "--name", "王建国"])
        .output()
        .unwrap());
    let child = onedoor()
        .args(["--db", db, "check"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    ok(&child.wait_with_output().unwrap());
    // Without --db the default database is looked for in the sandbox; the refusal is logged.
    let sandbox = common::cli::sandbox();
    let out = onedoor().args(["--lang", "en", "check"]).output().unwrap();
    common::cli::refused(&out, sandbox.to_str().unwrap());
    assert_eq!(
        common::cli::everything_in(home.path()),
        Vec::<String>::new()
    );
    let text = logs(&sandbox.join("logs"));
    assert!(
        text.contains(&format!(" [{pid}] ")),
        "its log is in the sandbox"
    );
}
