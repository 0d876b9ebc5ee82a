//! Boxes drawn over the screen: the help (from the keymap) and confirmations.

use super::theme::Theme;
use crate::app::State;
use crate::app::keymap::{self, BINDINGS, Scope};
use crate::app::router;
use crate::app::state::Dialog;
use crate::domain::language::Language;
use crate::i18n;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))]).flex(Flex::Center).areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))]).flex(Flex::Center).areas(row);
    cell
}

/// The status glyphs, so a word or mark never has to be guessed (every
/// status carries one: DESIGN.md, the screen), with the catalogue message
/// that says what each means. A glyph with a word is a catalogue id itself
/// (`✗ EXPIRED` / `✗ PÉRIMÉ`), shown as the lot's status says it.
const LEGEND: &[(&str, &str)] = &[
    ("▶", "mark-selected"),
    ("✓", "mark-ready"),
    ("!", "mark-warning"),
    ("!!", "mark-urgent"),
    ("✗", "mark-not-ready"),
    ("·", "mark-planned"),
    ("→", "mark-to-go"),
    ("↷", "mark-postponed"),
    ("◉", "mark-in-room"),
    ("◆", "mark-reserved"),
    ("⊘", "mark-quarantined"),
    ("stock-status-expired", "mark-expired"),
    ("–", "mark-used-up"),
    ("␝", "mark-gs"),
    ("●", "mark-occupied"),
    ("~", "mark-to-clean"),
    ("i", "mark-information"),
];

/// Marks only one screen draws, in the legend when that screen is under
/// the help (found by the French tester, issue 14: the Block tab's `❄` was
/// explained nowhere).
const SCREEN_MARKS: &[(Scope, &str, &str)] = &[(Scope::Block, "❄", "screens-mark-frozen")];

