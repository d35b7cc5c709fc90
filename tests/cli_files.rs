//! Files onedoor writes hold personal data: through the real binary, under `umask 000`, every
//! export is created readable by its owner only, a symbolic link planted at the target is
//! refused, printing goes through a private temporary file that is gone afterwards, and user
//! text in Markdown, HTML and CSV exports stays inert.
#![cfg(unix)]
mod common;
use chrono::Local;
use common::cli::{ok, onedoor_after};
use onedoor::domain::risk::{Colour, ResponseHours};
use onedoor::domain::role::Role;
use onedoor::store::{Actor, NewCase, NewParty, NewStaff, Store};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;

/// Runs the binary through `sh -c 'umask 000; exec …'`: whatever it creates without an explicit
/// mode would come out world-readable (0666 / 0777).
fn onedoor_umask0(args: &[&str]) -> Output {
    onedoor_after("umask 000").args(args).output().unwrap()
}

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

/// A database with a lead, a mediator whose name is a spreadsheet formula and an open red case
/// of theirs whose summary is markup: what the sheet and the statistics show.
fn hostile_db(dir: &Path) -> String {
    const SUMMARY: &str = "<script>alert(1)</script> | \"><img src=x onerror=alert(1)>";
    let path = dir.join("h.db");
    let mut s = Store::create(&path).unwrap();
    let now = Local::now().naive_local();
    let staff = |code: &str, name: &str, role| NewStaff {
        code: code.into(),
        name: name.into(),
        role,
        languages: vec![],
        specialties: vec![],
        team: None,
        pin: "1234".into(),
        centre_id: None,
    };
    let lead = Actor {
        staff_id: s
            .add_staff(None, &staff("L001", "王建国", Role::Lead), now)
            .unwrap(),
        role: Role::Lead,
    };
    let m = staff("M001", "=HYPERLINK(\"http://x\",\"y\")", Role::Mediator);
    let mediator = s.add_staff(Some(lead), &m, now).unwrap();
    let mut c = NewCase::walk_in(now, "neighbour", SUMMARY, NewParty::named("张伟", None));
    c.colour = Some(Colour::Red);
    c.colour_reason = "扬言报复".into();
    c.red_acknowledged = true;
    c.owner_id = Some(mediator);
    s.create_case(lead, &c, &ResponseHours::default()).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn every_file_written_is_private_even_under_umask_000() {
    let dir = tempfile::tempdir().unwrap();
    // A database in a directory onedoor has to create: the directory 0700, the file 0600.
    let db = dir.path().join("new/deeper/d.db");
    let db = db.to_str().unwrap();
    ok(&onedoor_umask0(&[
        "--db",
        db,
        "demo",
        "--one-centre",
        "--cases",
        "20",
    ]));
    assert_eq!(mode(&dir.path().join("new")), 0o700);
    assert_eq!(mode(&dir.path().join("new/deeper")), 0o700);
    assert_eq!(mode(Path::new(db)), 0o600);

    let file = |n: &str| dir.path().join(n);
    // An existing world-readable file is replaced by a private one.
    std::fs::write(file("old.txt"), "old").unwrap();
    std::fs::set_permissions(file("old.txt"), std::fs::Permissions::from_mode(0o644)).unwrap();
    let runs: [(&str, &[&str]); 6] = [
        ("s.html", &["handover", "--format", "html"]),
        ("s.md", &["handover", "--format", "md"]),
        ("old.txt", &["handover", "--format", "txt"]),
        ("s.pdf", &["handover", "--format", "pdf"]),
        ("st.csv", &["stats", "--format", "csv"]),
        ("st.xlsx", &["stats", "--format", "xlsx"]),
    ];
    for (name, args) in runs {
        let out = file(name);
        let out = out.to_str().unwrap();
        ok(&onedoor_umask0(
            &[&["--db", db], args, &["--out", out]].concat(),
        ));
        assert_eq!(mode(Path::new(out)), 0o600, "{name}");
    }
    assert!(std::fs::read_to_string(file("old.txt")).unwrap() != "old");
    // Nothing else (no temporary file) is left beside the exports.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "new", "old.txt", "s.html", "s.md", "s.pdf", "st.csv", "st.xlsx"
        ]
    );
}

