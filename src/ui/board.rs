//! The Board tab: today's ward and block at a glance.

use super::theme::Theme;
use super::{column, fit, window};
use crate::app::State;
use crate::app::board_rows::{Section, alert, section_rows};
use crate::app::state::{Mode, RowKey};
use crate::domain::attention::Severity;
use crate::domain::board::{Board, Slot, Stay};
use crate::domain::journey::ReadinessSummary;
use crate::domain::pathway::AdmissionState;
use crate::domain::ward_time::clock_text;
use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let view = &state.board;
    let day = state.board_day();
    let mut lines = Vec::new();
    let when = if day == state.today() { tr!("board-today") } else { tr!("board-not-today") };
    let weekday = crate::i18n::weekday_long(crate::i18n::language(), chrono::Datelike::weekday(&day));
    let date = tr!("day-text", weekday = weekday, date = crate::domain::day_label::date_text(day));
    lines.push(Line::from(vec![
        Span::styled(format!(" {date} "), theme.section()),
        Span::styled(format!(" {when}"), theme.dim()),
    ]));
    if state.mode == Mode::Filter || !view.filter.is_empty() {
        let cursor = if state.mode == Mode::Filter { "▏" } else { "" };
        lines.push(Line::from(vec![
            Span::styled(format!(" {} ", tr!("board-filter")), theme.key()),
            Span::raw(format!("{}{cursor}", view.filter)),
        ]));
    }
    let header = lines.len();
    let mut selected_line = None;
    if let Some(error) = &view.error {
        lines.push(Line::styled(format!(" {}", tr!("board-error", error = error.as_str())), theme.urgent()));
    }
    // A reload that failed (the server gone a moment) leaves the day's last
    // board under its error, rather than a blank screen; another day's is not shown.
    match (view.board.as_ref().filter(|b| Some(b.day) == view.day), &view.error) {
        (None, Some(_)) => {}
        (None, None) => lines.push(Line::styled(format!(" {}", tr!("board-reading")), theme.dim())),
        (Some(board), _) => {
            let width = usize::from(area.width);
            for section in Section::ALL {
                let rows = section_rows(board, section, &view.filter);
                let total = section_total(board, section);
                let count = if rows.len() == total {
                    format!("{total}")
                } else {
                    tr!("board-count-of", shown = rows.len(), total = total).into_owned()
                };
                lines.push(Line::styled(format!(" {} ({count})", section.title()), theme.section()));
                if rows.is_empty() {
                    let text = if total > 0 { tr!("board-no-match") } else { empty_text(section) };
                    lines.push(Line::styled(format!("   {text}"), theme.dim()));
                }
                let mut room: Option<&str> = None;
                for key in rows {
                    if let RowKey::Procedure(id) = key
                        && let Some(slot) = board.facts.procedures.iter().find(|p| p.case_id == id)
                        && room != Some(slot.room.as_str())
                    {
                        room = Some(slot.room.as_str());
                        lines.push(Line::styled(format!("   {}", slot.room), theme.dim()));
                    }
                    let is_selected = view.selected == Some(key);
                    if is_selected {
                        selected_line = Some(lines.len() - header);
                    }
                    let (text, style) = row(board, key, state, theme, width.saturating_sub(3));
                    let style = if is_selected { theme.selected() } else { style };
                    let marker = if is_selected { " ▶ " } else { "   " };
                    lines.push(Line::from(vec![Span::styled(marker, style), Span::styled(text, style)]));
                }
            }
        }
    }
    // The selected row is shown whole below the list: at 80 columns its row is cut.
    let width = usize::from(area.width).max(1);
    let full_alert = match (&view.board, view.selected) {
        (Some(board), Some(key @ RowKey::Alert { .. })) => {
            alert(board, key).map(|a| format!("{} ({})", a.message, a.rule))
        }
        (Some(board), Some(key)) => whole(board, key, state).filter(|t| t.width() + 3 > width),
        _ => None,
    };
    let footer = full_alert.as_ref().map_or(0, |t| t.width().div_ceil(width).min(3));
    let height = usize::from(area.height).saturating_sub(header + footer);
    let body: Vec<Line> = lines.split_off(header);
    lines.extend(window(body, selected_line, height, theme, state.language));
    while lines.len() < header + height {
        lines.push(Line::raw(""));
    }
    if let Some(text) = full_alert {
        lines.push(Line::styled(text, theme.warning()));
    }
    frame.render_widget(Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }), area);
}

fn section_total(board: &Board, section: Section) -> usize {
    match section {
        Section::Attention => board.attention.len(),
        Section::Arriving => board.facts.arrivals.len(),
        Section::Procedures => board.facts.procedures.len(),
        Section::Leaving => board.facts.departures.len(),
    }
}