/// A legend glyph as shown: the glyph itself, or its catalogue text when it
/// carries a word.
fn glyph_text(language: crate::domain::language::Language, glyph: &'static str) -> std::borrow::Cow<'static, str> {
    if i18n::has(language, glyph) { i18n::t(language, glyph) } else { std::borrow::Cow::Borrowed(glyph) }
}

/// The keys of what is under the help (the screen, or the box open on it),
/// straight from the table that dispatches them (a key that cannot act now
/// is greyed); then the keys of filters, forms and confirmations, and the
/// glyph legend. In two columns when that fits, else one that scrolls.
pub fn help(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let language = state.language;
    let mut scopes: Vec<Scope> = router::under_help(state).into_iter().flat_map(|l| l.scopes()).collect();
    scopes.push(Scope::Anywhere);
    let key_width = 12;
    let mut lines: Vec<(Line<'static>, bool)> = Vec::new();
    for scope in &scopes {
        let bindings: Vec<_> = BINDINGS.iter().filter(|b| b.scope == *scope).collect();
        if bindings.is_empty() {
            continue;
        }
        lines.push((Line::styled(i18n::t(language, scope.title_id()), theme.section()), true));
        for b in bindings {
            let on = router::applies(state, b.scope, b.action);
            let (key_style, text_style) = if on { (theme.key(), Style::new()) } else { (theme.dim(), theme.dim()) };
            lines.push((
                Line::from(vec![
                    Span::styled(key_cell(&keys_for(b, state), key_width), key_style),
                    Span::styled(b.help(language), text_style),
                ]),
                false,
            ));
        }
    }
    let mut footer: Vec<String> = [Scope::Filter, Scope::Form, Scope::Dialog]
        .iter()
        .filter(|scope| !scopes.contains(scope))
        .map(|scope| {
            let keys: Vec<String> = BINDINGS
                .iter()
                .filter(|b| b.scope == *scope && b.hinted)
                .map(|b| format!("{} {}", keymap::first_key(b, language), b.hint(language)))
                .collect();
            let keys = keys.join(" · ");
            i18n::fmt(
                language,
                "help-scope-keys",
                &[("scope", i18n::t(language, scope.title_id()).into()), ("keys", keys.into())],
            )
        })
        .collect();
    let screen_marks = SCREEN_MARKS.iter().filter(|(scope, ..)| scopes.contains(scope)).map(|(_, g, w)| (*g, *w));
    let legend: Vec<String> = LEGEND
        .iter()
        .copied()
        .chain(screen_marks)
        .map(|(glyph, words)| format!("{} {}", glyph_text(language, glyph), i18n::t(language, words)))
        .collect();
    footer.push(format!("{} {}", i18n::t(language, "help-marks"), legend.join(" · ")));
    // The ward's French words, glossed (issue 14: RCP, CPA, J-1 in English
    // too), at the foot when the box has room for them, else after scrolling.
    let words = i18n::t(language, "help-words").into_owned();

    let width = area.width.min(100);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let inner_height = usize::from(area.height.saturating_sub(2)).max(1);
    let rows = |footer: &[String]| -> usize { footer.iter().map(|l| l.width().div_ceil(inner_width).max(1)).sum() };
    // A key's description longer than its column wraps under itself, never
    // cut (found in use, issue 10: at 80 columns the Stock keys read
    // `receive: scan or type the…`).
    let indent = key_width + 1;
    let [left_width, right_width] = [inner_width / 2, inner_width - inner_width / 2];
    let split = wrap_lines(&lines, left_width, indent).len().div_ceil(2);
    let (left, right) = two_column_lines(&lines, split, left_width, right_width, indent);
    let body_two = left.len().max(right.len());
    let one = wrap_lines(&lines, inner_width, indent);
    let fits = |footer_rows: usize| {
        let fits_one = one.len() + footer_rows <= inner_height;
        (fits_one, !fits_one && inner_width >= 76 && body_two + footer_rows <= inner_height)
    };
    let with_words = [footer.clone(), vec![words.clone()]].concat();
    if fits(rows(&with_words)) != (false, false) || fits(rows(&footer)) == (false, false) {
        footer = with_words;
    }
    let footer_rows = rows(&footer);
    let (fits_one, two_columns) = fits(footer_rows);
    let block = Block::bordered().border_style(theme.key());
    if two_columns || fits_one {
        let body_rows = if fits_one { one.len() } else { body_two };
        let rect = centered(area, width, (body_rows + footer_rows) as u16 + 2);
        frame.render_widget(Clear, rect);
        let inner = block.clone().inner(rect);
        frame.render_widget(block.title(format!(" {} ", i18n::t(language, "help-title"))), rect);
        let [columns, foot] = Layout::vertical([Constraint::Length(body_rows as u16), Constraint::Min(0)]).areas(inner);
        let footer_lines: Vec<Line> = footer.into_iter().map(Line::raw).collect();
        frame.render_widget(Paragraph::new(footer_lines).wrap(Wrap { trim: false }), foot);
        if fits_one {
            frame.render_widget(Paragraph::new(one), columns);
        } else {
            let [l, r] = Layout::horizontal([Constraint::Length(left_width as u16), Constraint::Min(0)]).areas(columns);
            frame.render_widget(Paragraph::new(left), l);
            frame.render_widget(Paragraph::new(right), r);
        }
        return;
    }
    // Taller than the window: one column that scrolls (j/k, PgDn/PgUp).
    let mut all: Vec<Line<'static>> = one;
    for text in footer {
        // Between words, as the box above does (a mark kept with its words).
        all.extend(super::wrap(&text, inner_width, "", "").into_iter().map(Line::raw));
    }
    let first = state.help.unwrap_or(0).min(all.len().saturating_sub(inner_height));
    let shown: Vec<Line> = all.iter().skip(first).take(inner_height).cloned().collect();
    let more = all.len().saturating_sub(first + inner_height);
    let title = match (first, more) {
        (0, m) => i18n::fmt(language, "help-title-more-below", &[("count", m.into())]),
        (f, 0) => i18n::fmt(language, "help-title-more-above", &[("count", f.into())]),
        (f, m) => i18n::fmt(language, "help-title-more-both", &[("above", f.into()), ("below", m.into())]),
    };
    let title = format!(" {title} ");
    let rect = centered(area, width, area.height);
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(shown).block(block.title(title)), rect);
}

/// The help's entries (a title, or a key and its description) as lines of
/// `width` cells: a description too long wraps between words under itself,
/// `indent` cells in; a title too long is cut.
fn wrap_lines(entries: &[(Line<'static>, bool)], width: usize, indent: usize) -> Vec<Line<'static>> {
    entries.iter().flat_map(|(line, title)| wrap_entry(line, *title, width, indent)).collect()
}

/// A binding's keys in the help's key column, `width` cells: a label too
/// long for it is kept whole (found in use: `Tab Down E…` cut the key
/// names at 80 columns), and its entry then reads on two lines.
fn key_cell(keys: &str, width: usize) -> String {
    if keys.width() <= width { format!(" {}", super::column(keys, width)) } else { format!(" {keys}") }
}

fn wrap_entry(line: &Line<'static>, title: bool, width: usize, indent: usize) -> Vec<Line<'static>> {
    // Keys longer than their column: the keys on a line of their own, the
    // description under them, indented (one entry, never split).
    if !title && line.spans.len() == 2 && line.spans[0].content.width() > indent && width > indent + 8 {
        let (key, text) = (&line.spans[0], &line.spans[1]);
        let pad = " ".repeat(indent);
        let mut out = vec![cut_line(Line::from(vec![key.clone()]), width)];
        out.extend(
            super::wrap(&text.content, width - indent, "", "")
                .into_iter()
                .map(|part| Line::from(vec![Span::raw(pad.clone()), Span::styled(part, text.style)])),
        );
        return out;
    }
    if title || line.width() <= width || line.spans.len() != 2 || width <= indent + 8 {
        return vec![cut_line(line.clone(), width)];
    }
    let (key, text) = (&line.spans[0], &line.spans[1]);
    let pad = " ".repeat(indent);
    super::wrap(&text.content, width - indent, "", "")
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 { key.clone() } else { Span::raw(pad.clone()) };
            Line::from(vec![lead, Span::styled(part, text.style)])
        })
        .collect()
}

/// The two columns: entries in order, the left filled to about half the
/// rows (`split`), never splitting an entry; each wrapped at its width.
fn two_column_lines(
    entries: &[(Line<'static>, bool)],
    split: usize,
    left_width: usize,
    right_width: usize,
    indent: usize,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (line, title) in entries {
        if right.is_empty() && left.len() < split {
            left.extend(wrap_entry(line, *title, left_width, indent));
        } else {
            right.extend(wrap_entry(line, *title, right_width, indent));
        }
    }
    (left, right)
}

/// A line cut to `width` cells, ending in `…` when cut.
fn cut_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let mut out = Vec::new();
    let mut left = width;
    for span in line.spans {
        if left == 0 {
            break;
        }
        let w = span.content.width();
        if w < left {
            left -= w;
            out.push(span);
        } else {
            out.push(Span::styled(super::fit(&span.content, left), span.style));
            left = 0;
        }
    }
    Line::from(out)
}

/// A binding's keys as this user can press them: the tab digits run to the
/// tabs this user has (found in use, #8: a nurse's help offered 1-7, and
/// tab 7, Admin, is for admins only).
fn keys_for(b: &keymap::Binding, state: &State) -> String {
    if b.keys.contains(&keymap::Key::Digit) {
        return format!("1-{}", state.tabs().len());
    }
    keymap::keys_label(b, state.language)
}

pub fn dialog(frame: &mut Frame<'_>, area: Rect, dialog: &Dialog, theme: &Theme, language: Language) {
    let width = area.width.min(70);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    // Long lines wrap between words, indented, inside the border (as in forms).
    let mut lines: Vec<Line> = dialog
        .lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .flat_map(|l| super::wrap(l, inner, " ", "  "))
        .map(Line::from)
        .collect();
    lines.push(Line::raw(""));
    let mut spans = vec![Span::raw(" ")];
    for b in keymap::hints(&[Scope::Dialog]) {
        spans.push(Span::styled(keymap::keys_label(b, language), theme.key()));
        spans.push(Span::raw(format!(" {}   ", b.hint(language))));
    }
    lines.push(Line::from(spans));
    // The box grows with the lines, so the keys stay in sight.
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let rect = centered(area, width, rows as u16 + 2);
    let block = Block::bordered().title(format!(" {} ", dialog.title)).border_style(theme.warning());
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), rect);
}

#[cfg(test)]
mod tests {
    use super::{LEGEND, glyph_text};
    use crate::domain::language::Language;
    use crate::domain::stock::lots::LotStatus;

    /// Found in use (issue 10, #8): the legend left out `⊘`, `✗ EXPIRED`
    /// and `– used up`. Every lot status's glyph is in it (R-STOCK-1).
    #[test]
    fn r_stock_1_the_legend_names_every_lot_status_glyph() {
        use LotStatus::*;
        for status in [Available, Reserved, Quarantined, Expired, UsedUp, Recalled] {
            let label = status.label();
            let glyph = label.split(' ').next().unwrap_or_default();
            let shown = |g: &&'static str| glyph_text(Language::En, g).split(' ').next() == Some(glyph);
            assert!(LEGEND.iter().any(|(g, _)| shown(g)), "{glyph} ({status:?})");
        }
        let expired: Vec<String> = Language::ALL
            .iter()
            .map(|l| glyph_text(*l, LEGEND.iter().find(|(_, w)| *w == "mark-expired").unwrap().0).into_owned())
            .collect();
        assert_eq!(expired, ["✗ EXPIRED", "✗ PÉRIMÉ"]);
    }

    /// The mark the Block tab draws for a frozen list is the one its legend
    /// explains, in both languages.
    #[test]
    fn the_frozen_mark_drawn_is_the_one_explained() {
        let (glyph, id) =
            super::SCREEN_MARKS.iter().find(|(s, ..)| *s == super::Scope::Block).map(|(_, g, w)| (*g, *w)).unwrap();
        assert_eq!(id, "screens-mark-frozen");
        for language in Language::ALL {
            assert!(crate::i18n::t(language, "block-head-frozen").starts_with(glyph), "{}", language.code());
        }
    }

    /// Each mark's words are in both catalogues (issue 14).
    #[test]
    fn every_mark_is_named_in_both_languages() {
        let screen_marks = super::SCREEN_MARKS.iter().map(|(_, g, w)| (*g, *w));
        for (glyph, id) in LEGEND.iter().copied().chain(screen_marks) {
            for language in Language::ALL {
                assert!(crate::i18n::has(language, id), "{glyph}: {id} ({})", language.code());
            }
        }
    }
}
