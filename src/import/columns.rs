//! The header row: which column holds which field, recognised by Chinese or English names.
use super::Problem;

/// A field of a case that a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    ReceivedAt,
    Channel,
    Category,
    Colour,
    ColourReason,
    Summary,
    Description,
    Applicant,
    Phone,
    IdNumber,
    Address,
    Respondent,
    RespondentPhone,
    RespondentIdNumber,
    RespondentAddress,
    Amount,
    People,
}

impl Field {
    pub const ALL: &'static [Field] = &[
        Field::ReceivedAt,
        Field::Channel,
        Field::Category,
        Field::Colour,
        Field::ColourReason,
        Field::Summary,
        Field::Description,
        Field::Applicant,
        Field::Phone,
        Field::IdNumber,
        Field::Address,
        Field::Respondent,
        Field::RespondentPhone,
        Field::RespondentIdNumber,
        Field::RespondentAddress,
        Field::Amount,
        Field::People,
    ];

    /// A file without these columns cannot make a case (the desk's form requires them too).
    pub const REQUIRED: &'static [Field] = &[
        Field::ReceivedAt,
        Field::Category,
        Field::Summary,
        Field::Applicant,
    ];

    /// Header names, already normalised (see `normalise`); the first of each language is the
    /// one shown in messages and in the README.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Field::ReceivedAt => &[
                "登记时间",
                "received_at",
                "受理时间",
                "来访时间",
                "登记日期",
                "受理日期",
                "received",
                "date",
                "received_date",
            ],
            Field::Channel => &["渠道", "channel", "来源", "受理渠道", "来访方式", "source"],
            Field::Category => &["类别", "category", "纠纷类别", "纠纷类型", "类型", "type"],
            Field::Colour => &[
                "风险",
                "colour",
                "风险颜色",
                "风险等级",
                "预警颜色",
                "颜色",
                "color",
                "risk",
            ],
            Field::ColourReason => &[
                "风险理由",
                "colour_reason",
                "调色理由",
                "颜色理由",
                "风险说明",
                "color_reason",
                "risk_reason",
            ],
            Field::Summary => &["摘要", "summary", "事由", "纠纷摘要", "标题", "title"],
            Field::Description => &[
                "描述",
                "description",
                "情况描述",
                "详细情况",
                "纠纷描述",
                "基本情况",
                "details",
            ],
            Field::Applicant => &[
                "申请人",
                "applicant",
                "申请人姓名",
                "当事人",
                "来访人",
                "applicant_name",
                "name",
            ],
            Field::Phone => &[
                "电话",
                "phone",
                "联系电话",
                "申请人电话",
                "手机",
                "手机号",
                "applicant_phone",
                "telephone",
                "mobile",
            ],
            Field::IdNumber => &[
                "身份证号",
                "id_number",
                "身份证",
                "身份证号码",
                "申请人身份证号",
                "applicant_id_number",
                "applicant_id",
            ],
            Field::Address => &["地址", "address", "住址", "申请人地址", "applicant_address"],
            Field::Respondent => &[
                "被申请人",
                "respondent",
                "被申请人姓名",
                "对方当事人",
                "respondent_name",
            ],
            Field::RespondentPhone => &["被申请人电话", "respondent_phone", "对方电话"],
            Field::RespondentIdNumber => &[
                "被申请人身份证号",
                "respondent_id_number",
                "被申请人身份证",
                "对方身份证号",
                "respondent_id",
            ],
            Field::RespondentAddress => &["被申请人地址", "respondent_address", "对方地址"],
            Field::Amount => &[
                "金额",
                "amount",
                "涉及金额",
                "标的额",
                "争议金额",
                "amount_yuan",
            ],
            Field::People => &["人数", "people", "涉及人数", "persons"],
        }
    }

    /// The Chinese and the English header name, e.g. "登记时间/received_at".
    pub fn label(self) -> String {
        let n = self.names();
        format!("{}/{}", n[0], n[1])
    }
}

