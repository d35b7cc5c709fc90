//! The county the domain's tests share: county 1 (AJ, the original centre: no number prefix);
//! townships 2 (T1) and 3 (T2); villages 4 (V1) and 5 (V2) under T1 and 6 (V3) under T2.
use super::{Centre, CentreTree};
use crate::domain::ladder::Level;

pub(crate) fn centre(id: i64, code: &str, level: Level, parent: Option<i64>) -> Centre {
    Centre {
        id,
        code: code.into(),
        name: format!("{code} centre"),
        level,
        parent_id: parent,
        number_prefix: if id == 1 { String::new() } else { code.into() },
        address: String::new(),
        phone: String::new(),
        active: true,
        hours: None,
    }
}

/// Given out of order on purpose: the tree sorts its centres.
pub(crate) fn county() -> CentreTree {
    CentreTree::new(vec![
        centre(6, "V3", Level::Village, Some(3)),
        centre(1, "AJ", Level::County, None),
        centre(2, "T1", Level::Township, Some(1)),
        centre(3, "T2", Level::Township, Some(1)),
        centre(4, "V1", Level::Village, Some(2)),
        centre(5, "V2", Level::Village, Some(2)),
    ])
}