#[test]
fn a_symbolic_link_at_the_target_is_refused_and_its_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let db = db.to_str().unwrap();
    ok(&onedoor_umask0(&[
        "--db",
        db,
        "demo",
        "--one-centre",
        "--cases",
        "5",
    ]));
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let link = dir.path().join("out.md");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    // A dangling link, too: it would create a file wherever it points.
    let dangling = dir.path().join("dangling.csv");
    let nowhere = dir.path().join("nowhere.csv");
    std::os::unix::fs::symlink(&nowhere, &dangling).unwrap();
    for (out, args) in [
        (&link, ["handover", "--format", "md"]),
        (&dangling, ["stats", "--format", "csv"]),
    ] {
        let out_s = out.to_str().unwrap();
        let r = onedoor_umask0(
            &[
                &["--lang", "zh-CN", "--db", db],
                &args[..],
                &["--out", out_s],
            ]
            .concat(),
        );
        let err = String::from_utf8_lossy(&r.stderr);
        assert!(!r.status.success());
        assert!(err.contains("符号链接") && err.contains(out_s), "{err}");
        assert!(std::fs::symlink_metadata(out).unwrap().is_symlink());
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(!nowhere.exists());
}

#[test]
fn printing_goes_through_a_private_temporary_file_removed_afterwards() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let db = db.to_str().unwrap();
    ok(&onedoor_umask0(&[
        "--db",
        db,
        "demo",
        "--one-centre",
        "--cases",
        "5",
    ]));
    // The "printer" records the path it was given, the file's mode, and a copy.
    let rec = dir.path().join("rec");
    std::fs::create_dir(&rec).unwrap();
    let script = dir.path().join("printer.sh");
    std::fs::write(
        &script,
        format!(
            "printf '%s' \"$1\" > {r}/path\nstat -c %a \"$1\" > {r}/mode\ncp \"$1\" {r}/copy\n",
            r = rec.display()
        ),
    )
    .unwrap();
    let cfg = dir.path().join("c.toml");
    // Through `sh`: a script written and executed at once can fail with "text file busy".
    std::fs::write(&cfg, format!("printer = \"sh {}\"\n", script.display())).unwrap();
    let out = onedoor_umask0(&[
        "--db",
        db,
        "--config",
        cfg.to_str().unwrap(),
        "handover",
        "--print",
    ]);
    ok(&out);
    let printed = std::fs::read_to_string(rec.join("path")).unwrap();
    assert_eq!(
        std::fs::read_to_string(rec.join("mode")).unwrap().trim(),
        "600"
    );
    assert!(
        std::fs::read(rec.join("copy"))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    let name = Path::new(&printed).file_name().unwrap().to_string_lossy();
    assert!(
        !name.starts_with("onedoor-handover-"),
        "a predictable name: {printed}"
    );
    assert!(!Path::new(&printed).exists(), "{printed} left behind");
}

#[test]
fn summaries_and_names_are_inert_in_markdown_html_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_db(dir.path());
    let run = |args: &[&str]| {
        let out = onedoor_umask0(&[&["--lang", "en", "--db", &db], args].concat());
        ok(&out);
        String::from_utf8(out.stdout).unwrap()
    };
    for format in ["md", "html"] {
        let doc = run(&["handover", "--format", format]);
        assert!(doc.contains("alert(1)"), "{format}: the summary is shown");
        for raw in ["<script", "<img", "onerror=alert(1)>"] {
            assert!(!doc.contains(raw), "{format} carries {raw} raw:\n{doc}");
        }
        // The pipe inside the summary does not split the Markdown cell.
        if format == "md" {
            let lines: Vec<&str> = doc.lines().collect();
            let at = lines.iter().position(|l| l.contains("alert(1)")).unwrap();
            let head = lines[..at]
                .iter()
                .rposition(|l| l.starts_with("|---"))
                .unwrap();
            let pipes = |l: &str| l.replace("\\|", "").matches('|').count();
            assert_eq!(pipes(lines[at]), pipes(lines[head - 1]), "{}", lines[at]);
        }
    }
    let csv = run(&["stats", "--format", "csv"]);
    assert!(csv.contains("HYPERLINK"), "the mediator is listed:\n{csv}");
    for line in csv.lines() {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('\u{feff}').trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a formula in the CSV: {line}"
            );
        }
    }
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        "{csv}"
    );
}
