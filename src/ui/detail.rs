//! One admission in full: who, the stay, the case, readiness with its
//! checklist, anaesthesia, fasting, medication, discharge and the timeline.

use super::theme::Theme;
use super::{fit, window};
use crate::app::State;
use crate::domain::journey::AdmissionDetail;
use crate::domain::readiness::Status;
use crate::domain::ward_time::clock_text;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let Some(view) = &state.admissions.detail else { return };
    let detail = match (&view.data, &view.error) {
        (_, Some(error)) => {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    format!(" {}", tr!("admission-read-failed", error = error.to_string())),
                    theme.urgent(),
                )),
                area,
            );
            return;
        }
        (None, None) => {
            frame.render_widget(
                Paragraph::new(Line::styled(format!(" {}", tr!("admission-reading")), theme.dim())),
                area,
            );
            return;
        }
        (Some(d), None) => d,
    };
    let when = |t: DateTime<Utc>| t.with_timezone(&state.zone).format("%d/%m %H:%M").to_string();
    let mut left = identity_and_stay(detail, state, theme);
    // R-COMP-1: the patient's complications, in sight under who they are.
    left.extend(super::complications::section(&detail.complications, theme, &when));
    let cursor_line = left.len() + 1 + view.cursor;
    left.extend(readiness(detail, view.cursor, theme, &when));
    left.extend(anaesthesia(detail, theme, &when));
    // R-HO-1: the patient's ossification follow-ups (months long: below
    // this stay's own sections, so the checklist stays in sight).
    left.extend(super::ossification::section(&detail.ossification, state.zone, theme));
    let mut right = fasting(detail, state, theme, &when);
    right.extend(medication(detail, theme, &when));
    right.extend(implants(detail, theme, &when));
    right.extend(going_home(detail, theme, &when));
    right.extend(timeline(detail, theme, &when));

    if area.width >= 140 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
        let lw = usize::from(l.width);
        let rw = usize::from(r.width);
        let left = fitted(left, lw);
        let right: Vec<Line> = right.into_iter().map(|line| cut(line, rw)).collect();
        frame.render_widget(
            Paragraph::new(window(left, Some(cursor_line), usize::from(l.height), theme, state.language)),
            l,
        );
        let skip = view.scroll.min(right.len().saturating_sub(usize::from(r.height)));
        frame.render_widget(Paragraph::new(right.into_iter().skip(skip).collect::<Vec<_>>()), r);
    } else {
        let width = usize::from(area.width);
        let mut lines = left;
        lines.extend(right);
        let lines = fitted(lines, width);
        let height = usize::from(area.height);
        let max_scroll = lines.len().saturating_sub(height);
        // Scrolling (PgDn/PgUp) wins; otherwise keep the checklist cursor in view.
        let skip = if view.scroll > 0 {
            view.scroll.min(max_scroll)
        } else {
            cursor_line.saturating_sub(height.saturating_sub(3)).min(max_scroll)
        };
        frame.render_widget(Paragraph::new(lines.into_iter().skip(skip).take(height).collect::<Vec<_>>()), area);
    }
}

/// The lines cut to `width`, but the first, the patient's identity (R-PATH-5),
/// wrapped: a name is never cut off on the screen that acts on the patient.
fn fitted(mut lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(lines.len() + 1);
    if !lines.is_empty() {
        let first = lines.remove(0);
        let style = first.style.patch(first.spans.first().map(|s| s.style).unwrap_or_default());
        let mut rest: String = first.spans.iter().map(|s| s.content.as_ref()).collect();
        while unicode_width::UnicodeWidthStr::width(rest.as_str()) > width && width > 2 {
            let mut used = 0;
            let at = rest
                .char_indices()
                .find(|(_, c)| {
                    used += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
                    used > width
                })
                .map_or(rest.len(), |(i, _)| i);
            out.push(Line::styled(rest[..at].to_string(), style));
            rest = format!("   {}", &rest[at..]);
        }
        out.push(Line::styled(rest, style));
    }
    out.extend(lines.into_iter().map(|line| cut(line, width)));
    out
}

fn cut(line: Line<'static>, width: usize) -> Line<'static> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    Line::styled(fit(&text, width), line.style.patch(line.spans.first().map(|s| s.style).unwrap_or_default()))
}

