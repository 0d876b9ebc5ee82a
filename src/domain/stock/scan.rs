//! R-TRACE-3: one reading of a scanned label, whatever carries it: a GS1
//! element string or an HIBC label (the two UDI carriers on implants in
//! Europe). The Stock tab's receipt and `periop stock receive --scan` both
//! read labels here, and find the reference they name here, so they cannot
//! disagree (found in use, fix 10: the command refused HIBC labels the
//! screen took).

use super::Reference;
use super::gs1::{self, Gs1};
use super::hibc::{self, Hibc};

/// What a label said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Gs1(Gs1),
    Hibc(Hibc),
}

/// Why a label could not be read: the carrier's own message, naming the bad part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScanError {
    Gs1(#[from] gs1::Gs1Error),
    Hibc(#[from] hibc::HibcError),
}

impl std::fmt::Display for ScanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScanError::Gs1(e) => e.fmt(f),
            ScanError::Hibc(e) => f.write_str(&tr!("stock-scan-hibc-error", error = e.to_string())),
        }
    }
}

/// An HIBC label starts with `+` (after its symbology prefix, `]C0` or `]d1`).
pub fn is_hibc(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('+') || t.starts_with("]C0+") || t.starts_with("]d1+")
}

/// Reads a scanned (or typed) label.
pub fn read(text: &str, options: gs1::Options) -> Result<Label, ScanError> {
    if is_hibc(text) { Ok(Label::Hibc(hibc::parse(text)?)) } else { Ok(Label::Gs1(gs1::parse(text, options)?)) }
}

/// A typed field that holds a label, or the start of one, rather than what
/// the field asks for (a place, a lot): a GS1 element string starting with
/// `(01)` or a symbology prefix (`]C1`, `]d2`, `]Q3`, `]e0`), `01` followed
/// by 14 digits and more. Found in use (issue 10): a
/// second scan cut short (`(01)0345312000007`, 13 digits) was saved as the
/// location; the old check wanted a whole GTIN.
pub fn looks_like_label(text: &str) -> bool {
    let t = text.trim();
    let prefixed = ["]C", "]d", "]Q", "]e"].iter().any(|p| t.starts_with(p) && t.len() > 3);
    let digits = |s: &str| s.len() >= 14 && s.bytes().take(14).all(|b| b.is_ascii_digit());
    prefixed || t.starts_with("(01)") || (t.len() > 16 && t.strip_prefix("01").is_some_and(digits))
}

/// Why no reference matched a label.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoReference {
    Gtin(String),
    Product { lic: String, pcn: String },
}

impl std::fmt::Display for NoReference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            NoReference::Gtin(g) => tr!("stock-no-reference-gtin", gtin = g.as_str()),
            NoReference::Product { lic, pcn } => {
                tr!("stock-no-reference-product", lic = lic.as_str(), pcn = pcn.as_str())
            }
        })
    }
}

impl NoReference {
    /// The GTIN to prefill a new reference with, when the label gave one.
    pub fn gtin(&self) -> Option<&str> {
        match self {
            NoReference::Gtin(g) => Some(g),
            NoReference::Product { .. } => None,
        }
    }

    /// The reference code to prefill a new reference with (an HIBC product number).
    pub fn code(&self) -> Option<&str> {
        match self {
            NoReference::Gtin(_) => None,
            NoReference::Product { pcn, .. } => Some(pcn),
        }
    }
}

