//! One CSV record to one case, checked with the desk's own rules; every bad cell is reported.
use super::columns::{Columns, Field};
use super::values::{self, Bad};
use super::{Problem, limits};
use crate::domain::intake;
use crate::domain::party::PartyRole;
use crate::domain::risk;
use crate::domain::{idnum, phone};
use crate::store::{NewCase, NewParty};
use chrono::{NaiveDate, NaiveDateTime};

/// The cells of one record by field, and where to report problems.
struct Cells<'a> {
    record: &'a csv::StringRecord,
    cols: &'a Columns,
    line: u64,
    problems: Vec<Problem>,
    /// Cells holding a NUL byte: named once as such, not again as a bad value.
    nul: Vec<bool>,
}

impl Cells<'_> {
    fn get(&self, f: Field) -> &str {
        self.cols
            .index(f)
            .and_then(|i| self.record.get(i))
            .unwrap_or("")
    }

    fn report(&mut self, f: Field, b: Bad) {
        if self
            .cols
            .index(f)
            .is_some_and(|i| self.nul.get(i).copied().unwrap_or(false))
        {
            return;
        }
        // A missing optional column is named by its standard header.
        let column = match self.cols.index(f) {
            Some(i) => self.cols.header(i).to_string(),
            None => f.label(),
        };
        self.problems.push(Problem {
            line: self.line,
            column,
            key: b.key,
            args: b.args,
        });
    }

    /// The value, or the default after reporting why the cell was refused.
    fn take<T: Default>(&mut self, f: Field, r: Result<T, Bad>) -> T {
        r.unwrap_or_else(|b| {
            self.report(f, b);
            T::default()
        })
    }

    fn line_text(&mut self, f: Field, max: usize) -> String {
        let r = values::line(self.get(f), max);
        self.take(f, r)
    }

    /// A phone number normalised as the store keeps it.
    fn phone(&mut self, f: Field) -> Option<String> {
        let cell = values::number_cell(self.get(f)).and_then(|c| match c {
            None => Ok(None),
            Some(s) => phone::parse_phone(&s)
                .map(|p| Some(p.as_str().to_string()))
                .map_err(|e| Bad {
                    key: e.i18n_key(),
                    args: vec![],
                }),
        });
        self.take(f, cell)
    }

    /// An ID number checked against the day the case was received (as the store does).
    fn id_number(&mut self, f: Field, today: NaiveDate) -> Option<String> {
        let cell = values::number_cell(self.get(f)).and_then(|c| match c {
            None => Ok(None),
            Some(s) => idnum::parse_id_number(&s, today)
                .map(|p| Some(p.as_str().to_string()))
                .map_err(|e| Bad {
                    key: e.i18n_key(),
                    args: vec![],
                }),
        });
        self.take(f, cell)
    }

    /// Text that must not be empty (`empty_key` says so when it is).
    fn required_line(&mut self, f: Field, max: usize, empty_key: &'static str) -> String {
        match values::line(self.get(f), max) {
            Ok(s) if s.is_empty() => {
                self.report(
                    f,
                    Bad {
                        key: empty_key,
                        args: vec![],
                    },
                );
                s
            }
            Ok(s) => s,
            Err(b) => {
                self.report(f, b);
                String::new()
            }
        }
    }

    fn party(&mut self, name: String, [phone, id, addr]: [Field; 3], day: NaiveDate) -> NewParty {
        NewParty {
            name,
            phone: self.phone(phone),
            id_number: self.id_number(id, day),
            address: self.line_text(addr, limits::ADDRESS),
            language: "zh".into(),
            ..Default::default()
        }
    }
}

