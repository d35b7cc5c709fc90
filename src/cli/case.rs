//! `onedoor case show|escalate|accept|return|hand-down|hand-across|overrule|withdraw CASE_NO
//! --as CODE …`: hand-overs between centres for a county's other systems (the 12345 hotline,
//! the grid platform) and for scripts, through the same store calls and audit as the panes.
//! Each logs the person in (PIN from ONEDOOR_PIN or a prompt) and works within their view.
use super::auth::login_as;
use super::case_show::{centre_label, show};
use super::{CliError, Out};
use crate::config::Config;
use crate::domain::transfer::{ReturnCode, TransferRule};
use crate::i18n::{Lang, trf};
use crate::store::{Handed, Store, StoreError};
use clap::Subcommand;
use std::path::Path;

#[derive(Subcommand, Debug)]
pub enum CaseCommand {
    /// Print a case with its passage through the centres and its hand-overs.
    Show {
        case_no: String,
        #[arg(long = "as")]
        as_code: String,
    },
    /// Hand the case up to your centre's parent (上报).
    Escalate {
        case_no: String,
        #[arg(long = "as")]
        as_code: String,
        /// Why (needed before the level's attempts are used up; a lead's decision).
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Sign for a hand-over addressed to your centre (签收): the case becomes yours.
    Accept {
        case_no: String,
        #[arg(long = "as")]
        as_code: String,
    },
    /// Send back a hand-over addressed to your centre (退回 / 退单).
    Return {
        case_no: String,
        #[arg(long = "as")]
        as_code: String,
        /// not_exhausted or outside_remit (up); wrong_locality, unclear_responsibility or
        /// overlapping_duties (down, across); other (with --other).
        #[arg(long)]
        reason: Option<String>,
        /// The words of an "other" reason.
        #[arg(long, default_value = "")]
        other: String,
        /// What the sender should know (required).
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Hand the case down to a centre below yours (交办), with instructions.
    HandDown(SidewaysArgs),
    /// Hand the case across to a centre neither above nor below yours (转办).
    HandAcross(SidewaysArgs),
    /// Insist on a hand-over down or across that was sent back (审定; a lead's command).
    Overrule {
        case_no: String,
        #[arg(long = "as")]
        as_code: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Take back a hand-over your centre sent that nobody has answered yet.
    Withdraw {
        case_no: String,
        #[arg(long = "as")]
        as_code: String,
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(clap::Args, Debug)]
pub struct SidewaysArgs {
    case_no: String,
    /// The receiving centre's code.
    #[arg(long)]
    to: String,
    #[arg(long = "as")]
    as_code: String,
    /// Instructions for the receiver (required).
    #[arg(long, default_value = "")]
    note: String,
    /// Working days to sign or send back (default 3, at most 13).
    #[arg(long, allow_negative_numbers = true)]
    reply_days: Option<i64>,
}

impl CaseCommand {
    fn who(&self) -> (&str, &str) {
        use CaseCommand::*;
        match self {
            Show { case_no, as_code }
            | Escalate {
                case_no, as_code, ..
            }
            | Accept { case_no, as_code }
            | Return {
                case_no, as_code, ..
            }
            | Overrule {
                case_no, as_code, ..
            }
            | Withdraw {
                case_no, as_code, ..
            } => (case_no, as_code),
            HandDown(a) | HandAcross(a) => (&a.case_no, &a.as_code),
        }
    }
}

pub(crate) fn run(
    cmd: CaseCommand,
    out: &mut Out,
    db: &Path,
    config: &Config,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<(), CliError> {
    let mut store = Store::open(db)?;
    store.set_work_time(config.hours.work_time());
    let (case_no, as_code) = cmd.who();
    let by = login_as(&mut store, as_code, lang, now)?;
    store.view_as(by)?;
    let case_no = case_no.trim().to_string();
    let id = find(&store, &case_no, lang)?;
    let hours = &config.response_hours;
    let tree = store.centre_tree()?;
    let name = |id: i64| centre_label(&tree, id);
    let no = case_no.as_str();
    match cmd {
        CaseCommand::Show { .. } => return show(out, &store, id, lang, now),
        CaseCommand::Escalate { reason, .. } => {
            let h = store.hand_up(by, id, &reason, now)?;
            let to = name(h.to_centre);
            out.line(trf(
                lang,
                "cli.case.handed_up",
                &[("case", &no), ("to", &to)],
            ))?;
            sessions(out, &h, lang)?;
        }
        CaseCommand::HandDown(a) => {
            let to = receiver(&store, &a.to)?;
            let h = store.hand_down(by, id, to, &a.note, a.reply_days, now)?;
            handed(out, &h, no, &name(to), lang)?;
        }
        CaseCommand::HandAcross(a) => {
            let to = receiver(&store, &a.to)?;
            let h = store.hand_across(by, id, to, &a.note, a.reply_days, now)?;
            handed(out, &h, no, &name(to), lang)?;
        }
        CaseCommand::Accept { .. } => {
            store.sign(by, id, hours, now)?;
            let here = name(store.staff_centre(by.staff_id)?.id);
            out.line(trf(
                lang,
                "cli.case.signed",
                &[("case", &no), ("centre", &here)],
            ))?;
        }
        CaseCommand::Return {
            reason,
            other,
            note,
            ..
        } => {
            let code = return_code(reason.as_deref())?;
            store.return_transfer(by, id, code, &other, &note, now)?;
            out.line(trf(lang, "cli.case.returned", &[("case", &no)]))?;
        }
        CaseCommand::Overrule { note, .. } => {
            store.overrule(by, id, &note, hours, now)?;
            out.line(trf(lang, "cli.case.overruled", &[("case", &no)]))?;
        }
        CaseCommand::Withdraw { note, .. } => {
            store.withdraw(by, id, &note, now)?;
            out.line(trf(lang, "cli.case.withdrawn", &[("case", &no)]))?;
        }
    }
    Ok(())
}

/// The case with this number, if this person may read it; any other case reads as no case.
fn find(store: &Store, case_no: &str, lang: Lang) -> Result<i64, CliError> {
    let missing = || CliError::text(trf(lang, "cli.case.no_such", &[("case", &case_no)]));
    let id = store.case_id_by_no(case_no)?.ok_or_else(missing)?;
    match store.transfers_of(id) {
        Ok(_) => Ok(id),
        Err(StoreError::NotFound) => Err(missing()),
        Err(e) => Err(e.into()),
    }
}

/// A centre code typed after `--to`; one the tree does not have is outside it.
fn receiver(store: &Store, code: &str) -> Result<i64, CliError> {
    let tree = store.centre_tree()?;
    match tree.by_code(code.trim()) {
        Some(c) => Ok(c.id),
        None => Err(StoreError::Transfer(TransferRule::NotInTree).into()),
    }
}

/// A return's reason code; none given is a return without a reason.
fn return_code(code: Option<&str>) -> Result<ReturnCode, CliError> {
    let code = code.map(str::trim).unwrap_or_default();
    if code.is_empty() {
        return Err(StoreError::Transfer(TransferRule::NoReason).into());
    }
    ReturnCode::from_code(code).ok_or_else(|| super::other("err.transfer.unknown_reason", code))
}

fn handed(out: &mut Out, h: &Handed, no: &str, to: &str, lang: Lang) -> Result<(), CliError> {
    let due = h
        .reply_by
        .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    out.line(trf(
        lang,
        "cli.case.handed",
        &[("case", &no), ("to", &to), ("due", &due)],
    ))?;
    sessions(out, h, lang)
}

/// Sessions still booked stay with the centre that booked them: say so, one line each.
fn sessions(out: &mut Out, h: &Handed, lang: Lang) -> Result<(), CliError> {
    for s in &h.sessions {
        let when = s.starts_at.format("%Y-%m-%d %H:%M").to_string();
        let room = s.room.clone().unwrap_or_default();
        out.line(trf(
            lang,
            "cli.case.session_stays",
            &[("when", &when), ("mediator", &s.mediator), ("room", &room)],
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
