//! Source bytes as text, the one rule for files and HTTP responses alike.

/// Source bytes as text: UTF-8, else cp1252 (the usual encoding of Belgian spreadsheets);
/// a leading byte-order mark is dropped.
pub(crate) fn decode(bytes: Vec<u8>) -> String {
    let body = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => encoding_rs::WINDOWS_1252
            .decode(error.as_bytes())
            .0
            .into_owned(),
    };
    match body.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => body,
    }
}
