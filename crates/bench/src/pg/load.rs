//! Loading the corpus into PostgreSQL: one row per organisation × location, the same text
//! Orienta indexes, FR/NL text search configurations with `unaccent`, GIN and GiST indexes.

use orienta_model::{I18nText, Lang, Organisation};
use orienta_search::document::needs_with_broader;
use orienta_thesaurus::Thesaurus;
use postgres::Client;
use std::io::Write;
use std::time::{Duration, Instant};

/// Extensions and text search configurations: `french`/`dutch` with `unaccent` before the
/// snowball stemmer.
const SETUP: &str = "
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS unaccent;
DROP TABLE IF EXISTS services;
DROP TEXT SEARCH CONFIGURATION IF EXISTS orienta_fr;
CREATE TEXT SEARCH CONFIGURATION orienta_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION orienta_fr
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
DROP TEXT SEARCH CONFIGURATION IF EXISTS orienta_nl;
CREATE TEXT SEARCH CONFIGURATION orienta_nl (COPY = dutch);
ALTER TEXT SEARCH CONFIGURATION orienta_nl
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
";

/// The table; the tsvectors are generated (names weight A, texts weight D).
const CREATE_TABLE: &str = "
CREATE TABLE services (
  id text NOT NULL,
  org_id text NOT NULL,
  name_fr text,
  name_nl text,
  text_fr text,
  text_nl text,
  needs text[] NOT NULL,
  languages text[] NOT NULL,
  bassin text,
  commune text,
  geog geography(Point, 4326),
  record text NOT NULL,
  tsv_fr tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('orienta_fr', coalesce(name_fr, '')), 'A')
    || setweight(to_tsvector('orienta_fr', coalesce(text_fr, '')), 'D')) STORED,
  tsv_nl tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('orienta_nl', coalesce(name_nl, '')), 'A')
    || setweight(to_tsvector('orienta_nl', coalesce(text_nl, '')), 'D')) STORED
)";

const COPY: &str = "COPY services (id, org_id, name_fr, name_nl, text_fr, text_nl, needs, \
                    languages, bassin, commune, geog, record) FROM STDIN (FORMAT csv)";

const INDEXES: &str = "
ALTER TABLE services ADD PRIMARY KEY (id);
CREATE INDEX services_tsv_fr ON services USING gin (tsv_fr);
CREATE INDEX services_tsv_nl ON services USING gin (tsv_nl);
CREATE INDEX services_needs ON services USING gin (needs);
CREATE INDEX services_languages ON services USING gin (languages);
CREATE INDEX services_geog ON services USING gist (geog);
CREATE INDEX services_bassin ON services (bassin);
ANALYZE services;
";

/// What loading cost.
#[derive(Debug, Clone)]
pub struct LoadSummary {
    /// Rows (organisation × location).
    pub rows: u64,
    /// COPY time (tsvectors computed here).
    pub copy_time: Duration,
    /// Index build + ANALYZE time.
    pub index_time: Duration,
    /// `pg_total_relation_size('services')`: table, TOAST and indexes.
    pub disk_bytes: u64,
}

/// Creates the schema, copies every document in and builds the indexes.
pub fn load(
    client: &mut Client,
    organisations: &[Organisation],
    thesaurus: &Thesaurus,
) -> anyhow::Result<LoadSummary> {
    client.batch_execute(SETUP)?;
    let started = Instant::now();
    let mut transaction = client.transaction()?;
    transaction.batch_execute(CREATE_TABLE)?;
    let mut writer = transaction.copy_in(COPY)?;
    let mut rows = 0u64;
    let mut line = String::with_capacity(8192);
    for organisation in organisations {
        for row in rows_of(organisation, thesaurus) {
            line.clear();
            row.write_csv(&mut line);
            writer.write_all(line.as_bytes())?;
            rows += 1;
        }
    }
    writer.finish()?;
    transaction.commit()?;
    let copy_time = started.elapsed();
    let started = Instant::now();
    client.batch_execute(INDEXES)?;
    let index_time = started.elapsed();
    let disk_bytes: i64 = client
        .query_one("SELECT pg_total_relation_size('services')", &[])?
        .get(0);
    Ok(LoadSummary {
        rows,
        copy_time,
        index_time,
        disk_bytes: u64::try_from(disk_bytes).unwrap_or(0),
    })
}

/// One row of the `services` table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// `<organisation id>#<location index>`.
    pub id: String,
    /// The organisation id.
    pub org_id: String,
    /// French name.
    pub name_fr: Option<String>,
    /// Dutch name.
    pub name_nl: Option<String>,
    /// French text (description, audience, access, remark, categories, need labels).
    pub text_fr: String,
    /// Dutch text.
    pub text_nl: String,
    /// Need concepts with their broader concepts.
    pub needs: Vec<String>,
    /// Spoken languages.
    pub languages: Vec<String>,
    /// Bassin slug.
    pub bassin: Option<String>,
    /// Commune NIS code.
    pub commune: Option<String>,
    /// (lat, lon) when inside the Region, as Orienta indexes it.
    pub point: Option<(f64, f64)>,
    /// The canonical record, JSON.
    pub record: String,
}

