use crate::domain::transfer::{ReturnCode, TransferKind, TransferRule, TransferState};
use crate::i18n::{Lang, tr, trf};

#[test]
fn every_hand_over_rule_and_label_is_said_in_both_languages() {
    let mut keys: Vec<&str> = TransferRule::all()
        .iter()
        .map(TransferRule::i18n_key)
        .collect();
    keys.extend(TransferKind::ALL.iter().map(|k| k.i18n_key()));
    keys.extend(TransferState::ALL.iter().map(|k| k.i18n_key()));
    keys.extend(ReturnCode::ALL.iter().map(|k| k.i18n_key()));
    for lang in [Lang::Zh, Lang::En] {
        for k in &keys {
            assert_ne!(tr(lang, k), *k, "{} lacks {k}", lang.tag());
        }
    }
    let e = crate::store::StoreError::Transfer(TransferRule::ReplyDays { max: 13 });
    for lang in [Lang::Zh, Lang::En] {
        let m = super::CliError::from(e.again()).message(lang);
        assert!(m.contains("13") && !m.contains('{'), "{m}");
    }
    assert!(trf(Lang::En, "cli.case.no_such", &[("case", &"V1-1")]).contains("V1-1"));
}

#[test]
fn a_return_without_a_reason_or_with_an_unknown_one_is_refused() {
    assert!(super::return_code(None).is_err());
    assert!(super::return_code(Some(" ")).is_err());
    assert!(super::return_code(Some("bogus")).is_err());
    assert_eq!(
        super::return_code(Some("wrong_locality")).unwrap(),
        ReturnCode::WrongLocality
    );
}
