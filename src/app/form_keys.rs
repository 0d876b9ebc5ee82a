//! Keys inside an open form, and what happens when its save comes back:
//! the typing is kept on a refusal, the form closes on success.

use super::forms;
use super::keymap::{Action, Scope};
use super::refusal::{Refusal, RefusalKind};
use super::screens;
use super::state::{Dialog, Mode, NoticeKind, State};
use super::update::{Effect, Outcome, notify};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key in the open form: `action` is what the Form scope binds it to.
/// Printable characters are typed first (a letter jumps in a list), so a
/// name with `y` or `q` in it is typed, never taken as a command.
pub(super) fn on_key(state: &mut State, action: Option<Action>, key: KeyEvent) -> Outcome {
    let Mode::Form(open) = &mut state.mode else { return Outcome::default() };
    let form = &mut open.form;
    if form.confirm_discard {
        if key.code == KeyCode::Char('y') {
            state.quit = form.quit_after_discard;
            state.mode = Mode::Normal;
            return Outcome::redraw();
        }
        // Only `n` or Esc keeps the typing (found in use, issue 14: a French
        // nurse's `o` for "oui" closed the question, and the next keys went
        // into a field); any other key leaves the question asked.
        if !matches!(key.code, KeyCode::Char('n') | KeyCode::Esc) {
            return Outcome::default();
        }
        form.confirm_discard = false;
        form.quit_after_discard = false;
        return Outcome::redraw();
    }
    // R-TRACE-3: a scanner's group separator (ASCII 29 arrives as Ctrl-]
    // or Ctrl-5; Alt+029 as three Alt-digits) is typed as its symbol.
    if matches!(open.purpose, forms::Purpose::Scan { .. })
        && let Some(outcome) = scan_key(open, key)
    {
        return outcome;
    }
    let form = &mut open.form;
    let plain = !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    // `?` types nothing in a list or a yes/no field: there it opens the help.
    if key.code == KeyCode::Char('?') && plain && form.focused().is_some_and(|f| !f.is_typed()) {
        return super::router::open_help(state);
    }
    if let KeyCode::Char(c) = key.code
        && plain
        && (c != ' ' || form.focused().is_some_and(|f| f.is_typed()))
    {
        form.type_char(c);
        return Outcome::redraw();
    }
    let last = form.focus + 1 == form.fields.len();
    match action {
        Some(Action::NextField) if key.code == KeyCode::Enter && last => return save_or_ask(state),
        Some(Action::NextField) => form.next(),
        Some(Action::PreviousField) => form.previous(),
        Some(Action::ChoiceBack) => form.cycle(false),
        Some(Action::ChoiceForward) => form.cycle(true),
        Some(Action::EraseChar) => form.backspace(),
        Some(Action::EraseForward) => form.delete(),
        Some(Action::Top) => form.cursor_to(false),
        Some(Action::Bottom) => form.cursor_to(true),
        Some(Action::ClearText) => form.clear(),
        Some(Action::Save) => return save_or_ask(state),
        Some(Action::Help) => return super::router::open_help(state),
        Some(Action::Back) if form.dirty => form.confirm_discard = true,
        Some(Action::Back) => state.mode = Mode::Normal,
        _ => return Outcome::default(),
    }
    Outcome::redraw()
}

/// R-TRACE-3: GS from a scanner, in the scan field. `None`: not such a key.
fn scan_key(open: &mut forms::OpenForm, key: KeyEvent) -> Option<Outcome> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(']' | '5') if ctrl => {
            open.alt_digits.clear();
            open.form.type_char(forms::stock::GS_SHOWN);
            Some(Outcome::redraw())
        }
        KeyCode::Char(d) if alt && d.is_ascii_digit() => {
            open.alt_digits.push(d);
            if open.alt_digits.trim_start_matches('0') == "29" {
                open.alt_digits.clear();
                open.form.type_char(forms::stock::GS_SHOWN);
            } else if open.alt_digits.len() >= 3 {
                open.alt_digits.clear();
            }
            Some(Outcome::redraw())
        }
        _ => {
            open.alt_digits.clear();
            None
        }
    }
}