fn empty_text(section: Section) -> Cow<'static, str> {
    match section {
        Section::Attention => tr!("board-empty-attention"),
        Section::Arriving => tr!("board-empty-arriving"),
        Section::Procedures => tr!("board-empty-procedures"),
        Section::Leaving => tr!("board-empty-leaving"),
    }
}

fn row(board: &Board, key: RowKey, state: &State, theme: &Theme, width: usize) -> (String, Style) {
    let f = &board.facts;
    let found = match key {
        RowKey::Alert { .. } => alert(board, key).map(|a| {
            let who = board.patient_for(a.subject).map(ToString::to_string).unwrap_or_default();
            let style = if a.severity == Severity::Urgent { theme.urgent() } else { theme.warning() };
            (format!("{:<3}{}{}", a.severity.glyph(), column(&who, 36), a.message), style)
        }),
        RowKey::Arrival(id) => f.arrivals.iter().find(|s| s.admission_id == id).map(|s| stay_row(s, true, theme)),
        RowKey::Departure(id) => f.departures.iter().find(|s| s.admission_id == id).map(|s| stay_row(s, false, theme)),
        RowKey::Procedure(id) => f.procedures.iter().find(|p| p.case_id == id).map(|p| slot_row(p, state, theme)),
    };
    let (text, style) = found.unwrap_or_default();
    (fit(&text, width), style)
}

/// A stay or a case in one line, nothing cut: for the foot of the board.
fn whole(board: &Board, key: RowKey, state: &State) -> Option<String> {
    let f = &board.facts;
    let stay = |s: &Stay| {
        let bed = bed_text(s.bed.as_deref(), false);
        let procedure = match (&s.procedure, s.procedure_day) {
            (Some(p), Some(d)) => format!(" · {p} {}", d.format("%d/%m")),
            _ => String::new(),
        };
        let check = match &s.discharge {
            Some(d) if d.missing.is_empty() && d.checked => format!(" · {}", tr!("board-check-complete")),
            Some(d) if !d.missing.is_empty() => {
                let items = d.missing.iter().map(|m| m.label.as_str()).collect::<Vec<_>>().join(", ");
                format!(" · {}", tr!("board-missing", items = items))
            }
            _ => String::new(),
        };
        let readiness = s.readiness.as_ref().map(|r| format!(" · {}", r.status.label())).unwrap_or_default();
        let planned = tr!(
            "board-planned-span",
            from = s.planned_admit_on.format("%d/%m").to_string(),
            to = s.planned_discharge_on.format("%d/%m").to_string()
        );
        format!("{} · {} · {bed}{readiness}{procedure} · {planned}{check}", s.state.label(), s.patient)
    };
    match key {
        RowKey::Arrival(id) => f.arrivals.iter().find(|s| s.admission_id == id).map(stay),
        RowKey::Departure(id) => f.departures.iter().find(|s| s.admission_id == id).map(stay),
        RowKey::Procedure(id) => f.procedures.iter().find(|p| p.case_id == id).map(|p| {
            let end = p.start + Duration::minutes(i64::from(p.minutes));
            let fasting = p.fasting.as_ref().map(|x| format!(" · {}", x.summary(state.zone))).unwrap_or_default();
            format!(
                "{}-{} {} · {} · {} · {} · {} · {}{fasting}",
                clock_text(p.start, state.zone),
                clock_text(end, state.zone),
                p.state.label(),
                p.patient,
                readiness_text(p.readiness.as_ref()),
                p.procedure,
                p.room,
                p.operator
            )
        }),
        RowKey::Alert { .. } => None,
    }
}

/// `✓ ready`, `! at risk`, `✗ not ready`, or `-` when readiness does not apply.
fn readiness_text(readiness: Option<&ReadinessSummary>) -> Cow<'static, str> {
    readiness.map_or(Cow::Borrowed("-"), |r| r.status.label())
}

/// `bed 12`, or `no bed` (`short`: in the row's 8-cell column).
fn bed_text(bed: Option<&str>, short: bool) -> String {
    match bed {
        Some(b) => tr!("board-bed", bed = b).into_owned(),
        None if short => tr!("board-no-bed-short").into_owned(),
        None => tr!("board-no-bed").into_owned(),
    }
}

