//! Realistic people for demo data: surnames by frequency, given names, phones, ID numbers.
use crate::domain::idnum::check_digit;
use chrono::NaiveDate;
use rand::Rng;
use rand::distr::{Distribution, weighted::WeightedIndex};

/// Surnames with approximate shares (per 10,000 people), most common first; the tail keeps
/// surnames whose reading differs from the character's usual one (单 Shan, 曾 Zeng, 区 Ou…).
const SURNAMES: &[(&str, u32)] = &[
    ("王", 712),
    ("李", 700),
    ("张", 670),
    ("刘", 540),
    ("陈", 460),
    ("杨", 310),
    ("黄", 220),
    ("赵", 200),
    ("吴", 180),
    ("周", 170),
    ("徐", 130),
    ("孙", 120),
    ("马", 120),
    ("朱", 110),
    ("胡", 100),
    ("郭", 97),
    ("何", 90),
    ("林", 90),
    ("高", 90),
    ("罗", 85),
    ("郑", 80),
    ("梁", 70),
    ("谢", 60),
    ("宋", 50),
    ("唐", 50),
    ("许", 50),
    ("韩", 40),
    ("冯", 40),
    ("邓", 40),
    ("曹", 40),
    ("彭", 40),
    ("曾", 40),
    ("肖", 40),
    ("田", 35),
    ("董", 35),
    ("袁", 30),
    ("潘", 30),
    ("于", 30),
    ("蒋", 30),
    ("蔡", 30),
    ("余", 30),
    ("杜", 30),
    ("叶", 30),
    ("程", 30),
    ("苏", 25),
    ("魏", 25),
    ("吕", 25),
    ("丁", 25),
    ("任", 25),
    ("沈", 23),
    ("姚", 23),
    ("卢", 22),
    ("姜", 20),
    ("崔", 20),
    ("钟", 20),
    ("谭", 20),
    ("陆", 20),
    ("汪", 20),
    ("范", 20),
    ("金", 20),
    ("石", 20),
    ("廖", 18),
    ("贾", 18),
    ("夏", 18),
    ("韦", 18),
    ("付", 17),
    ("方", 17),
    ("白", 17),
    ("邹", 16),
    ("孟", 16),
    ("熊", 16),
    ("秦", 16),
    ("邱", 15),
    ("江", 15),
    ("尹", 15),
    ("薛", 14),
    ("闫", 14),
    ("段", 13),
    ("雷", 13),
    ("侯", 13),
    ("龙", 13),
    ("史", 12),
    ("陶", 12),
    ("黎", 12),
    ("贺", 12),
    ("顾", 11),
    ("毛", 11),
    ("郝", 11),
    ("龚", 11),
    ("邵", 11),
    ("万", 10),
    ("钱", 10),
    ("严", 10),
    ("覃", 10),
    ("武", 10),
    ("戴", 10),
    ("莫", 10),
    ("孔", 10),
    ("向", 10),
    ("汤", 10),
    ("单", 3),
    ("解", 3),
    ("仇", 2),
    ("查", 3),
    ("朴", 2),
    ("区", 2),
    ("盖", 2),
    ("乐", 2),
    ("缪", 2),
    ("欧阳", 5),
    ("司马", 1),
    ("诸葛", 1),
    ("上官", 1),
];

/// Surnames common among Miao speakers in Guizhou (a Miao-language team exists for them).
const MIAO_SURNAMES: &[&str] = &["杨", "吴", "龙", "石", "潘", "王", "张", "李", "罗", "熊"];

const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "霞", "平", "刚", "桂兰", "华", "红", "建国", "文", "玉兰", "辉", "鹏", "飞",
    "斌", "宇", "浩", "凯", "俊", "峰", "春梅", "海", "林", "成", "志强", "丹", "萍", "燕", "婷",
    "欣", "雪", "琳", "晨", "阳", "健", "亮", "宁", "龙", "兵", "晓", "嘉", "佳", "子", "梓", "涵",
    "怡", "婧", "思", "雨", "轩", "博", "家", "金", "云", "荣", "凤", "翠", "珍", "淑", "德", "福",
    "贵", "生", "发", "富", "青", "山", "振", "新", "立", "永", "长", "光", "胜", "元", "忠", "泽",
    "彬", "琴", "莉", "慧", "颖", "倩", "璐", "月", "蓉", "玲", "小", "国", "秀", "桂", "玉", "建",
    "志", "春", "海燕", "丽华", "永红", "德明", "学军",
];

/// Real region-code shapes: the county codes of a few cities (first 6 digits of an ID).
const REGIONS: &[&str] = &[
    "520102", "520103", "520111", "520123", "522601", "522622", "522631", "110101", "310104",
    "330106", "440305", "510104", "430102", "420106", "370102",
];

pub struct People {
    surname: WeightedIndex<u32>,
}

impl People {
    pub fn new() -> Self {
        People {
            surname: WeightedIndex::new(SURNAMES.iter().map(|s| s.1)).expect("weights > 0"),
        }
    }

    pub fn name(&self, rng: &mut impl Rng, miao: bool) -> String {
        let surname = if miao {
            MIAO_SURNAMES[rng.random_range(0..MIAO_SURNAMES.len())]
        } else {
            SURNAMES[self.surname.sample(rng)].0
        };
        let mut name = surname.to_string();
        let first = GIVEN[rng.random_range(0..GIVEN.len())];
        name.push_str(first);
        // Two-character given names are the majority; skip when the first pick already has two.
        if first.chars().count() == 1 && rng.random_bool(0.65) {
            name.push_str(
                GIVEN[rng.random_range(0..GIVEN.len())]
                    .chars()
                    .next()
                    .unwrap_or('华')
                    .encode_utf8(&mut [0; 4]),
            );
        }
        name
    }

    /// A mainland mobile number: 1, then 3–9, then nine digits.
    pub fn mobile(&self, rng: &mut impl Rng) -> String {
        let second = rng.random_range(3..=9);
        format!("1{second}{:09}", rng.random_range(0..1_000_000_000u32))
    }

    /// A checksum-valid 18-digit ID for someone born in `year_range`.
    pub fn id_number(&self, rng: &mut impl Rng, born_from: i32, born_to: i32) -> String {
        let region = REGIONS[rng.random_range(0..REGIONS.len())];
        let year = rng.random_range(born_from..=born_to);
        let day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default()
            + chrono::Duration::days(rng.random_range(0..365));
        let first17 = format!(
            "{region}{}{:03}",
            day.format("%Y%m%d"),
            rng.random_range(1..1000)
        );
        let check = check_digit(&first17).unwrap_or('0');
        format!("{first17}{check}")
    }
}
