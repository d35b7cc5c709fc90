//! The county centre's staff and rooms in the demo (a one-centre demo's whole staff): leads, desk
//! clerks and mediators of every kind.
use crate::domain::role::Role;

pub struct DemoStaff {
    pub code: &'static str,
    pub name: &'static str,
    pub role: Role,
    pub languages: &'static str,
    /// Category codes, or a prefix ending in '.' for a whole group.
    pub specialties: &'static str,
    pub team: Option<&'static str>,
}

pub(super) const fn s(
    code: &'static str,
    name: &'static str,
    role: Role,
    languages: &'static str,
    specialties: &'static str,
    team: Option<&'static str>,
) -> DemoStaff {
    DemoStaff {
        code,
        name,
        role,
        languages,
        specialties,
        team,
    }
}

pub const STAFF: &[DemoStaff] = &[
    s("L001", "王建国", Role::Lead, "zh", "", None),
    s("L002", "李秀英", Role::Lead, "zh", "", None),
    s("D001", "张丽", Role::Desk, "zh,en", "", None),
    s("D002", "刘洋", Role::Desk, "zh", "", None),
    s("D003", "陈静", Role::Desk, "zh", "", None),
    s(
        "M001",
        "赵德明",
        Role::Mediator,
        "zh",
        "family.divorce,family.maintenance,family.custody",
        Some("women"),
    ),
    s(
        "M002",
        "杨秀梅",
        Role::Mediator,
        "zh,hmn",
        "family.elder,neighbour,land",
        Some("people"),
    ),
    s(
        "M003",
        "黄志强",
        Role::Mediator,
        "zh",
        "labour.wages,labour.other",
        Some("labour"),
    ),
    s(
        "M004",
        "周文",
        Role::Mediator,
        "zh,en",
        "consumer,finance,education",
        Some("legal"),
    ),
    s(
        "M005",
        "吴心怡",
        Role::Mediator,
        "zh",
        "family.violence,family.custody",
        Some("psych"),
    ),
    s(
        "M006",
        "孙振华",
        Role::Mediator,
        "zh",
        "family.inheritance,land,neighbour",
        Some("court"),
    ),
    s(
        "M007",
        "马永红",
        Role::Mediator,
        "zh",
        "property,property.lift",
        Some("property"),
    ),
    s(
        "M008",
        "朱海燕",
        Role::Mediator,
        "zh",
        "medical",
        Some("medical"),
    ),
    s(
        "M009",
        "胡立新",
        Role::Mediator,
        "zh",
        "traffic",
        Some("traffic"),
    ),
    s(
        "M010",
        "郭长生",
        Role::Mediator,
        "zh",
        "neighbour,land,family.elder,other",
        Some("people"),
    ),
    s(
        "M011",
        "何丽华",
        Role::Mediator,
        "zh",
        "neighbour,consumer,other,family.divorce",
        Some("people"),
    ),
    s(
        "M012",
        "龙光明",
        Role::Mediator,
        "zh,hmn",
        "land,neighbour,labour.wages",
        Some("people"),
    ),
];

pub const ROOMS: &[&str] = &[
    "第一调解室",
    "第二调解室",
    "家事调解室",
    "心理咨询室",
    "圆桌调解室",
];
