//! Bilingual text: French and Dutch side by side, English optional.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language of the directory's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// Dutch.
    Nl,
    /// English.
    En,
}

impl Lang {
    /// All languages, official ones first.
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::Nl, Lang::En];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The other official language of Brussels (English falls back to French).
    pub fn other_official(self) -> Lang {
        match self {
            Lang::Fr => Lang::Nl,
            Lang::Nl => Lang::Fr,
            Lang::En => Lang::Fr,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" => Ok(Lang::Fr),
            "nl" => Ok(Lang::Nl),
            "en" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}`: expected fr, nl or en")),
        }
    }
}

/// A human text in up to three languages. At least one should be set.
///
/// Languages never overwrite each other: a missing Dutch text stays `None`
/// and display code falls back explicitly with [`I18nText::resolve`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct I18nText {
    /// French text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
    /// Dutch text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nl: Option<String>,
    /// English text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// A text resolved for display, with the language it is actually in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized<'a> {
    /// The text.
    pub text: &'a str,
    /// The language of `text`.
    pub lang: Lang,
    /// True when `lang` differs from the requested language.
    pub fallback: bool,
}

impl I18nText {
    /// Builds a text from optional French and Dutch strings; blank strings count as missing.
    pub fn new(fr: Option<String>, nl: Option<String>) -> Self {
        Self {
            fr: fr.filter(|s| !s.trim().is_empty()),
            nl: nl.filter(|s| !s.trim().is_empty()),
            en: None,
        }
    }

    /// A text given in one language only.
    pub fn only(lang: Lang, text: impl Into<String>) -> Self {
        let mut value = Self::default();
        value.set(lang, Some(text.into()));
        value
    }

    /// The text in exactly this language.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Fr => self.fr.as_deref(),
            Lang::Nl => self.nl.as_deref(),
            Lang::En => self.en.as_deref(),
        }
    }

    /// Sets the text of one language, leaving the others untouched.
    pub fn set(&mut self, lang: Lang, text: Option<String>) {
        let text = text.filter(|s| !s.trim().is_empty());
        match lang {
            Lang::Fr => self.fr = text,
            Lang::Nl => self.nl = text,
            Lang::En => self.en = text,
        }
    }

    /// True when no language is set.
    pub fn is_empty(&self) -> bool {
        self.fr.is_none() && self.nl.is_none() && self.en.is_none()
    }

    /// The text for `lang`, falling back to the other official language, then English,
    /// then whatever is set. Says which language it returns.
    pub fn resolve(&self, lang: Lang) -> Option<Localized<'_>> {
        let order = [lang, lang.other_official(), Lang::En, Lang::Fr, Lang::Nl];
        order.into_iter().find_map(|candidate| {
            self.get(candidate).map(|text| Localized {
                text,
                lang: candidate,
                fallback: candidate != lang,
            })
        })
    }

    /// Every text that is set, with its language.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL
            .into_iter()
            .filter_map(move |lang| self.get(lang).map(|text| (lang, text)))
    }

    /// Fills languages missing here from `other`, never replacing one that is set.
    pub fn fill_from(&mut self, other: &I18nText) {
        for (lang, text) in other.iter() {
            if self.get(lang).is_none() {
                self.set(lang, Some(text.to_owned()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_falls_back_and_says_so() {
        let text = I18nText::new(Some("Restaurant social".into()), None);
        let resolved = text.resolve(Lang::Nl).unwrap();
        assert_eq!(resolved.lang, Lang::Fr);
        assert!(resolved.fallback);
        assert!(!text.resolve(Lang::Fr).unwrap().fallback);
    }

    #[test]
    fn fill_never_overwrites() {
        let mut text = I18nText::new(Some("a".into()), None);
        text.fill_from(&I18nText::new(Some("b".into()), Some("c".into())));
        assert_eq!(text.fr.as_deref(), Some("a"));
        assert_eq!(text.nl.as_deref(), Some("c"));
    }
}