fn stay_row(stay: &Stay, arriving: bool, theme: &Theme) -> (String, Style) {
    let bed = bed_text(stay.bed.as_deref(), true);
    let style = match stay.state {
        s if s.is_on_ward() && !arriving => theme.warning(),
        AdmissionState::Planned => Style::new(),
        _ => theme.good(),
    };
    if arriving {
        let procedure = match (&stay.procedure, stay.procedure_day) {
            (Some(p), Some(d)) => format!("{p} {}", d.format("%d/%m")),
            _ => String::new(),
        };
        let readiness = readiness_text(stay.readiness.as_ref());
        let who = column(&stay.patient.to_string(), 36);
        let text = format!("{:<17}{who}{readiness:<13}{} {procedure}", stay.state.label(), column(&bed, 8));
        return (text, style);
    }
    // R-DISCH-1: what the discharge check still lacks, for those still on the ward.
    let check = match &stay.discharge {
        Some(d) if !d.checked => tr!("board-no-check").into_owned(),
        Some(d) if d.missing.is_empty() => tr!("board-check", total = d.padss_total.unwrap_or(0)).into_owned(),
        Some(d) => format!("! {}", d.missing.iter().map(|m| m.label.as_str()).collect::<Vec<_>>().join(", ")),
        None => String::new(),
    };
    let incident = stay.incident.as_deref().map(|i| format!(" · {i}")).unwrap_or_default();
    let planned =
        format!("{}{incident}", tr!("board-planned", day = stay.planned_discharge_on.format("%d/%m").to_string()));
    let who = column(&stay.patient.to_string(), 36);
    let text = format!("{:<17}{who}{:<22}{} {planned}", stay.state.label(), fit(&check, 21), column(&bed, 8));
    (text, style)
}

fn slot_row(slot: &Slot, state: &State, theme: &Theme) -> (String, Style) {
    let end = slot.start + Duration::minutes(i64::from(slot.minutes));
    let style = match slot.state {
        crate::domain::case::CaseState::InProgress => theme.warning(),
        crate::domain::case::CaseState::Done => theme.dim(),
        _ => Style::new(),
    };
    // R-BLOCK-6: on J0, where the patient is now once the timeline has begun.
    let where_now = column(&slot.where_label(), crate::domain::block_timeline::WHERE_NOW_CELLS + 1);
    // R-FAST-1: the fasting times travel with the case.
    let fasting = slot.fasting.as_ref().map(|f| f.summary(state.zone)).unwrap_or_default();
    // Every column ends in a blank, whatever its text (a 13-cell "○ out of
    // room" ran into the name at 120 columns).
    let text = format!(
        "{}-{} {}{}{:<12} {:<45} {}{}",
        clock_text(slot.start, state.zone),
        clock_text(end, state.zone),
        where_now,
        column(&slot.patient.to_string(), 36),
        readiness_text(slot.readiness.as_ref()),
        fasting,
        column(&slot.procedure, 16),
        crate::domain::names::for_terminal(&slot.operator),
    );
    (text, style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::block_timeline::{EventKind, TimelineEvent};
    use crate::domain::identity::Identity;
    use chrono::{NaiveDate, TimeZone, Utc};

    /// R-BLOCK-6: "○ out of room" fills its 13 cells; a blank still
    /// separates it from the patient's name (it ran into it at 120 columns).
    #[test]
    fn r_block_6_procedure_row_columns_never_run_together() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
        let actor = crate::store::Actor {
            staff_id: 1,
            account: "nurse1".into(),
            display_name: "Nurse One".into(),
            role: "nurse".into(),
            active: true,
            language: None,
        };
        let state = State::new(now, chrono_tz::Europe::Paris, actor, "ward.db".into());
        let slot = Slot {
            case_id: 1,
            admission_id: 1,
            patient: Identity {
                patient_id: 1,
                surname: "DE LA TOUR".into(),
                first_name: "Anne".into(),
                birth_date: NaiveDate::from_ymd_opt(1950, 1, 1).unwrap(),
            },
            room: "Room 2".into(),
            start: now,
            minutes: 90,
            procedure: "vertebroplasty".into(),
            operator: "Dr Lemaire".into(),
            state: crate::domain::case::CaseState::InProgress,
            anaesthesia_mode: crate::domain::case::AnaesthesiaMode::SedationLocal,
            emergency: false,
            admission_state: AdmissionState::Admitted,
            bed: None,
            bed_status: None,
            readiness: None,
            fasting: None,
            where_now: Some(TimelineEvent { event_id: 1, version: 1, kind: EventKind::OutOfRoom, at: now }),
        };
        let (text, _) = slot_row(&slot, &state, &Theme { color: false });
        assert!(text.contains("○ out of room ") && !text.contains("roomDE"), "{text}");
        assert!(!text.contains("-ready"), "{text}");
    }
}
