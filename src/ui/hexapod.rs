//! A hexapod frame's strut sheet on the Rounds tab (R-DO-8), in place of
//! the length chart: the days around the one shown, each strut's length
//! and its mark (`+` logged as the sheet says, `!` off it or twice, `x`
//! missed, `_` to do today), the strut changes, the revision. Marks are
//! characters, so the sheet reads without colour.

use super::theme::Theme;
use crate::domain::distraction::alerts::{StrutsToday, fmt_mm};
use crate::domain::distraction::hexapod::STRUTS;
use crate::domain::distraction::hexapod_log::{self, Sheet};
use chrono::{Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

/// A day of the sheet: `21/11`.
const DAY: &str = "%d/%m";

/// Days shown before the day of the round.
const DAYS_BEFORE: u64 = 2;

/// The text lines of the sheet around `day` (no styling), each with
/// whether it is `day`'s (marked `>`): a header, one line per day, the
/// legend. 48 columns with whole and half millimetres.
pub fn sheet_lines(sheet: &Sheet, struts: &StrutsToday, day: NaiveDate, rows: usize) -> Vec<(String, bool)> {
    let plan = &sheet.plan;
    let mut out = Vec::new();
    let mut header = format!("  {}", tr!("rounds-struts-day"));
    for strut in 1..=STRUTS {
        let colour = plan.fit_on(strut, day).or_else(|| plan.fits.iter().find(|f| f.strut == strut));
        let initial = colour.map(|f| f.colour.initial()).unwrap_or_default();
        header.push_str(&format!(" {:>6}", format!("{strut}{initial}")));
    }
    out.push((header, false));
    let from = day.checked_sub_days(Days::new(DAYS_BEFORE)).unwrap_or(day);
    let days: Vec<_> = plan.days.iter().filter(|d| d.day >= from).take(rows.saturating_sub(2).max(1)).collect();
    for row in days {
        let marker = if row.day == day { '>' } else { ' ' };
        let mut line = format!("{marker}{}", row.day.format(DAY));
        for strut in 1..=STRUTS {
            let mm = fmt_mm(row.lengths[usize::from(strut - 1)]);
            let mark = hexapod_log::cell_mark(plan, &sheet.log, &struts.flags, row.day, strut, day);
            let change = plan.changes().iter().any(|f| f.strut == strut && f.from_day == row.day);
            let cell = format!("{mm}{}{mark}", if change { "*" } else { "" });
            line.push_str(&format!(" {cell:>6}"));
        }
        out.push((line, row.day == day));
    }
    out.push((tr!("rounds-struts-legend").into_owned(), false));
    out
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, sheet: &Sheet, struts: &StrutsToday, day: NaiveDate, theme: &Theme) {
    let title = tr!("rounds-struts-title", revision = sheet.revision);
    let block = Block::default().borders(Borders::TOP).title(title);
    let rows = usize::from(area.height.saturating_sub(1));
    let lines: Vec<Line> = sheet_lines(sheet, struts, day, rows)
        .into_iter()
        .enumerate()
        .map(|(i, (text, today))| {
            let style = if i == 0 || today { theme.section() } else { Style::default() };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
