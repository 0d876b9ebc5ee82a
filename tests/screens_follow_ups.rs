//! An admission's page from the keyboard (R-HO-1, R-COMP-1, issue 8):
//! heterotopic ossification follow-ups recorded (`H`, the timing warning
//! asked as a confirmation with its reason) and their X-ray check (`X`,
//! the Brooker grade); `V` voids a complication or a follow-up entered by
//! mistake, each named with the number the page shows. Snapshots at 80×24.

mod screen_support;

use periop::app::Msg;
use periop::app::clock::Clock;
use periop::shell;
use screen_support::*;

/// The open admission's page, as loaded.
fn detail(w: &Ward) -> &periop::domain::journey::AdmissionDetail {
    w.state.admissions.detail.as_ref().and_then(|v| v.data.as_deref()).expect("the admission is open")
}

/// The message under the open form, if any.
fn form_error(w: &Ward) -> String {
    match &w.state.mode {
        periop::app::state::Mode::Form(open) => open.form.error.clone().unwrap_or_default(),
        _ => String::new(),
    }
}

fn clear_and_type(w: &mut Ward, text: &str) {
    ctrl(w, 'u');
    press(w, text);
}

/// R-HO-1: `H` records a follow-up: a radiotherapy 6 h before the surgery
/// is refused until the reason is typed, then asked as a confirmation
/// naming the warning and the reason (`n` keeps the typing, `y` records);
/// `X` records its X-ray check with the Brooker grade; the page shows both.
#[test]
fn r_ho_1_a_follow_up_and_its_x_ray_are_recorded_from_the_admission_page() {
    let mut w = ward();
    press(&mut w, "2\n");
    assert!(detail(&w).ossification.is_empty());
    press(&mut w, "X");
    assert!(flat(&screen(&w, 80, 24)).contains("no ossification follow-up waits for its X-ray check (H records one)"));

    press(&mut w, "H");
    let shown = screen(&w, 80, 24);
    assert!(shown.contains("Ossification follow-up (R-HO-1)"), "{shown}");
    insta::assert_snapshot!("follow_up_form_80x24", shown);
    clear_and_type(&mut w, "21/11/2026");
    press(&mut w, "\t");
    clear_and_type(&mut w, "10:00");
    // Radiotherapy (the third choice), given the same day at 04:00, 7 Gy.
    press(&mut w, "\t   \t21/11/2026\t04:00\t\t\t7");
    ctrl(&mut w, 's');
    assert_eq!(
        form_error(&w),
        "Why given out of window: HO RADIOTHERAPY TIMING: given 6 h before surgery; R-HO-1 wants it within 4 h \
         before to 72 h after; to record it anyway, say why it was given then"
    );
    press(&mut w, "\tonly slot the radiotherapy had");
    ctrl(&mut w, 's');
    let shown = screen(&w, 80, 24);
    assert!(shown.contains("Record it despite the R-HO-1 warning?"), "{shown}");
    assert!(flat(&shown).contains("Given then because: only slot the radiotherapy had"), "{shown}");
    insta::assert_snapshot!("follow_up_timing_confirmation_80x24", shown);
    press(&mut w, "n");
    assert!(screen(&w, 80, 24).contains("only slot the radiotherapy had"), "n goes back to the form, typing kept");
    assert!(detail(&w).ossification.is_empty(), "nothing saved on n");
    ctrl(&mut w, 's');
    press(&mut w, "y");
    let shown = flat(&screen(&w, 80, 24));
    assert!(
        shown.contains("recorded: radiotherapy 7 Gy on 21/11/2026 04:00; X-ray check due 21/05/2027 (R-HO-1)"),
        "{shown}"
    );
    let f = detail(&w).ossification[0].follow_up.clone();
    assert_eq!(f.timing_reason.as_deref(), Some("only slot the radiotherapy had"));
    let shown = screen(&w, 160, 48);
    assert!(shown.contains(&format!("#{} surgery 21/11/2026 10:00 · X-ray due 21/05/2027", f.follow_up_id)), "{shown}");
    assert!(shown.contains("recorded outside the window because: only slot the radiotherapy had"), "{shown}");

    press(&mut w, "X");
    let shown = screen(&w, 80, 24);
    assert!(shown.contains(&format!("#{} surgery 21/11/2026 · due 21/05/2027", f.follow_up_id)), "{shown}");
    // The follow-up is chosen (the only one); today; Brooker II (the third grade).
    press(&mut w, "\t\t   ");
    ctrl(&mut w, 's');
    let shown = flat(&screen(&w, 80, 24));
    assert!(
        shown.contains(&format!(
            "X-ray check of follow-up #{} on 22/11/2026: Brooker II: spurs, gap over 1 cm",
            f.follow_up_id
        )),
        "{shown}"
    );
    let shown = screen(&w, 160, 48);
    assert!(shown.contains("· ✓ X-ray 22/11/2026: Brooker II"), "{shown}");
    // At 80×24 the section is under this stay's own: a page down shows it.
    press_code(&mut w, crossterm::event::KeyCode::PageDown);
    let shown = screen(&w, 80, 24);
    assert!(shown.contains("OSSIFICATION FOLLOW-UP (R-HO-1; H records, X the X-ray)"), "{shown}");
    insta::assert_snapshot!("follow_up_on_the_admission_page_80x24", shown);
    press_code(&mut w, crossterm::event::KeyCode::PageUp);
    press(&mut w, "X");
    assert!(flat(&screen(&w, 80, 24)).contains("no ossification follow-up waits for its X-ray check"));

    // Entered on the wrong patient: `V` voids it; the page keeps it, marked.
    press(&mut w, "V");
    choose(&mut w, &format!("ossification follow-up #{}", f.follow_up_id));
    press(&mut w, "\twrong patient\n");
    let id = f.follow_up_id;
    assert!(
        flat(&screen(&w, 80, 24))
            .contains(&format!("ossification follow-up #{id} voided (prophylaxis radiotherapy 7 Gy)"))
    );
    let shown = screen(&w, 160, 48);
    let line = shown.lines().find(|l| l.contains(&format!("#{id} surgery"))).unwrap_or_default();
    assert!(line.contains("✗ voided: wrong patient"), "{shown}");
    assert_eq!(detail(&w).ossification[0].follow_up.voided.as_deref(), Some("wrong patient"));
}

