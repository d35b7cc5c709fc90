//! Getting the intake slip out: a text file next to the database, or the configured printer.
use super::Saved;
use crate::app::panes::Ctx;
use std::path::PathBuf;

/// Where slips are written: `slips/` beside the database (the temp dir for in-memory stores).
fn slip_dir(ctx: &Ctx) -> PathBuf {
    ctx.store
        .path()
        .and_then(|p| p.parent().map(|d| d.join("slips")))
        .unwrap_or_else(|| std::env::temp_dir().join("onedoor-slips"))
}

/// Writes the slip as `<dir>/<case-no>.txt` and returns the path.
pub fn write(saved: &mut Saved, ctx: &Ctx) -> std::io::Result<String> {
    let dir = slip_dir(ctx);
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{}.txt", saved.created.case_no));
    std::fs::write(&path, &saved.slip)?;
    let shown = path.display().to_string();
    saved.slip_path = Some(shown.clone());
    Ok(shown)
}

/// Writes the slip and hands the file to the printer command from the configuration.
pub fn print(saved: &mut Saved, ctx: &Ctx) -> std::io::Result<()> {
    let path = write(saved, ctx)?;
    let mut words = ctx.config.printer.split_whitespace();
    let Some(program) = words.next() else {
        return Err(std::io::Error::other("no printer command configured"));
    };
    // The printer runs on its own; the desk does not wait for it (never block the render loop).
    std::process::Command::new(program)
        .args(words)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|mut child| {
            // Reaped on a thread so no zombie is left behind.
            std::thread::spawn(move || child.wait());
        })
}
