//! The store's refusals in French (issue 14): a sample of each kind (an
//! invalid input, a record not found, a change the role may not make, too
//! few units in stock, someone else's save in between), said in French
//! under a French scope and word for word as before in English; and every
//! catalogue id the store computes (a record's noun, a change's name, a
//! finding's) in both catalogues.

mod store_common;

use chrono::{NaiveDate, NaiveTime};
use periop::domain::case::AnaesthesiaMode;
use periop::domain::language::{Language, Source};
use periop::domain::pathway::Step;
use periop::domain::roles::{Change, Role};
use periop::domain::settings::Settings;
use periop::domain::stock::DeviceKind;
use periop::i18n;
use periop::store::admissions::{self, NewStay};
use periop::store::stock_moves::{self, NewReference, Receipt};
use periop::store::table::Table;
use periop::store::void::Voidable;
use periop::store::{Store, StoreError, discharge, reference, staff};
use std::path::PathBuf;
use store_common::*;

struct Ward {
    /// Declared first: the store lets go of its database before it goes.
    store: Store,
    db: store_common::Ward,
    _dir: tempfile::TempDir,
    patient_id: i64,
    admission_id: i64,
    case_id: i64,
    ref_id: i64,
}

fn stay(patient_id: i64, kind: i64, minutes: Option<u32>) -> NewStay {
    NewStay {
        patient_id,
        procedure_kind_id: kind,
        procedure_day: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        start_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        duration_min: minutes,
        side_level: None,
        anaesthesia_mode: AnaesthesiaMode::SedationLocal,
        bleeding_risk: None,
        operator_id: None,
        anaesthetist_id: None,
        room_id: None,
        bed_id: None,
        emergency: false,
        iodinated_contrast: false,
        retrospective: false,
        override_reason: None,
    }
}

/// A ward with one stay booked tomorrow (23/11/2026 09:00) and a screw
/// reference with one unit on the shelf.
fn ward() -> Ward {
    let dir = tempfile::tempdir().unwrap();
    let db = new_ward(dir.path());
    let mut store = open_playing(&db, &admin());
    let patient = add_patient(&mut store, 1);
    let (admission_id, case_id, ref_id) = store
        .write(at(), |tx| {
            let kind = reference::procedure_kind_id(tx, "vertebroplasty")?.unwrap();
            let (admission, case) = admissions::create_stay(tx, &stay(patient, kind, None), &Settings::default())?;
            let screw = NewReference {
                code: "SCR-70".into(),
                manufacturer: "Acme Spine".into(),
                name: "cannulated screw 7.0".into(),
                kind: DeviceKind::Screw,
                implantable: true,
                gtin: None,
                min_stock: 5,
                mm_per_turn: None,
            };
            let ref_id = stock_moves::add_reference(tx, &screw)?;
            let receipt = Receipt {
                ref_id,
                lot: Some("A100".into()),
                serial: None,
                expiry: NaiveDate::from_ymd_opt(2027, 6, 30),
                units: 1,
                location: "cupboard A".into(),
                scanned: None,
                expired_ok: false,
            };
            stock_moves::receive(tx, &receipt)?;
            Ok((admission, case, ref_id))
        })
        .unwrap();
    Ward { store, db, _dir: dir, patient_id: patient, admission_id, case_id, ref_id }
}

/// The refusal `attempt` gives, in `language`.
fn refusal(w: &mut Ward, language: Language, attempt: impl Fn(&mut Ward) -> StoreError) -> StoreError {
    let _scope = i18n::scope(language);
    attempt(w)
}

/// A second stay of the ward's patient, 0 minutes long: the length is
/// refused before anything else about it.
fn short_stay(w: &mut Ward) -> StoreError {
    let patient = w.patient_id;
    w.store
        .write(at(), |tx| {
            let kind = reference::procedure_kind_id(tx, "vertebroplasty")?.unwrap();
            admissions::create_stay(tx, &stay(patient, kind, Some(0)), &Settings::default())
        })
        .unwrap_err()
}

