//! The partner CSV importer: one row per service location; rows sharing an `id` are one
//! organisation with several locations. Format: `docs/csv-format.md`.

mod map;

use crate::draft::{Parsed, SourceContext};
use crate::normalize::info;
use csv::StringRecord;
use orienta_model::QualityCode;
use std::collections::HashMap;

/// Columns Orienta reads.
pub const COLUMNS: &[&str] = &[
    "id",
    "name_fr",
    "name_nl",
    "description_fr",
    "description_nl",
    "audience_fr",
    "audience_nl",
    "street_fr",
    "street_nl",
    "number",
    "box",
    "postcode",
    "city",
    "lat",
    "lon",
    "phone",
    "email",
    "website",
    "languages",
    "needs",
    "categories_fr",
    "categories_nl",
    "hours_fr",
    "hours_nl",
    "kbo",
    "synthetic",
    "serves",
];

/// One data row with its line number.
struct Row {
    /// The line in the file.
    line: u64,
    /// Value per known column.
    values: HashMap<&'static str, String>,
}

impl Row {
    /// The trimmed value of `column`; `None` when empty or absent.
    fn get(&self, column: &str) -> Option<&str> {
        self.values
            .get(column)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The `;`-separated values of `column`, trimmed, empty ones dropped.
    fn list(&self, column: &str) -> Vec<String> {
        self.get(column)
            .map(|v| {
                v.split(';')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The rows sharing one `id`: one organisation.
struct Group {
    /// The shared id.
    id: String,
    /// The rows, in file order.
    rows: Vec<Row>,
}

/// The field delimiter: `;` when the header has more semicolons than commas, else `,`.
fn delimiter(body: &str) -> u8 {
    let header_line = body.lines().next().unwrap_or_default();
    if header_line.matches(';').count() > header_line.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// The row of a CSV record: the values of the known columns.
fn row(headers: &[String], record: &StringRecord, line: u64) -> Row {
    let mut values = HashMap::new();
    for (header, value) in headers.iter().zip(record.iter()) {
        if let Some(column) = COLUMNS.iter().find(|c| **c == header) {
            values.insert(*column, value.to_owned());
        }
    }
    Row {
        line: record.position().map(|p| p.line()).unwrap_or(line),
        values,
    }
}

/// The rows grouped by id, groups in order of first appearance; unreadable lines and rows
/// without an id are rejected into `outcomes`.
fn group_rows(
    reader: &mut csv::Reader<&[u8]>,
    headers: &[String],
    outcomes: &mut Vec<Parsed>,
) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut group_index: HashMap<String, usize> = HashMap::new();
    for (index, record) in reader.records().enumerate() {
        let line = index as u64 + 2;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                outcomes.push(super::unparsable(
                    None,
                    &format!("line {line}"),
                    format!("unreadable csv line {line}: {error}"),
                ));
                continue;
            }
        };
        let row = row(headers, &record, line);
        let Some(id) = row.get("id").map(str::to_owned) else {
            outcomes.push(super::missing(
                None,
                &format!("id (line {})", row.line),
                "no id; row rejected",
            ));
            continue;
        };
        match group_index.get(&id) {
            Some(&position) => groups[position].rows.push(row),
            None => {
                group_index.insert(id.clone(), groups.len());
                groups.push(Group {
                    id,
                    rows: vec![row],
                });
            }
        }
    }
    groups
}

/// Reads a whole CSV body.
pub(crate) fn read(body: &str, context: &SourceContext<'_>) -> Vec<Parsed> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(body))
        .flexible(true)
        .from_reader(body.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_lowercase()).collect(),
        Err(error) => {
            return vec![super::unparsable(
                None,
                "header",
                format!("unreadable csv header: {error}"),
            )]
        }
    };
    let unknown: Vec<&str> = headers
        .iter()
        .map(String::as_str)
        .filter(|h| !h.is_empty() && !COLUMNS.contains(h))
        .collect();
    let mut outcomes = Vec::new();
    let groups = group_rows(&mut reader, &headers, &mut outcomes);
    let mut first_accepted = true;
    for Group { id, rows } in groups {
        let mut parsed = map::map(&id, &rows, context);
        if let (Parsed::Accepted(draft), true, false) =
            (&mut parsed, first_accepted, unknown.is_empty())
        {
            draft.organisation.quality.push(info(
                QualityCode::UnknownValue,
                "header",
                format!("unknown columns ignored: {}", unknown.join(", ")),
            ));
            first_accepted = false;
        }
        outcomes.push(parsed);
    }
    outcomes
}
