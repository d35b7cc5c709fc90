//! Handover sheet and statistics on a big database (`cargo bench --bench report [-- DB [DATE]]`;
//! default: the shared 1,000,000-case demo database, see benches/common).
//! Works on a copy: the file named is copied next to itself first and never written to.
//! Budget: a day's sheet in every format < 300 ms; a year's statistics < 1 s.
mod common;
use chrono::{Duration, NaiveDate};
use onedoor::config::Config;
use onedoor::domain::shift::Shift;
use onedoor::i18n::Lang;
use onedoor::report::font::{FontSource, LoadedFont};
use onedoor::report::{Format, export, render, sheet, text};
use onedoor::store::Store;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut ms = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(f());
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    (median(ms), last.expect("runs > 0"))
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let date = match args.get(1) {
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")?,
        None => chrono::Local::now().date_naive(),
    };
    for src in common::bench_dbs() {
        bench(&src.to_string_lossy(), date)?;
    }
    Ok(())
}

fn bench(src: &str, date: NaiveDate) -> anyhow::Result<()> {
    let copy = format!("{src}.handover-bench");
    if !std::path::Path::new(&copy).exists() {
        std::fs::copy(src, &copy)?;
    }
    let t = Instant::now();
    let store = Store::open(std::path::Path::new(&copy))?;
    println!(
        "open + migrate (indexes on first run): {:.0} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    println!("cases: {}", store.case_count()?);
    let config = Config::default();
    let now = date.and_hms_opt(17, 0, 0).unwrap_or_default();
    // The record's first centre: its calendar gives the sheet's next working day.
    let centre = store.centre_tree()?.all().first().map_or(1, |c| c.id);
    let req = onedoor::report::sheet_request(&store, &config, centre, date, Shift::Day, None, now)?;
    let (ms, data) = time(5, || store.handover_sheet(&req));
    let data = data?;
    println!(
        "sheet data {date}: {ms:.1} ms (intakes {}, urgent {}, deadlines {}, sessions {}, follow-ups {}, escalations {})",
        data.intakes.total,
        data.urgent.total,
        data.deadlines.total,
        data.sessions_today.total,
        data.followups.total,
        data.escalations.total
    );
    let font = FontSource::Bundled;
    for f in [Format::Txt, Format::Md, Format::Html, Format::Pdf] {
        let (ms, out) = time(5, || -> anyhow::Result<Vec<u8>> {
            let data = store.handover_sheet(&req)?;
            let doc = sheet::sheet_doc(&data, Lang::Zh);
            render(&doc, f, &font)
        });
        let out = out?;
        let mark = if ms < 300.0 { "ok" } else { "OVER" };
        println!(
            "sheet {:<4} query+render: {ms:7.1} ms  {:>8} bytes  [{mark} < 300 ms]",
            f.extension(),
            out.len()
        );
    }
    let loaded = LoadedFont::load(&font)?;
    let (ms, _) = time(5, || {
        let doc = sheet::sheet_doc(&data, Lang::Zh);
        onedoor::report::pdf::pdf_with(&doc, &loaded)
    });
    println!("  of which PDF layout+subset+write with the font loaded: {ms:.1} ms");
    for (label, days) in [("month", 30), ("year", 365)] {
        let from = date - Duration::days(days - 1);
        let (ms, st) = time(3, || store.stats(from, date));
        let st = st?;
        let mark = if ms < 1000.0 { "ok" } else { "OVER" };
        println!(
            "stats {label} {from}..{date}: {ms:7.1} ms  received {} mediated {} success {:?}  [{mark} < 1 s]",
            st.received,
            st.mediated,
            st.success_rate().map(|r| (r * 1000.0).round() / 10.0)
        );
        if days == 365 {
            let (ms, x) = time(3, || export::xlsx(&st, Lang::Zh));
            println!("  xlsx export: {ms:.1} ms ({} bytes)", x?.len());
            let (ms, c) = time(3, || export::csv(&st, Lang::Zh));
            println!("  csv export: {ms:.1} ms ({} bytes)", c.len());
            let (ms, t) = time(3, || {
                text::txt(&onedoor::report::stats::stats_doc(&st, Lang::Zh, ""))
            });
            println!("  table: {ms:.1} ms ({} bytes)", t.len());
        }
    }
    Ok(())
}
