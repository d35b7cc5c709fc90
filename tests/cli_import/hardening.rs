//! Imports that must not hang, double or lose their output: a pipe instead of a file, the
//! same file twice, a full disk or a closed pipe on standard output, and `--out`.
use super::{REGISTER, failed, footprint, succeeded, write};
use crate::common::cli::{onedoor, run_pin, stderr};
use std::path::Path;
use std::process::{Command, Output};

/// Runs onedoor without waiting forever: a run that hangs is killed and fails the test.
fn onedoor_bounded(args: &[&str]) -> Output {
    let mut child = onedoor()
        .args(args)
        .env("ONEDOOR_PIN", "1234")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("onedoor {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn a_pipe_a_device_or_a_folder_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    let fifo = dir.path().join("台账.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // Nobody ever writes to the pipe: reading it would wait forever.
    for target in [
        fifo.to_str().unwrap(),
        "/dev/null",
        dir.path().to_str().unwrap(),
    ] {
        let out = onedoor_bounded(&["--lang", "en", "import", "--db", db, "--as", "L001", target]);
        let err = failed(&out);
        assert!(err.contains("not a regular file"), "{target}: {err}");
        assert!(err.contains(target), "{target}: {err}");
    }
    assert!(!Path::new(db).exists(), "nothing was opened");
}

fn onedoor_to(args: &[&str], stdout: std::process::Stdio) -> Output {
    onedoor()
        .args(args)
        .env("ONEDOOR_PIN", "1234")
        .stdout(stdout)
        .output()
        .unwrap()
}

/// A demo database and the register file, in a temporary folder.
fn centre() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db").to_str().unwrap().to_string();
    succeeded(&run_pin(&["demo", "--db", &db, "--cases", "20"], ""));
    let file = write(dir.path(), "台账.csv", REGISTER.as_bytes());
    (dir, db, file)
}

