//! Text analyzers: French, Dutch and a language-neutral folding analyzer.
//!
//! Words and folding are `orienta_text`'s (see [`crate::words`]).
//! French: words → remove long → lowercase → French stop words (without `sans`) →
//! Snowball French → folding (folding last keeps accent-aware stemming).
//! Dutch: the same with Dutch stop words and `DutchPorter` plus overrides. Dutch parts: when
//! a version is built, the parts of the compounds only (see `decompound`).
//! Neutral (`fold`): folding only, no stop words or stemming, for names and acronyms.

use crate::decompound::DecompoundFilter;
use crate::stem::StemFilter;
use crate::words::{FoldFilter, WordTokenizer};
use orienta_text::stopwords;
use std::collections::HashSet;
use std::sync::Arc;
use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, StopWordFilter, TextAnalyzer, TokenStream};
use tantivy::Index;

/// Name of the French analyzer.
pub const FRENCH: &str = "orienta_fr";
/// Name of the Dutch analyzer.
pub const DUTCH: &str = "orienta_nl";
/// Name of the analyzer of the parts of Dutch compounds (the Dutch one when querying).
pub const DUTCH_PARTS: &str = "orienta_nl_parts";
/// Name of the language-neutral folding analyzer.
pub const FOLD: &str = "orienta_fold";

/// Dutch words whose Porter stem would be wrong or split a family apart, with their term.
const DUTCH_OVERRIDES: &[(&str, &str)] = &[
    ("ziekenhuizen", "ziekenhuis"),
    ("daklozen", "daklos"),
    ("dakloze", "daklos"),
    ("thuislozen", "thuislos"),
    ("thuisloze", "thuislos"),
    ("kinderen", "kind"),
    ("gezinnen", "gezin"),
    ("huizen", "huis"),
    ("ouderen", "oud"),
    ("vrouwen", "vrouw"),
    ("jongeren", "jong"),
];

/// French words whose Snowball stem would merge them with another family, with their term:
/// an `aidant proche` (informal carer) is not any `aide`.
const FRENCH_OVERRIDES: &[(&str, &str)] = &[
    ("aidant", "aidant"),
    ("aidants", "aidant"),
    ("aidante", "aidant"),
    ("aidantes", "aidant"),
];

fn french() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::remove(
            stopwords::FRENCH.iter().map(|word| (*word).to_owned()),
        ))
        .filter(StemFilter::new(
            frostem::Algorithm::French,
            FRENCH_OVERRIDES,
        ))
        .filter(FoldFilter)
        .build()
}

/// The Dutch analyzer; with a vocabulary, the parts of compounds instead of the words.
fn dutch(vocabulary: Option<Arc<HashSet<String>>>) -> TextAnalyzer {
    let mut builder = TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::remove(
            stopwords::DUTCH.iter().map(|word| (*word).to_owned()),
        ))
        .dynamic();
    if let Some(vocabulary) = vocabulary {
        builder = builder.filter_dynamic(DecompoundFilter::new(vocabulary));
    }
    builder
        .filter_dynamic(StemFilter::new(
            frostem::Algorithm::DutchPorter,
            DUTCH_OVERRIDES,
        ))
        .filter_dynamic(FoldFilter)
        .build()
}

fn fold() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(FoldFilter)
        .build()
}

/// Registers Orienta's analyzers on an index (needed on every `Index` opened).
pub fn register(index: &Index) {
    let manager = index.tokenizers();
    manager.register(FRENCH, french());
    manager.register(DUTCH, dutch(None));
    manager.register(DUTCH_PARTS, dutch(None));
    manager.register(FOLD, fold());
}

/// Registers the analyzers of a version's build: the parts analyzer cuts compounds over
/// `vocabulary` (see `decompound`).
pub fn register_for_build(index: &Index, vocabulary: HashSet<String>) {
    register(index);
    let parts = dutch(Some(Arc::new(vocabulary)));
    index.tokenizers().register(DUTCH_PARTS, parts);
}

