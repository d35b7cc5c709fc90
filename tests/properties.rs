//! Property tests: parsers and search take any input without panicking or hanging, and what
//! they accept really is valid.
use chrono::NaiveDate;
use onedoor::domain::{idnum, mask, names, phone, text};
use onedoor::search::NameIndex;
use proptest::prelude::*;

/// A fixed seed keeps CI deterministic; `PROPTEST_RNG_SEED=N` explores other inputs locally.
fn seed() -> proptest::test_runner::RngSeed {
    let n = std::env::var("PROPTEST_RNG_SEED")
        .ok()
        .and_then(|s| s.parse().ok());
    proptest::test_runner::RngSeed::Fixed(n.unwrap_or(20_261_124))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, rng_seed: seed(), ..ProptestConfig::default() })]

    #[test]
    fn id_parser_takes_anything_and_accepts_only_checksum_valid_numbers(s in "\\PC{0,40}|[0-9Xx０-９ ]{15,20}") {
        if let Ok(id) = idnum::parse_id_number(&s, today()) {
            let v = id.as_str();
            prop_assert_eq!(v.len(), 18);
            prop_assert_eq!(idnum::check_digit(&v[..17]), v.chars().last());
            prop_assert!(id.birth_date() <= today());
        }
    }

    #[test]
    fn generated_ids_always_validate(region in prop::sample::select(vec!["110101", "520102", "522601", "440305"]),
                                     days in 0i64..30_000, seq in 0u32..1000) {
        let born = NaiveDate::from_ymd_opt(1930, 1, 1).unwrap() + chrono::Duration::days(days);
        prop_assume!(born <= today());
        let first17 = format!("{region}{}{seq:03}", born.format("%Y%m%d"));
        let id = format!("{first17}{}", idnum::check_digit(&first17).unwrap());
        prop_assert!(idnum::parse_id_number(&id, today()).is_ok(), "{}", id);
        prop_assert!(idnum::parse_id_number(&id.to_lowercase(), today()).is_ok());
    }

    #[test]
    fn phone_parser_takes_anything_and_masks_safely(s in "\\PC{0,30}|[0-9０-９+ ()-]{5,20}") {
        if let Ok(p) = phone::parse_phone(&s) {
            prop_assert!(p.as_str().chars().all(|c| c.is_ascii_digit() || c == '-'));
            prop_assert_eq!(p.tail4().len(), 4);
        }
        let m = mask::mask_phone(&s);
        // A valid number is always masked in the middle; anything shown of a mobile is its
        // prefix (3) and tail (4), as on 138****5678.
        if let Ok(p) = phone::parse_phone(&s) {
            prop_assert!(m.contains("****"), "{} -> {}", s, m);
            prop_assert!(m.ends_with(p.tail4()));
            prop_assert!(!m.contains(&p.as_str()[p.as_str().len().saturating_sub(8)..]), "{} -> {}", s, m);
        }
    }

    #[test]
    fn sanitising_keeps_limits_and_drops_controls(s in "\\PC{0,200}|[\\x00-\\x1f\\x7f]{0,50}", max in 0usize..50) {
        let out = text::sanitize_single_line(&s, max);
        prop_assert!(out.text.chars().count() <= max);
        prop_assert!(!out.text.chars().any(|c| c.is_control()));
    }

    #[test]
    fn config_parser_never_panics(s in "\\PC{0,200}") {
        let _ = onedoor::config::Config::parse(&s, std::path::Path::new("fuzz.toml"));
    }

    #[test]
    fn name_search_never_panics_and_finds_exact_names(names in prop::collection::vec("[张王李赵覃单a-z]{1,4}", 1..40), q in "\\PC{0,10}") {
        let mut idx = NameIndex::new();
        for (i, n) in names.iter().enumerate() {
            idx.insert(i as i64, n, "");
        }
        let _ = idx.search(&q, 10);
        let hits = idx.search(&names[0], 50);
        prop_assert!(hits.iter().any(|h| h.name == names[0].trim()), "{} not found", names[0]);
    }
}