impl Label {
    /// The reference the label names: by GTIN for GS1, by reference code
    /// for HIBC (its product number, or labeler and product number,
    /// compared on letters and digits). `Ok(None)` when the label names
    /// none (a GS1 string without (01)).
    pub fn reference<'a>(&self, refs: &'a [Reference]) -> Result<Option<&'a Reference>, NoReference> {
        match self {
            Label::Gs1(g) => match &g.gtin {
                Some(gtin) => refs
                    .iter()
                    .find(|r| r.gtin.as_deref() == Some(gtin.as_str()))
                    .map(Some)
                    .ok_or_else(|| NoReference::Gtin(gtin.to_string())),
                None => Ok(None),
            },
            Label::Hibc(h) => {
                let bare = |code: &str| -> String {
                    code.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_uppercase()
                };
                let joined = format!("{}{}", h.lic, h.pcn);
                refs.iter()
                    .find(|r| bare(&r.code) == h.pcn || bare(&r.code) == joined)
                    .map(Some)
                    .ok_or_else(|| NoReference::Product { lic: h.lic.clone(), pcn: h.pcn.clone() })
            }
        }
    }

    pub fn lot(&self) -> Option<&String> {
        match self {
            Label::Gs1(g) => g.lot.as_ref(),
            Label::Hibc(h) => h.lot.as_ref(),
        }
    }

    pub fn serial(&self) -> Option<&String> {
        match self {
            Label::Gs1(g) => g.serial.as_ref(),
            Label::Hibc(h) => h.serial.as_ref(),
        }
    }

    pub fn expiry(&self) -> Option<chrono::NaiveDate> {
        match self {
            Label::Gs1(g) => g.expiry,
            Label::Hibc(h) => h.expiry,
        }
    }

    /// Units the label counts ((30) for GS1; HIBC: none).
    pub fn count(&self) -> Option<u32> {
        match self {
            Label::Gs1(g) => g.count,
            Label::Hibc(_) => None,
        }
    }

    /// R-TRACE-3: warnings about what the label may have lost (a lot that
    /// swallowed an expiry when a scanner dropped GS), for the confirmation.
    pub fn warnings(&self, reference_year: i32) -> Vec<String> {
        match self {
            Label::Gs1(g) => gs1::swallowed(g, reference_year),
            Label::Hibc(_) => Vec::new(),
        }
    }

    /// What was read, for the form's subtitle.
    pub fn shown(&self) -> String {
        match self {
            Label::Gs1(g) => gs1::bracketed(g),
            Label::Hibc(h) => tr!("stock-scan-hibc-shown", lic = h.lic.as_str(), pcn = h.pcn.as_str()).into_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::DeviceKind;
    use super::*;

    fn reference(code: &str, gtin: Option<&str>) -> Reference {
        Reference {
            id: 1,
            version: 1,
            code: code.into(),
            manufacturer: "Acme".into(),
            name: "screw".into(),
            kind: DeviceKind::Screw,
            implantable: true,
            gtin: gtin.map(String::from),
            min_stock: 0,
            mm_per_turn: None,
        }
    }

    fn options() -> gs1::Options {
        gs1::Options { separator: None, reference_year: 2026 }
    }

    /// Found in use (issue 10, #9): a truncated second scan typed into
    /// Location was saved as the place. The start of a label is one.
    #[test]
    fn r_trace_3_a_label_or_its_start_is_no_location() {
        for text in ["(01)0345312000007", "]C1010345312", "01034531200000731", "(01)03453120000073(10)A1"] {
            assert!(looks_like_label(text), "{text}");
        }
        for text in ["block cupboard A", "01 fridge", "B2-03", "(1) shelf", "+5 C"] {
            assert!(!looks_like_label(text), "{text}");
        }
    }

    #[test]
    fn r_trace_3_one_reader_for_gs1_and_hibc() {
        let refs = [reference("SCR-70", Some("03453120000011")), reference("A123PCN1", None)];
        let g = read("(01)03453120000011(10)A1", options()).unwrap();
        assert_eq!(g.reference(&refs).unwrap().map(|r| r.code.as_str()), Some("SCR-70"));
        assert_eq!(g.lot().map(String::as_str), Some("A1"));
        let primary = "+A123PCN10";
        let check = hibc::check_char(primary).unwrap();
        let h = read(&format!("{primary}{check}"), options()).unwrap();
        assert!(matches!(h, Label::Hibc(_)));
        assert_eq!(h.reference(&refs).unwrap().map(|r| r.code.as_str()), Some("A123PCN1"));
        let unknown = read("(01)04006381333931", options()).unwrap();
        assert_eq!(unknown.reference(&refs).unwrap_err().gtin(), Some("04006381333931"));
    }
}
