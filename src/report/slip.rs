//! The intake slip handed to the visitor (printed, saved beside the database, `onedoor slip`).
use crate::config::Config;
use crate::domain::category;
use crate::domain::risk::Colour;
use crate::i18n::{Lang, tr, trf};
use crate::store::SlipData;
use chrono::NaiveDateTime;

/// The intake slip handed to the visitor: plain text, one fact per line, no personal numbers.
pub fn slip_text(lang: Lang, slip: &SlipData, config: &Config, centre: &str) -> String {
    let t = |k| tr(lang, k);
    let fmt = |d: Option<NaiveDateTime>| {
        d.map(|d| d.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_else(|| "—".into())
    };
    let category = category::find(&slip.category)
        .map(|c| c.label(lang).to_string())
        .unwrap_or_else(|| slip.category.clone());
    let who = match (&slip.owner_name, &slip.team) {
        (Some(n), _) => n.clone(),
        (None, Some(team)) => tr(lang, &format!("team.{team}")).to_string(),
        (None, None) => t("ui.triage.slip.desk").to_string(),
    };
    let by = match slip.colour {
        Colour::Green => t("ui.triage.slip.answered").to_string(),
        _ => fmt(slip.deadline_at),
    };
    let phone = if config.centre.phone.trim().is_empty() {
        "—".to_string()
    } else {
        config.centre.phone.clone()
    };
    let mut lines = vec![
        centre.to_string(),
        t("ui.triage.slip.title").to_string(),
        String::new(),
        format!("{}: {}", t("ui.triage.slip.case_no"), slip.case_no),
        format!("{}: {}", t("ui.triage.slip.date"), fmt(slip.received_at)),
        format!("{}: {}", t("ui.triage.slip.category"), category),
    ];
    if let Some(a) = &slip.applicant {
        lines.push(format!("{}: {}", t("ui.triage.slip.applicant"), a));
    }
    lines.extend([
        format!("{}: {}", t("ui.triage.slip.contact"), who),
        format!("{}: {}", t("ui.triage.slip.by"), by),
        format!("{}: {}", t("ui.triage.slip.phone"), phone),
        String::new(),
        trf(lang, "ui.triage.slip.keep", &[("case", &slip.case_no)]),
    ]);
    lines.join("\n") + "\n"
}