#[test]
fn an_invalid_input_is_refused_in_the_language_in_force() {
    let mut w = ward();
    let StoreError::Invalid { what, why, .. } = refusal(&mut w, Language::En, short_stay) else { panic!() };
    assert_eq!((what.as_str(), why.as_str()), ("duration", "0 minutes is not a duration; give 1 to 720 minutes"));
    let e = refusal(&mut w, Language::Fr, short_stay);
    let StoreError::Invalid { what, why, .. } = &e else { panic!("{e:?}") };
    assert_eq!(
        (what.as_str(), why.as_str()),
        ("durée", "0 minutes n'est pas une durée\u{a0}; donnez de 1 à 720 minutes")
    );
}

#[test]
fn a_record_not_found_is_named_in_the_language_in_force() {
    let mut w = ward();
    let call_done = |w: &mut Ward| w.store.write(at(), |tx| discharge::call_done(tx, 999, 1, None)).unwrap_err();
    let e = refusal(&mut w, Language::En, call_done);
    assert!(matches!(&e, StoreError::NotFound(what) if what == "the follow-up call"), "{e:?}");
    let e = refusal(&mut w, Language::Fr, call_done);
    assert!(matches!(&e, StoreError::NotFound(what) if what == "l'appel du lendemain"), "{e:?}");
}

#[test]
fn a_change_the_role_may_not_make_is_named_in_the_language_in_force() {
    let w = ward();
    give_role(&w.db, &nurse(), Role::Nurse);
    let mut by_nurse = open_playing(&w.db, &nurse());
    let add_staff = |store: &mut Store| {
        store.write(at(), |tx| staff::add(tx, None, "Dr Roux", Role::Doctor).map(|_| ())).unwrap_err()
    };
    let e = {
        let _en = i18n::scope(Language::En);
        add_staff(&mut by_nurse)
    };
    let StoreError::NotAllowed { change, role, needs } = &e else { panic!("{e:?}") };
    assert_eq!((change.as_ref(), *role, needs.as_str()), ("staff and roles", "nurse", "the role admin"));
    let e = {
        let _fr = i18n::scope(Language::Fr);
        add_staff(&mut by_nurse)
    };
    let StoreError::NotAllowed { change, role, needs } = &e else { panic!("{e:?}") };
    assert_eq!((change.as_ref(), *role, needs.as_str()), ("personnel et rôles", "nurse", "le rôle admin"));
    drop(w.store);
}

#[test]
fn too_few_units_are_said_in_the_language_in_force() {
    let mut w = ward();
    let reserve = |w: &mut Ward| {
        let (ref_id, case_id) = (w.ref_id, w.case_id);
        w.store.write(at(), |tx| stock_moves::reserve_fefo(tx, ref_id, case_id, 5)).unwrap_err()
    };
    let e = refusal(&mut w, Language::En, reserve);
    let StoreError::OutOfStock { what, asked: 5, free: 1, next } = &e else { panic!("{e:?}") };
    assert_eq!(what, "cannulated screw 7.0 for 23/11 (every usable lot counted)");
    assert_eq!(*next, "reserve fewer, or receive more");
    let e = refusal(&mut w, Language::Fr, reserve);
    let StoreError::OutOfStock { what, next, .. } = &e else { panic!("{e:?}") };
    assert_eq!(what, "cannulated screw 7.0 pour le 23/11 (tous les lots utilisables comptés)");
    assert_eq!(*next, "réservez moins, ou recevez-en davantage");
}

#[test]
fn someone_elses_save_is_said_in_the_language_in_force() {
    let mut w = ward();
    let stale = |w: &mut Ward| {
        let admission = w.admission_id;
        w.store.write(at(), |tx| admissions::take_step(tx, admission, 999, Step::Admit, None)).unwrap_err()
    };
    let e = refusal(&mut w, Language::En, stale);
    let StoreError::Conflict { what, by, at } = &e else { panic!("{e:?}") };
    assert_eq!((what.as_str(), by.as_str(), at.as_str()), ("this admission", "Ada Admin", "08:30 on 22/11"));
    let e = refusal(&mut w, Language::Fr, stale);
    let StoreError::Conflict { what, by, at } = &e else { panic!("{e:?}") };
    assert_eq!((what.as_str(), by.as_str(), at.as_str()), ("cette admission", "Ada Admin", "08:30 le 22/11"));
}

