//! Texts in several languages and the languages themselves: which tag a
//! text is in, and which way the script runs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The tag of Swedish, the language every text must have.
pub const SWEDISH: &str = "sv";

/// One text in several languages (*text på flera språk*): language tag ->
/// text. Swedish is required everywhere; [`Texts::get`] falls back to it.
///
/// In JSON it is a plain object: `{"sv": "Hur ofta?", "en": "How often?"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Texts(pub BTreeMap<String, String>);

impl Texts {
    /// A text in Swedish only.
    pub fn swedish(text: impl Into<String>) -> Texts {
        Texts(BTreeMap::from([(SWEDISH.to_string(), text.into())]))
    }

    /// The same texts with one more language (or a replaced one).
    pub fn and(mut self, language: &str, text: impl Into<String>) -> Texts {
        self.0.insert(language.to_string(), text.into());
        self
    }

    /// The text in `language`, or in Swedish when that language has none;
    /// empty only when even Swedish is missing (which [`check`] refuses).
    ///
    /// [`check`]: super::Definition::check
    pub fn get(&self, language: &str) -> &str {
        self.given(language).or_else(|| self.given(SWEDISH)).unwrap_or("")
    }

    /// The text in exactly `language`, when it is there and not blank.
    pub fn given(&self, language: &str) -> Option<&str> {
        self.0
            .get(language)
            .map(String::as_str)
            .filter(|t| !t.trim().is_empty())
    }

    /// The languages the texts are given in, blank ones included.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// Primary language subtags written from right to left.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "azb", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "lrc", "mzn", "pnb", "prs", "ps", "sd",
    "syr", "ug", "ur", "yi",
];

/// Script subtags written from right to left (compared without case).
const RTL_SCRIPTS: &[&str] = &[
    "adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa",
];

/// A language a survey is offered in (*språk*), as a BCP 47 tag such as
/// `sv`, `en`, `ar` or `ku-Arab`.
///
/// It knows which way its script runs, so that a page can set
/// `lang="…" dir="rtl"` for Arabic, Persian, Hebrew, Urdu, Pashto, Sorani
/// Kurdish and the like. An explicit script subtag decides over the
/// language (`az-Arab` is right to left, `ku-Latn` left to right).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Language(String);

impl Language {
    /// Swedish.
    pub fn swedish() -> Language {
        Language(SWEDISH.to_string())
    }

    /// A language from its tag, as given; [`Language::is_well_formed`] says
    /// whether it is a usable tag.
    pub fn new(tag: impl Into<String>) -> Language {
        Language(tag.into())
    }

    /// A language from a tag, or `None` when the tag is not well formed.
    pub fn parse(tag: &str) -> Option<Language> {
        let language = Language(tag.to_string());
        language.is_well_formed().then_some(language)
    }

    /// The tag, as in `lang="…"`.
    pub fn tag(&self) -> &str {
        &self.0
    }

    /// Whether the tag has the shape this product accepts: a primary
    /// subtag of two or three lowercase ASCII letters, then subtags of one
    /// to eight ASCII letters or digits, joined by `-`, at most 35
    /// characters in all.
    pub fn is_well_formed(&self) -> bool {
        let mut parts = self.0.split('-');
        let primary = parts.next().unwrap_or("");
        self.0.len() <= 35
            && (2..=3).contains(&primary.len())
            && primary.bytes().all(|b| b.is_ascii_lowercase())
            && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
    }

    /// Whether text in this language runs from right to left.
    pub fn is_rtl(&self) -> bool {
        is_rtl(&self.0)
    }

    /// The value of the HTML `dir` attribute: `rtl` or `ltr`.
    pub fn dir(&self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether text tagged `tag` runs from right to left: by its script
/// subtag when it has one (`Arab`, `Hebr`, `Thaa`, …), otherwise by its
/// language (`ar`, `fa`, `he`, `ur`, `ps`, `ckb`, …). Unknown tags are
/// left to right.
pub fn is_rtl(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next().unwrap_or("").to_ascii_lowercase();
    match parts.find(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_alphabetic())) {
        Some(script) => RTL_SCRIPTS.contains(&script.to_ascii_lowercase().as_str()),
        None => RTL_LANGUAGES.contains(&primary.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_or_blank_language_falls_back_to_swedish() {
        let t = Texts::swedish("Hur ofta?")
            .and("en", "How often?")
            .and("ar", "  ");
        assert_eq!(t.get("en"), "How often?");
        assert_eq!(t.get("ar"), "Hur ofta?");
        assert_eq!(t.get("fi"), "Hur ofta?");
        assert_eq!(t.given("ar"), None);
        assert_eq!(Texts::default().get("sv"), "");
    }

    #[test]
    fn arabic_persian_and_sorani_run_right_to_left_english_and_swedish_do_not() {
        for tag in ["ar", "fa", "he", "ur", "ps", "ckb", "ar-SE", "az-Arab", "ku-arab"] {
            assert!(is_rtl(tag), "{tag}");
            assert_eq!(Language::new(tag).dir(), "rtl", "{tag}");
        }
        for tag in ["sv", "en", "so", "ti", "ku", "ku-Latn", "az", "fi", "", "x"] {
            assert!(!is_rtl(tag), "{tag}");
            assert_eq!(Language::new(tag).dir(), "ltr", "{tag}");
        }
    }

    #[test]
    fn language_tags_must_be_well_formed() {
        for tag in ["sv", "en", "ckb", "ku-Arab", "sr-Latn-RS", "zh-Hant"] {
            assert!(Language::parse(tag).is_some(), "{tag}");
        }
        for tag in [
            "",
            "s",
            "SV",
            "swedish",
            "sv-",
            "sv--se",
            "sv_SE",
            "sv-abcdefghi",
            "<b>",
        ] {
            assert!(Language::parse(tag).is_none(), "{tag}");
        }
    }
}
