//! The demo county: the county centre (the database's first, `MAIN`, with the staff and rooms
//! of `staff.rs`), three township centres and two village stations under each, every one with
//! its lead, desk clerk, mediators and rooms. Codes carry the centre: DL01D is the desk clerk of
//! village DL01, whose case numbers read DL01-2026-1124-007.
use super::staff::{DemoStaff, s};
use crate::domain::ladder::Level;
use crate::domain::role::Role::{Desk, Lead, Mediator};

pub struct DemoCentre {
    pub code: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub parent: &'static str,
    pub staff: &'static [DemoStaff],
    pub rooms: &'static [&'static str],
}

/// The county centre's name (the first centre, `MAIN`).
pub const COUNTY_NAME: &str = "示范县矛盾纠纷调处化解中心";

const PEOPLE: &str = "neighbour,land,family.elder,other";
const FAMILY: &str = "family.divorce,family.maintenance,family.custody,family.violence";
const LABOUR: &str = "labour.wages,labour.other,consumer";
const VILLAGE: &str = "family.divorce,family.inheritance,property,consumer";

const fn township(
    code: &'static str,
    name: &'static str,
    staff: &'static [DemoStaff],
    rooms: &'static [&'static str],
) -> DemoCentre {
    DemoCentre {
        code,
        name,
        level: Level::Township,
        parent: "MAIN",
        staff,
        rooms,
    }
}

const fn village(
    code: &'static str,
    name: &'static str,
    parent: &'static str,
    staff: &'static [DemoStaff],
    room: &'static [&'static str],
) -> DemoCentre {
    DemoCentre {
        code,
        name,
        level: Level::Village,
        parent,
        staff,
        rooms: room,
    }
}

/// Below the county centre, parents before children.
pub const CENTRES: &[DemoCentre] = &[
    township(
        "DL",
        "东林镇综治中心",
        &[
            s("DLL", "陈国栋", Lead, "zh", "", None),
            s("DLD", "林小燕", Desk, "zh", "", None),
            s("DLM1", "许建华", Mediator, "zh", PEOPLE, Some("people")),
            s("DLM2", "邓美玲", Mediator, "zh", FAMILY, Some("women")),
            s("DLM3", "韩志刚", Mediator, "zh", LABOUR, Some("labour")),
        ],
        &["东林镇第一调解室", "东林镇家事调解室"],
    ),
    township(
        "XS",
        "西山镇综治中心",
        &[
            s("XSL", "罗永福", Lead, "zh", "", None),
            s("XSD", "谢婷", Desk, "zh", "", None),
            s("XSM1", "龙秀英", Mediator, "zh,hmn", PEOPLE, Some("people")),
            s("XSM2", "石玉兰", Mediator, "zh", FAMILY, Some("women")),
            s("XSM3", "杨正军", Mediator, "zh", LABOUR, Some("labour")),
        ],
        &["西山镇调解室", "西山镇圆桌调解室"],
    ),
    township(
        "NH",
        "南湖街道矛调分中心",
        &[
            s("NHL", "沈卫东", Lead, "zh", "", None),
            s("NHD", "顾佳", Desk, "zh,en", "", None),
            s(
                "NHM1",
                "钱立群",
                Mediator,
                "zh",
                "property,property.lift,neighbour",
                Some("property"),
            ),
            s("NHM2", "蒋晓梅", Mediator, "zh", FAMILY, Some("women")),
            s(
                "NHM3",
                "潘文斌",
                Mediator,
                "zh",
                "consumer,finance,education,labour.wages",
                Some("legal"),
            ),
        ],
        &["南湖街道调解室", "南湖街道物业调解室"],
    ),
    village(
        "DL01",
        "东林镇东林村调解室",
        "DL",
        &[
            s("DL01L", "林德旺", Lead, "zh", "", None),
            s("DL01D", "林秀珍", Desk, "zh", "", None),
            s("DL01M1", "吴老根", Mediator, "zh", PEOPLE, Some("people")),
            s("DL01M2", "周桂芳", Mediator, "zh", VILLAGE, Some("people")),
        ],
        &["东林村调解室"],
    ),
    village(
        "DL02",
        "东林镇桃源村调解室",
        "DL",
        &[
            s("DL02L", "陶金生", Lead, "zh", "", None),
            s("DL02D", "何春燕", Desk, "zh", "", None),
            s("DL02M1", "彭玉成", Mediator, "zh", PEOPLE, Some("people")),
            s("DL02M2", "唐丽萍", Mediator, "zh", VILLAGE, Some("people")),
        ],
        &["桃源村调解室"],
    ),
    village(
        "XS01",
        "西山镇石桥村调解室",
        "XS",
        &[
            s("XS01L", "杨光荣", Lead, "zh", "", None),
            s("XS01D", "吴小芳", Desk, "zh", "", None),
            s(
                "XS01M1",
                "龙正华",
                Mediator,
                "zh,hmn",
                PEOPLE,
                Some("people"),
            ),
            s("XS01M2", "石秀梅", Mediator, "zh", VILLAGE, Some("people")),
        ],
        &["石桥村调解室"],
    ),
    village(
        "XS02",
        "西山镇茶园村调解室",
        "XS",
        &[
            s("XS02L", "张富贵", Lead, "zh", "", None),
            s("XS02D", "王晓丽", Desk, "zh", "", None),
            s(
                "XS02M1",
                "杨秀清",
                Mediator,
                "zh,hmn",
                PEOPLE,
                Some("people"),
            ),
            s("XS02M2", "李大山", Mediator, "zh", VILLAGE, Some("people")),
        ],
        &["茶园村调解室"],
    ),
    village(
        "NH01",
        "南湖街道湖滨社区调解室",
        "NH",
        &[
            s("NH01L", "徐建新", Lead, "zh", "", None),
            s("NH01D", "朱婷婷", Desk, "zh", "", None),
            s("NH01M1", "孔祥林", Mediator, "zh", PEOPLE, Some("people")),
            s("NH01M2", "方丽娟", Mediator, "zh", VILLAGE, Some("people")),
        ],
        &["湖滨社区调解室"],
    ),
    village(
        "NH02",
        "南湖街道柳岸社区调解室",
        "NH",
        &[
            s("NH02L", "曹明", Lead, "zh", "", None),
            s("NH02D", "袁芳", Desk, "zh", "", None),
            s("NH02M1", "丁国强", Mediator, "zh", PEOPLE, Some("people")),
            s("NH02M2", "冯雪梅", Mediator, "zh", VILLAGE, Some("people")),
        ],
        &["柳岸社区调解室"],
    ),
];

/// A village whose hours differ from the record's (the config's): 西山镇's second village also
/// opens on Saturdays, its market day. `centre list` shows it.
pub const OWN_HOURS: (&str, &str, &str, &str) = ("XS02", "08:30", "17:30", "1-6");

/// A centre's own day off: 南湖's first community station closes on the coming Wednesday (a
/// week ahead at least) for its market-day fair, a day every other centre works.
pub const OWN_CLOSURE: (&str, &str) = ("NH01", "集市日闭站");