/// Characters with one reading, as a surname too (no heteronym, no surname reading of its own).
fn single_reading(pool: &str) -> Vec<char> {
    pool.chars()
        .filter(|c| {
            let keys = names::name_keys(&c.to_string());
            keys.split(' ').count() <= 2
                && names::name_keys(&format!("李{c}")).split(' ').count() <= 2
        })
        .collect()
}

/// Common name characters; some have several readings (filtered out for the named name, kept
/// for the crowd around it).
const NAME_CHARS: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单区解仇查朴伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力小兰凤梅宇鹏飞鑫波斌宁志浩婷雪琳晶瑞丹玲国海春燕琴云亮成荣新峰俊慧佳颖倩欣怡思雨晨阳嘉子涵轩博睿诗悦昊然天一家振东生德福祥贵永庆宏长发昌兴忠良民正清山水安乐翠珍莲菊香";

/// Names that read exactly as `name` the usual way only by a rare reading of one of their
/// characters: 叶建国 (叶 read xie) for 谢建国.
fn twins(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let query = &names::usual_keys(name)[0];
    let mut out = Vec::new();
    for i in 0..chars.len() {
        for x in NAME_CHARS.chars() {
            let mut t = chars.clone();
            t[i] = x;
            let twin: String = t.iter().collect();
            if &names::usual_keys(&twin)[0] != query
                && names::name_keys(&twin).split(' ').any(|k| k == query)
            {
                out.push(twin);
            }
        }
    }
    out
}

#[test]
fn rare_reading_twins_exist_for_the_property_to_bite() {
    assert!(twins("谢建国").contains(&"叶建国".to_string()));
    assert!(
        twins("单雄").contains(&"邓雄".to_string()),
        "邓 also reads shan"
    );
    let single = single_reading(NAME_CHARS);
    assert!(single.len() > 100, "{}", single.len());
    assert!(single.contains(&'谢') && !single.contains(&'叶') && !single.contains(&'单'));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, rng_seed: seed(), ..ProptestConfig::default() })]

    /// A name of single-reading characters, typed as its exact pinyin, comes first: only names
    /// that read exactly the same way the usual way (homophones) may share the top with it,
    /// never one that reads so only by a rare reading.
    #[test]
    fn the_exact_pinyin_of_a_single_reading_name_ranks_it_first(
        target in (prop::sample::subsequence(single_reading(NAME_CHARS), 3), 2usize..=3),
        crowd in prop::collection::vec(prop::collection::vec(prop::sample::select(NAME_CHARS.chars().collect::<Vec<_>>()), 1..=3), 0..60),
        newest in any::<bool>(),
    ) {
        let (chars, len) = target;
        let name: String = chars.iter().take(len).collect();
        let query = names::usual_keys(&name)[0].clone();
        let mut idx = NameIndex::new();
        let target_id = if newest { 1_000 } else { 0 };
        onedoor::store::index_party(&mut idx, target_id, &name, &names::name_keys(&name));
        for (i, cs) in crowd.iter().enumerate() {
            let other: String = cs.iter().collect();
            onedoor::store::index_party(&mut idx, i as i64 + 1, &other, &names::name_keys(&other));
        }
        // Its rare-reading twins are the newest parties: they would win every other tie.
        for (i, twin) in twins(&name).iter().enumerate() {
            onedoor::store::index_party(&mut idx, 10_000 + i as i64, twin, &names::name_keys(twin));
        }
        let hits = idx.search(&query, 100);
        let at = hits.iter().position(|h| h.name == name);
        prop_assert!(at.is_some(), "{} not found by {}", name, query);
        for h in &hits[..at.unwrap_or(0)] {
            prop_assert_eq!(&names::usual_keys(&h.name)[0], &query, "{} ranked above {}", h.name, name);
        }
    }
}
