//! Services reserved to a public the caller is not part of: those that see professionals
//! only and programmes for the perpetrators of violence ([`orienta_text::served`]). They
//! still answer, after the services the caller can turn to, unless the question is about
//! that public (`supervision pour intervenants`, `hulp voor daders`).

use orienta_model::{Lang, Organisation};
use orienta_text::{fold, served};

/// The index field holding a record's reservations ([`PROFESSIONALS_ONLY`] and
/// [`PERPETRATORS`] bits), indexed: a search reads the few reserved records of a segment
/// through their terms.
pub const FIELD: &str = "reserved";

/// The record sees professionals only.
pub const PROFESSIONALS_ONLY: u64 = 1;

/// The record is a programme for the perpetrators of violence.
pub const PERPETRATORS: u64 = 2;

/// Every reservation bit.
pub const ALL: u64 = PROFESSIONALS_ONLY | PERPETRATORS;

/// The factor applied to the score of a reserved record the question is not about. Measured
/// on all 398 development queries (2026-12-06, session 24): 0.8283 without, 0.8341 (×0.2),
/// 0.8334 (×0.4), 0.8332 (×0.6); the unread seventh, eighth and ninth sets 0.738 / 0.772 /
/// 0.778 without, 0.742 / 0.777 / 0.780 at ×0.4 (the same within 0.002 from ×0.2 to ×0.6).
pub const FACTOR: f32 = 0.4;

/// The reservations a record's public (`audience_folded`, its French and Dutch audience
/// texts already folded) and descriptions state.
pub fn flags(organisation: &Organisation, audience_folded: &str) -> u64 {
    let mut folded = format!("{audience_folded} ");
    for lang in [Lang::Fr, Lang::Nl] {
        if let Some(text) = organisation.description.get(lang) {
            folded.push_str(&fold(text));
            folded.push(' ');
        }
    }
    let mut flags = 0;
    if served::professionals_only(&folded) {
        flags |= PROFESSIONALS_ONLY;
    }
    if served::for_perpetrators(&folded) {
        flags |= PERPETRATORS;
    }
    flags
}

/// The reservations that lower a record for a question: those whose public the question's
/// folded words do not name (its asker's own words left out: `assistante sociale ici`
/// asks for a client).
pub fn lowered(words: &[String], asker: &[usize]) -> u64 {
    let asked: Vec<&String> = words
        .iter()
        .enumerate()
        .filter(|(position, _)| !asker.contains(position))
        .map(|(_, word)| word)
        .collect();
    let mut lowered = 0;
    if !served::names_professionals(&asked) {
        lowered |= PROFESSIONALS_ONLY;
    }
    if !served::names_perpetrators(&asked) {
        lowered |= PERPETRATORS;
    }
    lowered
}
