//! Benchmark of `NameIndex` at front-desk scale: 2,000,000 parties over
//! ~250,000 distinct synthetic Chinese names. Run: `cargo bench --bench name_index`.

use std::collections::HashSet;
use std::time::Instant;

use onedoor::search::NameIndex;

mod common;

/// Surnames, most common first, with pinyin. Frequencies are set in `weights`.
const SURNAMES: &str = "王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou \
徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang \
许xu 韩han 冯feng 邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang \
蔡cai 余yu 杜du 叶ye 程cheng 苏su 魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui \
钟zhong 谭tan 陆lu 汪wang 范fan 金jin 石shi 廖liao 贾jia 夏xia 韦wei 付fu 方fang 白bai 邹zou \
孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue 闫yan 段duan 雷lei 侯hou 龙long 史shi 陶tao \
黎li 贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian 严yan 覃qin 武wu 戴dai 莫mo 孔kong \
向xiang 汤tang 常chang 温wen 康kang 施shi 文wen 牛niu 樊fan 葛ge 邢xing 安an 齐qi 易yi 乔qiao \
伍wu 庞pang 颜yan 倪ni 庄zhuang 聂nie 章zhang 鲁lu 岳yue 翟zhai 殷yin 詹zhan 申shen 欧ou \
耿geng 关guan 兰lan 焦jiao 俞yu 左zuo 柳liu 甘gan 祝zhu 包bao 宁ning 尚shang 符fu 舒shu \
阮ruan 柯ke 纪ji 梅mei 童tong 凌ling 毕bi 单shan 季ji 裴pei 霍huo 涂tu 成cheng 苗miao 谷gu \
盛sheng 曲qu 翁weng 冉ran 骆luo 蓝lan 路lu 游you 辛xin 靳jin 管guan 柴chai 蒙meng 鲍bao \
华hua 喻yu 祁qi 蒲pu 房fang 滕teng 屈qu 饶rao 解xie 牟mou 艾ai 尤you 阳yang 时shi 穆mu \
农nong 司si 卓zhuo 古gu 吉ji 缪miao 简jian 车che 项xiang 连lian 芦lu 麦mai 褚chu 娄lou \
窦dou 戚qi 岑cen 景jing 党dang 宫gong 费fei 卜bu 冷leng 晏yan 席xi 卫wei 米mi 柏bai 宗zong \
瞿qu 桂gui 全quan 佟tong 应ying 臧zang 闵min 苟gou 邬wu 边bian 卞bian 姬ji 师shi 和he 仇qiu";

/// Common given-name characters with pinyin, most common first.
const GIVEN: &str = "伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong \
艳yan 杰jie 娟juan 涛tao 明ming 超chao 秀xiu 霞xia 平ping 刚gang 桂gui 英ying 华hua 玉yu \
萍ping 红hong 建jian 文wen 辉hui 力li 小xiao 兰lan 凤feng 梅mei 宇yu 鹏peng 飞fei 鑫xin 波bo \
斌bin 宁ning 志zhi 浩hao 婷ting 雪xue 琳lin 晶jing 瑞rui 丹dan 玲ling 国guo 海hai 春chun \
燕yan 琴qin 云yun 亮liang 成cheng 林lin 荣rong 新xin 峰feng 龙long 俊jun 慧hui 佳jia 颖ying \
倩qian 欣xin 怡yi 婉wan 思si 雨yu 晨chen 阳yang 嘉jia 子zi 梓zi 涵han 轩xuan 博bo 睿rui \
诗shi 悦yue 昊hao 然ran 天tian 一yi 家jia 振zhen 东dong 生sheng 德de 福fu 祥xiang 贵gui \
永yong 庆qing 宏hong 金jin 长chang 发fa 昌chang 兴xing 忠zhong 良liang 民min 正zheng 清qing \
山shan 水shui 安an 乐le 嘉jia 翠cui 珍zhen 莲lian 菊ju 香xiang 琼qiong 淑shu 惠hui 珠zhu \
娇jiao 彩cai 爱ai 妍yan 茜qian 璐lu 楠nan 蕾lei 露lu 瑶yao 洁jie 冰bing 莉li 晓xiao 雅ya \
月yue 芬fen 蓉rong 凯kai 健jian 毅yi 俊jun 坤kun 彬bin 鸿hong 伦lun 亚ya 军jun 胜sheng \
光guang 泽ze 浩hao 澄cheng 锋feng 瀚han 宸chen 煜yu 晖hui 铭ming 锦jin 承cheng 宗zong \
耀yao 义yi 仁ren 智zhi 勤qin 俭jian 顺shun 达da 远yuan 航hang 帆fan 彤tong 琪qi 蕊rui";

fn table(src: &str) -> Vec<(char, &str)> {
    src.split_whitespace()
        .map(|t| {
            let c = t.chars().next().unwrap();
            (c, &t[c.len_utf8()..])
        })
        .collect()
}

struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Cumulative weights for weighted choice by binary search.
fn cumulative(weights: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut acc = 0.0;
    weights
        .map(|w| {
            acc += w;
            acc
        })
        .collect()
}

fn pick(cum: &[f64], rng: &mut XorShift) -> usize {
    let x = rng.unit() * cum[cum.len() - 1];
    cum.partition_point(|&c| c <= x).min(cum.len() - 1)
}