#[test]
fn the_same_file_twice_is_refused_naming_the_first_import_unless_again() {
    let (dir, db, file) = centre();
    let import = |extra: &[&str]| {
        let mut args = vec!["--lang", "en", "import", "--db", &db, "--as", "L001"];
        args.extend_from_slice(extra);
        args.push(&file);
        run_pin(&args, "1234")
    };
    let out = succeeded(&import(&[]));
    assert!(out.contains("import no. 1"), "{out}");
    let once = footprint(&db);

    // The same bytes under another name are the same file.
    let copy = write(dir.path(), "copy.csv", REGISTER.as_bytes());
    let err = failed(&run_pin(
        &["--lang", "en", "import", "--db", &db, "--as", "L001", &copy],
        "1234",
    ));
    for part in [
        "already imported",
        "by 王建国 (L001)",
        "3 cases, 2025-0305-001 to 2025-0306-001",
        "import no. 1",
        "--again",
    ] {
        assert!(err.contains(part), "{part}: {err}");
    }
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(footprint(&db), once, "nothing written");
    // A dry run answers as the import would.
    let err = failed(&import(&["--dry-run"]));
    assert!(err.contains("already imported"), "{err}");
    // With --again the dry run passes and says it was imported before.
    let dry = succeeded(&import(&["--dry-run", "--again"]));
    assert!(dry.contains("3 cases can be imported"), "{dry}");
    assert!(
        dry.contains("already imported") && dry.contains("import no. 1"),
        "{dry}"
    );
    assert_eq!(footprint(&db), once);

    let out = succeeded(&import(&["--again"]));
    assert!(
        out.contains("Cases imported: 3") && out.contains("import no. 2"),
        "{out}"
    );
    let twice = footprint(&db);
    assert_eq!(twice.0, once.0 + 3);
    let c = rusqlite::Connection::open(&db).unwrap();
    let again: String = c
        .query_row(
            "SELECT new FROM audit WHERE action = 'import.again'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(again, "台账.csv #2 again of #1");
}

#[cfg(unix)]
#[test]
fn the_list_of_case_numbers_is_never_lost() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db, file) = centre();
    let before = footprint(&db);
    // Standard output on a full disk: the import is committed, the list cannot be written.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = onedoor_to(
        &["--lang", "en", "import", "--db", &db, "--as", "L001", &file],
        full.into(),
    );
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains("import no. 1") && err.contains("onedoor import --show 1"),
        "{err}"
    );
    assert_eq!(footprint(&db).0, before.0 + 3, "the import itself stands");
    // The list comes back from the database, exactly as the import would have printed it.
    // A county record: the list is read within the lead's view.
    let err = failed(&run_pin(
        &["--lang", "en", "import", "--db", &db, "--show", "1"],
        "",
    ));
    assert!(err.contains("--as"), "{err}");
    let shown = succeeded(&run_pin(
        &[
            "--lang", "en", "import", "--db", &db, "--show", "1", "--as", "L001",
        ],
        "1234",
    ));
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(
        lines[..3],
        [
            "Line 2 → 2025-0305-002",
            "Line 3 → 2025-0305-001",
            "Line 5 → 2025-0306-001"
        ],
        "{shown}"
    );
    assert!(
        lines[3].contains("台账.csv") && lines[3].contains("王建国 (L001)"),
        "{shown}"
    );
    let err = failed(&run_pin(
        &[
            "--lang", "en", "import", "--db", &db, "--show", "7", "--as", "L001",
        ],
        "1234",
    ));
    assert!(err.contains("no import no. 7"), "{err}");
    let again = dir.path().join("again.txt");
    let again_s = again.to_str().unwrap();
    succeeded(&run_pin(
        &[
            "--lang", "en", "import", "--db", &db, "--show", "1", "--out", again_s, "--as", "L001",
        ],
        "1234",
    ));
    assert_eq!(
        std::fs::read_to_string(&again).unwrap(),
        lines[..3].join("\n") + "\n"
    );

    // A closed pipe: no panic and no error, but a word on how to get the list back.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let other = write(
        dir.path(),
        "其他.csv",
        REGISTER.replace("王建国", "王建华").as_bytes(),
    );
    let out = onedoor_to(
        &[
            "--lang", "en", "import", "--db", &db, "--as", "L001", &other,
        ],
        writer.into(),
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        !err.contains("panicked") && err.contains("onedoor import --show 2"),
        "{err}"
    );

    // --out: a new private file, written before the summary is printed.
    let third = write(
        dir.path(),
        "三.csv",
        REGISTER.replace("王建国", "王建军").as_bytes(),
    );
    let list = dir.path().join("三-案件编号.txt");
    let list_s = list.to_str().unwrap();
    let out = succeeded(&run_pin(
        &[
            "--lang", "en", "import", "--db", &db, "--as", "L001", "--out", list_s, &third,
        ],
        "1234",
    ));
    assert!(
        out.contains("Cases imported: 3") && out.contains(list_s),
        "{out}"
    );
    assert!(
        !out.contains("Line 2 →"),
        "the list goes to the file: {out}"
    );
    let written = std::fs::read_to_string(&list).unwrap();
    assert!(written.starts_with("Line 2 → 2025-0305-"), "{written}");
    assert_eq!(written.lines().count(), 3, "{written}");
    let mode = std::fs::metadata(&list).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    // An existing file or a planted link is never overwritten, and then nothing is imported.
    let after = footprint(&db);
    let fourth = write(
        dir.path(),
        "四.csv",
        REGISTER.replace("王建国", "王建设").as_bytes(),
    );
    let target = write(dir.path(), "keep.txt", b"keep");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for out_path in [target.as_str(), list_s, link.to_str().unwrap()] {
        let err = failed(&run_pin(
            &[
                "--lang", "en", "import", "--db", &db, "--as", "L001", "--out", out_path, &fourth,
            ],
            "1234",
        ));
        assert!(err.contains("Nothing was imported"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
    assert_eq!(std::fs::read_to_string(&list).unwrap(), written);
    assert_eq!(footprint(&db), after);
}
