//! Printing and exporting the sheet: rendered from the same `Doc` as `onedoor handover`.
use super::{Ctx, HandoverState};
use crate::i18n::trf;
use crate::report::{self, Format, font::FontSource};

impl HandoverState {
    fn file_name(&self, ctx: &Ctx, f: Format) -> std::path::PathBuf {
        std::path::PathBuf::from(format!(
            "onedoor-handover-{}-{}.{}",
            self.date_or(ctx).format("%Y%m%d"),
            self.shift.code(),
            f.extension()
        ))
    }

    fn render(&self, ctx: &Ctx, f: Format) -> Result<Vec<u8>, String> {
        let sheet = self.sheet.as_ref().ok_or_else(String::new)?;
        let doc = report::sheet::sheet_doc(sheet, ctx.lang);
        let font = FontSource::choose(ctx.config.pdf_font.as_deref());
        report::render(&doc, f, &font).map_err(|e| e.to_string())
    }

    /// Writes PDF, HTML and text next to where onedoor was started.
    pub(super) fn export(&mut self, ctx: &mut Ctx) {
        let mut written = Vec::new();
        for f in [Format::Pdf, Format::Html, Format::Txt] {
            let path = self.file_name(ctx, f);
            let done = self
                .render(ctx, f)
                .map_err(|e| format!("{}: {e}", ctx.tr("err.report.write")))
                .and_then(|b| {
                    // Private, and never through a symbolic link planted at the name.
                    crate::fsutil::write_private(&path, &b)
                        .map_err(|e| format!("{}: {}", ctx.tr(e.i18n_key()), e.detail()))
                });
            if let Err(msg) = done {
                return ctx.error(msg);
            }
            written.push(path.display().to_string());
        }
        let msg = trf(
            ctx.lang,
            "ui.handover.exported",
            &[("path", &written.join(", "))],
        );
        ctx.info(msg);
    }

    /// Prints the PDF (plain text through CUPS shows Chinese as boxes) through a private
    /// temporary file, deleted once the printer command has returned.
    pub(super) fn print(&mut self, ctx: &mut Ctx) {
        let bytes = match self.render(ctx, Format::Pdf) {
            Ok(b) => b,
            Err(e) => {
                let msg = format!("{}: {e}", ctx.tr("err.report.write"));
                return ctx.error(msg);
            }
        };
        match report::print::print_bytes(&ctx.config.printer, &bytes, ".pdf") {
            Ok(_) => {
                let msg = ctx.tr("ui.handover.printed").to_string();
                ctx.info(msg);
            }
            Err(e) => {
                let msg = ctx.tr(e.i18n_key()).to_string();
                ctx.error(msg);
            }
        }
    }
}
