//! The Stock tab: one line per lot (usable, reserved and total per
//! reference in the panel), expiring, expired, quarantined and low lines
//! marked with a word and a glyph, not colour alone; under the list, the
//! selected lot's reference, label, scanned string and who received it.

use super::theme::Theme;
use crate::app::State;
use crate::app::forms::stock::{GS_SHOWN, hold_words};
use crate::app::state::StockRow;
use crate::domain::day_label::date_text;
use crate::domain::stock::gs1::GS;
use crate::domain::stock::lots::{self, LotStatus};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::borrow::Cow;

/// Rows of the panel under the list for the selected lot.
const PANEL_ROWS: u16 = 8;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let [list, panel] = Layout::vertical([Constraint::Min(4), Constraint::Length(PANEL_ROWS)]).areas(area);
    draw_list(frame, list, state, theme);
    if let Some(row) = state.stock.list.selected_row() {
        draw_panel(frame, panel, state, row, theme);
    }
}

/// The marks beside a lot: the words that say what needs doing.
fn marks(row: &StockRow, today: NaiveDate, days: i64) -> String {
    let mut out: Vec<Cow<'static, str>> = Vec::new();
    if let Some(also) = row.lot.as_ref().and_then(|l| l.also(today)) {
        out.push(also);
    }
    if let Some(lot) = &row.lot
        && lots::expiring(lot, today, days)
        && !lot.expired_on(today)
    {
        out.push(tr!("stock-mark-expiring"));
    }
    if row.low {
        out.push(tr!("stock-mark-low"));
    }
    out.join(" ")
}

pub fn row_text(row: &StockRow, today: NaiveDate, days: i64) -> String {
    let r = &row.reference;
    let name = super::column(&r.name, 22);
    match &row.lot {
        None => format!("{name}{}  {}", tr!("stock-row-nothing"), marks(row, today, days)),
        Some(lot) => {
            let expiry = lot.expiry.map_or_else(|| tr!("stock-row-no-expiry").into_owned(), date_text);
            format!(
                "{name}{}{} {:>4} {:>3} {} {}",
                super::column(&lot.label(), 12),
                super::column(&expiry, 11),
                lot.quantity,
                lot.reserved,
                lot.status(today).label(),
                marks(row, today, days)
            )
        }
    }
}

fn draw_list(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let v = &state.stock.list;
    let today = state.today();
    let days = state.stock.expiry_days;
    let refs = {
        let mut ids: Vec<i64> = v.rows.iter().map(|r| r.reference.id).collect();
        ids.dedup();
        ids.len()
    };
    let used = if state.stock.show_used_up { tr!("stock-title-used-up") } else { Cow::Borrowed("") };
    let title = format!(
        " {}{}",
        tr!("stock-title", refs = refs, lots = v.rows.iter().filter(|r| r.lot.is_some()).count(), used = used),
        super::filter_text(state, &v.filter)
    );
    let mut lines = vec![Line::styled(title, theme.section())];
    lines.push(Line::styled(
        format!(
            "   {}{}{} {:>4} {:>3} {}",
            super::column(&tr!("stock-col-device"), 22),
            super::column(&tr!("stock-col-lot"), 12),
            super::column(&tr!("stock-col-use-by"), 11),
            tr!("stock-col-qty"),
            tr!("stock-col-res"),
            tr!("stock-col-status"),
        ),
        theme.dim(),
    ));
    let header = lines.len();
    let width = usize::from(area.width).saturating_sub(3);
    let mut selected_line = None;
    if let Some(error) = &v.error {
        lines.push(Line::styled(format!(" {}", tr!("stock-read-error", error = error.as_str())), theme.urgent()));
    } else if !v.loaded {
        lines.push(Line::styled(format!(" {}", tr!("stock-reading")), theme.dim()));
    } else if v.rows.is_empty() {
        lines.push(Line::styled(format!("   {}", tr!("stock-empty")), theme.dim()));
    } else if v.visible().next().is_none() {
        lines.push(Line::styled(format!("   {}", tr!("stock-no-match")), theme.dim()));
    }
    let mut full = None;
    for row in v.visible() {
        let key = crate::app::state::Keyed::key(row);
        let is_selected = v.selected == Some(key);
        if is_selected {
            selected_line = Some(lines.len() - header);
        }
        let text = row_text(row, today, days);
        let status = row.lot.as_ref().map(|l| l.status(today));
        let style = match status {
            Some(LotStatus::Expired | LotStatus::Quarantined) => theme.urgent(),
            _ if row.low || !marks(row, today, days).is_empty() => theme.warning(),
            Some(LotStatus::UsedUp) | None => theme.dim(),
            _ => Style::default(),
        };
        if is_selected {
            full = Some(text.clone());
        }
        lines.push(super::row_line(&text, width + 3, is_selected, style, theme));
    }
    super::draw_list(frame, area, lines, header, selected_line, full, theme, state.language);
}

