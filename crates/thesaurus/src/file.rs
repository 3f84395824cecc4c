//! The on-disk format of `data/thesaurus.toml` (documented at the top of that file).

use orienta_model::{CareLine, Lang};
use serde::Deserialize;

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ThesaurusFile {
    /// Version of the thesaurus, bumped on every change.
    pub version: String,
    /// Terms or category labels deliberately shared by several concepts.
    #[serde(default)]
    pub shared_terms: Vec<String>,
    /// The concepts.
    #[serde(default, rename = "concept")]
    pub concepts: Vec<ConceptRecord>,
}

/// One `[[concept]]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ConceptRecord {
    pub id: String,
    #[serde(default)]
    pub fr: String,
    #[serde(default)]
    pub nl: String,
    #[serde(default)]
    pub en: Option<String>,
    pub line: CareLine,
    #[serde(default)]
    pub broader: Vec<String>,
    /// Needs whose services also answer a question about this one, though its services are
    /// not theirs (an unpaid energy bill is also a debt; an energy-saving scan is no debt
    /// service).
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub terms_fr: Vec<String>,
    #[serde(default)]
    pub terms_nl: Vec<String>,
    #[serde(default)]
    pub terms_en: Vec<String>,
    /// Words callers use for their situation (`il boit`, `ik slaap buiten`): read in
    /// questions, never used to tag records.
    #[serde(default)]
    pub situations_fr: Vec<String>,
    #[serde(default)]
    pub situations_nl: Vec<String>,
    #[serde(default)]
    pub acronyms: Vec<String>,
    #[serde(default)]
    pub acronyms_cased: Vec<String>,
    #[serde(default)]
    pub category_ids: Vec<i64>,
    #[serde(default)]
    pub category_labels_fr: Vec<String>,
    #[serde(default)]
    pub category_labels_nl: Vec<String>,
    /// A language the forms name is what the service teaches (`apprendre le néerlandais`).
    #[serde(default)]
    pub teaches_language: bool,
}

impl ConceptRecord {
    /// The preferred label in one language, if set.
    pub fn label(&self, lang: Lang) -> Option<&str> {
        let label = match lang {
            Lang::Fr => self.fr.as_str(),
            Lang::Nl => self.nl.as_str(),
            Lang::En => self.en.as_deref().unwrap_or_default(),
        };
        Some(label).filter(|label| !label.trim().is_empty())
    }

    /// The synonyms of one language.
    pub fn terms(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Fr => &self.terms_fr,
            Lang::Nl => &self.terms_nl,
            Lang::En => &self.terms_en,
        }
    }

    /// The situation words of one language (none in English).
    pub fn situations(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Fr => &self.situations_fr,
            Lang::Nl => &self.situations_nl,
            Lang::En => &[],
        }
    }

    /// Every acronym, case-insensitive ones first.
    pub fn all_acronyms(&self) -> impl Iterator<Item = &String> {
        self.acronyms.iter().chain(&self.acronyms_cased)
    }
}

/// Parses the TOML text (no validation).
pub(crate) fn parse(text: &str) -> Result<ThesaurusFile, toml::de::Error> {
    toml::from_str(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_minimal_file_and_rejects_unknown_fields() {
        let file = parse(
            "version = \"0\"\n[[concept]]\nid = \"a\"\nfr = \"A\"\nnl = \"A\"\nline = \"first_line\"\n",
        )
        .unwrap();
        assert_eq!(file.concepts[0].line, CareLine::FirstLine);
        assert_eq!(file.concepts[0].label(Lang::En), None);
        let typo =
            "version = \"0\"\n[[concept]]\nid = \"a\"\nline = \"specialised\"\nterm_fr = []\n";
        assert!(parse(typo).is_err());
    }
}
