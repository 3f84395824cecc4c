//! Organisation name autocomplete: every word typed must start a word of a name (the last
//! one as a prefix, typo-tolerant from five letters), best matches first.

use crate::analysis::{self, FOLD};
use crate::index::SearchIndex;
use crate::SearchError;
use orienta_model::Lang;
use orienta_text::fold;
use serde::Serialize;
use std::collections::HashSet;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

/// Candidates read before re-ranking, per suggestion asked.
const CANDIDATES_PER_SUGGESTION: usize = 8;

/// An organisation whose name matches a typed prefix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameSuggestion {
    /// Organisation id.
    pub id: String,
    /// Its name in the requested language, or the other one when missing.
    pub label: String,
    /// The language of `label`.
    pub lang: Lang,
}

/// The first word of `text` (all of it when it has none).
fn first_word(text: &str) -> &str {
    text.split(|character: char| !character.is_alphanumeric())
        .find(|word| !word.is_empty())
        .unwrap_or(text)
}

/// How well a name matches the typed text (lower is better).
fn rank(folded_name: &str, folded_prefix: &str) -> u8 {
    if folded_name.starts_with(folded_prefix) {
        0
    } else if folded_name
        .split(|character: char| !character.is_alphanumeric())
        .any(|word| !word.is_empty() && word.starts_with(first_word(folded_prefix)))
    {
        1
    } else {
        2
    }
}

/// Every complete word as a term, the last one as a (typo-tolerant from five letters) prefix.
fn prefix_query(field: Field, complete: &[String], last: &str) -> BooleanQuery {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = complete
        .iter()
        .map(|term| {
            let term = Term::from_field_text(field, term);
            let query: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Must, query)
        })
        .collect();
    let distance = if last.chars().count() >= 5 { 1 } else { 0 };
    let last_term = Term::from_field_text(field, last);
    clauses.push((
        Occur::Must,
        Box::new(FuzzyTermQuery::new_prefix(last_term, distance, true)),
    ));
    BooleanQuery::new(clauses)
}

/// The name to show in `lang`: the Dutch one when asked for and present, else the French
/// one, else the Dutch one.
fn label_in<'a>(lang: Lang, fr: Option<&'a str>, nl: Option<&'a str>) -> Option<(&'a str, Lang)> {
    match (lang, fr, nl) {
        (Lang::Nl, _, Some(name)) => Some((name, Lang::Nl)),
        (_, Some(name), _) => Some((name, Lang::Fr)),
        (_, None, Some(name)) => Some((name, Lang::Nl)),
        _ => None,
    }
}

/// A suggestion with what orders it.
struct Ranked {
    /// How well the best name matches (lower is better).
    rank: u8,
    /// The label's length in characters (shorter first).
    label_chars: usize,
    /// The suggestion.
    suggestion: NameSuggestion,
}