/// Runs an analyzer over a text and returns its terms.
pub fn analyze(index: &Index, analyzer: &str, text: &str) -> Vec<String> {
    let Some(mut analyzer) = index.tokenizers().get(analyzer) else {
        return Vec::new();
    };
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while stream.advance() {
        terms.push(stream.token().text.clone());
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::Schema;

    fn terms(analyzer: &str, text: &str) -> Vec<String> {
        let index = Index::create_in_ram(Schema::builder().build());
        register(&index);
        analyze(&index, analyzer, text)
    }

    #[test]
    fn french_keeps_sans_and_folds_after_stemming() {
        assert_eq!(terms(FRENCH, "sans-abri"), vec!["san", "abri"]);
        assert_eq!(terms(FRENCH, "hôpitaux"), terms(FRENCH, "hopital"));
        assert_eq!(terms(FRENCH, "l'aide sociale"), vec!["aid", "social"]);
        assert_eq!(terms(FRENCH, "aidantes"), terms(FRENCH, "aidant"));
        assert_ne!(terms(FRENCH, "aidants"), terms(FRENCH, "aide"));
    }

    #[test]
    fn acronyms_and_ligatures_meet_their_plain_spelling() {
        assert_eq!(terms(FOLD, "C.P.A.S. Œuvre"), vec!["cpas", "oeuvre"]);
        assert_eq!(terms(FRENCH, "C.P.A.S."), terms(FRENCH, "CPAS"));
    }

    #[test]
    fn dutch_does_not_merge_gezin_with_zin() {
        assert_ne!(terms(DUTCH, "gezin"), terms(DUTCH, "zin"));
        assert_ne!(terms(DUTCH, "gezondheid"), terms(DUTCH, "zon"));
        assert_eq!(terms(DUTCH, "ziekenhuizen"), terms(DUTCH, "ziekenhuis"));
        assert_eq!(terms(DUTCH, "daklozen"), terms(DUTCH, "dakloos"));
        assert_eq!(terms(DUTCH, "gezinnen"), terms(DUTCH, "gezin"));
    }

    #[test]
    fn dutch_plurals_meet_their_singular_after_doubled_consonants_and_v_z() {
        for (plural, singular) in [
            ("verkeersongevallen", "verkeersongeval"),
            ("mannen", "man"),
            ("zussen", "zus"),
            ("brieven", "brief"),
            ("reizen", "reis"),
            ("oppassen", "oppas"),
            ("problemen", "probleem"),
        ] {
            assert_eq!(terms(DUTCH, plural), terms(DUTCH, singular), "{plural}");
        }
        assert_ne!(terms(DUTCH, "bus"), terms(DUTCH, "bui"));
    }

    fn parts(vocabulary: &[&str], text: &str) -> Vec<String> {
        let index = Index::create_in_ram(Schema::builder().build());
        let vocabulary: HashSet<String> = vocabulary.iter().map(|w| (*w).to_owned()).collect();
        register_for_build(&index, vocabulary);
        analyze(&index, DUTCH_PARTS, text)
    }

    fn whole(text: &str) -> Vec<String> {
        terms(DUTCH, text)
    }

    #[test]
    fn a_compound_of_known_words_is_indexed_with_its_parts() {
        let vocabulary = ["gok", "verslaving", "schulden", "last"];
        let gambling = parts(&vocabulary, "Hulp bij gokverslaving");
        assert_eq!(gambling, whole("gok verslaving"));
        let debts = parts(&vocabulary, "schuldenlast");
        assert_eq!(debts, whole("schulden last"));
        assert_eq!(
            whole("gokverslaving").len(),
            1,
            "the text field keeps whole words"
        );
    }

    #[test]
    fn unknown_parts_and_short_words_stay_whole() {
        assert!(parts(&["gok"], "gokverslaving").is_empty());
        assert_eq!(parts(&["huis", "arts"], "huisarts").len(), 2);
        assert!(parts(&["huis", "arts"], "huisart").is_empty());
    }
}
