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

/// Writes the slip as `<dir>/<case-no>.txt` (private, the directory too; never through a
/// symbolic link) and returns the path.
pub fn write(saved: &mut Saved, ctx: &Ctx) -> Result<String, String> {
    let dir = slip_dir(ctx);
    crate::fsutil::create_private_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(format!("{}.txt", saved.created.case_no));
    crate::fsutil::write_private(&path, saved.slip.as_bytes())
        .map_err(|e| format!("{}: {}", ctx.tr(e.i18n_key()), e.detail()))?;
    let shown = path.display().to_string();
    saved.slip_path = Some(shown.clone());
    Ok(shown)
}

/// Hands the slip to the printer command from the configuration through a private temporary
/// file, deleted once the command has returned.
pub fn print(saved: &Saved, ctx: &Ctx) -> std::io::Result<()> {
    let mut words = ctx.config.printer.split_whitespace();
    let Some(program) = words.next() else {
        return Err(std::io::Error::other("no printer command configured"));
    };
    let file = crate::fsutil::private_temp_file(".txt", saved.slip.as_bytes())?;
    // The printer runs on its own; the desk does not wait for it (never block the render loop).
    std::process::Command::new(program)
        .args(words)
        .arg(file.path())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|mut child| {
            // Reaped on a thread so no zombie is left behind; the file goes once it is done.
            std::thread::spawn(move || {
                let _ = child.wait();
                drop(file);
            });
        })
}