/// Space through the `V` form's entries until `wanted` is chosen.
fn choose(w: &mut Ward, wanted: &str) {
    for _ in 0..12 {
        press(w, " ");
        if screen(w, 80, 24).lines().any(|l| l.contains("Entry") && l.contains(wanted)) {
            return;
        }
    }
    panic!("{wanted} is not offered");
}

/// Issue 8, R-COMP-1, R-HO-1: `V` offers the patient's complications and
/// follow-ups beside the intakes and labs, each with the number the page
/// shows; voided, each stays on the page struck through and said voided,
/// with why, and counts nowhere. A nurse may void a complication, not a
/// follow-up (a doctor's record): the form says the role needed.
#[test]
fn v_voids_a_complication_and_a_follow_up_from_the_admission_page() {
    let mut w = ward();
    press(&mut w, "2\n");
    // A complication (C: the first kind, severity, today, a note) and a follow-up (H: no prophylaxis).
    press(&mut w, "C  \n \n\nswelling\n");
    press(&mut w, "H\t\t \t");
    ctrl(&mut w, 's');
    let d = detail(&w).clone();
    let (complication, follow_up) = (d.complications[0].complication_id, d.ossification[0].follow_up.follow_up_id);
    let shown = screen(&w, 160, 48);
    assert!(
        shown.contains(&format!("#{complication} ! open")) && shown.contains(&format!("#{follow_up} surgery")),
        "{shown}"
    );

    press(&mut w, "V");
    let mut offered = Vec::new();
    for _ in 0..12 {
        press(&mut w, " ");
        let shown = screen(&w, 80, 24);
        let line = shown.lines().find(|l| l.contains("Entry")).unwrap_or_default().to_string();
        offered.push(line);
    }
    let offered = offered.join("\n");
    assert!(offered.contains(&format!("complication #{complication}: ")), "{offered}");
    assert!(offered.contains(&format!("ossification follow-up #{follow_up}: surgery ")), "{offered}");
    press(&mut w, "\x1b");
    press(&mut w, "y");

    // As a nurse: the complication is voided; the follow-up is refused,
    // naming the role. (Another admin first: the last one cannot go.)
    let admin = periop::domain::roles::Role::Admin;
    w.store.set_accounts(periop::store::actor::Accounts::only(&["nurse1", "boss"]));
    w.store.write(now(), |tx| periop::store::staff::add(tx, Some("boss"), "Boss", admin).map(drop)).unwrap();
    let me = w.store.actor().staff_id;
    let version = w.store.find_staff("nurse1").unwrap().unwrap().version;
    let nurse =
        periop::store::staff::StaffChange { role: Some(periop::domain::roles::Role::Nurse), ..Default::default() };
    w.store.write(now(), |tx| periop::store::staff::set(tx, me, version, &nurse)).unwrap();
    let changed = vec![periop::store::watch::Changed { audit_id: 0, table: "staff".into(), row_id: me }];
    shell::handle(&mut w.store, Clock::Fixed(now()), &mut w.state, Msg::Changed(changed));
    press(&mut w, "H");
    assert!(
        flat(&screen(&w, 80, 24))
            .contains("ossification follow-up: your role is nurse, and this needs the role doctor or admin")
    );

    press(&mut w, "V");
    choose(&mut w, &format!("ossification follow-up #{follow_up}"));
    press(&mut w, "\ttyped on the wrong patient\n");
    let error = form_error(&w);
    assert!(
        error.contains("ossification follow-up: your role is nurse, and this change needs the role doctor or admin"),
        "{error}"
    );
    press(&mut w, "\x1b");
    press(&mut w, "y");

    press(&mut w, "V");
    choose(&mut w, &format!("complication #{complication}"));
    press(&mut w, "\ttyped on the wrong patient\n");
    let shown = flat(&screen(&w, 80, 24));
    assert!(shown.contains(&format!("complication #{complication} voided")), "{shown}");
    let d = detail(&w);
    let voided = d.complications.iter().find(|c| c.complication_id == complication).unwrap();
    assert_eq!(voided.voided.as_deref(), Some("typed on the wrong patient"));
    assert!(!voided.is_open());
    let shown = screen(&w, 160, 48);
    let line = shown.lines().find(|l| l.contains(&format!("#{complication} "))).unwrap_or_default();
    assert!(line.contains("✗ voided: typed on the wrong"), "{shown}");
    assert!(
        !w.state
            .board
            .board
            .as_ref()
            .unwrap()
            .attention
            .iter()
            .any(|a| a.rule == "R-COMP-1" && a.message.contains("swelling")),
        "the Board no longer counts it"
    );
}