type When<'a> = &'a dyn Fn(DateTime<Utc>) -> String;

fn identity_and_stay(d: &AdmissionDetail, state: &State, theme: &Theme) -> Vec<Line<'static>> {
    let p = &d.patient;
    let a = &d.admission;
    let mut lines = vec![
        Line::styled(format!(" {}", p.identity), theme.section()),
        Line::raw(format!(
            " {}{}",
            tr!(
                "admission-identity",
                state = a.state.label(),
                sex = p.sex.as_str(),
                number = p.hospital_number.clone()
            ),
            if p.insulin_treated_diabetic {
                format!(" · {}", tr!("admission-insulin-diabetic"))
            } else {
                String::new()
            }
        )),
        Line::raw(format!(
            " {}",
            tr!(
                "admission-stay",
                arrives = a.planned_admit_on.format("%d/%m").to_string(),
                home = a.planned_discharge_on.format("%d/%m").to_string(),
                bed = a.bed.clone().unwrap_or_else(|| tr!("admission-no-bed").into_owned())
            )
        )),
    ];
    if let Some(incident) = &a.incident {
        lines.push(Line::styled(
            format!(" {}", tr!("admission-incident", incident = incident.as_str())),
            theme.warning(),
        ));
    }
    match &d.case {
        Some(c) => {
            lines.push(Line::raw(format!(
                " {}   {} {}-{} · {}{}",
                c.state.label(),
                c.start.with_timezone(&state.zone).format("%d/%m"),
                clock_text(c.start, state.zone),
                clock_text(c.start + chrono::Duration::minutes(i64::from(c.minutes)), state.zone),
                c.procedure,
                c.side_level.as_deref().map(|s| format!(" {s}")).unwrap_or_default()
            )));
            let flag = |on: bool, text: std::borrow::Cow<'static, str>| {
                if on { format!(" · {text}") } else { String::new() }
            };
            lines.push(Line::raw(format!(
                " {}{}{}",
                tr!(
                    "admission-case-staff",
                    room = c.room.clone().unwrap_or_else(|| tr!("admission-no-room").into_owned()),
                    risk = c.bleeding_risk.code(),
                    operator = c.operator.as_deref().unwrap_or("-"),
                    mode = crate::app::forms::mode_label(c.anaesthesia_mode)
                ),
                flag(c.iodinated_contrast, tr!("admission-contrast")),
                flag(c.emergency, tr!("admission-emergency-flag"))
            )));
        }
        None => lines.push(Line::styled(format!(" {}", tr!("admission-no-procedure")), theme.dim())),
    }
    lines
}

fn readiness(d: &AdmissionDetail, cursor: usize, theme: &Theme, when: When) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let status = d.readiness.as_ref().map(|r| r.status);
    let style = match status {
        Some(Status::NotReady) => theme.urgent(),
        Some(Status::AtRisk) => theme.warning(),
        _ => theme.section(),
    };
    let status_text = d.readiness.as_ref().map_or_else(|| tr!("admission-readiness-not-judged"), |r| r.status.label());
    lines.push(Line::styled(format!(" {}", tr!("admission-readiness", status = status_text)), style));
    for (i, row) in d.checklist.iter().enumerate() {
        let mark = if row.done { "[x]" } else { "[ ]" };
        let by = match (&row.checked_by, row.checked_at) {
            (Some(by), Some(at)) => format!("  {} {}", by, when(at)),
            _ => String::new(),
        };
        let text = format!(" {} {mark} {}{by}", if i == cursor { "▶" } else { " " }, row.label);
        lines.push(if i == cursor { Line::styled(text, theme.selected()) } else { Line::raw(text) });
    }
    if let Some(r) = &d.readiness {
        for item in &r.items {
            lines.push(Line::styled(
                format!(
                    "   ! {}",
                    tr!("admission-finding", label = &*item.label, detail = item.detail.as_str(), rule = item.rule)
                ),
                theme.warning(),
            ));
        }
    }
    lines
}

