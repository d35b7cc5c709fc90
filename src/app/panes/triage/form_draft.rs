//! The intake form as a TOML draft, kept apart from the form it mirrors: a crash loses nothing.
use super::form::{Focus, Form, LANGUAGES, PField, PartyForm};
use crate::domain::category;
use crate::domain::channel::Channel;
use crate::domain::party::{PartyRole, Vulnerability};
use crate::domain::risk::{Colour, RiskFlag};
use serde::{Deserialize, Serialize};

/// The whole form as saved in the drafts table (TOML), so a crash loses nothing typed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
struct FormDraft {
    pub channel: String,
    pub parties: Vec<PartyDraft>,
    pub category_filter: String,
    pub category: Option<String>,
    pub summary: String,
    pub description: String,
    pub amount: String,
    pub people: String,
    pub flags: Vec<String>,
    pub colour: Option<String>,
    pub colour_reason: String,
    pub owner: Option<i64>,
    /// The field being edited (`party.1.phone`, `summary`…): a restored draft goes back there.
    /// Drafts written before it was kept have none and open at the first field.
    pub focus: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
struct PartyDraft {
    pub role: String,
    pub name: String,
    pub phone: String,
    pub id_number: String,
    pub address: String,
    pub language: String,
    pub interpreter: bool,
    pub vulnerability: Vec<String>,
}

impl Form {
    pub fn to_draft(&self) -> String {
        let d = FormDraft {
            channel: self.channel.code().into(),
            parties: self
                .parties
                .iter()
                .map(|p| PartyDraft {
                    role: p.role.code().into(),
                    name: p.name.value().into(),
                    phone: p.phone.value().into(),
                    id_number: p.id_number.value().into(),
                    address: p.address.value().into(),
                    language: p.language().into(),
                    interpreter: p.interpreter,
                    vulnerability: p.vulnerability.iter().map(|v| v.code().into()).collect(),
                })
                .collect(),
            category_filter: self.category_filter.value().into(),
            category: self.category.clone(),
            summary: self.summary.value().into(),
            description: self.description.value().into(),
            amount: self.amount.value().into(),
            people: self.people.value().into(),
            flags: self.flags.iter().map(|f| f.code().into()).collect(),
            colour: self.colour.map(|c| c.code().into()),
            colour_reason: self.colour_reason.clone(),
            owner: self.owner,
            focus: focus_code(self.focus),
        };
        toml::to_string(&d).unwrap_or_default()
    }

    /// Rebuilds a form from a draft body; None when the body is not a draft at all.
    pub fn from_draft(body: &str) -> Option<Form> {
        let d: FormDraft = toml::from_str(body).ok()?;
        let mut f = Form {
            channel: Channel::from_code(&d.channel).unwrap_or(Channel::WalkIn),
            parties: Vec::new(),
            ..Form::default()
        };
        for p in &d.parties {
            let mut pf = PartyForm::new(PartyRole::from_code(&p.role).unwrap_or(PartyRole::Other));
            pf.name.set_value(&p.name);
            pf.phone.set_value(&p.phone);
            pf.id_number.set_value(&p.id_number);
            pf.address.set_value(&p.address);
            pf.language = LANGUAGES.iter().position(|l| *l == p.language).unwrap_or(0);
            pf.interpreter = p.interpreter;
            pf.vulnerability = p
                .vulnerability
                .iter()
                .filter_map(|v| Vulnerability::from_code(v))
                .collect();
            f.parties.push(pf);
        }
        if f.parties.is_empty() {
            f.parties.push(PartyForm::new(PartyRole::Applicant));
        }
        f.category_filter.set_value(&d.category_filter);
        f.category = d.category.filter(|c| category::find(c).is_some());
        f.summary.set_value(&d.summary);
        f.description.set_value(&d.description);
        f.amount.set_value(&d.amount);
        f.people.set_value(&d.people);
        f.flags = d
            .flags
            .iter()
            .filter_map(|c| RiskFlag::from_code(c))
            .collect();
        f.colour = d.colour.as_deref().and_then(Colour::from_code);
        f.colour_reason = d.colour_reason;
        f.owner = d.owner;
        f.focus = focus_from_code(&d.focus)
            .filter(|x| f.focus_order().contains(x))
            .unwrap_or(Focus::FIRST);
        Some(f)
    }
}

fn pfield_code(f: PField) -> &'static str {
    match f {
        PField::Name => "name",
        PField::Phone => "phone",
        PField::IdNumber => "id_number",
        PField::Address => "address",
        PField::Language => "language",
        PField::Interpreter => "interpreter",
        PField::Vulnerability => "vulnerability",
    }
}

