//! The layers stay true: a module of `src/` names only the modules below it (README's layer
//! table). Test code (`*tests.rs`, `testing.rs`, test folders and `#[cfg(test)]` modules) may
//! reach further, for fixtures such as the demo generator.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What each top-level module of `src/` may name besides itself.
fn allowed(module: &str) -> Option<&'static [&'static str]> {
    Some(match module {
        // Pure rules and their labels; text fitting; file creation; pinyin matching.
        "domain" => &["i18n"],
        "i18n" => &["domain"],
        "fsutil" | "search" => &[],
        "config" => &["domain", "i18n", "fsutil"],
        // The only SQL.
        "store" => &["domain", "i18n", "search", "fsutil"],
        "import" => &["domain", "i18n", "store"],
        "demo" => &["domain", "i18n", "store", "search"],
        // Documents: never the panes, never drawing.
        "report" => &["domain", "i18n", "store", "config", "fsutil"],
        "app" => &[
            "domain", "i18n", "store", "config", "report", "demo", "fsutil", "search", "import",
        ],
        "ui" => &["domain", "i18n", "store", "config", "report", "app"],
        // Commands wire lower layers; they may start the TUI (`app`, `tui`) but never reach
        // into a pane or the drawing (checked below).
        "cli" => &[
            "domain", "i18n", "store", "config", "report", "demo", "fsutil", "search", "import",
            "app", "tui", "logging",
        ],
        "tui" => &["app", "ui", "store", "i18n", "domain", "config"],
        "logging" => &["fsutil", "config"],
        "lib" | "main" => return None,
        _ => &[],
    })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn is_test_file(rel: &Path) -> bool {
    let s = rel.to_string_lossy();
    let name = rel.file_name().unwrap().to_string_lossy();
    name.ends_with("tests.rs")
        || name == "testing.rs"
        || s.contains("/tests/")
        || s.contains("_tests/")
}

/// The file without its `#[cfg(test)]` items (a test module at the end, as is the custom).
fn non_test_part(text: &str) -> &str {
    match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    }
}

/// `crate::a::b` paths named in `text`, as (`a`, `b`); comments are skipped.
fn crate_paths(text: &str) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let ident = |s: &str| -> String {
                s.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect()
            };
            let first = ident(rest);
            let after = &rest[first.len()..];
            let second = after.strip_prefix("::").map(ident).unwrap_or_default();
            // `use crate::{a, b}` names several.
            if first.is_empty() && rest.starts_with('{') {
                for part in rest[1..].split(['}', ';']).next().unwrap_or("").split(',') {
                    let p = ident(part.trim());
                    if !p.is_empty() {
                        found.insert((p, String::new()));
                    }
                }
            } else if !first.is_empty() {
                found.insert((first, second));
            }
        }
    }
    found
}

#[test]
fn no_module_names_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        if is_test_file(rel) {
            continue;
        }
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        let Some(may) = allowed(&module) else {
            continue;
        };
        let text = std::fs::read_to_string(f).unwrap();
        for (to, sub) in crate_paths(non_test_part(&text)) {
            let ok = to == module || may.contains(&to.as_str());
            let into_pane = module == "cli" && to == "app" && sub == "panes";
            if !ok || into_pane {
                wrong.push(format!("{}: crate::{to}::{sub}", rel.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a lower layer names a higher one:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_what_it_must() {
    let text = "use crate::ui::widgets::pad; // crate::app in a comment\n\
                use crate::{store, report};\n\
                let x = crate::app::panes::triage::X;\n\
                #[cfg(test)]\nuse crate::demo;";
    let found = crate_paths(non_test_part(text));
    let names: Vec<String> = found.iter().map(|(a, b)| format!("{a}::{b}")).collect();
    assert_eq!(
        names,
        ["app::panes", "report::", "store::", "ui::widgets"],
        "{names:?}"
    );
    assert!(is_test_file(Path::new("store/case_search_tests.rs")));
    assert!(is_test_file(Path::new("store/followups/tests/listing.rs")));
    assert!(!is_test_file(Path::new("store/cases.rs")));
}
