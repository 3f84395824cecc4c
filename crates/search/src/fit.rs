//! How well a record fits the person a question is about: a service reserved to a public
//! the question does not name ([`crate::reserved`]), one for other ages than those it names
//! ([`crate::audience::age_bits`]) or a course of another language than the one it wants to
//! learn ([`orienta_text::spoken::taught`]) keeps its place among the matches, with its
//! score lowered.

use crate::audience;
use crate::reserved;
use tantivy::columnar::Column;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, SegmentReader, Term, TERMINATED};

/// The factor applied to the score of a record for other ages than those the question names
/// (a youth service for `licencié à 45 ans`). Measured on all 398 development queries
/// (2026-12-06, session 24): 0.8334 without, 0.8337 (×0.5 and ×0.25); the ninth set, whose
/// records nobody read, 0.780 → 0.785 (its everyday questions 0.716 → 0.725); the seventh
/// and eighth unchanged. Ages read from words (`ado`, `senior`, `enfant`) as well: 0.8318,
/// not kept (family services tagged for older people fell for `garde d'enfant malade`).
const AGE_FACTOR: f32 = 0.5;

/// The factor applied to the score of a course of another language than the one a question
/// wants to learn (`Cours de Français du Midi` for `Nederlands leren`). Measured on all 398
/// development queries (2026-12-06, session 24): 0.8337 without, 0.8343 (×0.5), 0.8344
/// (×0.25); the eighth set 0.777 → 0.778, the seventh and ninth unchanged.
const TAUGHT_FACTOR: f32 = 0.5;

/// What lowers a record for one question.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fit {
    /// The reservations the question does not name ([`reserved::lowered`]).
    pub lowered: u64,
    /// The age bits of the records that suit the ages the question names, if it names any.
    pub suited_ages: Option<u64>,
    /// The bits of the languages the question wants to learn ([`taught_bits`]), if any.
    pub taught: Option<u64>,
}

/// The fast field of the languages a record's courses teach ([`taught_bits`]).
pub const TAUGHT_FIELD: &str = "taught";

/// The bits of taught languages (French, Dutch, English, any other).
pub fn taught_bits<S: AsRef<str>>(codes: &[S]) -> u64 {
    codes
        .iter()
        .map(|code| match code.as_ref() {
            "fr" => 1,
            "nl" => 2,
            "en" => 4,
            _ => 8,
        })
        .fold(0, |bits, bit| bits | bit)
}

/// A [`Fit`] read against one segment: the few reserved records it lowers, found through
/// the index's terms, the ages column when the question names an age and the courses column
/// when it names a language to learn.
pub struct SegmentFit {
    fit: Fit,
    /// The segment's records with a lowered reservation, in order.
    lowered_docs: Vec<DocId>,
    ages: Option<Column<u64>>,
    taught: Option<Column<u64>>,
}

impl SegmentFit {
    /// Reads what `fit` needs in `segment`. A question that names no age and no language to
    /// learn reads no column: read for every match, two columns made the text queries at
    /// 100k about 8 % slower.
    pub fn new(segment: &SegmentReader, fit: Fit) -> Self {
        let fast = segment.fast_fields();
        let ages = fit
            .suited_ages
            .and_then(|_| fast.u64(audience::AGES_FIELD).ok());
        let taught = fit.taught.and_then(|_| fast.u64(TAUGHT_FIELD).ok());
        Self {
            fit,
            lowered_docs: lowered_docs(segment, fit.lowered),
            ages,
            taught,
        }
    }

    /// The factor of `doc`'s score: 1 when it fits.
    pub fn factor(&self, doc: DocId) -> f32 {
        let mut factor = 1.0;
        if !self.lowered_docs.is_empty() && self.lowered_docs.binary_search(&doc).is_ok() {
            factor *= reserved::FACTOR;
        }
        if let (Some(suited), Some(column)) = (self.fit.suited_ages, &self.ages) {
            let ages = column.first(doc).unwrap_or(0);
            if ages != 0 && ages & suited == 0 {
                factor *= AGE_FACTOR;
            }
        }
        if let (Some(asked), Some(column)) = (self.fit.taught, &self.taught) {
            let taught = column.first(doc).unwrap_or(0);
            if taught != 0 && taught & asked == 0 {
                factor *= TAUGHT_FACTOR;
            }
        }
        factor
    }
}

/// The records of `segment` whose reservations share a bit with `lowered`, in order.
fn lowered_docs(segment: &SegmentReader, lowered: u64) -> Vec<DocId> {
    let mut docs = Vec::new();
    if lowered == 0 {
        return docs;
    }
    let Ok(field) = segment.schema().get_field(reserved::FIELD) else {
        return docs;
    };
    let Ok(inverted) = segment.inverted_index(field) else {
        return docs;
    };
    for value in (1..=reserved::ALL).filter(|value| value & lowered != 0) {
        let term = Term::from_field_u64(field, value);
        let Ok(Some(mut postings)) = inverted.read_postings(&term, IndexRecordOption::Basic) else {
            continue;
        };
        while postings.doc() != TERMINATED {
            docs.push(postings.doc());
            postings.advance();
        }
    }
    docs.sort_unstable();
    docs
}
