//! The loaded thesaurus and its public queries.

use crate::category::CategoryIndex;
use crate::error::ThesaurusError;
use crate::file::{self, ConceptRecord};
use crate::found::RawMatch;
use crate::glossary::Glossary;
use crate::guess::WordNeeds;
use crate::heads::CompoundHeads;
use crate::hierarchy::Hierarchy;
use crate::index::TermIndex;
use crate::situations::{SituationModel, GUESSES};
use crate::suggest::{self, SuggestEntry, Suggestion};
use crate::typos::TypoKeys;
use crate::validate::validate;
use crate::{matcher, Concept, ConceptMatch};
use orienta_model::{CareLine, I18nText, Lang};
use orienta_text::Vocabulary;
use orienta_text::{tokenize, Tokens};
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The thesaurus file bundled in the binary.
const BUNDLED_TOML: &str = include_str!("../../../data/thesaurus.toml");

/// The terms of a concept for query expansion: (FR, NL, EN, acronyms), labels first.
pub type ConceptTerms = (Vec<String>, Vec<String>, Vec<String>, Vec<String>);

/// The loaded thesaurus. Cheap to clone (shared, immutable).
#[derive(Debug, Clone, Default)]
pub struct Thesaurus {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    version: String,
    concepts: Vec<Concept>,
    records: Vec<ConceptRecord>,
    by_id: FxHashMap<String, usize>,
    hierarchy: Hierarchy,
    /// Every form, situation words included: reads questions.
    terms: TermIndex,
    /// The needs each word of `terms` belongs to: guesses for a question that reads none.
    word_needs: WordNeeds,
    /// Needs guessed from a long question's words, learned from example messages.
    situations: SituationModel,
    typos: TypoKeys,
    /// The forms that tag records (no situation words), matched exactly.
    record_terms: TermIndex,
    /// The one-word Dutch forms of `record_terms`: the heads of a record's compounds.
    record_heads: CompoundHeads,
    /// Empty: exact matching never reads typo keys.
    no_typos: TypoKeys,
    categories: CategoryIndex,
    suggestions: Vec<SuggestEntry>,
    vocabulary: Vocabulary,
    shared_terms: Vec<String>,
    glossary: Glossary,
}

