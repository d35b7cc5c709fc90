//! The same domain codes as convert.rs, for PostgreSQL (postgres-types): text codes as TEXT,
//! colours as their BIGINT rank, times and flag lists as TEXT; a value no code matches is the
//! same `UnknownCode` (db/pg.rs names the table and column).
use super::convert::{Flags, Stamp, UnknownCode};
use crate::domain::case_filter::Waiting;
use crate::domain::channel::Channel;
use crate::domain::followup::{Kind, Method, Performance};
use crate::domain::ladder::Level;
use crate::domain::party::{PartyRole, Vulnerability};
use crate::domain::risk::{Colour, RiskFlag};
use crate::domain::role::Role;
use crate::domain::session::SessionStatus;
use crate::domain::status::Status;
use crate::domain::team::Team;
use crate::domain::transfer::{ReturnCode, TransferKind, TransferState};
use bytes::BytesMut;
use postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};
use std::error::Error;

type Boxed = Box<dyn Error + Sync + Send>;

fn unknown(kind: &'static str, value: String) -> Boxed {
    Box::new(UnknownCode {
        kind,
        table: "",
        column: String::new(),
        value,
    })
}

macro_rules! text_codes {
    ($($t:ty),+ $(,)?) => {$(
        impl ToSql for $t {
            fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Boxed> {
                self.code().to_sql(ty, out)
            }
            fn accepts(ty: &Type) -> bool {
                <&str as ToSql>::accepts(ty)
            }
            to_sql_checked!();
        }

        impl<'a> FromSql<'a> for $t {
            fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Boxed> {
                let s = <&str as FromSql>::from_sql(ty, raw)?;
                <$t>::from_code(s).ok_or_else(|| unknown(stringify!($t), s.to_string()))
            }
            fn accepts(ty: &Type) -> bool {
                <&str as FromSql>::accepts(ty)
            }
        }
    )+};
}

text_codes!(
    Status,
    Level,
    Channel,
    Role,
    PartyRole,
    Vulnerability,
    RiskFlag,
    Team,
    SessionStatus,
    Method,
    Performance,
    Kind,
    Waiting,
    TransferKind,
    TransferState,
    ReturnCode,
);

impl ToSql for Colour {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Boxed> {
        self.rank().to_sql(ty, out)
    }
    fn accepts(ty: &Type) -> bool {
        <i64 as ToSql>::accepts(ty)
    }
    to_sql_checked!();
}

impl<'a> FromSql<'a> for Colour {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Boxed> {
        let rank = i64::from_sql(ty, raw)?;
        Colour::from_rank(rank).ok_or_else(|| unknown("Colour", rank.to_string()))
    }
    fn accepts(ty: &Type) -> bool {
        <i64 as FromSql>::accepts(ty)
    }
}

impl<'a> FromSql<'a> for Stamp {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Boxed> {
        let s = <&str as FromSql>::from_sql(ty, raw)?;
        super::time::from_sql(s)
            .map(Stamp)
            .ok_or_else(|| unknown("time", s.to_string()))
    }
    fn accepts(ty: &Type) -> bool {
        <&str as FromSql>::accepts(ty)
    }
}

impl<'a> FromSql<'a> for Flags {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Boxed> {
        let s = <&str as FromSql>::from_sql(ty, raw)?;
        super::convert::parse_flags(s)
            .map(Flags)
            .ok_or_else(|| unknown("RiskFlag", s.to_string()))
    }
    fn accepts(ty: &Type) -> bool {
        <&str as FromSql>::accepts(ty)
    }
}
