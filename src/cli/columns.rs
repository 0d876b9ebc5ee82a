//! Plain-text tables for the list commands (`staff list`, `beds list`,
//! `rooms list`, `procedures list`): each column as wide as its widest cell,
//! measured in terminal cells (unicode-width, as the screen measures), so an
//! emoji in a name or a long bed label keeps every column in line (found in
//! use, #8: both pushed the columns after them out of line).

use unicode_width::UnicodeWidthStr;

/// `header` then `rows`, columns two cells apart; the last is not padded.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.width());
            }
        }
    }
    let mut out = String::new();
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let last = row.len().saturating_sub(1);
        for (i, cell) in row.iter().enumerate() {
            out.push_str(cell);
            if i < last {
                let pad = widths.get(i).copied().unwrap_or(0).saturating_sub(cell.width()) + 2;
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_by_terminal_cells() {
        let rows =
            vec![vec!["Dr \u{1FA7A} Caron".to_string(), "doctor".to_string()], vec!["Ann".into(), "nurse".into()]];
        let text = table(&["name", "role"], &rows);
        let at: Vec<usize> = text
            .lines()
            .map(|l| l[..l.find("doctor").or(l.find("nurse")).or(l.find("role")).unwrap()].width())
            .collect();
        assert!(at.windows(2).all(|w| w[0] == w[1]), "{text}");
    }
}