/// The text Orienta indexes in one language, built the same way.
fn language_text(organisation: &Organisation, thesaurus: &Thesaurus, lang: Lang) -> String {
    let texts: [&I18nText; 4] = [
        &organisation.description,
        &organisation.audience,
        &organisation.access,
        &organisation.remark,
    ];
    let mut parts: Vec<&str> = texts.iter().filter_map(|text| text.get(lang)).collect();
    parts.extend(
        organisation
            .categories
            .iter()
            .filter_map(|category| category.label.get(lang)),
    );
    parts.extend(organisation.needs.iter().filter_map(|need| {
        thesaurus
            .concept(need)
            .and_then(|concept| concept.label.get(lang))
    }));
    parts.join("\n")
}

/// The rows of one organisation: one per location (one without location when it has none).
pub fn rows_of(organisation: &Organisation, thesaurus: &Thesaurus) -> Vec<Row> {
    let record = serde_json::to_string(organisation).unwrap_or_default();
    let needs: Vec<String> = needs_with_broader(thesaurus, &organisation.needs)
        .into_iter()
        .collect();
    let text_fr = language_text(organisation, thesaurus, Lang::Fr);
    let text_nl = language_text(organisation, thesaurus, Lang::Nl);
    let location_count = organisation.locations.len().max(1);
    (0..location_count)
        .map(|location_index| {
            let location = organisation.locations.get(location_index);
            let territory = location.and_then(|location| location.territory.as_ref());
            let in_region = territory.is_some_and(|territory| territory.in_region);
            let point = location
                .and_then(|location| location.geo)
                .filter(|_| in_region)
                .map(|geo| (geo.lat, geo.lon));
            Row {
                id: format!("{}#{location_index}", organisation.id),
                org_id: organisation.id.clone(),
                name_fr: organisation.name.get(Lang::Fr).map(str::to_owned),
                name_nl: organisation.name.get(Lang::Nl).map(str::to_owned),
                text_fr: text_fr.clone(),
                text_nl: text_nl.clone(),
                needs: needs.clone(),
                languages: organisation.languages.clone(),
                bassin: territory
                    .and_then(|territory| territory.bassin.as_ref())
                    .map(|bassin| bassin.slug.slug().to_owned()),
                commune: territory
                    .and_then(|territory| territory.commune.as_ref())
                    .map(|commune| commune.nis.clone()),
                point,
                record: record.clone(),
            }
        })
        .collect()
}

impl Row {
    /// Appends the row as one CSV line for `COPY … (FORMAT csv)`; `None` is an unquoted empty
    /// field (NULL).
    pub fn write_csv(&self, out: &mut String) {
        let point = self
            .point
            .map(|(lat, lon)| format!("SRID=4326;POINT({lon} {lat})"));
        let fields: [Option<String>; 12] = [
            Some(self.id.clone()),
            Some(self.org_id.clone()),
            self.name_fr.clone(),
            self.name_nl.clone(),
            Some(self.text_fr.clone()),
            Some(self.text_nl.clone()),
            Some(array_literal(&self.needs)),
            Some(array_literal(&self.languages)),
            self.bassin.clone(),
            self.commune.clone(),
            point,
            Some(self.record.clone()),
        ];
        for (position, field) in fields.iter().enumerate() {
            if position > 0 {
                out.push(',');
            }
            if let Some(value) = field {
                out.push('"');
                out.push_str(&value.replace('"', "\"\""));
                out.push('"');
            }
        }
        out.push('\n');
    }
}

/// A PostgreSQL array literal of text values: `{"a","b"}`.
fn array_literal(values: &[String]) -> String {
    let elements: Vec<String> = values
        .iter()
        .map(|value| format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    format!("{{{}}}", elements.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> Row {
        Row {
            id: "org#0".to_owned(),
            org_id: "org".to_owned(),
            name_fr: Some("Maison \"Santé\"".to_owned()),
            name_nl: None,
            text_fr: "ligne 1\nligne 2".to_owned(),
            text_nl: String::new(),
            needs: vec!["health".to_owned(), "a\"b".to_owned()],
            languages: vec![],
            bassin: Some("nord".to_owned()),
            commune: None,
            point: Some((50.85, 4.35)),
            record: "{}".to_owned(),
        }
    }

    #[test]
    fn csv_quotes_values_and_leaves_nulls_empty() {
        let mut line = String::new();
        row().write_csv(&mut line);
        assert_eq!(
            line,
            "\"org#0\",\"org\",\"Maison \"\"Santé\"\"\",,\"ligne 1\nligne 2\",\"\",\
             \"{\"\"health\"\",\"\"a\\\"\"b\"\"}\",\"{}\",\"nord\",,\
             \"SRID=4326;POINT(4.35 50.85)\",\"{}\"\n"
        );
    }

    #[test]
    fn array_literal_escapes_elements() {
        assert_eq!(array_literal(&[]), "{}");
        assert_eq!(
            array_literal(&["fr".to_owned(), "nl".to_owned()]),
            "{\"fr\",\"nl\"}"
        );
    }
}
