//! The same search through `fzf --filter` (reading the same lines each call, as a shell
//! pipeline would), beside ours, with the ratio: every searching bench prints this table.
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() - 1) as f64 * p).round() as usize]
}

pub fn installed() -> bool {
    Command::new("fzf").arg("--version").output().is_ok()
}

/// Writes `lines` to `path` once (the file is kept between runs).
pub fn lines_file(path: &Path, lines: impl FnOnce(&mut dyn FnMut(&str))) {
    if path.exists() {
        return;
    }
    let mut out = String::new();
    lines(&mut |l: &str| {
        out.push_str(l);
        out.push('\n');
    });
    std::fs::write(path, out).unwrap();
}

/// One fzf run over the file, in ms (median of three).
fn fzf_ms(lines: &Path, q: &str) -> f64 {
    let mut t: Vec<f64> = (0..3)
        .map(|_| {
            let s = Instant::now();
            Command::new("fzf")
                .args(["--filter", q])
                .stdin(std::fs::File::open(lines).unwrap())
                .stdout(Stdio::null())
                .status()
                .unwrap();
            ms(s.elapsed())
        })
        .collect();
    percentile(&mut t, 0.5)
}

/// Times `ours(q)` (`runs` times) against fzf over `lines` for each query; prints a table.
pub fn compare(
    title: &str,
    lines: &Path,
    queries: &[&str],
    runs: usize,
    mut ours: impl FnMut(&str),
) {
    let fzf = installed();
    let n = std::fs::read_to_string(lines).map_or(0, |s| s.lines().count());
    println!("\n{title} — against `fzf --filter` over the same {n} lines:\n");
    println!("| query | ours p50 / p99 | fzf --filter | ratio (fzf / our p50) |");
    println!("|---|---|---|---|");
    for q in queries {
        let mut t = Vec::with_capacity(runs);
        for _ in 0..runs {
            let s = Instant::now();
            ours(std::hint::black_box(q));
            t.push(ms(s.elapsed()));
        }
        let (p50, p99) = (percentile(&mut t, 0.5), percentile(&mut t, 0.99));
        if fzf {
            let f = fzf_ms(lines, q);
            println!(
                "| {q} | {p50:.2} / {p99:.2} ms | {f:.0} ms | {:.0}× |",
                f / p50.max(0.001)
            );
        } else {
            println!("| {q} | {p50:.2} / {p99:.2} ms | (fzf not installed) | |");
        }
    }
    println!();
}
