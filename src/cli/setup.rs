//! `periop rooms|beds|procedures [list|add|set|retire]` and `periop setup
//! --from ward.toml`: the ward's make-up from the command line. A ward file
//! is applied in one audited transaction (R-AUDIT-1): a bad entry refuses the
//! whole file, naming its line, and nothing is written.

use super::admissions::quote;
use crate::domain::roles::{Change, Role};
use crate::store::settings as stored_settings;
use crate::store::setup::{
    self, BedInput, BedSetupRow, Mode, ProcedureInput, ProcedureKindRow, Put, RoomInput, RoomRow,
};
use crate::store::write::WriteTx;
use crate::store::{Store, StoreError, staff};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

pub fn rooms_text(rows: &[RoomRow]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![r.name.clone(), r.kind.clone(), format!("{}–{}", r.opens, r.closes), super::active_word(r.active)]
        })
        .collect();
    let header = [tr!("cli-setup-room"), tr!("cli-setup-kind"), tr!("cli-setup-hours"), tr!("cli-setup-active")];
    super::columns::table(&header.each_ref().map(|h| h.as_ref()), &cells)
}

/// A bed's state as the lists say it: a free bed a planned stay holds is
/// `reserved from DD/MM` (R-PATH-4).
fn bed_state(b: &BedSetupRow) -> String {
    use crate::domain::beds::BedState;
    let state = BedState::from_code(&b.state);
    match (b.reserved_from, state) {
        (Some(day), Some(BedState::Free)) => tr!("cli-setup-reserved-from", day = day.format("%d/%m").to_string()),
        (_, Some(BedState::Free)) => tr!("cli-setup-bed-free"),
        (_, Some(BedState::Occupied)) => tr!("cli-setup-bed-occupied"),
        (_, Some(BedState::ToClean)) => tr!("cli-setup-bed-to-clean"),
        (_, Some(BedState::Closed)) => tr!("cli-setup-bed-closed"),
        (_, None) => b.state.clone().into(),
    }
    .into_owned()
}

pub fn beds_text(rows: &[BedSetupRow]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|b| {
            vec![
                b.label.clone(),
                b.unit.clone().unwrap_or_else(|| "-".into()),
                bed_state(b),
                super::active_word(b.active),
            ]
        })
        .collect();
    let header = [tr!("cli-setup-bed"), tr!("cli-setup-unit"), tr!("cli-setup-state"), tr!("cli-setup-active")];
    super::columns::table(&header.each_ref().map(|h| h.as_ref()), &cells)
}

pub fn procedures_text(rows: &[ProcedureKindRow]) -> String {
    let yes = |b: bool| if b { tr!("cli-yes").into_owned() } else { "-".to_string() };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|p| {
            vec![
                p.code.clone(),
                p.label.clone(),
                p.minutes.to_string(),
                yes(p.anaesthesia_expected),
                yes(p.implants_expected),
                super::active_word(p.active),
            ]
        })
        .collect();
    let header = [
        tr!("cli-setup-code"),
        tr!("cli-setup-label"),
        tr!("cli-setup-minutes"),
        tr!("cli-setup-anaesthesia"),
        tr!("cli-setup-implants"),
        tr!("cli-setup-active"),
    ];
    super::columns::table(&header.each_ref().map(|h| h.as_ref()), &cells)
}

/// `{schema: 1, KEY: [rows]}`: the rows as their struct names them.
pub fn json<T: serde::Serialize>(key: &str, rows: &[T]) -> String {
    let mut doc = serde_json::Map::new();
    doc.insert("schema".into(), 1.into());
    doc.insert(key.into(), serde_json::to_value(rows).unwrap_or_default());
    serde_json::to_string_pretty(&serde_json::Value::Object(doc)).unwrap_or_default()
}

