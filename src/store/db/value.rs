//! What a parameter and a column must be on both engines: rusqlite's and postgres-types'
//! conversions of the same Rust type (the domain's codes implement both in convert.rs).

/// A statement parameter of either engine.
pub(crate) trait Param: rusqlite::ToSql + postgres::types::ToSql + Sync {}

impl<T: rusqlite::ToSql + postgres::types::ToSql + Sync + ?Sized> Param for T {}

/// A column value of either engine (owned: read out of the row).
pub(crate) trait Col:
    rusqlite::types::FromSql + for<'a> postgres::types::FromSql<'a>
{
}

impl<T: rusqlite::types::FromSql + for<'a> postgres::types::FromSql<'a>> Col for T {}