fn anaesthesia(d: &AdmissionDetail, theme: &Theme, when: When) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(format!(" {}", tr!("admission-anaesthesia")), theme.section())];
    let text = |c: &crate::domain::journey::ConsultationView| {
        format!(
            "{}{}",
            tr!(
                "admission-consultation",
                at = when(c.held_at),
                anaesthetist = c.anaesthetist.as_deref().unwrap_or("-"),
                asa = c.asa.map_or_else(|| "-".to_string(), |a| a.to_string()),
                outcome = c.outcome.code()
            ),
            c.notes.as_deref().map(|n| format!(" · {n}")).unwrap_or_default()
        )
    };
    for c in d.consultations.iter().filter(|c| c.voided.is_some()) {
        lines.push(voided_line(&text(c), c.voided.as_deref(), theme));
    }
    match d.consultations.iter().rfind(|c| c.voided.is_none()) {
        Some(c) => lines.push(Line::raw(format!("   {}", text(c)))),
        None => lines.push(Line::raw(format!("   {}", tr!("admission-no-consultation")))),
    }
    if let Some(c) = &d.case {
        let visit = c.pre_visit_at.map_or_else(|| tr!("admission-visit-not-done").into_owned(), when);
        lines.push(Line::raw(format!("   {}", tr!("admission-pre-visit", at = visit))));
    }
    if let Some(gate) = &d.gate {
        for f in gate.findings() {
            let style = if f.issue.is_blocking() { theme.urgent() } else { theme.warning() };
            lines.push(Line::styled(format!("   ! {} ({})", f.detail, f.issue.rule()), style));
        }
    }
    lines
}

fn fasting(d: &AdmissionDetail, state: &State, theme: &Theme, when: When) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(format!(" {}", tr!("admission-fasting")), theme.section())];
    match &d.fasting {
        Some(f) => {
            let solids = super::countdown(f.solids_until, state.now, state.zone);
            lines.push(Line::raw(format!("   {}", tr!("admission-solids-until", until = solids))));
            let fluids = super::countdown(f.clear_fluids_until, state.now, state.zone);
            lines.push(Line::raw(format!("   {}", tr!("admission-fluids-until", until = fluids))));
        }
        None => lines.push(Line::raw(format!("   {}", tr!("admission-no-fasting")))),
    }
    for i in d.intakes.iter().filter(|i| i.voided.is_some()) {
        let text = tr!("admission-intake", kind = i.kind.label(), at = when(i.taken_at));
        lines.push(voided_line(&text, i.voided.as_deref(), theme));
    }
    match d.intakes.iter().rfind(|i| i.voided.is_none()) {
        Some(i) => lines.push(Line::raw(format!(
            "   {}",
            tr!("admission-last-intake", kind = i.kind.label(), at = when(i.taken_at))
        ))),
        None => lines.push(Line::raw(format!("   {}", tr!("admission-no-intake")))),
    }
    for alert in &d.fasting_alerts {
        lines.push(Line::styled(
            format!("   {} {} ({})", alert.severity.glyph(), alert.message, alert.rule),
            theme.urgent(),
        ));
    }
    lines
}

fn medication(d: &AdmissionDetail, theme: &Theme, when: When) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(format!(" {}", tr!("admission-medication")), theme.section())];
    if d.treatments.is_empty() {
        lines.push(Line::raw(format!("   {}", tr!("admission-no-treatment"))));
    }
    for t in &d.treatments {
        if t.voided.is_some() {
            lines.push(voided_line(&t.label, t.voided.as_deref(), theme));
            continue;
        }
        let status = if t.active { String::new() } else { format!(" {}", tr!("admission-stopped")) };
        lines.push(Line::raw(format!("   {}{status}", t.label)));
        if let Some(stop) = &t.stop {
            for l in &stop.lines {
                lines.push(Line::styled(format!("     {l}"), theme.warning()));
            }
        }
    }
    for lab in &d.labs {
        let text = tr!("admission-lab", item = lab.item.label(), value = lab.value, at = when(lab.taken_at));
        match &lab.voided {
            Some(_) => lines.push(voided_line(&text, lab.voided.as_deref(), theme)),
            None => lines.push(Line::raw(format!("   {text}"))),
        }
    }
    lines
}

