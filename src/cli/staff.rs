//! `onedoor staff add | list | disable | enable`. The rules for codes, names and who may do
//! what are the store's (and `domain::staff`); this file wires them.
use super::auth::{login_as, read_pin};
use super::{CliError, Out, StaffCommand};
use crate::domain::centre::CentreRule;
use crate::domain::role::Role;
use crate::domain::{pin, staff};
use crate::i18n::{Lang, trf};
use crate::store::StoreError;
use crate::store::{NewStaff, Store};
use std::path::Path;

pub(crate) fn run(
    cmd: StaffCommand,
    out: &mut Out,
    db: &Path,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<(), CliError> {
    let mut store = Store::open(db)?;
    match cmd {
        StaffCommand::List => {
            let tree = store.centre_tree()?;
            // Whose centre is which shows once there is more than one.
            let several = !crate::domain::centre::open_to_all(tree.len());
            for s in store.list_staff()? {
                let state = if s.active { "" } else { " (disabled)" };
                let centre = match tree.get(s.centre_id) {
                    Some(c) if several => format!("{}\t", c.code),
                    _ => String::new(),
                };
                out.line(format_args!(
                    "{}\t{}\t{}\t{centre}{}\t{}{state}",
                    s.code,
                    s.name,
                    s.role.code(),
                    s.languages.join(","),
                    s.specialties.join(",")
                ))?;
            }
            Ok(())
        }
        StaffCommand::Add {
            code,
            name,
            role,
            languages,
            specialties,
            team,
            centre,
            as_code,
        } => {
            let role = Role::from_code(&role.trim().to_ascii_lowercase())
                .ok_or_else(|| CliError::text(trf(lang, "err.staff.role", &[("role", &role)])))?;
            check_names(&code, &name)?;
            // An unknown centre is refused before any PIN is asked.
            let centre_id = match centre {
                Some(c) => Some(
                    store
                        .centre_tree()?
                        .by_code(c.trim())
                        .ok_or(StoreError::Centre(CentreRule::NoSuchCentre))?
                        .id,
                ),
                None => None,
            };
            let by = login_as(&mut store, &as_code, lang, now)?;
            let pin = read_new_pin(&code, role, lang)?;
            let split = |s: &str| {
                s.split(',')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(String::from)
                    .collect()
            };
            let s = NewStaff {
                code: code.clone(),
                name,
                role,
                languages: split(&languages),
                specialties: split(&specialties),
                team,
                pin,
                centre_id,
            };
            store.add_staff(Some(by), &s, now)?;
            out.line(trf(lang, "cli.staff.added", &[("code", &code)]))
        }
        StaffCommand::Disable { code, as_code } => {
            set_active(&mut store, out, &code, &as_code, false, lang, now)
        }
        StaffCommand::Enable { code, as_code } => {
            set_active(&mut store, out, &code, &as_code, true, lang, now)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn set_active(
    store: &mut Store,
    out: &mut Out,
    code: &str,
    as_code: &str,
    active: bool,
    lang: Lang,
    now: chrono::NaiveDateTime,
) -> Result<(), CliError> {
    let by = login_as(store, as_code, lang, now)?;
    match store.set_staff_active(by, code, active, now) {
        Err(StoreError::NotFound) => Err(CliError::text(trf(
            lang,
            "err.staff.unknown",
            &[("code", &code)],
        ))),
        r => r.map_err(CliError::from),
    }?;
    let done = if active {
        "cli.staff.enabled"
    } else {
        "cli.staff.disabled"
    };
    out.line(trf(lang, done, &[("code", &code)]))
}

/// Refuses a bad code or name before any PIN is asked (the store checks them again).
pub(crate) fn check_names(code: &str, name: &str) -> Result<(), CliError> {
    staff::check_code(code)
        .and(staff::check_name(name))
        .map(|_| ())
        .map_err(|e| StoreError::Staff(e).into())
}

/// Asks for the new account's PIN: 4–12 digits, a shift lead's at least 6.
pub(crate) fn read_new_pin(code: &str, role: Role, lang: Lang) -> Result<String, CliError> {
    let prompt = if role == Role::Lead {
        "cli.pin.new_lead"
    } else {
        "cli.pin.new"
    };
    let new = read_pin(&trf(lang, prompt, &[("code", &code)]))?;
    pin::check_new_pin(role, &new).map_err(StoreError::Staff)?;
    Ok(new)
}