/// Checks one record: the case it makes, or every problem found in it.
pub fn case(
    record: &csv::StringRecord,
    cols: &Columns,
    line: u64,
    now: NaiveDateTime,
) -> Result<NewCase, Vec<Problem>> {
    let mut c = Cells {
        record,
        cols,
        line,
        problems: Vec::new(),
        nul: record.iter().map(|v| v.contains('\0')).collect(),
    };
    for i in (0..record.len()).filter(|i| c.nul[*i]) {
        c.problems.push(Problem {
            line,
            column: cols.header(i).to_string(),
            key: "err.import.nul",
            args: vec![],
        });
    }
    if record.len() > cols.fields.len() {
        c.problems.push(
            Problem::at(line, "err.import.extra_cells")
                .arg("found", record.len().to_string())
                .arg("expected", cols.fields.len().to_string()),
        );
    }
    for (i, v) in record.iter().enumerate() {
        if cols.unnamed.get(i).copied().unwrap_or(false) && !v.trim().is_empty() && !c.nul[i] {
            c.problems
                .push(Problem::at(line, "err.import.no_header").arg("column", (i + 1).to_string()));
        }
    }
    let received = values::received_at(c.get(Field::ReceivedAt), now);
    let received_at = match received {
        Ok(at) => Some(at),
        Err(b) => {
            c.report(Field::ReceivedAt, b);
            None
        }
    };
    // ID birth dates are checked against the day received, or today if that day is unreadable.
    let day = received_at.unwrap_or(now).date();
    let channel = values::channel(c.get(Field::Channel));
    let channel = c.take(Field::Channel, channel.map(Some));
    let category = values::category(c.get(Field::Category));
    let category = c.take(Field::Category, category.map(Some));
    let summary = c.required_line(Field::Summary, limits::SUMMARY, "err.case.summary");
    let description = values::text(c.get(Field::Description), limits::DESCRIPTION);
    let description = c.take(Field::Description, description);
    let name = c.required_line(Field::Applicant, limits::NAME, "err.case.applicant");
    let applicant = c.party(name, [Field::Phone, Field::IdNumber, Field::Address], day);
    let name = c.line_text(Field::Respondent, limits::NAME);
    let r_cells = [
        Field::RespondentPhone,
        Field::RespondentIdNumber,
        Field::RespondentAddress,
    ];
    let respondent = c.party(name, r_cells, day);
    // Details of a respondent without a name would be dropped by the store: refuse them.
    if respondent.name.is_empty() && r_cells.iter().any(|f| !c.get(*f).trim().is_empty()) {
        c.report(
            Field::Respondent,
            Bad {
                key: "err.import.respondent_name",
                args: vec![],
            },
        );
    }
    let amount = values::amount(c.get(Field::Amount));
    let amount_yuan = c.take(Field::Amount, amount);
    let people = values::people(c.get(Field::People));
    let people = c.take(Field::People, people).max(1);
    let colour = values::colour(c.get(Field::Colour));
    let colour = c.take(Field::Colour, colour);
    let colour_reason = c.line_text(Field::ColourReason, limits::REASON);
    // The colour a desk would compute from the same facts; lowering it needs a reason there too.
    let named_respondent = (!respondent.name.is_empty()).then_some(&respondent);
    let facts = intake::facts(
        std::iter::once(&applicant).chain(named_respondent),
        people,
        0,
        amount_yuan,
        day,
    );
    let computed = risk::assess(&[], &facts).colour;
    if let Some(chosen) = colour
        && let Err(e) = risk::check_override(computed, chosen, &colour_reason)
    {
        c.report(
            Field::Colour,
            Bad {
                key: e.i18n_key(),
                args: vec![],
            },
        );
    }
    let (Some(received_at), Some(channel), Some(category), true) =
        (received_at, channel, category, c.problems.is_empty())
    else {
        // In the order of the columns, as the user reads the row (row-wide problems first).
        let order = |p: &Problem| {
            (!p.column.is_empty())
                .then(|| cols.headers.iter().position(|h| *h == p.column))
                .map_or(0, |i| i.map_or(usize::MAX, |i| i + 1))
        };
        let mut problems = c.problems;
        problems.sort_by_key(order);
        return Err(problems);
    };
    let mut parties = vec![(PartyRole::Applicant, applicant)];
    if !respondent.name.is_empty() {
        parties.push((PartyRole::Respondent, respondent));
    }
    Ok(NewCase {
        received_at,
        channel,
        category: category.code.clone(),
        flags: vec![],
        colour,
        colour_reason,
        // The lead importing answers for the red checklist of cases registered on paper.
        red_acknowledged: true,
        summary,
        description,
        amount_yuan,
        people,
        earlier_visits: 0,
        // The routing rule's team, as at the desk (domain::team_rule).
        team: None,
        owner_id: None,
        parties,
    })
}
