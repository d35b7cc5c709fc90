//! The log file from the command line: levels are checked, files are private, and a log that
//! cannot be opened never stops a command.
use std::path::Path;
use std::process::{Command, Output};

fn onedoor(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_onedoor"));
    c.args(args)
        .env_remove("ONEDOOR_DB")
        .env_remove("ONEDOOR_LOG")
        .env_remove("ONEDOOR_LOG_DIR")
        .env("ONEDOOR_PIN", "123456");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
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
    ok(&onedoor(
        &[&["--log-level", "debug"], &init[..]].concat(),
        &[],
    ));
    let text = logs(&log_dir);
    assert!(text.contains("onedoor starting"), "{text}");
    assert!(text.contains("DEBUG"), "debug lines at debug level: {text}");
    assert!(!text.contains("王建国"), "no names in the log: {text}");

    for level in ["error", "warn", "info", "trace", "DEBUG", "onedoor=debug"] {
        ok(&onedoor(
            &["--db", db, "--log-dir", log, "--log-level", level, "check"],
            &[],
        ));
        ok(&onedoor(
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
        let out = onedoor(&all, &env);
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
    ok(&onedoor(
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
        onedoor(&a, &[])
    };
    let err = ok(&run(&["init", "--name", "王建国"]));
    assert!(err.contains("log file"), "{err}");
    assert_eq!(err.lines().count(), 1, "warned once: {err}");
    let out = run(&["check"]);
    let err = ok(&out);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok:"));
    assert_eq!(err.lines().count(), 1, "warned once: {err}");
}
