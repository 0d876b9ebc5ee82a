//! Coded choices whose words a nurse reads come from the catalogues (issue
//! 14): the code is stored and printed by `--format json`, the same in every
//! language; the words follow the language in force.

/// An enum of coded choices: `Kind { Infection = "infection", "clinical-kind-infection"; … }`
/// gives `ALL`, `code()`, `from_code()`, `codes_text()`, the catalogue id
/// `label_id()`, and `label()` / `label_in(language)` from the catalogues.
macro_rules! worded {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $code:literal, $id:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &[$name] = &[$($name::$variant),*];
            /// The code stored in the file and printed by the commands.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }
            /// The catalogue id of its words.
            pub fn label_id(self) -> &'static str {
                match self { $($name::$variant => $id),* }
            }
            /// What a nurse reads, in the language in force.
            pub fn label(self) -> std::borrow::Cow<'static, str> {
                crate::i18n::t(crate::i18n::language(), self.label_id())
            }
            /// What a nurse reads, in `language`.
            pub fn label_in(self, language: crate::domain::language::Language) -> std::borrow::Cow<'static, str> {
                crate::i18n::t(language, self.label_id())
            }
            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
            /// Every code, for messages (`mild, moderate, severe`).
            pub fn codes_text() -> String {
                Self::ALL.iter().map(|v| v.code()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}
pub(crate) use worded;
