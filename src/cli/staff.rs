//! `onedoor staff add | list | disable`.
use super::auth::{login_as, read_pin};
use super::{CliError, Out, StaffCommand, other};
use crate::domain::role::Role;
use crate::i18n::{Lang, trf};
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
            for s in store.list_staff()? {
                let state = if s.active { "" } else { " (disabled)" };
                out.line(format_args!(
                    "{}\t{}\t{}\t{}\t{}{state}",
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
            as_code,
        } => {
            let role = Role::from_code(&role).ok_or_else(|| other("err.staff.fields", role))?;
            let by = login_as(&mut store, &as_code, lang, now)?;
            let pin = read_pin(&trf(lang, "cli.pin.new", &[("code", &code)]))?;
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
            };
            store.add_staff(Some(by), &s, now)?;
            out.line(trf(lang, "cli.staff.added", &[("code", &code)]))
        }
        StaffCommand::Disable { code, as_code } => {
            let by = login_as(&mut store, &as_code, lang, now)?;
            store.set_staff_active(by, &code, false, now)?;
            out.line(trf(lang, "cli.staff.disabled", &[("code", &code)]))
        }
    }
}
