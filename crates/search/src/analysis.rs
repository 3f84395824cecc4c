//! Text analyzers: French, Dutch and a language-neutral folding analyzer.
//!
//! French: simple tokenizer → remove long → lowercase → French stop words (without
//! `sans`) → Snowball French → ASCII folding (folding last keeps accent-aware stemming).
//! Dutch: the same with Dutch stop words and `DutchPorter` plus overrides.
//! Neutral (`fold`): lowercase + folding, no stop words or stemming, for names and acronyms.

use crate::stem::StemFilter;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter,
    TextAnalyzer, TokenStream,
};
use tantivy::Index;

/// Name of the French analyzer.
pub const FRENCH: &str = "orienta_fr";
/// Name of the Dutch analyzer.
pub const DUTCH: &str = "orienta_nl";
/// Name of the language-neutral folding analyzer.
pub const FOLD: &str = "orienta_fold";

/// French stop words: the usual function words, without `sans` (sans-abri, sans-papiers).
const FRENCH_STOP_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "ce", "ces", "c", "d", "dans", "de", "des", "du", "elle", "en", "et",
    "eux", "il", "j", "je", "l", "la", "le", "les", "leur", "lui", "m", "ma", "mais", "me", "mes",
    "moi", "mon", "n", "ne", "nos", "notre", "nous", "on", "ou", "par", "pour", "qu", "que", "qui",
    "s", "sa", "se", "ses", "son", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une",
    "vos", "votre", "vous", "y", "est", "sont", "suis", "ai", "as", "avons", "ont", "cette", "cet",
    "chez", "plus",
];

/// Dutch stop words: the usual function words.
const DUTCH_STOP_WORDS: &[&str] = &[
    "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is",
    "was", "op", "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of",
    "wat", "mijn", "men", "dit", "zo", "door", "over", "ze", "zich", "bij", "ook", "tot", "je",
    "mij", "uit", "der", "daar", "haar", "naar", "heb", "hoe", "heeft", "hebben", "deze", "u",
    "want", "nog", "zal", "me", "zij", "nu", "ge", "geen", "omdat", "iets", "worden", "toch", "al",
    "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder", "kan", "hun", "dus", "wie",
    "wordt", "jullie", "we", "wij", "onze", "ons",
];

/// Dutch words whose Porter stem would be wrong or split a family apart.
const DUTCH_OVERRIDES: &[(&str, &str)] = &[
    ("ziekenhuizen", "ziekenhuis"),
    ("daklozen", "dakloos"),
    ("dakloze", "dakloos"),
    ("thuislozen", "thuisloos"),
    ("thuisloze", "thuisloos"),
    ("kinderen", "kind"),
    ("gezinnen", "gezin"),
    ("huizen", "huis"),
    ("ouderen", "oud"),
    ("vrouwen", "vrouw"),
    ("jongeren", "jong"),
];

fn french() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::remove(
            FRENCH_STOP_WORDS.iter().map(|word| (*word).to_owned()),
        ))
        .filter(StemFilter::new(frostem::Algorithm::French, &[]))
        .filter(AsciiFoldingFilter)
        .build()
}

fn dutch() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::remove(
            DUTCH_STOP_WORDS.iter().map(|word| (*word).to_owned()),
        ))
        .filter(StemFilter::new(
            frostem::Algorithm::DutchPorter,
            DUTCH_OVERRIDES,
        ))
        .filter(AsciiFoldingFilter)
        .build()
}

fn fold() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers Orienta's analyzers on an index (needed on every `Index` opened).
pub fn register(index: &Index) {
    let manager = index.tokenizers();
    manager.register(FRENCH, french());
    manager.register(DUTCH, dutch());
    manager.register(FOLD, fold());
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
    }

    #[test]
    fn dutch_does_not_merge_gezin_with_zin() {
        assert_ne!(terms(DUTCH, "gezin"), terms(DUTCH, "zin"));
        assert_ne!(terms(DUTCH, "gezondheid"), terms(DUTCH, "zon"));
        assert_eq!(terms(DUTCH, "ziekenhuizen"), terms(DUTCH, "ziekenhuis"));
        assert_eq!(terms(DUTCH, "daklozen"), terms(DUTCH, "dakloos"));
        assert_eq!(terms(DUTCH, "gezinnen"), terms(DUTCH, "gezin"));
    }
}