/// CSV with a header of the rows' JSON keys, in order.
pub fn csv<T: serde::Serialize>(rows: &[T], columns: &[&str]) -> String {
    let mut out = columns.join(",");
    out.push('\n');
    for row in rows {
        let value = serde_json::to_value(row).unwrap_or_default();
        let fields: Vec<String> = columns
            .iter()
            .map(|c| match &value[*c] {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => quote(s),
                serde_json::Value::Bool(b) => u8::from(*b).to_string(),
                other => other.to_string(),
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

pub const ROOM_COLUMNS: &[&str] = &["room_id", "name", "kind", "opens", "closes", "active"];
/// `reserved_from`: the first night a planned stay holds the bed (found in
/// use, #8: the CSV showed a reserved bed as plainly `free`).
pub const BED_COLUMNS: &[&str] = &["bed_id", "label", "unit", "state", "reserved_from", "active"];
pub const PROCEDURE_COLUMNS: &[&str] =
    &["procedure_kind_id", "code", "label", "minutes", "anaesthesia_expected", "implants_expected", "active"];

/// Runs one put and says what it did.
pub fn put(
    store: &mut Store,
    now: DateTime<Utc>,
    what: &str,
    change: impl FnOnce(&mut WriteTx<'_>) -> crate::store::Result<Put>,
) -> color_eyre::Result<String> {
    let done = store.write(now, change)?;
    let word = match done {
        Put::Added(_) => tr!("cli-setup-added"),
        Put::Changed(_) => tr!("cli-setup-changed"),
        Put::Unchanged(_) => tr!("cli-setup-unchanged"),
    };
    Ok(tr!("cli-setup-put", what = what, done = word).into_owned())
}

// ---- The ward file ----

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WardFile {
    #[serde(default)]
    staff: Vec<Spanned<StaffEntry>>,
    #[serde(default)]
    room: Vec<Spanned<RoomEntry>>,
    #[serde(default)]
    bed: Vec<Spanned<BedEntry>>,
    #[serde(default)]
    procedure: Vec<Spanned<ProcedureEntry>>,
    #[serde(default)]
    settings: BTreeMap<String, Spanned<toml::Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StaffEntry {
    account: Option<String>,
    name: String,
    role: String,
    #[serde(default = "yes")]
    active: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoomEntry {
    name: String,
    kind: String,
    opens: String,
    closes: String,
    #[serde(default = "yes")]
    active: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BedEntry {
    label: String,
    unit: Option<String>,
    #[serde(default)]
    closed: bool,
    #[serde(default = "yes")]
    active: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProcedureEntry {
    code: String,
    label: String,
    minutes: i64,
    #[serde(default)]
    anaesthesia: bool,
    #[serde(default)]
    implants: bool,
    #[serde(default = "yes")]
    active: bool,
}

fn yes() -> bool {
    true
}

/// What a ward file did, entry by entry.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Applied {
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub entries: BTreeMap<&'static str, usize>,
}

impl Applied {
    fn count(&mut self, kind: &'static str, put: Put) {
        *self.entries.entry(kind).or_default() += 1;
        match put {
            Put::Added(_) => self.added += 1,
            Put::Changed(_) => self.changed += 1,
            Put::Unchanged(_) => self.unchanged += 1,
        }
    }

    pub fn summary(&self) -> String {
        let language = crate::i18n::language();
        // The keys are the catalogue's ids (`cli-setup-rooms`), in the order of the English words.
        let parts: Vec<String> = self
            .entries
            .iter()
            .map(|(id, n)| {
                let count = [("count", crate::i18n::Value::from(*n))];
                crate::i18n::fmt(language, id, &count)
            })
            .collect();
        let entries = if parts.is_empty() { tr!("cli-setup-nothing").into_owned() } else { parts.join(", ") };
        tr!(
            "cli-setup-summary",
            entries = entries,
            added = self.added,
            changed = self.changed,
            unchanged = self.unchanged
        )
        .into_owned()
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].bytes().filter(|b| *b == b'\n').count() + 1
}

/// `periop setup --from ward.toml`: reads the file and applies it whole.
pub fn from_file(store: &mut Store, path: &Path, now: DateTime<Utc>) -> color_eyre::Result<String> {
    let shown = crate::store::error::shown(path);
    let text = std::fs::read_to_string(path).map_err(|e| {
        color_eyre::eyre::eyre!("{}", tr!("cli-setup-cannot-read", file = shown.as_str(), error = e.to_string()))
    })?;
    let applied = apply(store, &text, &shown, now)?;
    Ok(crate::i18n::labelled(&shown, &applied.summary()))
}

/// Applies a ward file's text (named `name` in messages) in one transaction.
/// Errors: the file does not parse (naming the line), or an entry is refused
/// (naming its line and why); nothing is written then.
pub fn apply(store: &mut Store, text: &str, name: &str, now: DateTime<Utc>) -> Result<Applied, StoreError> {
    let ward: WardFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        StoreError::invalid(tr!("cli-setup-line", file = name, line = line), e.message().trim().to_string())
    })?;
    let fold = |t: &str| crate::domain::names::folded(&crate::domain::names::stored(t));
    let quoted = |t: &str| format!("{t:?}");
    // A member of staff is one by account, else by name (an account and a
    // name spelt alike are two keys).
    let key = |e: &Spanned<StaffEntry>| {
        let s = e.get_ref();
        match s.account.as_deref().map(str::trim) {
            Some(a) => (tr!("setup-account", account = quoted(a)).into_owned(), (true, fold(a)), e.span()),
            None => (tr!("setup-staff", name = quoted(s.name.trim())).into_owned(), (false, fold(&s.name)), e.span()),
        }
    };
    no_repeats(text, name, ward.staff.iter().map(key))?;
    let names = ward.staff.iter().map(|e| {
        let n = crate::domain::names::stored(&e.get_ref().name);
        (tr!("setup-staff", name = quoted(&n)).into_owned(), fold(&n), e.span())
    });
    no_repeats(text, name, names)?;
    let rooms = ward.room.iter().map(|e| {
        let n = &e.get_ref().name;
        (tr!("setup-room", name = quoted(n.trim())).into_owned(), fold(n), e.span())
    });
    no_repeats(text, name, rooms)?;
    let beds = ward.bed.iter().map(|e| {
        let l = &e.get_ref().label;
        (tr!("setup-bed", label = quoted(l.trim())).into_owned(), fold(l), e.span())
    });
    no_repeats(text, name, beds)?;
    let kinds = ward.procedure.iter().map(|e| {
        let c = &e.get_ref().code;
        (tr!("setup-procedure", code = quoted(c.trim())).into_owned(), fold(c), e.span())
    });
    no_repeats(text, name, kinds)?;
    store.write(now, |tx| {
        // R-ROLE-1: a ward file is the admin's even where it changes nothing.
        let kinds = [
            (!ward.staff.is_empty(), Change::Staff),
            (!ward.room.is_empty(), Change::Rooms),
            (!ward.bed.is_empty(), Change::BedSetup),
            (!ward.procedure.is_empty(), Change::ProcedureKinds),
            (!ward.settings.is_empty(), Change::Settings),
        ];
        for (_, change) in kinds.into_iter().filter(|(present, _)| *present) {
            tx.may(change)?;
        }
        let mut applied = Applied::default();
        // Found in use (#8): a refusal named the entry's header line, not
        // the line of the field at fault. The refusal says which field
        // (`StoreError::on_field`, the ward file's key), in any language.
        let at = |span: std::ops::Range<usize>, e: StoreError| match e {
            StoreError::Invalid { what, why, field } => {
                let line = field
                    .and_then(|key| field_line(text, span.start, key))
                    .unwrap_or_else(|| line_of(text, span.start));
                StoreError::invalid(tr!("cli-setup-line-of", file = name, line = line, what = what), why)
            }
            other => other,
        };
        for entry in &ward.room {
            let r = entry.get_ref();
            let input = RoomInput {
                name: r.name.clone(),
                kind: Some(r.kind.clone()),
                opens: Some(r.opens.clone()),
                closes: Some(r.closes.clone()),
                active: Some(r.active),
                ..Default::default()
            };
            let put = setup::put_room(tx, &input, Mode::Either).map_err(|e| at(entry.span(), e))?;
            applied.count("cli-setup-rooms", put);
        }
        for entry in &ward.bed {
            let b = entry.get_ref();
            let input = BedInput {
                label: b.label.clone(),
                unit: Some(b.unit.clone().unwrap_or_default()),
                closed: Some(b.closed),
                active: Some(b.active),
                ..Default::default()
            };
            let put = setup::put_bed(tx, &input, Mode::Either).map_err(|e| at(entry.span(), e))?;
            applied.count("cli-setup-beds", put);
        }
        for entry in &ward.procedure {
            let p = entry.get_ref();
            let input = ProcedureInput {
                code: p.code.clone(),
                label: Some(p.label.clone()),
                minutes: Some(p.minutes),
                anaesthesia_expected: Some(p.anaesthesia),
                implants_expected: Some(p.implants),
                active: Some(p.active),
                seen_version: None,
            };
            let put = setup::put_procedure(tx, &input, Mode::Either).map_err(|e| at(entry.span(), e))?;
            applied.count("cli-setup-procedure-kinds", put);
        }
        for (key, value) in &ward.settings {
            let text_value = match value.get_ref() {
                toml::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let stored = stored_settings::stored(tx.conn(), key).map_err(|e| at(value.span(), e))?;
            let put = match stored {
                Some((v, _)) if v == text_value => Put::Unchanged(0),
                Some((_, version)) => {
                    stored_settings::set(tx, key, &text_value, Some(version)).map_err(|e| at(value.span(), e))?;
                    Put::Changed(0)
                }
                None => {
                    stored_settings::set(tx, key, &text_value, None).map_err(|e| at(value.span(), e))?;
                    Put::Added(0)
                }
            };
            applied.count("cli-setup-settings", put);
        }
        // Staff last: an admin who hands their own role over in the file
        // (R-ROLE-1) still sets up the rest of it first.
        for entry in &ward.staff {
            let st = entry.get_ref();
            let put = put_staff(tx, st).map_err(|e| at(entry.span(), e))?;
            applied.count("cli-setup-staff", put);
        }
        Ok(applied)
    })
}

/// The 1-based line of field `key` in the entry starting at byte `start`
/// (up to the next `[` header), if written there.
fn field_line(text: &str, start: usize, key: &str) -> Option<usize> {
    let start = start.min(text.len());
    let mut offset = start;
    for (i, line) in text[start..].split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        if i > 0 && trimmed.starts_with('[') {
            return None;
        }
        let rest = trimmed.strip_prefix(key).or_else(|| trimmed.strip_prefix(&format!("\"{key}\"")));
        if i > 0 && rest.is_some_and(|r| r.trim_start().starts_with('=')) {
            return Some(line_of(text, offset));
        }
        offset += line.len();
    }
    None
}

/// Refuses a ward file that names one entry twice (`(shown, folded key,
/// span)`, matched without case or accents): applied in turn, the second
/// would silently change the first.
fn no_repeats<K: Ord>(
    text: &str,
    name: &str,
    entries: impl Iterator<Item = (String, K, std::ops::Range<usize>)>,
) -> Result<(), StoreError> {
    let mut seen: BTreeMap<K, usize> = BTreeMap::new();
    for (shown, folded, span) in entries {
        let line = line_of(text, span.start);
        if let Some(first) = seen.insert(folded, line) {
            return Err(StoreError::invalid(
                tr!("cli-setup-line-of", file = name, line = line, what = shown),
                tr!("cli-setup-named-twice", first = first).into_owned(),
            ));
        }
    }
    Ok(())
}

fn put_staff(tx: &mut WriteTx<'_>, s: &StaffEntry) -> crate::store::Result<Put> {
    let role = Role::from_code(s.role.trim()).filter(|r| *r != Role::Unassigned).ok_or_else(|| {
        let roles: Vec<&str> = Role::ALL.iter().filter(|r| **r != Role::Unassigned).map(|r| r.code()).collect();
        StoreError::invalid(
            tr!("setup-staff", name = format!("{:?}", s.name)),
            tr!("setup-not-a-role", role = format!("{:?}", s.role), roles = roles.join(", ")),
        )
        .on_field("role")
    })?;
    let found = match s.account.as_deref().map(str::trim) {
        // Issue 8: an account is found as the other keys are, without case
        // (`Alice` is the alice already listed, not a second account).
        Some(account) => staff::list(tx.conn())?
            .into_iter()
            .filter(|row| row.account.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(account)))
            .min_by_key(|row| row.account.as_deref() != Some(account)),
        None => staff::find(tx.conn(), &s.name)?.filter(|row| row.account.is_none()),
    };
    match found {
        None => {
            let id = staff::add(tx, s.account.as_deref(), &s.name, role)?;
            if !s.active {
                let change = staff::StaffChange { active: Some(false), ..Default::default() };
                staff::set(tx, id, 1, &change)?;
            }
            Ok(Put::Added(id))
        }
        Some(row) => {
            let name = crate::domain::names::stored(s.name.trim());
            let change = staff::StaffChange {
                display_name: (row.display_name != name).then_some(name),
                role: (row.role != role).then_some(role),
                active: (row.active != s.active).then_some(s.active),
            };
            if change == staff::StaffChange::default() {
                return Ok(Put::Unchanged(row.staff_id));
            }
            staff::set(tx, row.staff_id, row.version, &change)?;
            Ok(Put::Changed(row.staff_id))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entry kinds a ward file counts are catalogue ids (`3 rooms`, `3 salles`).
    #[test]
    fn each_kind_a_ward_file_counts_is_in_both_catalogues() {
        use crate::domain::language::Language;
        for id in
            ["cli-setup-rooms", "cli-setup-beds", "cli-setup-procedure-kinds", "cli-setup-settings", "cli-setup-staff"]
        {
            for language in Language::ALL {
                assert!(crate::i18n::has(language, id), "{id} ({})", language.code());
            }
        }
        let mut applied = Applied::default();
        applied.count("cli-setup-rooms", Put::Added(1));
        applied.count("cli-setup-rooms", Put::Unchanged(2));
        assert_eq!(applied.summary(), "2 rooms (1 added, 0 changed, 1 unchanged), in one audited transaction");
        let _fr = crate::i18n::scope(Language::Fr);
        assert_eq!(
            applied.summary(),
            "2 salles (1 ajouté(s), 0 modifié(s), 1 inchangé(s)), en une seule transaction auditée"
        );
    }

    #[test]
    fn lines_are_counted_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }
}