impl SearchIndex {
    /// Organisations whose name, official name or acronym starts with `prefix` word by word
    /// (`cpas sch` finds "CPAS de Schaerbeek"), at most `limit`, one per organisation.
    pub fn suggest_names(
        &self,
        prefix: &str,
        lang: Lang,
        limit: usize,
    ) -> Result<Vec<NameSuggestion>, SearchError> {
        let terms = analysis::analyze(self.tantivy(), FOLD, prefix);
        let Some((last, complete)) = terms.split_last() else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let query = prefix_query(self.fields().name_any, complete, last);
        let searcher = self.searcher();
        let candidates = limit.saturating_mul(CANDIDATES_PER_SUGGESTION);
        let top = searcher.search(&query, &TopDocs::with_limit(candidates).order_by_score())?;

        let folded_prefix = fold(prefix.trim());
        let mut seen = HashSet::new();
        let mut found: Vec<Ranked> = Vec::new();
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            found.extend(self.ranked(&doc, lang, &folded_prefix, &mut seen));
        }
        found.sort_by(|a, b| {
            (a.rank, a.label_chars)
                .cmp(&(b.rank, b.label_chars))
                .then_with(|| a.suggestion.label.cmp(&b.suggestion.label))
        });
        Ok(found
            .into_iter()
            .take(limit)
            .map(|ranked| ranked.suggestion)
            .collect())
    }

    /// The suggestion of a matching document, ranked; `None` for an organisation already
    /// `seen` or one without a name.
    fn ranked(
        &self,
        doc: &TantivyDocument,
        lang: Lang,
        folded_prefix: &str,
        seen: &mut HashSet<String>,
    ) -> Option<Ranked> {
        let fields = self.fields();
        let text = |field| doc.get_first(field).and_then(|value| value.as_str());
        let id = text(fields.org_id)?;
        if !seen.insert(id.to_owned()) {
            return None;
        }
        let (fr, nl) = (text(fields.name_fr), text(fields.name_nl));
        let (label, label_lang) = label_in(lang, fr, nl)?;
        let best = [fr, nl]
            .into_iter()
            .flatten()
            .map(|name| rank(&fold(name), folded_prefix))
            .min()
            .unwrap_or(2);
        Some(Ranked {
            rank: best,
            label_chars: label.chars().count(),
            suggestion: NameSuggestion {
                id: id.to_owned(),
                label: label.to_owned(),
                lang: label_lang,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::rank;

    #[test]
    fn whole_name_prefix_ranks_before_word_prefix() {
        assert_eq!(rank("cpas de schaerbeek", "cpas"), 0);
        assert_eq!(rank("cpas de schaerbeek", "schaer"), 1);
        assert_eq!(rank("cpas de schaerbeek", "schaarb"), 2);
    }
}

#[cfg(test)]
mod index_tests {
    use crate::{build_version, IndexHandle};
    use orienta_model::{I18nText, Lang, Organisation, Provenance, SourceSystem};
    use orienta_thesaurus::Thesaurus;
    use std::sync::Arc;

    fn organisation(id: &str, fr: &str, nl: Option<&str>) -> Organisation {
        let source = Provenance {
            system: SourceSystem::SocialBrussels,
            id: id.to_owned(),
            url: None,
            origin: "test".to_owned(),
            fetched_at: chrono::Utc::now(),
            updated_at: None,
            raw_hash: String::new(),
        };
        let name = I18nText::new(Some(fr.to_owned()), nl.map(str::to_owned));
        let json = serde_json::json!({
            "id": id, "name": name, "official_name": name, "locations": [],
            "sources": [source], "synthetic": true
        });
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn suggests_names_by_word_prefix_with_typos() {
        let dir = tempfile::tempdir().unwrap();
        let thesaurus = Thesaurus::bundled();
        let organisations = vec![
            organisation("a", "CPAS de Schaerbeek", Some("OCMW Schaarbeek")),
            organisation(
                "b",
                "Maison médicale des Marolles",
                Some("Wijkgezondheidscentrum Marollen"),
            ),
            organisation("c", "Schaerbeek Info Jeunes", None),
        ];
        build_version(dir.path(), &organisations, &thesaurus, &[]).unwrap();
        let handle = IndexHandle::open(dir.path(), Arc::new(thesaurus)).unwrap();
        let index = handle.get();

        let found = index.suggest_names("schaer", Lang::Fr, 10).unwrap();
        let labels: Vec<&str> = found.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["Schaerbeek Info Jeunes", "CPAS de Schaerbeek"]);

        let dutch = index.suggest_names("ocmw", Lang::Nl, 10).unwrap();
        assert_eq!(dutch[0].label, "OCMW Schaarbeek");
        assert_eq!(dutch[0].lang, Lang::Nl);

        let typo = index.suggest_names("marolen", Lang::Fr, 10).unwrap();
        assert_eq!(typo.len(), 1, "one typo from five letters: {typo:?}");
        assert!(index
            .suggest_names("maison xyz", Lang::Fr, 10)
            .unwrap()
            .is_empty());
        assert!(index.suggest_names("  ", Lang::Fr, 10).unwrap().is_empty());
        assert_eq!(index.suggest_names("s", Lang::Fr, 1).unwrap().len(), 1);
    }
}
