//! Places and case summaries for demo data, per category.
use rand::Rng;

pub const TOWNSHIPS: &[&str] = &[
    "城关镇",
    "文昌街道",
    "龙泉镇",
    "三合镇",
    "永乐乡",
    "新场镇",
    "花溪街道",
    "凯棠镇",
];
pub const VILLAGES: &[&str] = &[
    "东风村",
    "红星村",
    "新华社区",
    "花溪村",
    "石板村",
    "青山村",
    "大坪村",
    "杨柳村",
    "清水村",
    "长坡村",
    "白岩村",
    "河坝村",
    "金竹村",
    "凉水井村",
    "幸福社区",
    "和平社区",
    "南门社区",
];
const COMPANIES: &[&str] = &[
    "某建筑劳务公司",
    "某装修队",
    "某服装厂",
    "某物流公司",
    "某餐饮店",
    "某砖厂",
    "某电子厂",
];

pub fn address(rng: &mut impl Rng) -> String {
    let t = TOWNSHIPS[rng.random_range(0..TOWNSHIPS.len())];
    let v = VILLAGES[rng.random_range(0..VILLAGES.len())];
    format!("{t}{v}{}组", rng.random_range(1..13))
}

/// A short summary as a clerk writes it. `n` and `amount` are woven in for variety.
pub fn summary(category: &str, rng: &mut impl Rng) -> String {
    let n = rng.random_range(2..40);
    let amount = rng.random_range(2..300) * 1000;
    let company = COMPANIES[rng.random_range(0..COMPANIES.len())];
    let pick = |opts: &[String], rng: &mut dyn rand::RngCore| {
        opts[(rng.next_u32() as usize) % opts.len()].clone()
    };
    let opts: Vec<String> = match category {
        "family.divorce" => vec![
            "夫妻感情破裂，一方要求离婚，对财产分割有争议".into(),
            format!("婚后分居{n}个月，就离婚及房屋归属协商未果"),
        ],
        "family.maintenance" => vec![
            format!("离婚后对方拖欠抚养费{n}个月，申请人要求支付"),
            "抚养费标准存在争议，要求调整".into(),
        ],
        "family.custody" => vec![
            "离婚后双方争夺孩子抚养权，矛盾激化".into(),
            "探望子女时间安排发生争执".into(),
        ],
        "family.elder" => vec![
            format!("老人年逾{}，子女互相推诿赡养义务", 70 + n % 20),
            "兄弟姐妹就父母赡养费分摊产生纠纷".into(),
        ],
        "family.inheritance" => vec![
            "父亲去世后兄弟就老宅继承分配发生争执".into(),
            format!("遗产存款{amount}元分配有争议"),
        ],
        "family.violence" => vec![
            "丈夫酒后家暴，妻子身上有伤，要求调解并保护".into(),
            "长期遭受家庭暴力，申请人情绪低落".into(),
        ],
        "neighbour" => vec![
            "楼上漏水导致楼下天花板受损，多次协商未果".into(),
            "邻居搭建围墙占用通道，双方发生口角".into(),
            "宅基地界址不清，相邻两户发生争执".into(),
            "邻居饲养犬只扰民，双方多次争吵".into(),
        ],
        "property" => vec![
            "业主拒交物业费，物业公司停止服务".into(),
            "小区停车位收费引发业主与物业矛盾".into(),
        ],
        "property.lift" => vec![
            "老旧小区加装电梯，低层住户反对".into(),
            "加装电梯费用分摊方案无法达成一致".into(),
        ],
        "labour.wages" => vec![
            format!("{company}拖欠{n}名工人工资共{amount}元，年关将至工人情绪激动"),
            format!("包工头失联，{n}名农民工欠薪{amount}元"),
        ],
        "labour.other" => vec![
            "工伤后用人单位拒绝赔偿".into(),
            format!("{company}未签劳动合同即辞退员工"),
        ],
        "land" => vec![
            "土地流转租金未按期支付，农户要求收回土地".into(),
            format!("承包地{n}亩边界争议"),
        ],
        "medical" => vec![
            "手术后出现并发症，家属要求医院赔偿".into(),
            "对诊疗费用有异议，与医院协商未果".into(),
        ],
        "consumer" => vec![
            "老人购买虚假保健品被骗，要求退款".into(),
            format!("网购商品质量问题，商家拒绝退款{amount}元"),
        ],
        "traffic" => vec![
            format!("电动车与小轿车相撞，医疗费{amount}元赔偿有争议"),
            "交通事故责任认定后赔偿金额谈不拢".into(),
        ],
        "finance" => vec![
            format!("{n}名群众参与非法集资，要求返还本金"),
            "投资理财平台爆雷，群众聚集反映".into(),
        ],
        "education" => vec![
            format!("培训机构停课跑路，{n}名家长要求退费"),
            "课外辅导班拒绝退还剩余课时费".into(),
        ],
        _ => vec!["咨询法律政策问题".into(), "反映村务公开问题".into()],
    };
    pick(&opts, rng)
}

/// What a mediator notes when checking on an open red case in the morning.
pub fn red_check(rng: &mut impl Rng) -> &'static str {
    const NOTES: [&str; 4] = [
        "已电话联系申请人，情绪平稳，人身安全无异常",
        "已与派出所联动，民警已上门了解情况",
        "已联系村（社区）网格员每日走访，暂无冲突",
        "已电话联系双方，约定近日再次调解",
    ];
    NOTES[rng.random_range(0..NOTES.len())]
}
