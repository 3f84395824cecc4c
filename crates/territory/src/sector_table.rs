//! The optional tables keyed by statistical sector (QSS, population): read bounded, the
//! byte-order mark dropped, `,` or `;` as the header says.

use crate::TerritoryError;
use std::io::Read;

/// Largest table read (the real ones are about 20–60 kB).
const MAX_BYTES: u64 = 8 * 1024 * 1024;

/// The table's text, at most [`MAX_BYTES`], without a byte-order mark; `file` names it in
/// the error.
pub(crate) fn read_text(reader: impl Read, file: &str) -> Result<String, TerritoryError> {
    let mut text = String::new();
    reader
        .take(MAX_BYTES)
        .read_to_string(&mut text)
        .map_err(|error| TerritoryError::layer(file, error))?;
    Ok(text.trim_start_matches('\u{feff}').to_owned())
}

/// A CSV reader over `text`, separated by `;` when the header has `;` and no `,`, by `,`
/// otherwise; cells trimmed.
pub(crate) fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    let header = text.lines().next().unwrap_or_default();
    let delimiter = if header.contains(';') && !header.contains(',') {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes())
}