/// An entry voided as entered by mistake: struck through, and said in words
/// as well (never by style alone), with the reason.
pub(super) fn voided_line(text: &str, reason: Option<&str>, theme: &Theme) -> Line<'static> {
    use ratatui::style::Modifier;
    use ratatui::text::Span;
    Line::from(vec![
        Span::raw("   "),
        Span::styled(text.to_string(), theme.dim().add_modifier(Modifier::CROSSED_OUT)),
        Span::styled(format!("  {}", tr!("admission-voided", reason = reason.unwrap_or(""))), theme.dim()),
    ])
}

/// R-TRACE-1: the devices recorded for the stay's cases, each with what its
/// record lacks (the case cannot be closed until none does); the discharge
/// letter lists them (R-DISCH-1). Nothing is drawn for a stay without any.
fn implants(d: &AdmissionDetail, theme: &Theme, when: When) -> Vec<Line<'static>> {
    if d.implants.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::styled(format!(" {}", tr!("admission-implants")), theme.section())];
    for r in &d.implants {
        let at = r.at.map(when).unwrap_or_else(|| tr!("admission-implant-no-time").into_owned());
        let operator = r.operator.clone().unwrap_or_else(|| tr!("admission-implant-no-operator").into_owned());
        lines.push(Line::from(format!("   {} {} · {at} · {operator}", r.device, r.lot_label())));
        // R-TRACE-2: the lot was recalled after it was implanted.
        if let Some(m) = &r.recalled {
            lines.push(Line::styled(
                format!(
                    "   {}",
                    tr!("admission-implant-recalled", lot = r.lot_label(), at = when(m.at), reason = m.reason.as_str())
                ),
                theme.urgent(),
            ));
        }
        let missing = r.missing();
        if !missing.is_empty() {
            let items: Vec<String> = missing.iter().map(|m| m.label().to_string()).collect();
            lines.push(Line::styled(
                format!("   {}", tr!("admission-implant-missing", items = items.join(", "))),
                theme.warning(),
            ));
        }
    }
    lines
}

fn going_home(d: &AdmissionDetail, theme: &Theme, when: When) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(format!(" {}", tr!("admission-discharge")), theme.section())];
    match &d.discharge_check {
        Some(c) => lines.push(Line::raw(format!(
            "   {}",
            tr!(
                "admission-discharge-check",
                padss = c.padss_total.map_or_else(|| tr!("admission-not-scored").into_owned(), |t| format!("{t}/10")),
                escort = yes(c.escort),
                letter = c
                    .letter_given_on
                    .map_or_else(|| tr!("admission-no-letter").into_owned(), |d| d.format("%d/%m").to_string()),
                work = yes(c.work_stop_certificate),
                follow = yes(c.follow_up_appointment)
            )
        ))),
        None => lines.push(Line::raw(format!("   {}", tr!("admission-no-discharge-check")))),
    }
    for m in &d.discharge_missing {
        lines.push(Line::styled(format!("   ! {} ({})", m.label, m.rule), theme.warning()));
    }
    if let Some(call) = &d.follow_up_call {
        let status = match call.done_at {
            Some(at) => tr!("admission-call-done", at = when(at)),
            None if call.overdue => tr!("admission-call-overdue"),
            None => tr!("admission-call-to-do"),
        };
        let due = call.due_on.format("%d/%m").to_string();
        lines.push(Line::raw(format!("   {}", tr!("admission-call", due = due, status = status))));
    }
    lines
}

fn timeline(d: &AdmissionDetail, theme: &Theme, when: When) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(format!(" {}", tr!("admission-timeline")), theme.section())];
    if d.timeline.is_empty() {
        lines.push(Line::raw(format!("   {}", tr!("admission-timeline-empty"))));
    }
    for s in &d.timeline {
        let reason = s.reason.as_deref().map(|r| format!(" · {r}")).unwrap_or_default();
        let step = tr!(
            "admission-timeline-step",
            at = when(s.at),
            from = s.from.words(),
            to = s.to.words(),
            by = s.by.as_str()
        );
        lines.push(Line::raw(format!("   {step}{reason}")));
    }
    lines
}

fn yes(on: bool) -> &'static str {
    if on { "✓" } else { "✗" }
}
