//! SQLite's parameters (`?N`, `?`, `:name`) as PostgreSQL's (`$N`), so the
//! store's SQL text stays one text for both engines.
//!
//! Numbering follows SQLite's: `?N` is parameter N; a bare `?` and a new
//! `:name` take the largest number used so far plus one; a `:name` seen
//! before takes its first number again. Quoted text (`'…'` with `''`
//! escapes, `"…"`, `$tag$…$tag$`), `--` and `/* */` comments and `::` casts
//! are copied as they are.

/// A statement's text for PostgreSQL, and which `$N` each `:name` became.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Rewritten {
    pub sql: String,
    /// `(":name", N)`, in order of first use; the name keeps its `:` as
    /// the store binds it (`(":day", …)`).
    pub names: Vec<(String, usize)>,
    /// The largest parameter number in the text (0: none).
    pub count: usize,
}

/// Rewrites `sql`'s placeholders as `$N`; see the module's comment.
pub(super) fn rewrite(sql: &str) -> Rewritten {
    let b = sql.as_bytes();
    let mut out = String::with_capacity(sql.len() + 8);
    let mut names: Vec<(String, usize)> = Vec::new();
    let mut count = 0;
    // Start of the text not yet copied to `out`.
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\'' | b'"' => i = closing(b, i + 1, b[i]),
            b'-' if b.get(i + 1) == Some(&b'-') => {
                i = b[i..].iter().position(|&c| c == b'\n').map_or(b.len(), |n| i + n + 1);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = sql[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
            }
            b'$' if i == 0 || !is_word(b[i - 1]) => match dollar_tag(b, i) {
                Some(tag) => {
                    let body = i + tag.len();
                    i = sql[body..].find(tag).map_or(b.len(), |n| body + n + tag.len());
                }
                None => i += 1,
            },
            b':' if b.get(i + 1) == Some(&b':') => i += 2,
            b':' if b.get(i + 1).is_some_and(|&c| c == b'_' || c.is_ascii_alphabetic()) => {
                let end = word_end(b, i + 1);
                let name = &sql[i..end];
                let n = match names.iter().find(|(seen, _)| seen == name) {
                    Some(&(_, n)) => n,
                    None => {
                        count += 1;
                        names.push((name.to_owned(), count));
                        count
                    }
                };
                out.push_str(&sql[copied..i]);
                out.push_str(&format!("${n}"));
                copied = end;
                i = end;
            }
            b'?' => {
                let end = b[i + 1..].iter().position(|c| !c.is_ascii_digit()).map_or(b.len(), |n| i + 1 + n);
                let n = match sql[i + 1..end].parse::<usize>() {
                    Ok(n) => n,
                    Err(_) => count + 1,
                };
                count = count.max(n);
                out.push_str(&sql[copied..i]);
                out.push_str(&format!("${n}"));
                copied = end;
                i = end;
            }
            _ => i += 1,
        }
    }
    out.push_str(&sql[copied..]);
    Rewritten { sql: out, names, count }
}

/// The index just past the quote `q` that closes a quoted text starting
/// at `from`; a doubled quote is an escaped one and does not close it.
fn closing(b: &[u8], from: usize, q: u8) -> usize {
    let mut i = from;
    while i < b.len() {
        if b[i] == q {
            if b.get(i + 1) == Some(&q) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    b.len()
}

/// `$$` or `$tag$` at `i`, as text, if one starts there.
fn dollar_tag(b: &[u8], i: usize) -> Option<&str> {
    let mut j = i + 1;
    if b.get(j).is_some_and(|&c| c == b'_' || c.is_ascii_alphabetic()) {
        j = word_end(b, j);
    }
    (b.get(j) == Some(&b'$')).then(|| std::str::from_utf8(&b[i..=j]).unwrap_or_default())
}

fn is_word(c: u8) -> bool {
    c == b'_' || c == b'$' || c.is_ascii_alphanumeric() || c >= 0x80
}

fn word_end(b: &[u8], from: usize) -> usize {
    b[from..].iter().position(|&c| !(c == b'_' || c.is_ascii_alphanumeric())).map_or(b.len(), |n| from + n)
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    fn sql(text: &str) -> String {
        rewrite(text).sql
    }

    #[test]
    fn numbered_and_repeated() {
        assert_eq!(
            sql("SELECT a FROM t WHERE b = ?1 AND c = ?2 OR d = ?1"),
            "SELECT a FROM t WHERE b = $1 AND c = $2 OR d = $1"
        );
        assert_eq!(rewrite("SELECT ?3, ?1").count, 3);
    }

    #[test]
    fn bare_marks_count_on_from_the_largest_so_far() {
        assert_eq!(sql("INSERT INTO t VALUES (?, ?, ?)"), "INSERT INTO t VALUES ($1, $2, $3)");
        // SQLite's rule: a bare `?` after `?5` is 6.
        assert_eq!(sql("SELECT ?5, ?, ?2, ?"), "SELECT $5, $6, $2, $7");
    }

    #[test]
    fn names_take_the_next_number_and_keep_it() {
        let r = rewrite("SELECT * FROM a WHERE d >= :since AND d <= :day OR :since IS NULL AND s = :state_2");
        assert_eq!(r.sql, "SELECT * FROM a WHERE d >= $1 AND d <= $2 OR $1 IS NULL AND s = $3");
        assert_eq!(r.names, [(":since".to_owned(), 1), (":day".to_owned(), 2), (":state_2".to_owned(), 3)]);
        assert_eq!(r.count, 3);
    }

    #[test]
    fn quotes_and_comments_are_copied_untouched() {
        let text = "SELECT 'a?1 '' :b ?', \"c?\" -- ?9 :x\n, ?1 /* ? :y */, x FROM t WHERE y = ?2";
        assert_eq!(sql(text), "SELECT 'a?1 '' :b ?', \"c?\" -- ?9 :x\n, $1 /* ? :y */, x FROM t WHERE y = $2");
        assert_eq!(sql("SELECT $f$ ?1 :a $f$, $$?$$, ?1"), "SELECT $f$ ?1 :a $f$, $$?$$, $1");
        // An unterminated quote or comment runs to the end.
        assert_eq!(sql("SELECT '?1"), "SELECT '?1");
        assert_eq!(sql("SELECT 1 -- ?1"), "SELECT 1 -- ?1");
    }

    #[test]
    fn casts_and_existing_dollars_stay() {
        assert_eq!(sql("SELECT ?1::text, x::bigint, a[1:2], $1"), "SELECT $1::text, x::bigint, a[1:2], $1");
        assert_eq!(sql("SELECT :a::int"), "SELECT $1::int");
    }

    #[test]
    fn text_outside_ascii_is_kept() {
        assert_eq!(sql("SELECT 'é?' AS \"ü\", ?1 -- ä"), "SELECT 'é?' AS \"ü\", $1 -- ä");
    }
}
