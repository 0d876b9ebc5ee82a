//! `periop rules [ID]`: the rules the program applies (`docs/rules.md`, and
//! its French translation `docs/rules.fr.md`, both embedded), whole or one
//! by its ID, so an alert's `R-FAST-4` can be looked up by anyone who has the
//! program, in the language they read periop in.

use crate::domain::language::Language;

/// `docs/rules.md`, as built into the program.
pub const RULES: &str = include_str!("../../docs/rules.md");

/// `docs/rules.fr.md`: the same rules in French, with the same IDs in the
/// same order (a test compares them).
pub const RULES_FR: &str = include_str!("../../docs/rules.fr.md");

/// The rules document in `language`.
pub fn document(language: Language) -> &'static str {
    match language {
        Language::En => RULES,
        Language::Fr => RULES_FR,
    }
}

/// One rule's section: its heading line (`### R-FAST-4 — …`) to the next heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub text: &'static str,
}

/// Every rule of the document in the language in force, in its order.
pub fn all() -> Vec<Rule> {
    rules_of(document(crate::i18n::language()))
}

/// Every rule of `document`, in its order.
fn rules_of(document: &'static str) -> Vec<Rule> {
    let mut out = Vec::new();
    let mut offset = 0;
    let starts: Vec<usize> = document
        .split_inclusive('\n')
        .map(|line| {
            let at = offset;
            offset += line.len();
            at
        })
        .collect();
    let headings: Vec<usize> = starts.iter().copied().filter(|&i| document[i..].starts_with('#')).collect();
    for (n, &start) in headings.iter().enumerate() {
        let Some(rest) = document[start..].strip_prefix("### ") else { continue };
        let id = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
        if !id.starts_with("R-") {
            continue;
        }
        let end = headings.get(n + 1).copied().unwrap_or(document.len());
        out.push(Rule { id, text: document[start..end].trim_end() });
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule {
    pub given: String,
    /// The known IDs by family: `R-PATH-1..6, R-READY-1..3, …`.
    pub known: String,
}

impl std::fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let given = format!("{:?}", self.given);
        f.write_str(&tr!("cli-rules-unknown", given = given, known = self.known.as_str()))
    }
}

impl std::error::Error for UnknownRule {}

/// One rule's text by its ID (`r-fast-4` and ` R-FAST-4 ` are read as
/// `R-FAST-4`), in the language in force.
pub fn lookup(id: &str) -> Result<&'static str, UnknownRule> {
    let wanted = id.trim().to_ascii_uppercase();
    all()
        .into_iter()
        .find(|r| r.id == wanted)
        .map(|r| r.text)
        .ok_or_else(|| UnknownRule { given: id.to_string(), known: families() })
}