fn focus_code(f: Focus) -> String {
    match f {
        Focus::Channel => "channel".into(),
        Focus::Party(i, pf) => format!("party.{i}.{}", pfield_code(pf)),
        Focus::Category => "category".into(),
        Focus::Summary => "summary".into(),
        Focus::Description => "description".into(),
        Focus::Amount => "amount".into(),
        Focus::People => "people".into(),
        Focus::Risk => "risk".into(),
        Focus::Routing => "routing".into(),
    }
}

/// The field a draft names; None for a name this version does not know.
fn focus_from_code(s: &str) -> Option<Focus> {
    Some(match s {
        "channel" => Focus::Channel,
        "category" => Focus::Category,
        "summary" => Focus::Summary,
        "description" => Focus::Description,
        "amount" => Focus::Amount,
        "people" => Focus::People,
        "risk" => Focus::Risk,
        "routing" => Focus::Routing,
        _ => {
            let rest = s.strip_prefix("party.")?;
            let (i, field) = rest.split_once('.')?;
            let pf = PField::ALL
                .into_iter()
                .find(|pf| pfield_code(*pf) == field)?;
            Focus::Party(i.parse().ok()?, pf)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_round_trips_every_field() {
        let mut f = Form {
            channel: Channel::Grid,
            ..Form::default()
        };
        f.parties[0].name.set_value("单 \"伟\"\n");
        f.parties[0].phone.set_value("138");
        f.parties[0].language = 1;
        f.parties[0].interpreter = true;
        f.parties[0].vulnerability = vec![Vulnerability::Elderly];
        f.parties[1].name.set_value("李娜");
        f.category = Some("neighbour".into());
        f.summary.set_value("漏水");
        f.amount.set_value("5,000");
        f.flags = vec![RiskFlag::Agitated];
        f.colour = Some(Colour::Green);
        f.colour_reason = "已当场答复".into();
        f.owner = Some(7);
        f.focus = Focus::Party(1, PField::IdNumber);
        let g = Form::from_draft(&f.to_draft()).expect("parses");
        assert_eq!(g.to_draft(), f.to_draft());
        assert_eq!(g.focus, Focus::Party(1, PField::IdNumber));
        assert_eq!(g.parties[0].language(), "hmn");
        assert_eq!(g.amount_yuan(), Some(5000));
        assert!(Form::from_draft("not = [toml").is_none());
    }

    #[test]
    fn a_draft_without_a_focus_or_with_one_not_on_the_form_opens_at_the_first_field() {
        let mut f = Form::default();
        f.summary.set_value("漏水");
        f.focus = Focus::Summary;
        let old: String = f
            .to_draft()
            .lines()
            .filter(|l| !l.starts_with("focus"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(!old.contains("focus"), "{old}");
        let g = Form::from_draft(&old).expect("an old draft still loads");
        assert_eq!((g.summary.value(), g.focus), ("漏水", Focus::FIRST));
        f.focus = Focus::Party(1, PField::Phone);
        let gone = f.to_draft().replace("party.1.phone", "party.5.phone");
        assert_eq!(Form::from_draft(&gone).unwrap().focus, Focus::FIRST);
        let odd = f.to_draft().replace("party.1.phone", "party.1.fax");
        assert_eq!(Form::from_draft(&odd).unwrap().focus, Focus::FIRST);
    }
}
