//! Dutch compounds in a query that the thesaurus does not know, cut into words the index
//! or the thesaurus knows (`gokverslaving` → `gok verslaving`), so that the parts are
//! searched and recognised as needs. The whole word stays, scored but not required.

use crate::analysis::{self, DUTCH, FOLD, FRENCH};
use crate::index::SearchIndex;
use orienta_model::Lang;
use tantivy::schema::Field;
use tantivy::Term;

use orienta_text::compound::MIN_COMPOUND_CHARS;

/// True when `field`, analysed with `analyzer`, holds `word` as one term of some record.
fn indexed(index: &SearchIndex, field: Field, analyzer: &str, word: &str) -> bool {
    let terms = analysis::analyze(index.tantivy(), analyzer, word);
    let [term] = terms.as_slice() else {
        return false;
    };
    let term = Term::from_field_text(field, term);
    index.searcher().doc_freq(&term).unwrap_or(0) > 0
}

/// True when the index's texts, names or places, or the thesaurus, know a folded word.
fn known(index: &SearchIndex, word: &str) -> bool {
    let fields = index.fields();
    let in_index = indexed(index, fields.text_nl, DUTCH, word)
        || indexed(index, fields.text_fr, FRENCH, word)
        || indexed(index, fields.name_any, FOLD, word)
        || indexed(index, fields.place, FOLD, word);
    in_index || !index.thesaurus().match_text(word, 0).is_empty()
}

/// A compound whose first part is a need the thesaurus knows and whose rest nobody knows
/// (`schuldenlast`): the need and the rest, the longest need first.
fn need_and_rest<'a>(index: &SearchIndex, word: &'a str) -> Option<Vec<&'a str>> {
    const MIN_PART: usize = orienta_text::compound::MIN_PART_CHARS;
    let boundaries: Vec<usize> = word.char_indices().map(|(position, _)| position).collect();
    boundaries
        .iter()
        .rev()
        .filter(|&&cut| cut >= MIN_PART && word.len() - cut >= MIN_PART)
        .find(|&&cut| !index.thesaurus().match_text(&word[..cut], 0).is_empty())
        .filter(|&&cut| !known(index, &word[cut..]))
        .map(|&cut| vec![&word[..cut], &word[cut..]])
}

/// The fewest letters of a compound's known last part when the rest is unknown.
const MIN_HEAD_CHARS: usize = 5;

/// A compound nobody knows whose last part is known (`deelfrigo` → `deel` + `frigo`): in
/// Dutch the last part says what the thing is, the rest only qualifies it. The longest
/// known last part wins. Only a last resort: `buurvrouw` is a neighbour, not a woman.
fn rest_and_head<'a>(index: &SearchIndex, word: &'a str) -> Option<Vec<&'a str>> {
    const MIN_PART: usize = orienta_text::compound::MIN_PART_CHARS;
    if known(index, word) {
        return None;
    }
    let boundaries: Vec<usize> = word.char_indices().map(|(position, _)| position).collect();
    boundaries
        .iter()
        .filter(|&&cut| cut >= MIN_PART && word[cut..].chars().count() >= MIN_HEAD_CHARS)
        .find(|&&cut| known(index, &word[cut..]))
        .map(|&cut| vec![&word[..cut], &word[cut..]])
}

/// True unless the glossary translates the compound and none of its translations names a
/// need: a compound with a meaning of its own is not read through its parts
/// (`schuldgevoel` is `culpabilité`, guilt, not a debt; `drugspreventie` is `prévention des
/// drogues`, still about drugs).
fn parts_may_name_needs(index: &SearchIndex, word: &str) -> bool {
    let thesaurus = index.thesaurus();
    let translations = thesaurus.translations(word, Lang::Nl, Lang::Fr);
    let names_need = |text: &&str| !thesaurus.match_text(text, 0).is_empty();
    translations.is_empty() || translations.iter().any(names_need)
}

/// A query text whose unknown compounds were cut.
pub(super) struct Decompounded {
    /// The folded text, each unknown compound replaced by its parts.
    pub text: String,
    /// The words scored but not required: the compounds cut, and their parts when a need
    /// is recognised beside them.
    pub whole: Vec<String>,
    /// The parts of the compounds cut.
    pub parts: Vec<String>,
}

/// The text with each compound the thesaurus does not know followed by its known parts
/// (with `by_head`, also one known only by its last part); `None` when no word was cut.
pub(super) fn decompound(index: &SearchIndex, text: &str, by_head: bool) -> Option<Decompounded> {
    let tokens = orienta_text::tokenize(text);
    let mut words: Vec<&str> = Vec::with_capacity(tokens.len());
    let mut cut_parts: Vec<String> = Vec::new();
    let mut whole: Vec<String> = Vec::new();
    for token in tokens.iter() {
        let word = token.folded;
        // A language name (`nederlandstalig`, `néerlandais`) is read as a spoken language.
        let candidate = word.chars().count() >= MIN_COMPOUND_CHARS
            && orienta_text::spoken::named(word).is_none()
            && index.thesaurus().match_text(word, 0).is_empty();
        let parts = (candidate && parts_may_name_needs(index, word))
            .then(|| {
                orienta_text::compound::split(word, &|part| known(index, part))
                    .or_else(|| need_and_rest(index, word))
                    .or_else(|| by_head.then(|| rest_and_head(index, word)).flatten())
            })
            .flatten();
        match parts {
            Some(parts) => {
                words.push(word);
                whole.push(word.to_owned());
                words.extend(&parts);
                cut_parts.extend(parts.into_iter().map(str::to_owned));
            }
            None => words.push(word),
        }
    }
    if cut_parts.is_empty() {
        return None;
    }
    Some(Decompounded {
        text: words.join(" "),
        whole,
        parts: cut_parts,
    })
}