/// `R-PATH-1..6, R-READY-1..3, …`: each family with its first and last number.
fn families() -> String {
    let mut out: Vec<(String, u32, u32)> = Vec::new();
    for rule in all() {
        let Some((family, n)) = rule.id.rsplit_once('-') else { continue };
        let Ok(n) = n.parse::<u32>() else { continue };
        match out.last_mut() {
            Some((f, lo, hi)) if f == family => {
                *lo = (*lo).min(n);
                *hi = (*hi).max(n);
            }
            _ => out.push((family.to_string(), n, n)),
        }
    }
    out.iter()
        .map(|(f, lo, hi)| if lo == hi { format!("{f}-{lo}") } else { format!("{f}-{lo}..{hi}") })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// R-MED-3: a rule an alert cites can be looked up by its ID.
    #[test]
    fn r_med_3_and_every_rule_can_be_looked_up() {
        let text = lookup("r-med-3").unwrap();
        assert!(text.starts_with("### R-MED-3 — a stop that was missed"), "{text}");
        assert!(text.contains("naming the drug and the day") && !text.contains("## Discharge"), "{text}");
        for rule in all() {
            assert_eq!(lookup(rule.id), Ok(rule.text));
        }
    }

    /// Every rule ID the program's code cites is in the document, and every
    /// rule in the document is one the code applies.
    #[test]
    fn the_document_covers_the_rules_the_code_cites() {
        let ids: Vec<&str> = all().iter().map(|r| r.id).collect();
        for id in [
            "R-PATH-1",
            "R-PATH-2",
            "R-PATH-3",
            "R-PATH-4",
            "R-PATH-5",
            "R-PATH-6",
            "R-READY-1",
            "R-READY-2",
            "R-READY-3",
            "R-ANES-1",
            "R-ANES-2",
            "R-ANES-3",
            "R-ANES-4",
            "R-ANES-5",
            "R-FAST-1",
            "R-FAST-2",
            "R-FAST-3",
            "R-FAST-4",
            "R-FAST-5",
            "R-MED-1",
            "R-MED-2",
            "R-MED-3",
            "R-DISCH-1",
            "R-DISCH-2",
            "R-DO-1",
            "R-DO-2",
            "R-DO-3",
            "R-DO-4",
            "R-DO-5",
            "R-DO-6",
            "R-DO-7",
            "R-DO-8",
            "R-BLOCK-3",
            "R-STOCK-1",
            "R-STOCK-2",
            "R-STOCK-3",
            "R-STOCK-4",
            "R-TRACE-1",
            "R-TRACE-2",
            "R-TRACE-3",
            "R-AUDIT-1",
            "R-AUDIT-2",
            "R-PRIV-1",
            "R-PRIV-2",
            "R-ROLE-1",
            "R-AUDIT-3",
            "R-HO-1",
            "R-COMP-1",
        ] {
            assert!(ids.contains(&id), "{id} is not in docs/rules.md");
        }
        assert_eq!(ids.len(), 53, "{ids:?}");
    }

    /// Found in use (#12): `periop settings` cited rules (R-HO-1, R-BLOCK-2)
    /// that `periop rules` could not show.
    #[test]
    fn every_rule_a_setting_cites_is_in_the_rules() {
        for def in crate::domain::settings::CATALOGUE.iter().filter(|d| d.rule.starts_with("R-")) {
            assert!(lookup(def.rule).is_ok(), "setting {} cites {}, which docs/rules.md lacks", def.key, def.rule);
        }
    }

    /// The French document is the same rules: the same IDs in the same
    /// order, under the same sections, each with a heading of its own.
    #[test]
    fn the_french_rules_have_the_english_ids_in_the_same_order() {
        let ids = |document| rules_of(document).iter().map(|r| r.id).collect::<Vec<_>>();
        assert_eq!(ids(RULES_FR), ids(RULES));
        let headings = |document: &str, level: &str| {
            document.lines().filter(|l| l.starts_with(level) && !l[level.len()..].starts_with('#')).count()
        };
        for level in ["# ", "## ", "### "] {
            assert_eq!(headings(RULES_FR, level), headings(RULES, level), "{level}headings");
        }
        for (en, fr) in rules_of(RULES).iter().zip(rules_of(RULES_FR)) {
            // The settings, commands and options a rule names are the same
            // words in both (placeholders such as KEY may be translated).
            let codes = |text: &str| {
                text.split('`')
                    .skip(1)
                    .step_by(2)
                    .flat_map(str::split_whitespace)
                    .filter(|word| !word.chars().any(|c| c.is_ascii_uppercase()))
                    .map(str::to_string)
                    .collect::<std::collections::BTreeSet<_>>()
            };
            assert!(codes(fr.text).is_superset(&codes(en.text)), "{}: {:?}", en.id, codes(en.text));
            assert_ne!(en.text, fr.text);
        }
    }

    /// `periop rules` speaks the language in force: R-FAST-4 in French.
    #[test]
    fn a_rule_is_looked_up_in_the_language_in_force() {
        let english = lookup("R-FAST-4").unwrap();
        assert!(english.starts_with("### R-FAST-4 — a prolonged clear-fluid fast"), "{english}");
        let _fr = crate::i18n::scope(Language::Fr);
        let french = lookup("r-fast-4").unwrap();
        assert!(french.starts_with("### R-FAST-4 — un jeûne hydrique prolongé"), "{french}");
        assert!(french.contains("liquides clairs") && !french.contains("clear fluid"), "{french}");
        assert!(lookup("R-MED-3").unwrap().contains("un arrêt oublié"));
        assert_eq!(all().len(), rules_of(RULES).len());
    }

    #[test]
    fn an_unknown_id_names_the_pattern_and_the_families() {
        let err = lookup("R-FOO-9").unwrap_err();
        assert_eq!(
            err.to_string(),
            "there is no rule \"R-FOO-9\"; rule IDs look like R-FAST-4 (R-PATH-1..6, R-READY-1..3, R-ANES-1..5, \
             R-FAST-1..5, R-MED-1..3, R-DISCH-1..2, R-BLOCK-1..6, R-DO-1..8, R-COMP-1, R-HO-1, R-STOCK-1..4, R-TRACE-1..3, \
             R-AUDIT-1..3, R-PRIV-1..2, R-ROLE-1); `periop rules` prints them all"
        );
    }
}