/// `(name, keys)` for ~`distinct` names, most frequent combinations first.
fn distinct_names(distinct: usize, rng: &mut XorShift) -> Vec<(String, String)> {
    let sur = table(SURNAMES);
    let giv = table(GIVEN);
    // 王/李/张/刘/陈 ≈ 7/7/7/5/4.5 %, then a long 1/rank tail.
    let top = [71.0, 70.0, 67.0, 54.0, 45.0];
    let sur_cum =
        cumulative((0..sur.len()).map(|r| top.get(r).copied().unwrap_or(300.0 / (r + 1) as f64)));
    let giv_cum = cumulative((0..giv.len()).map(|r| 1.0 / ((r + 1) as f64).powf(0.8)));
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(distinct);
    while out.len() < distinct {
        let parts: Vec<(char, &str)> = std::iter::once(sur[pick(&sur_cum, rng)])
            .chain(
                (0..1 + usize::from(!rng.next().is_multiple_of(4)))
                    .map(|_| giv[pick(&giv_cum, rng)]),
            )
            .collect();
        let name: String = parts.iter().map(|p| p.0).collect();
        if seen.insert(name.clone()) {
            let full: String = parts.iter().map(|p| p.1).collect();
            let initials: String = parts.iter().map(|p| &p.1[..1]).collect();
            out.push((name, format!("{full} {initials}")));
        }
    }
    out
}

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(0.0, |pages| pages * 4096.0 / 1e6)
}

fn main() {
    const PARTIES: usize = 2_000_000;
    const DISTINCT: usize = 250_000;
    let mut rng = XorShift(0x0DD0_0125_5EED_0001);
    let names = distinct_names(DISTINCT, &mut rng);
    // Every name once, then a skewed draw: earlier (commoner) names repeat most.
    let rows: Vec<usize> = (0..PARTIES)
        .map(|i| {
            if i < DISTINCT {
                i
            } else {
                (DISTINCT as f64 * rng.unit().powf(1.8)) as usize
            }
        })
        .collect();
    // What the app's loader gets from SQL: one row per distinct name in byte order, with its
    // newest party id and number of parties.
    let mut per_name = vec![(0usize, 0i64); DISTINCT];
    for (pid, &n) in rows.iter().enumerate() {
        per_name[n].0 += 1;
        per_name[n].1 = pid as i64 + 1;
    }
    let mut order: Vec<usize> = (0..DISTINCT).collect();
    order.sort_by(|&a, &b| names[a].0.cmp(&names[b].0));
    drop(rows);
    let rss_before = rss_mb();

    let t = Instant::now();
    let mut index = NameIndex::new();
    for &n in &order {
        let (count, latest) = per_name[n];
        index.push_sorted(&names[n].0, &names[n].1, "", latest, count);
    }
    index.compact();
    let build = t.elapsed();
    let rss_after = rss_mb();
    let t = Instant::now();
    for i in 0..1000 {
        let (n, k) = &names[i * 97 % DISTINCT];
        index.insert((PARTIES + i) as i64 + 1, n, k);
    }
    let per_insert = t.elapsed() / 1000;
    let max_dup = per_name.iter().map(|p| p.0).max().unwrap_or(0);
    println!(
        "built {} parties / {} distinct names in {:.0} ms (largest name: {} parties); \
         insert after load: {:.2} µs",
        index.len_parties(),
        index.len_names(),
        build.as_secs_f64() * 1e3,
        max_dup,
        per_insert.as_secs_f64() * 1e6,
    );
    println!(
        "memory: ~{:.1} MB by capacity; RSS grew {:.1} MB during build",
        index.memory_bytes() as f64 / 1e6,
        rss_after - rss_before
    );

    const LIMIT: usize = 50;
    const RUNS: usize = 200;
    println!(
        "{:<8} {:>4} {:>6} {:>7} {:>7} {:>9} {:>7} {:>7}  top hits",
        "query", "hits", "keys", "surviv", "scored", "median ms", "p99 ms", "max ms"
    );
    // The brief's queries, then extra worst cases: letters inside many keys
    // but starting few, a common given-name char, a miss.
    for q in [
        "z", "zw", "zhangw", "zhangwei", "张", "张伟", "王小", "i", "a", "n", "e", "u", "ng", "an",
        "zh", "hn", "伟", "xiaoqq",
    ] {
        let mut times = Vec::with_capacity(RUNS);
        let mut hits = Vec::new();
        for _ in 0..RUNS {
            let t = Instant::now();
            hits = std::hint::black_box(index.search(std::hint::black_box(q), LIMIT));
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let stats = index.search_names_with_stats(q, LIMIT).1;
        times.sort_by(f64::total_cmp);
        let top: Vec<String> = hits.iter().take(4).map(|h| h.name.clone()).collect();
        println!(
            "{:<8} {:>4} {:>6} {:>7} {:>7}{} {:>9.3} {:>7.3} {:>7.3}  {}",
            q,
            hits.len(),
            stats.key_hits,
            stats.survivors,
            stats.scored,
            if stats.capped { "!" } else { " " },
            times[RUNS / 2],
            times[RUNS * 99 / 100 - 1],
            times[RUNS - 1],
            top.join(" ")
        );
    }
    // The same queries through fzf over the same distinct names (one line each, with keys).
    let lines = std::path::Path::new("/tmp/onedoor-bench/synthetic-names.txt");
    std::fs::create_dir_all("/tmp/onedoor-bench").unwrap();
    common::fzf::lines_file(lines, |out| {
        for (n, k) in &names {
            out(&format!("{n} {k}"));
        }
    });
    common::fzf::compare(
        "NameIndex::search (limit 50), synthetic names",
        lines,
        &["z", "zw", "zhangwei", "张", "张伟", "王小", "xiaoqq"],
        200,
        |q| drop(index.search(q, LIMIT)),
    );
}
