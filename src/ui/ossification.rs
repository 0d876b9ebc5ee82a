//! R-HO-1 on an admission's page: the patient's heterotopic ossification
//! follow-ups (from any stay), each with its number (what `V` and
//! `periop void ossification` name), the surgery, the prophylaxis, the
//! X-ray check (due, or done with its Brooker grade) and what it calls for;
//! the keys that record them, named from the keymap.

use super::theme::Theme;
use crate::app::keymap::{Action, Scope};
use crate::app::screens::key_for;
use crate::domain::attention::Severity;
use crate::domain::ossification::{Brooker, FollowUpView};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use ratatui::text::Line;

/// The section's lines; nothing for a patient without any follow-up.
pub fn section(list: &[FollowUpView], zone: Tz, theme: &Theme) -> Vec<Line<'static>> {
    if list.is_empty() {
        return Vec::new();
    }
    let when = |t: DateTime<Utc>| t.with_timezone(&zone).format("%d/%m/%Y %H:%M").to_string();
    let keys = tr!(
        "admission-ossification-keys",
        record = key_for(Scope::Detail, Action::RecordOssification),
        xray = key_for(Scope::Detail, Action::OssificationXray)
    );
    let title = tr!("admission-ossification", keys = keys);
    let mut lines = vec![Line::styled(format!(" {title}"), theme.section())];
    for v in list {
        let f = &v.follow_up;
        if f.voided.is_some() {
            let text = tr!("admission-ossification-surgery", id = f.follow_up_id, at = when(f.surgery_at));
            lines.push(super::detail::voided_line(&text, f.voided.as_deref(), theme));
            continue;
        }
        let xray = match (f.xray_on, f.brooker) {
            (Some(on), grade) => tr!(
                "admission-ossification-xray-done",
                on = on.format("%d/%m/%Y").to_string(),
                grade = grade.map_or("-", Brooker::code)
            ),
            (None, _) => tr!("admission-ossification-xray-due", on = v.xray_due.format("%d/%m/%Y").to_string()),
        };
        let surgery = tr!("admission-ossification-surgery", id = f.follow_up_id, at = when(f.surgery_at));
        lines.push(Line::raw(format!("   {surgery} · {xray}")));
        lines.push(Line::raw(format!("     {}", f.prophylaxis.words(zone))));
        if let Some(reason) = &f.timing_reason {
            let text = tr!("admission-ossification-outside", reason = reason.as_str());
            lines.push(Line::styled(format!("     {text}"), theme.dim()));
        }
        for a in &v.alerts {
            let style = match a.severity {
                Severity::Urgent => theme.urgent(),
                Severity::Warning => theme.warning(),
                Severity::Info => theme.dim(),
            };
            lines.push(Line::styled(format!("     {} {} ({})", a.severity.glyph(), a.message, a.rule), style));
        }
    }
    lines
}
