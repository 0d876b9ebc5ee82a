//! The Block tab: rooms side by side, time down the side in 15-minute
//! steps, each case a box (patient, procedure, operator, readiness, a `!`
//! when it is in a conflict), turnover shaded; the conflicts panel below
//! names each problem (R-BLOCK-3). At 80 columns two rooms show, the
//! others scroll across with the cursor.

use super::theme::Theme;
use super::{filter_text, fit};
use crate::app::State;
use crate::app::screens::block::{cursor_room, selected, shown};
use crate::domain::block_list::{BlockCase, BlockDay};
use crate::domain::day_label::day_text;
use chrono::{DateTime, NaiveTime, TimeDelta, Timelike, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Minutes one grid row stands for.
const STEP_MIN: i64 = 15;
/// Cells of the time column.
const TIME_COL: usize = 6;
/// The narrowest a room column gets before rooms scroll across.
const MIN_ROOM_COL: usize = 30;

fn header(state: &State, data: Option<&BlockDay>) -> String {
    let day = state.block_day();
    let offset = (day - state.today()).num_days();
    let when = match offset {
        0 => tr!("day-today"),
        1 => tr!("day-tomorrow"),
        -1 => tr!("day-yesterday"),
        n => tr!("block-head-offset", offset = format!("{n:+}")),
    };
    let mut text = format!(" {}", tr!("block-head", day = day_text(day), when = when));
    let mut more = |part: std::borrow::Cow<'static, str>| text.push_str(&format!(" · {part}"));
    if let Some(d) = data {
        more(tr!("block-head-cases", count = d.cases.len()));
        if !d.conflicts.is_empty() {
            more(tr!("block-head-conflicts", count = d.conflicts.len()));
        }
        let unroomed = d.cases.iter().filter(|c| c.room_id.is_none()).count();
        if unroomed > 0 {
            more(tr!("block-head-unroomed", count = unroomed));
        }
        if d.frozen {
            more(tr!("block-head-frozen"));
        }
    }
    text
}

/// The text of line `i` of `case`'s box (line 0 at its start).
fn box_line(case: &BlockCase, i: usize, state: &State) -> String {
    let zone = state.zone;
    let clock = |t: DateTime<Utc>| crate::domain::ward_time::clock_text(t, zone);
    let conflict = if case.conflicts.is_empty() { ' ' } else { '!' };
    match i {
        0 => format!("{conflict}{} {}", clock(case.start), case.patient),
        1 => format!(" {}{}", case.procedure, case.side_level.as_deref().map(|l| format!(" {l}")).unwrap_or_default()),
        2 => match case.operator.as_deref() {
            Some(operator) => format!(" {operator}"),
            None => format!(" {}", tr!("block-no-operator")),
        },
        // R-BLOCK-6: once the J0 timeline has begun, where the patient is now.
        3 => match case.where_now() {
            Some(e) => format!(" {} {}  {}", e.kind.where_now(), clock(e.at), case.readiness.label()),
            None => format!(" {}  {}", case.readiness.label(), case.state.label()),
        },
        4 if !case.conflicts.is_empty() => format!(" ! {}", case.conflicts[0].words()),
        _ => " │".to_string(),
    }
}

/// Whether the case under the cursor is in `room_id` (else the room's
/// header carries the highlight).
fn sel_in_room(state: &State, room_id: i64) -> bool {
    selected(state).is_some_and(|c| c.room_id == Some(room_id))
}

/// The grid's first and last row times (ward time): the rooms' hours, widened
/// to any case outside them.
fn span(data: &BlockDay, state: &State) -> (NaiveTime, NaiveTime) {
    let zone = state.zone;
    let local = |t: DateTime<Utc>| t.with_timezone(&zone).time();
    let day = data.day;
    let mut first =
        data.rooms.iter().map(|r| r.opens).min().unwrap_or(NaiveTime::from_hms_opt(8, 0, 0).unwrap_or(NaiveTime::MIN));
    let mut last = data
        .rooms
        .iter()
        .map(|r| r.closes)
        .max()
        .unwrap_or(NaiveTime::from_hms_opt(18, 0, 0).unwrap_or(NaiveTime::MIN));
    for c in &data.cases {
        if c.start.with_timezone(&zone).date_naive() == day {
            first = first.min(local(c.start));
        }
        if c.end.with_timezone(&zone).date_naive() == day {
            last = last.max(local(c.end));
        } else {
            last = NaiveTime::from_hms_opt(23, 45, 0).unwrap_or(last);
        }
    }
    let floor = |t: NaiveTime| NaiveTime::from_hms_opt(t.hour(), t.minute() / 15 * 15, 0).unwrap_or(t);
    (floor(first), last)
}

/// The week view: each room's load per day (cases, planned use of its
/// hours, `!` when a case of that day is in a conflict).
fn draw_week(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let width = usize::from(area.width);
    let monday = crate::app::screens::block::monday_of(state.block_day());
    let mut lines = vec![Line::styled(
        fit(&format!(" {}", tr!("block-week-head", day = day_text(monday))), width),
        theme.section(),
    )];
    let Some(days) = state.block.week.as_ref() else {
        lines.push(Line::styled(format!(" {}", tr!("block-reading")), theme.dim()));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    };
    let room_col = 14;
    let day_col = (width.saturating_sub(room_col) / 7).max(8);
    let mut head = fit("", room_col);
    for d in days {
        let mark = if d.day == state.block_day() { "▶" } else { " " };
        let weekday = crate::i18n::weekday(crate::i18n::language(), chrono::Datelike::weekday(&d.day));
        let label = if day_col >= 11 { d.day.format("%d/%m") } else { d.day.format("%d") };
        let label = format!("{weekday} {label}");
        head.push_str(&fit(&format!("{mark}{label}"), day_col));
    }
    lines.push(Line::styled(head, theme.dim()));
    let rooms = days.first().map(|d| d.rooms.clone()).unwrap_or_default();
    for r in &rooms {
        let mut row = fit(&format!(" {}", r.name), room_col);
        for d in days {
            let uses = crate::domain::block_list::utilisation(d, state.zone);
            let cases: Vec<_> = d.in_room(r.room_id).collect();
            let conflict = if cases.iter().any(|c| !c.conflicts.is_empty()) { "!" } else { " " };
            let ratio = uses.iter().find(|u| u.room_id == r.room_id).map_or(0.0, |u| u.ratio());
            let cell = if cases.is_empty() {
                " ·".to_string()
            } else {
                let percent = tr!("screens-percent", percent = format!("{:.0}", ratio * 100.0));
                format!("{conflict}{} {percent}", cases.len())
            };
            row.push_str(&fit(&cell, day_col));
        }
        lines.push(Line::raw(row));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(fit(&format!(" {}", tr!("block-week-foot")), width), theme.dim()));
    frame.render_widget(Paragraph::new(lines), area);
}

/// R-BLOCK-6: one line for the day: per room, the use of its hours
/// (occupied ÷ open, real where recorded), the start delay and the mean
/// turnover once recorded.
pub fn day_stats(data: &BlockDay, zone: chrono_tz::Tz) -> String {
    let rooms: Vec<String> = crate::domain::block_list::utilisation(data, zone)
        .iter()
        .filter_map(|u| {
            let name = &data.rooms.iter().find(|r| r.room_id == u.room_id)?.name;
            let mut text = tr!("block-stats-use", room = name.as_str(), percent = format!("{:.0}", u.ratio() * 100.0))
                .into_owned();
            if let Some(d) = u.start_delay_min {
                text.push_str(&format!(", {}", tr!("block-stats-start", delay = format!("{d:+}"))));
            }
            if let Some(t) = u.turnover_avg_min() {
                text.push_str(&format!(
                    ", {}",
                    tr!("block-stats-turnover", minutes = t, count = u.turnovers_min.len())
                ));
            }
            Some(text)
        })
        .collect();
    format!(" {}", tr!("block-stats", rooms = rooms.join(" · ")))
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    if state.block.week_view {
        return draw_week(frame, area, state, theme);
    }
    let v = &state.block;
    let width = usize::from(area.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    // Issue 9: a header wider than the screen (the frozen mark last) goes
    // on to a second line rather than being cut.
    let head = header(state, v.data.as_ref());
    let filter = filter_text(state, &v.filter);
    let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(filter.as_str()));
    let mut heads = if unicode_width::UnicodeWidthStr::width(head.as_str()) <= room {
        vec![head]
    } else {
        super::wrap(&head, room, " ", "   ")
    };
    let last = heads.pop().unwrap_or_default();
    for h in heads {
        lines.push(Line::styled(h, theme.section()));
    }
    lines.push(Line::from(vec![Span::styled(last, theme.section()), Span::styled(filter, theme.key())]));
    let Some(data) = v.data.as_ref() else {
        let text = match &v.error {
            Some(e) => format!(" ! {}", tr!("block-error-read", error = e.as_str())),
            None => format!(" {}", tr!("block-reading")),
        };
        lines.push(Line::styled(text, if v.error.is_some() { theme.urgent() } else { theme.dim() }));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    };
    if let Some(e) = &v.error {
        lines.push(Line::styled(
            fit(&format!(" ! {}", tr!("block-error-reread", error = e.as_str())), width),
            theme.urgent(),
        ));
    }
    if data.rooms.is_empty() {
        lines.push(Line::styled(format!("   {}", tr!("block-no-rooms")), theme.dim()));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    // The conflicts panel: as many lines as conflicts, within a third of the body.
    let height = usize::from(area.height);
    let panel_max = (height / 3).max(2);
    let panel_rows = (data.conflicts.len() + 2 + usize::from(!data.postponed.is_empty())).min(panel_max.max(3));
    let grid_rows = height.saturating_sub(lines.len() + 1 + panel_rows).max(1);

    // Rooms across: as many as fit, scrolled to keep the cursor's room in sight.
    let visible = ((width.saturating_sub(TIME_COL)) / MIN_ROOM_COL).clamp(1, data.rooms.len());
    let col = (width.saturating_sub(TIME_COL)) / visible;
    let here = cursor_room(state).and_then(|id| data.rooms.iter().position(|r| r.room_id == id)).unwrap_or(0);
    let first_room = here.saturating_sub(visible - 1).min(data.rooms.len() - visible);
    let rooms = &data.rooms[first_room..first_room + visible];
    let mut room_line = vec![Span::raw(fit(if first_room > 0 { " ◀" } else { "" }, TIME_COL))];
    for (i, r) in rooms.iter().enumerate() {
        let more = i + 1 == rooms.len() && first_room + visible < data.rooms.len();
        // Issue 9: the cursor's room, when no case of it is under the cursor
        // (an empty room), is marked (▶) and highlighted, so it shows which.
        let here = Some(r.room_id) == cursor_room(state);
        let empty_here = here && !sel_in_room(state, r.room_id);
        let title = format!(
            "│{}{} {}–{}{}",
            if empty_here { "▶ " } else { "" },
            r.name,
            r.opens.format("%H:%M"),
            r.closes.format("%H:%M"),
            if more { format!("  {}", tr!("block-room-more")) } else { String::new() }
        );
        let style = match (here, empty_here) {
            (_, true) => theme.selected(),
            (true, false) => theme.section(),
            _ => theme.dim(),
        };
        room_line.push(Span::styled(fit(&title, col), style));
    }
    lines.push(Line::from(room_line));

    // Time down the side, scrolled to keep the selected case's start in sight.
    let zone = state.zone;
    let (first, last) = span(data, state);
    let day_start = crate::domain::ward_time::at_local(data.day, first, zone);
    let total_rows = (((last - first).num_minutes() + STEP_MIN - 1) / STEP_MIN).max(1) as usize;
    let row_of = |t: DateTime<Utc>| ((t - day_start).num_minutes().max(0) / STEP_MIN) as usize;
    let sel = selected(state);
    let mut first_row = 0;
    if let Some(c) = sel {
        let (a, b) = (row_of(c.start), row_of(c.end).max(row_of(c.start) + 1));
        if b > grid_rows {
            first_row = a.min(b.saturating_sub(grid_rows)).min(total_rows.saturating_sub(grid_rows));
        }
    }
    let turnover = TimeDelta::minutes(data.turnover_min);
    for row in first_row..(first_row + grid_rows).min(total_rows) {
        let slot = day_start + TimeDelta::minutes(row as i64 * STEP_MIN);
        let slot_end = slot + TimeDelta::minutes(STEP_MIN);
        let label = slot.with_timezone(&zone);
        let time =
            if label.minute() == 0 || row == first_row { label.format("%H:%M").to_string() } else { String::new() };
        let mut spans = vec![Span::styled(fit(&time, TIME_COL), theme.dim())];
        for r in rooms {
            let cases: Vec<&BlockCase> = data.in_room(r.room_id).filter(|c| shown(&v.filter, c)).collect();
            let here = cases.iter().find(|c| c.start < slot_end && c.end > slot);
            let (text, style) = match here {
                Some(c) => {
                    let i = (row as i64 - row_of(c.start) as i64).max(0) as usize;
                    let i = if row == first_row && row_of(c.start) < first_row { 0 } else { i };
                    let is_selected = sel.is_some_and(|s| s.case_id == c.case_id);
                    let style = if is_selected {
                        theme.selected()
                    } else if !c.conflicts.is_empty() {
                        theme.urgent()
                    } else {
                        Style::new()
                    };
                    let marker = if is_selected { "▶" } else { "│" };
                    (format!("{marker}{}", box_line(c, i, state)), style)
                }
                None if cases.iter().any(|c| c.end <= slot && c.end + turnover > slot) => {
                    (format!("│ ┄ {}", tr!("block-turnover")), theme.dim())
                }
                None => ("│".to_string(), Style::new()),
            };
            spans.push(Span::styled(fit(&text, col), style));
        }
        lines.push(Line::from(spans));
    }
    while lines.len() < height.saturating_sub(panel_rows) {
        lines.push(Line::raw(""));
    }
    // The conflicts panel.
    let mut title = if data.conflicts.is_empty() {
        format!(" {}", tr!("block-conflicts-none", minutes = data.turnover_min))
    } else {
        format!(" {}", tr!("block-conflicts", count = data.conflicts.len(), minutes = data.turnover_min))
    };
    // R-BLOCK-5: the day's cases called off, counted by reason.
    if !data.called_off.is_empty() {
        use crate::domain::block_changes::CallOff;
        let each: Vec<String> = data
            .called_off
            .iter()
            .map(|c| match c.kind {
                CallOff::Cancelled => tr!("block-called-off-cancelled", count = c.count, reason = c.reason.words()),
                CallOff::Postponed => tr!("block-called-off-postponed", count = c.count, reason = c.reason.words()),
            })
            .map(std::borrow::Cow::into_owned)
            .collect();
        title.push_str(&format!(" · {}", tr!("block-called-off", list = each.join(", "))));
    }
    lines.push(Line::styled(fit(&title, width), theme.section()));
    // R-BLOCK-6: the foot of the grid: each room's use of its hours (real
    // times where the J0 timeline has them), its start delay and turnovers.
    let mut panel_left = panel_rows.saturating_sub(1);
    if panel_left > 0 {
        lines.push(Line::styled(fit(&day_stats(data, zone), width), theme.dim()));
        panel_left -= 1;
    }
    // R-BLOCK-5: the waiting list, on the panel's next line when there is one.
    if !data.postponed.is_empty() && panel_left > 0 {
        let names: Vec<String> = data
            .postponed
            .iter()
            .map(|p| {
                let surname = crate::domain::names::surname_shown(&p.patient.surname);
                let was = p.was_start.with_timezone(&zone).format("%d/%m").to_string();
                tr!("block-postponed-was", name = surname, day = was).into_owned()
            })
            .collect();
        let text = format!(" {}", tr!("block-postponed", count = data.postponed.len(), names = names.join(", ")));
        lines.push(Line::styled(fit(&text, width), theme.warning()));
        panel_left -= 1;
    }
    // The selected case's conflicts first, then the others.
    let mut ordered: Vec<_> = data.conflicts.iter().collect();
    if let Some(c) = sel {
        ordered.sort_by_key(|l| !l.conflict.involves(c.case_id));
    }
    for c in ordered.into_iter().take(panel_left) {
        let mine = sel.is_some_and(|s| c.conflict.involves(s.case_id));
        let marker = if mine { "▶!" } else { " !" };
        let case = data.cases.iter().find(|k| k.case_id == c.conflict.case_id);
        let text = match (c.conflict.other_case_id, case) {
            // An overlap names rooms or staff and both times already.
            (Some(_), _) | (None, None) => format!(" {marker} {}", c.text),
            (None, Some(k)) => format!(
                " {marker} {} {}",
                k.start.with_timezone(&zone).format("%H:%M"),
                crate::i18n::labelled(
                    &crate::domain::names::surname_shown(&k.patient.surname),
                    &c.conflict.kind.words()
                )
            ),
        };
        lines.push(Line::styled(fit(&text, width), theme.urgent()));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