/// Hands the form's request to the shell (after a question, for a change
/// that throws away or withdraws stock), opens a scan's parsed fields, or
/// says what is missing.
fn save_or_ask(state: &mut State) -> Outcome {
    let today = state.today();
    // The lot a movement form is about, as last read, and the cases holding it.
    let moving = match &state.mode {
        Mode::Form(open) => match open.purpose {
            forms::Purpose::Movement { lot_id, .. } => Some(lot_id),
            _ => None,
        },
        _ => None,
    };
    let lot = moving.and_then(|id| state.stock.list.rows.iter().filter_map(|r| r.lot.as_ref()).find(|l| l.id == id));
    let lot = lot.cloned();
    let holds = moving.and_then(|id| state.stock.holds.get(&id).cloned()).unwrap_or_default();
    let Mode::Form(open) = &mut state.mode else { return Outcome::default() };
    if open.form.maybe_saved && !open.saving {
        if !open.resave_asked {
            open.resave_asked = true;
            let key = screens::key_for(Scope::Form, Action::Save);
            open.form.error = Some(tr!("form-maybe-saved-again", key = key).into_owned());
            return Outcome::redraw();
        }
        // Asked once: this save goes, knowingly.
        open.form.maybe_saved = false;
        open.resave_asked = false;
    }
    if matches!(open.purpose, forms::Purpose::Scan { .. }) {
        match forms::stock::confirm_scan(open) {
            Ok(next) => **open = next,
            Err(problem) => open.form.error = Some(problem),
        }
        return Outcome::redraw();
    }
    if !open.saving
        && let Ok(forms::Request::Stock(stock)) = forms::request(open)
    {
        // R-STOCK-2: what the save would refuse is said before any question.
        if let forms::stock::StockRequest::Move { movement, .. } = &stock {
            let held =
                movement.case_id.and_then(|case| holds.iter().find(|h| h.case_id == case)).map_or(0, |h| h.units);
            if let Err(problem) = stock.precheck(lot.as_ref(), held) {
                open.form.error = Some(problem);
                return Outcome::redraw();
            }
        }
        let Some((title, lines)) = stock.confirmation(today) else { return save(open) };
        let on_confirm = Effect::Save(forms::Request::Stock(stock.confirmed()));
        let dialog = Dialog { title, lines, on_confirm, form: Some(open.clone()) };
        state.mode = Mode::Dialog(Box::new(dialog));
        return Outcome::redraw();
    }
    // R-COMP-1: closing a complication asks first; R-HO-1: so does a
    // follow-up its rule warns about (with the reason typed); so does a
    // cancellation (R-BLOCK-5).
    if !open.saving
        && let Ok(request) = forms::request(open)
        && let Some((title, lines)) = match &request {
            forms::Request::Complication(change) => change.confirmation(),
            forms::Request::Ossification(change) => change.confirmation(),
            forms::Request::CallOff { .. } | forms::Request::Step { .. } => forms::cancel_confirmation(&request),
            _ => None,
        }
    {
        let dialog = Dialog { title, lines, on_confirm: Effect::Save(request), form: Some(open.clone()) };
        state.mode = Mode::Dialog(Box::new(dialog));
        return Outcome::redraw();
    }
    save(open)
}

/// Hands the form's request to the shell, or says what is missing.
fn save(open: &mut forms::OpenForm) -> Outcome {
    if open.saving {
        return Outcome::default();
    }
    match forms::request(open) {
        Ok(request) => {
            open.saving = true;
            Outcome::with(Effect::Save(request))
        }
        Err(problem) => {
            if let Some((i, _)) = open.form.problems().first() {
                open.form.focus = *i;
            }
            open.form.error = Some(problem);
            Outcome::redraw()
        }
    }
}

/// A save came back: close the form and say what changed, or keep the
/// user's typing and say why not. After a conflict the record is read
/// again and the form shows what is stored now beside the typing
/// (DESIGN.md, the loop); a record that is gone closes the form.
pub(super) fn on_saved(state: &mut State, result: Result<String, Refusal>) -> Outcome {
    match (result, &mut state.mode) {
        (Ok(message), _) => {
            if matches!(state.mode, Mode::Form(_)) {
                state.mode = Mode::Normal;
            }
            notify(state, NoticeKind::Done, message);
        }
        (Err(refusal), Mode::Form(open)) if refusal.kind == RefusalKind::Retrospective => {
            // R-PATH-6: a past date is legitimate as a retrospective entry,
            // once confirmed; `n` goes back to the form to correct it.
            open.saving = false;
            let mut confirmed = open.clone();
            confirmed.retrospective = true;
            match forms::request(&confirmed) {
                Ok(request) => {
                    // A new admission has no patient yet: name the one typed.
                    let who = if open.who.is_empty() {
                        let f = &open.form;
                        format!(
                            "{} {} ({})",
                            crate::domain::names::surname_shown(f.value("surname")),
                            crate::domain::names::first_name_shown(f.value("first_name")),
                            f.value("birth_date")
                        )
                    } else {
                        open.who.clone()
                    };
                    let dialog = Dialog {
                        title: tr!("admin-past-date-title").into_owned(),
                        lines: vec![who, refusal.text],
                        on_confirm: Effect::Save(request),
                        form: Some(open.clone()),
                    };
                    state.mode = Mode::Dialog(Box::new(dialog));
                }
                Err(problem) => open.form.error = Some(problem),
            }
            return Outcome::redraw();
        }
        (Err(refusal), Mode::Form(open)) if refusal.kind != RefusalKind::NotFound => {
            open.saving = false;
            open.stale = refusal.kind == RefusalKind::Conflict;
            open.form.maybe_saved = refusal.kind == RefusalKind::MaybeSaved;
            open.form.error = Some(refusal.text);
        }
        (Err(refusal), _) => {
            if matches!(state.mode, Mode::Form(_)) {
                state.mode = Mode::Normal;
            }
            let lead =
                if refusal.kind == RefusalKind::MaybeSaved { tr!("form-maybe-saved") } else { tr!("form-not-saved") };
            notify(state, NoticeKind::Problem, format!("{lead} {}", refusal.text));
        }
    }
    Outcome { redraw: true, effects: screens::reloads(state) }
}