/// Compares headers loosely: case, spaces, underscores, hyphens, a required-field star and a
/// unit in brackets ("金额（元）", "Received at") do not matter.
pub fn normalise(header: &str) -> String {
    let mut s = crate::domain::text::to_halfwidth_ascii(header.trim_start_matches('\u{feff}'));
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')] {
        if let Some(i) = s.find(open)
            && s[i..].contains(close)
        {
            s.truncate(i);
        }
    }
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*' | '＊'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn field_of(header: &str) -> Option<Field> {
    let n = normalise(header);
    Field::ALL
        .iter()
        .copied()
        .find(|f| f.names().iter().any(|name| normalise(name) == n))
}

/// Which field each column fills (None: a column without a header, or an ignored one).
#[derive(Debug, Clone)]
pub struct Columns {
    pub fields: Vec<Option<Field>>,
    /// The headers as written, for messages.
    pub headers: Vec<String>,
    /// Columns with an empty header: their cells must be empty too (unless ignoring unknown
    /// columns), or a value would be dropped unseen.
    pub unnamed: Vec<bool>,
}

impl Columns {
    pub fn index(&self, f: Field) -> Option<usize> {
        self.fields.iter().position(|x| *x == Some(f))
    }

    pub fn header(&self, i: usize) -> &str {
        self.headers.get(i).map_or("", String::as_str)
    }
}

/// Maps the header row. Unknown columns are an error naming them unless `ignore_unknown`, when
/// they become warnings: an unexpected column usually means data that would silently be lost.
pub fn map(
    header: &[String],
    line: u64,
    ignore_unknown: bool,
) -> Result<(Columns, Vec<Problem>), Problem> {
    let mut fields = Vec::with_capacity(header.len());
    let mut unknown = Vec::new();
    for h in header {
        let name = h.trim().trim_start_matches('\u{feff}').trim();
        if name.is_empty() {
            fields.push(None);
            continue;
        }
        let f = field_of(name);
        if let Some(f) = f
            && fields.contains(&Some(f))
        {
            return Err(Problem::at(line, "err.import.column_twice")
                .arg("column", super::shown(name))
                .arg("field", f.label()));
        }
        if f.is_none() {
            unknown.push(super::shown(name));
        }
        fields.push(f);
    }
    let missing: Vec<String> = Field::REQUIRED
        .iter()
        .filter(|f| !fields.contains(&Some(**f)))
        .map(|f| f.label())
        .collect();
    if !missing.is_empty() {
        return Err(
            Problem::at(line, "err.import.missing_columns").arg("columns", missing.join("、"))
        );
    }
    let mut warnings = Vec::new();
    if !unknown.is_empty() {
        let key = if ignore_unknown {
            "err.import.ignored_columns"
        } else {
            "err.import.unknown_columns"
        };
        let p = Problem::at(line, key).arg("columns", unknown.join("、"));
        if !ignore_unknown {
            return Err(p);
        }
        warnings.push(p);
    }
    let headers = header.iter().map(|h| super::shown(h.trim())).collect();
    let unnamed = header
        .iter()
        .map(|h| !ignore_unknown && h.trim().trim_start_matches('\u{feff}').trim().is_empty())
        .collect();
    Ok((
        Columns {
            fields,
            headers,
            unnamed,
        },
        warnings,
    ))
}

/// The recognised headers, one field a line (for `onedoor import --help`).
pub fn help() -> String {
    let mut out = String::from(
        "Columns (* required), by any of these names (case, spaces, _ and a unit in brackets \
         do not matter):\n",
    );
    for f in Field::ALL {
        let star = if Field::REQUIRED.contains(f) {
            "*"
        } else {
            " "
        };
        out.push_str(&format!("  {star} {}\n", f.names().join(", ")));
    }
    out.push_str(
        "Times: 2026-11-24 09:30, 2026/11/24, 2026年11月24日. Category and channel: code or \
         name (欠薪, labour.wages; 来电, phone). Colour: 红 橙 黄 蓝 绿 or red… (empty: computed; \
         lowering needs 风险理由). Amount: 12000, 12,000元, 1.2万.\n",
    );
    out
}