fn draw_panel(frame: &mut Frame<'_>, area: Rect, state: &State, row: &StockRow, theme: &Theme) {
    let r = &row.reference;
    let zone = state.zone;
    let mut lines = vec![Line::styled(
        format!(
            "{} {} — {}, {}{}{}",
            r.code,
            r.name,
            r.manufacturer,
            r.kind.label(),
            if r.implantable { format!(", {}", tr!("stock-panel-implantable")) } else { String::new() },
            r.gtin.as_deref().map(|g| format!(", {}", tr!("stock-panel-gtin", gtin = g))).unwrap_or_default()
        ),
        theme.dim(),
    )];
    let low = if row.low { format!("  {}", tr!("stock-panel-low")) } else { String::new() };
    lines.push(Line::styled(
        format!(
            "{}{low}",
            tr!(
                "stock-panel-counts",
                usable = row.usable,
                reserved = row.reserved,
                total = row.total,
                minimum = r.min_stock
            )
        ),
        if row.low { theme.warning() } else { Style::default() },
    ));
    if let Some(lot) = &row.lot {
        let mut text = format!("{} · {}", lot.label(), lot.status(state.today()).label());
        if let Some(also) = lot.also(state.today()) {
            text.push_str(&format!(" {also}"));
        }
        if !lot.location.is_empty() {
            text.push_str(&format!(" · {}", lot.location));
        }
        if let Some(reason) = &lot.quarantine {
            text.push_str(&format!(" · {}", tr!("stock-panel-quarantined", reason = reason.as_str())));
        }
        lines.push(Line::from(text));
        // R-STOCK-2 (issue 10): which cases hold units of the lot.
        for hold in state.stock.holds.get(&lot.id).map(Vec::as_slice).unwrap_or_default() {
            lines.push(Line::styled(
                tr!("stock-panel-held", hold = hold_words(hold, zone)).into_owned(),
                theme.warning(),
            ));
        }
        if let Some(scanned) = &lot.scanned {
            let shown: String = scanned.chars().map(|c| if c == GS { GS_SHOWN } else { c }).collect();
            lines.push(Line::styled(tr!("stock-panel-scanned", text = shown).into_owned(), theme.dim()));
        }
        let recipients = state.stock.recipients.get(&lot.id).map(Vec::as_slice).unwrap_or_default();
        if recipients.is_empty() {
            lines.push(Line::styled(tr!("stock-panel-no-recipient"), theme.dim()));
        }
        for rec in recipients {
            let who =
                rec.patient.as_ref().map_or_else(|| tr!("stock-patient-missing").into_owned(), ToString::to_string);
            let when = rec.at.map(|t| t.with_timezone(&zone).format("%d/%m/%Y %H:%M").to_string()).unwrap_or_default();
            let missing = rec.missing();
            let gap = if missing.is_empty() {
                String::new()
            } else {
                let items: Vec<Cow<'static, str>> = missing.iter().map(|m| m.label()).collect();
                format!("  {}", tr!("stock-panel-missing", items = items.join(", ")))
            };
            let text = tr!(
                "stock-panel-recipient",
                id = rec.id,
                who = who,
                case = rec.case_id,
                when = when,
                operator = rec.operator.as_deref().unwrap_or("-")
            );
            lines.push(Line::from(format!("{text}{gap}")));
        }
    }
    let block = Block::default().borders(Borders::TOP).title(format!(" {} ", tr!("stock-panel-title")));
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: true }), area);
}