/// Each converted label set: in French, for every variant, not the English
/// word and not empty.
#[test]
fn the_store_labels_have_french_words() {
    let both = |f: &dyn Fn() -> String| {
        let en = {
            let _en = i18n::scope(Language::En);
            f()
        };
        let fr = {
            let _fr = i18n::scope(Language::Fr);
            f()
        };
        (en, fr)
    };
    let mut same = Vec::new();
    let mut check = |label: &str, f: &dyn Fn() -> String, may_match: bool| {
        let (en, fr) = both(f);
        assert!(!fr.is_empty() && !fr.contains("store-"), "{label}: {fr:?}");
        if en == fr && !may_match {
            same.push(format!("{label}: {en}"));
        }
    };
    for table in Table::ALL {
        // A few words are the same in both languages (admission, patient, lot).
        check(&format!("{table:?}"), &|| table.noun().into_owned(), true);
        check(&format!("{table:?}.the"), &|| table.row(1), false);
        check(&format!("{table:?}.this"), &|| table.this(), false);
    }
    for change in Change::ALL {
        // `patients` is French too.
        let may_match = change == Change::Patient;
        check(&format!("{change:?}"), &|| change.label().into_owned(), may_match);
    }
    for v in Voidable::ALL {
        check(&format!("{v:?}"), &|| v.time_word().into_owned(), false);
    }
    for source in [Source::Account, Source::Site] {
        check(&format!("{source:?}"), &|| source.describe().into_owned(), false);
    }
    use periop::domain::ward_time::Reading;
    for reading in [Reading::First, Reading::Second] {
        check(&format!("{reading:?}"), &|| reading.mark().into_owned(), false);
    }
    assert!(same.is_empty(), "the same in French as in English: {same:#?}");
}

/// A time the autumn change repeats is typed with either language's mark.
#[test]
fn a_repeated_hour_is_read_with_either_languages_mark() {
    use periop::domain::ward_time::{Reading, parse_clock};
    let t = NaiveTime::from_hms_opt(2, 5, 0).unwrap();
    for typed in ["02:05 (2nd)", "02:05 (2e)", "02:05 2e"] {
        assert_eq!(parse_clock(typed), Some((t, Some(Reading::Second))), "{typed}");
    }
    assert_eq!(parse_clock("02:05 (1re)"), Some((t, Some(Reading::First))));
    let _fr = i18n::scope(Language::Fr);
    assert_eq!(Reading::First.mark(), "(1re)");
}

/// The ids the store names in a table or computes (`store-table-…`,
/// `store-change-…`, `store-record-…`, `store-check-retired-…`) are in both
/// catalogues, attributes included.
#[test]
fn every_id_the_store_computes_is_in_both_catalogues() {
    let mut missing = Vec::new();
    for language in Language::ALL {
        for table in Table::ALL {
            let id = table.message_id();
            for full in [id.clone(), format!("{id}.the"), format!("{id}.this"), format!("{id}.new")] {
                if !i18n::has(language, &full) {
                    missing.push(format!("{full} ({})", language.code()));
                }
            }
        }
        for change in Change::ALL {
            // A label missing from a catalogue shows as its id.
            let _in = i18n::scope(language);
            if change.label().starts_with("errors-change-") {
                missing.push(format!("{} ({})", change.label(), language.code()));
            }
        }
        // Every `"store-…"` literal in the store and the domain files it owns.
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(src.join("store")).unwrap().flatten().map(|e| e.path()).collect();
        files.extend(
            ["identity", "names", "journey", "privacy", "ward_time", "language"]
                .map(|f| src.join("domain").join(format!("{f}.rs"))),
        );
        for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "rs")) {
            let text = std::fs::read_to_string(file).unwrap();
            for (at, _) in text.match_indices("\"store-") {
                let id: String = text[at + 1..].chars().take_while(|c| *c != '"').collect();
                if id.ends_with('-') || id.contains('{') {
                    continue; // a prefix (`store-table-`), a format
                }
                let alone = format!("{id}.alone");
                if !i18n::has(language, &id) && !i18n::has(language, &alone) {
                    missing.push(format!("{id} in {} ({})", file.display(), language.code()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}
