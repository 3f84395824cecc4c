//! The partner CSV importer: one row per service location; rows sharing an `id` are one
//! organisation with several locations. Format: `docs/csv-format.md`.

use super::common::{self, RawAddress};
use crate::draft::{empty_organisation, Draft, Parsed, SourceContext};
use crate::normalize::{info, kbo};
use orienta_model::{
    external_id_scheme, ExternalId, PhoneKind, QualityCode, QualityIssue, SourceSystem, Term,
};
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
];

/// One data row with its line number.
struct Row {
    line: u64,
    values: HashMap<&'static str, String>,
}

impl Row {
    fn get(&self, column: &str) -> Option<&str> {
        self.values
            .get(column)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

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

/// Reads a whole CSV body.
pub(crate) fn read(body: &str, context: &SourceContext<'_>) -> Vec<Parsed> {
    let header_line = body.lines().next().unwrap_or_default();
    let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
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
    let mut groups: Vec<(String, Vec<Row>)> = Vec::new();
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
        let mut values = HashMap::new();
        for (header, value) in headers.iter().zip(record.iter()) {
            if let Some(column) = COLUMNS.iter().find(|c| **c == header) {
                values.insert(*column, value.to_owned());
            }
        }
        let row = Row {
            line: record.position().map(|p| p.line()).unwrap_or(line),
            values,
        };
        let Some(id) = row.get("id").map(str::to_owned) else {
            outcomes.push(super::missing(
                None,
                &format!("id (line {})", row.line),
                "no id; row rejected",
            ));
            continue;
        };
        match group_index.get(&id) {
            Some(&position) => groups[position].1.push(row),
            None => {
                group_index.insert(id.clone(), groups.len());
                groups.push((id, vec![row]));
            }
        }
    }
    let mut first_accepted = true;
    for (id, rows) in groups {
        let mut parsed = map(&id, &rows, context);
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

fn first<'a>(rows: &'a [Row], column: &str) -> Option<&'a str> {
    rows.iter().find_map(|row| row.get(column))
}

fn map(id: &str, rows: &[Row], context: &SourceContext<'_>) -> Parsed {
    let mut issues: Vec<QualityIssue> = Vec::new();
    let issues = &mut issues;
    let raw: String = rows
        .iter()
        .map(|row| {
            COLUMNS
                .iter()
                .map(|c| row.get(c).unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\u{1f}")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let source = context.provenance(SourceSystem::PartnerCsv, id, None, &raw);
    let synthetic = first(rows, "synthetic").is_some_and(|v| {
        matches!(
            v.to_lowercase().as_str(),
            "true" | "1" | "yes" | "oui" | "ja"
        )
    });
    let mut organisation = empty_organisation(source.clone(), synthetic);
    let name_fr = common::line(first(rows, "name_fr"), "name_fr", issues);
    let name_nl = common::line(first(rows, "name_nl"), "name_nl", issues);
    if name_fr.is_none() && name_nl.is_none() {
        return super::missing(
            Some(id.to_owned()),
            "name_fr",
            "no name in any language; record rejected",
        );
    }
    common::set_names(
        &mut organisation,
        name_fr,
        name_nl,
        ["name_fr", "name_nl"],
        issues,
    );
    let pair = |fr: &str, nl: &str, issues: &mut Vec<QualityIssue>| {
        let fr_text = common::block(first(rows, fr), fr, issues);
        let nl_text = common::block(first(rows, nl), nl, issues);
        common::text_pair(fr_text, nl_text, [fr, nl], issues)
    };
    organisation.description = pair("description_fr", "description_nl", issues);
    organisation.audience = pair("audience_fr", "audience_nl", issues);
    let hours_fr = common::block(first(rows, "hours_fr"), "hours_fr", issues);
    let hours_nl = common::block(first(rows, "hours_nl"), "hours_nl", issues);
    organisation.schedule = common::schedule(hours_fr, hours_nl, ["hours_fr", "hours_nl"], issues);

    for row in rows {
        common::phones(
            &mut organisation,
            &row.list("phone"),
            &format!("phone (line {})", row.line),
            PhoneKind::Voice,
            issues,
        );
        common::emails(
            &mut organisation,
            &row.list("email"),
            &format!("email (line {})", row.line),
            issues,
        );
        common::websites(
            &mut organisation,
            &row.list("website"),
            &format!("website (line {})", row.line),
            issues,
        );
    }
    let languages: Vec<String> = rows.iter().flat_map(|row| row.list("languages")).collect();
    common::languages(&mut organisation, &languages, "languages", issues);
    common::finish_languages(&mut organisation);

    let categories_fr = rows
        .iter()
        .find(|r| r.get("categories_fr").is_some())
        .map(|r| r.list("categories_fr"))
        .unwrap_or_default();
    let categories_nl = rows
        .iter()
        .find(|r| r.get("categories_nl").is_some())
        .map(|r| r.list("categories_nl"))
        .unwrap_or_default();
    for index in 0..categories_fr.len().max(categories_nl.len()) {
        organisation.categories.push(Term {
            id: None,
            label: orienta_model::I18nText::new(
                categories_fr.get(index).cloned(),
                categories_nl.get(index).cloned(),
            ),
        });
    }

    let mut given_needs = Vec::new();
    for need in rows.iter().flat_map(|row| row.list("needs")) {
        if context.thesaurus.concept(&need).is_some() {
            given_needs.push(need);
        } else {
            issues.push(info(
                QualityCode::UnknownValue,
                "needs",
                format!("unknown need concept `{need}` dropped"),
            ));
        }
    }

    organisation.external_ids.push(ExternalId {
        scheme: external_id_scheme::PARTNER_CSV.to_owned(),
        value: id.to_owned(),
        url: None,
    });
    if let Some(value) = first(rows, "kbo") {
        kbo::normalise(value, "kbo", &mut organisation.external_ids, issues);
    }

    let mut positions = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let coordinate = |column: &str| {
            row.get(column)
                .and_then(|v| v.replace(',', ".").parse::<f64>().ok())
        };
        let has_address = ["street_fr", "street_nl", "postcode", "city", "lat", "lon"]
            .iter()
            .any(|c| row.get(c).is_some());
        if !has_address {
            continue;
        }
        let raw_address = RawAddress {
            street_fr: row.get("street_fr"),
            street_nl: row.get("street_nl"),
            number: row.get("number"),
            box_number: row.get("box"),
            postcode: row.get("postcode"),
            city_fr: row.get("city"),
            city_nl: None,
            country: None,
            lat: coordinate("lat"),
            lon: coordinate("lon"),
            lambert_x: None,
            lambert_y: None,
        };
        let line = row.line;
        let fields = [
            format!("street_fr (line {line})"),
            format!("street_nl (line {line})"),
            format!("number (line {line})"),
            format!("postcode (line {line})"),
        ];
        let field_refs = [
            fields[0].as_str(),
            fields[1].as_str(),
            fields[2].as_str(),
            fields[3].as_str(),
        ];
        let (location, position) = common::location(
            &raw_address,
            field_refs,
            format!("{id}/location/{index}"),
            &source,
            issues,
        );
        organisation.locations.push(location);
        positions.push(position);
    }
    if organisation.locations.is_empty() {
        common::no_address(issues, "street_fr");
    }
    common::report_missing_languages(&organisation, ["name_fr", "name_nl"], issues);
    organisation.quality = std::mem::take(issues);
    Parsed::Accepted(Box::new(Draft {
        organisation,
        positions,
        case: None,
        given_needs,
    }))
}