/// R-COMP-1 (found in use): `Enter` on the complication of a patient in
/// distraction without an admission said "this row is not about one
/// admission", with no next step. It opens their case on the Rounds tab;
/// a patient with neither is told which commands show them.
#[test]
fn r_comp_1_a_complication_without_a_stay_opens_the_patients_distraction() {
    use periop::app::state::{RowKey, Tab};
    use periop::domain::attention::Subject;
    use periop::domain::complications::{Kind, NewComplication, Severity};
    use periop::store::patients::{self, NewPatient};
    let mut w = ward();
    let now = now();
    let registered = |w: &mut Ward, number: &str| {
        let new = NewPatient {
            surname: "Sansséjour".into(),
            first_name: number.into(),
            birth_date: chrono::NaiveDate::from_ymd_opt(2001, 3, 4).unwrap(),
            sex: 'F',
            hospital_number: number.into(),
        };
        let id = w.store.write(now, |tx| patients::register(tx, &new)).unwrap();
        let c = NewComplication {
            patient_id: id,
            case_id: None,
            kind: Kind::Infection,
            onset_on: w.state.today(),
            severity: Severity::Severe,
            description: String::new(),
        };
        w.store.write(now, |tx| periop::store::complications::record(tx, &c)).unwrap();
        id
    };
    let at_home = registered(&mut w, "H900001");
    let prescription = w.store.rounds(w.state.today(), now).unwrap()[0].case.prescription.clone();
    let new = periop::store::distraction::NewDistraction { patient_id: at_home, prescription, outpatient: true };
    let case = w.store.add_distraction(now, &new).unwrap();
    let nowhere = registered(&mut w, "H900002");
    let mut pending = std::collections::VecDeque::from([periop::app::Effect::LoadBoard(w.state.board_day())]);
    shell::settle(&mut w.store, Clock::Fixed(now), &mut w.state, &mut pending);
    let select = |w: &mut Ward, patient: i64| {
        let rows = periop::app::board_rows::all_rows(&w.state.board);
        let target = *rows
            .iter()
            .find(|k| matches!(k, RowKey::Alert { subject: Subject::Patient(p), .. } if *p == patient))
            .expect("the complication on the board");
        w.state.board.selected = Some(target);
    };
    select(&mut w, nowhere);
    press(&mut w, "\n");
    let shown = flat(&screen(&w, 160, 48));
    assert!(shown.contains("periop complications --patient HOSPITAL_NUMBER"), "{shown}");
    select(&mut w, at_home);
    press(&mut w, "\n");
    assert_eq!(w.state.tab, Tab::Rounds);
    assert_eq!(w.state.rounds.list.selected, Some(case));
}
