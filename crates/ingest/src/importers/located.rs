//! Where a JSON record starts in its file, so a rejection names the line of the file
//! (a record parsed on its own is always "line 1" to the JSON parser).

use crate::draft::Parsed;

/// Where a record starts: 1-based line, and the bytes before it on that line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Start {
    pub line: usize,
    pub column_offset: usize,
}

/// The start of every record (each a slice of `body`, in order; `None` for one that is not).
pub(crate) fn record_lines(body: &str, records: &[&str]) -> Vec<Option<Start>> {
    let base = body.as_ptr() as usize;
    let mut line = 1;
    let mut counted_to = 0;
    let mut line_start = 0;
    records
        .iter()
        .map(|record| {
            let offset = (record.as_ptr() as usize).checked_sub(base)?;
            if offset < counted_to || offset + record.len() > body.len() {
                return None;
            }
            let between = &body.as_bytes()[counted_to..offset];
            line += memchr::memchr_iter(b'\n', between).count();
            if let Some(last) = memchr::memrchr(b'\n', between) {
                line_start = counted_to + last + 1;
            }
            counted_to = offset;
            Some(Start {
                line,
                column_offset: offset - line_start,
            })
        })
        .collect()
}

/// A rejection that names the line of the file: `line N: …`, and the parser's own
/// `at line L column C` moved to the file's line and column.
pub(crate) fn at_line(parsed: Parsed, start: Option<Start>) -> Parsed {
    let (mut rejection, start) = match (parsed, start) {
        (Parsed::Rejected(rejection), Some(start)) => (rejection, start),
        (parsed, _) => return parsed,
    };
    let message = &rejection.issue.message;
    let moved = parser_position(message)
        .map(|(at, line, column)| {
            let (file_line, file_column) = match line {
                1 => (start.line, start.column_offset + column),
                _ => (start.line + line - 1, column),
            };
            format!("{}at line {file_line} column {file_column}", &message[..at])
        })
        .unwrap_or_else(|| message.clone());
    rejection.issue.message = format!("line {}: {moved}", start.line);
    Parsed::Rejected(rejection)
}

/// The `at line L column C` ending of a serde_json message: its byte offset, L and C.
fn parser_position(message: &str) -> Option<(usize, usize, usize)> {
    let at = message.rfind("at line ")?;
    let (line, column) = message[at + "at line ".len()..].split_once(" column ")?;
    Some((at, line.parse().ok()?, column.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::json_records;

    #[test]
    fn ndjson_records_start_on_their_lines() {
        let body = "{\"a\":1}\n\n  {\"b\":2}\r\n{\"c\":3}";
        let records = json_records(body);
        let starts: Vec<_> = record_lines(body, &records)
            .into_iter()
            .map(|start| start.map(|s| (s.line, s.column_offset)))
            .collect();
        assert_eq!(starts, [Some((1, 0)), Some((3, 2)), Some((4, 0))]);
    }

    #[test]
    fn a_foreign_slice_has_no_start() {
        let other = String::from("{}");
        assert_eq!(record_lines("{}", &[other.as_str()]), [None]);
    }

    #[test]
    fn finds_the_parser_position() {
        assert_eq!(
            parser_position("not a record: expected value at line 1 column 7"),
            Some((29, 1, 7))
        );
        assert_eq!(parser_position("no id; record rejected"), None);
    }
}