impl Thesaurus {
    /// The thesaurus bundled in the binary (`data/thesaurus.toml`), parsed once.
    pub fn bundled() -> Self {
        static BUNDLED: OnceLock<Thesaurus> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                // The bundled file is checked by the `bundled_thesaurus_is_valid` test.
                Thesaurus::from_toml_str(BUNDLED_TOML)
                    .expect("bundled data/thesaurus.toml is valid")
            })
            .clone()
    }

    /// Loads and validates a thesaurus file.
    pub fn load(path: &Path) -> Result<Self, ThesaurusError> {
        let text = std::fs::read_to_string(path).map_err(|source| ThesaurusError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_toml_str(&text)
    }

    /// Parses and validates a thesaurus from TOML text; every problem is reported.
    pub fn from_toml_str(text: &str) -> Result<Self, ThesaurusError> {
        let parsed =
            file::parse(text).map_err(|error| ThesaurusError::Invalid(error.to_string()))?;
        let problems = validate(&parsed);
        if !problems.is_empty() {
            return Err(ThesaurusError::Invalid(problems.join("; ")));
        }
        let records = parsed.concepts;
        let by_id: FxHashMap<String, usize> = records
            .iter()
            .enumerate()
            .map(|(position, record)| (record.id.clone(), position))
            .collect();
        let concepts = records
            .iter()
            .map(|record| Concept {
                id: record.id.clone(),
                label: I18nText {
                    fr: record.label(Lang::Fr).map(str::to_owned),
                    nl: record.label(Lang::Nl).map(str::to_owned),
                    en: record.label(Lang::En).map(str::to_owned),
                },
                broader: record.broader.clone(),
                related: record.related.clone(),
                line: record.line,
                teaches_language: record.teaches_language,
            })
            .collect();
        let terms = TermIndex::build(&records, true);
        let record_terms = TermIndex::build(&records, false);
        let inner = Inner {
            version: parsed.version,
            hierarchy: Hierarchy::build(&records, &by_id),
            typos: TypoKeys::build(&terms),
            word_needs: WordNeeds::build(&terms),
            situations: SituationModel::bundled(&records, &by_id)?,
            terms,
            record_heads: CompoundHeads::build(&record_terms),
            record_terms,
            no_typos: TypoKeys::default(),
            categories: CategoryIndex::build(&records),
            suggestions: suggest::build(&records),
            vocabulary: vocabulary(&records),
            shared_terms: parsed.shared_terms,
            glossary: Glossary::bundled(),
            concepts,
            records,
            by_id,
        };
        Ok(Thesaurus {
            inner: Arc::new(inner),
        })
    }

    /// The words in `into` of the meanings of one folded word of the language `from` in the
    /// FR ↔ NL glossary (`data/glossary.toml`): its translations (`deurwaarder` →
    /// `huissier`), empty when the glossary does not hold it in `from`.
    pub fn translations(&self, folded_word: &str, from: Lang, into: Lang) -> Vec<&str> {
        self.inner.glossary.words_into(folded_word, from, into)
    }

    /// The forms of several words of the glossary in a text's folded tokens, in the
    /// language `from`, with their words in `into` (`accident de la route` →
    /// `verkeersongeval`): longest first, without overlap.
    pub fn phrase_translations(
        &self,
        folded_words: &[String],
        from: Lang,
        into: Lang,
    ) -> Vec<(std::ops::Range<usize>, Vec<&str>)> {
        let glossary = &self.inner.glossary;
        glossary
            .phrases_in(folded_words, from)
            .into_iter()
            .map(|phrase| {
                let words = glossary.phrase_words_into(&phrase, into);
                (phrase.start..phrase.end, words)
            })
            .collect()
    }

    /// The version of the thesaurus file.
    pub fn version(&self) -> &str {
        &self.inner.version
    }

    /// All concepts, in file order.
    pub fn concepts(&self) -> &[Concept] {
        &self.inner.concepts
    }

    /// One concept by id.
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.position(id)
            .map(|position| &self.inner.concepts[position])
    }

    /// Terms deliberately shared by several concepts, as listed in the file.
    pub fn shared_terms(&self) -> &[String] {
        &self.inner.shared_terms
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.inner.by_id.get(id).copied()
    }

    fn ids(&self, positions: impl IntoIterator<Item = usize>) -> Vec<String> {
        positions
            .into_iter()
            .map(|position| self.inner.concepts[position].id.clone())
            .collect()
    }

    /// The concept and all its narrower concepts, transitively (the concept first, then
    /// breadth first). An unknown id is returned alone, so a filter on it matches nothing.
    pub fn with_narrower(&self, id: &str) -> Vec<String> {
        match self.position(id) {
            Some(position) => self.ids(self.inner.hierarchy.with_descendants(position)),
            None => vec![id.to_owned()],
        }
    }

    /// All broader concepts of a concept, nearest first (empty for a top concept or an
    /// unknown id).
    pub fn broader_chain(&self, id: &str) -> Vec<String> {
        self.position(id)
            .map(|position| self.ids(self.inner.hierarchy.ancestors(position)))
            .unwrap_or_default()
    }

    /// Concepts for a social.brussels category: by id when the id is known, else by
    /// folded FR / NL label; a label matching no category label falls back to the
    /// concepts named in it ([`Thesaurus::match_text`], exact). Sorted, deduplicated.
    pub fn concepts_for_category(
        &self,
        id: Option<i64>,
        label_fr: Option<&str>,
        label_nl: Option<&str>,
    ) -> Vec<String> {
        if let Some(known) = id.and_then(|id| self.inner.categories.by_id(id)) {
            let ids: BTreeSet<String> = self.ids(known.iter().copied()).into_iter().collect();
            return ids.into_iter().collect();
        }
        let mut found = BTreeSet::new();
        for label in [label_fr, label_nl].into_iter().flatten() {
            match self.inner.categories.by_label(label) {
                Some(known) => found.extend(self.ids(known.iter().copied())),
                None => found.extend(self.needs_for_text(label)),
            }
        }
        found.into_iter().collect()
    }

    /// Concepts named in a free text: non-overlapping greedy longest matches over the
    /// labels, terms and acronyms. With `max_edits` > 0, words of 5+ letters may differ
    /// by one edit and words of 9+ letters by two, `max_edits` in total per match; exact
    /// matches win at equal length. A form shared by several concepts gives one match each.
    /// In a question (`max_edits` > 0), a form that speaks or is spoken to (`le médecin
    /// parle d'Alzheimer`) or whose verb a Dutch particle changes (`ziet er slecht uit`) is
    /// no need.
    pub fn match_text(&self, text: &str, max_edits: u8) -> Vec<ConceptMatch> {
        let tokens = tokenize(text);
        matcher::find(
            &self.inner.terms,
            &self.inner.typos,
            &self.inner.hierarchy,
            &tokens,
            max_edits,
        )
        .into_iter()
        .map(|found| self.concept_match(&self.inner.terms, &found))
        .collect()
    }

    /// The needs a question's words point to when it reads none (`studio insalubre`:
    /// housing), best first, at most two ([`crate::guess`]). A guess, not a reading: the
    /// search ranks with it and does not say it understood it.
    pub fn guess_needs(&self, text: &str) -> Vec<String> {
        let all_tokens = tokenize(text);
        let tokens: Vec<_> = all_tokens.iter().collect();
        let mut guessed = self.inner.word_needs.guess(&self.inner.terms, &tokens);
        let likeliest = self.inner.situations.likeliest(&all_tokens, GUESSES);
        for need in likeliest {
            if !guessed.contains(&need) {
                guessed.push(need);
            }
        }
        guessed
            .into_iter()
            .map(|concept| self.inner.concepts[concept].id.clone())
            .collect()
    }

    /// The ids of the needs whose example messages the words of a long question most
    /// resemble (its `tokens`), likeliest first, `limit` at most ([`crate::situations`]).
    pub(crate) fn likeliest_needs(&self, tokens: &Tokens, limit: usize) -> Vec<String> {
        self.inner
            .situations
            .likeliest(tokens, limit)
            .into_iter()
            .map(|concept| self.inner.concepts[concept].id.clone())
            .collect()
    }

    /// The match of the entry `found` of `terms`.
    fn concept_match(&self, terms: &TermIndex, found: &RawMatch) -> ConceptMatch {
        let entry = &terms.entries[found.entry];
        ConceptMatch {
            concept: self.inner.concepts[entry.concept].id.clone(),
            term: entry.folded.clone(),
            lang: entry.lang,
            start_token: found.start,
            end_token: found.end,
            edits: found.edits,
            situation: entry.situation,
        }
    }

    /// The concept ids a record's text names (exact matches of labels, terms and acronyms;
    /// situation words are for questions only), sorted and deduplicated.
    /// Broader concepts are not added: use [`Thesaurus::broader_chain`] for that.
    pub fn needs_for_text(&self, text: &str) -> Vec<String> {
        let mut ids: Vec<String> = self
            .record_matches(text)
            .into_iter()
            .map(|found| found.concept)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The concepts a record's text names, one match each (exact matches of labels, terms
    /// and acronyms, and the heads of Dutch compounds no form covers, `heads`;
    /// situation words are for questions only). A form shared by several concepts gives
    /// one match each: see [`Thesaurus::resolve_shared_forms_given`].
    pub fn record_matches(&self, text: &str) -> Vec<ConceptMatch> {
        let tokens = tokenize(text);
        let terms = &self.inner.record_terms;
        let mut found = matcher::find(
            terms,
            &self.inner.no_typos,
            &self.inner.hierarchy,
            &tokens,
            0,
        );
        let by_heads = self.inner.record_heads.matches(&tokens, &found);
        found.extend(by_heads);
        found
            .iter()
            .map(|found| self.concept_match(terms, found))
            .collect()
    }

    /// The care line of a set of needs: first line if any known need is, specialised if
    /// any is known, `None` otherwise.
    pub fn care_line<S: AsRef<str>>(&self, needs: &[S]) -> Option<CareLine> {
        let lines = needs
            .iter()
            .filter_map(|need| self.concept(need.as_ref()))
            .map(|concept| concept.line);
        lines.min_by_key(|line| match line {
            CareLine::FirstLine => 0,
            CareLine::Specialised => 1,
        })
    }

    /// The words of a concept for query expansion: (FR, NL, EN, acronyms), each list with
    /// the preferred label first, as written in the thesaurus. Empty for an unknown id.
    pub fn terms(&self, id: &str) -> ConceptTerms {
        let Some(position) = self.position(id) else {
            return ConceptTerms::default();
        };
        let record = &self.inner.records[position];
        let of = |lang: Lang| -> Vec<String> {
            let mut words: Vec<String> =
                record.label(lang).map(str::to_owned).into_iter().collect();
            for term in record.terms(lang) {
                if !words.contains(term) {
                    words.push(term.clone());
                }
            }
            words
        };
        let acronyms = record.all_acronyms().cloned().collect();
        (of(Lang::Fr), of(Lang::Nl), of(Lang::En), acronyms)
    }

    /// Concepts whose label, term or acronym starts with `prefix` (or has a word starting
    /// with it), labels and the requested language first, one per concept.
    pub fn suggest(&self, prefix: &str, lang: Lang, limit: usize) -> Vec<Suggestion> {
        suggest::suggest(&self.inner.suggestions, prefix, lang, limit)
            .into_iter()
            .map(|(position, matched)| {
                let concept = &self.inner.concepts[position];
                let label = concept.label.resolve(lang).map(|label| label.text);
                Suggestion {
                    concept: concept.id.clone(),
                    label: label.unwrap_or(concept.id.as_str()).to_owned(),
                    matched: matched.to_owned(),
                }
            })
            .collect()
    }

    /// French or Dutch, guessed from the thesaurus vocabulary and function words; `None`
    /// when undecided (acronyms, names, as many French as Dutch clues). Never English.
    pub fn guess_lang(&self, text: &str) -> Option<Lang> {
        orienta_text::guess_query(text, &self.inner.vocabulary)
    }
}

/// The words typical of French or of Dutch: the keys of each language's labels and terms.
fn vocabulary(records: &[ConceptRecord]) -> Vocabulary {
    let texts = |lang: Lang| -> Vec<&str> {
        let labels = records.iter().filter_map(move |record| record.label(lang));
        let terms = records
            .iter()
            .flat_map(move |record| record.terms(lang).iter().map(String::as_str));
        labels.chain(terms).collect()
    };
    Vocabulary::from_texts(texts(Lang::Fr), texts(Lang::Nl))
}

#[cfg(test)]
impl Thesaurus {
    /// The term index and its typo keys, for the matcher's tests.
    pub(crate) fn term_index(&self) -> (&TermIndex, &TypoKeys) {
        (&self.inner.terms, &self.inner.typos)
    }
}
