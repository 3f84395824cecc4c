//! The query set in SQL: prepared statements, `websearch_to_tsquery` over both
//! configurations, `ts_rank`, `ST_DWithin` + distance order, facet counts with `GROUP BY`.
//! Every statement returns the top 10 with their records plus the total count.

use crate::queries::{QueryKind, QuerySpec, TOP_K};
use postgres::{Client, Statement};

/// Both tsqueries of the text.
const TSQUERIES: &str = "(SELECT websearch_to_tsquery('orienta_fr', $1) AS fr, \
                         websearch_to_tsquery('orienta_nl', $1) AS nl) q";
const TEXT_MATCH: &str = "(s.tsv_fr @@ q.fr OR s.tsv_nl @@ q.nl)";
const RANK: &str = "ts_rank(s.tsv_fr, q.fr) + ts_rank(s.tsv_nl, q.nl)";

/// Matches (`m`) → top 10 (`top`) → their records, with the total on every row.
fn ranked(matches: &str, order: &str) -> String {
    format!(
        "WITH m AS MATERIALIZED ({matches}), \
         top AS (SELECT id, key FROM m ORDER BY key {order} LIMIT {TOP_K}) \
         SELECT s.org_id, s.record, (SELECT count(*) FROM m) AS total \
         FROM top JOIN services s USING (id) ORDER BY top.key {order}"
    )
}

fn text_sql(extra_filter: &str) -> String {
    ranked(
        &format!("SELECT s.id, {RANK} AS key FROM services s, {TSQUERIES} WHERE {TEXT_MATCH}{extra_filter}"),
        "DESC",
    )
}

fn radius_sql() -> String {
    ranked(
        &format!(
            "SELECT s.id, ST_Distance(s.geog, p.point, false) AS key \
             FROM services s, {TSQUERIES}, \
             (SELECT ST_SetSRID(ST_MakePoint($3, $2), 4326)::geography AS point) p \
             WHERE {TEXT_MATCH} AND ST_DWithin(s.geog, p.point, $4, false)"
        ),
        "ASC",
    )
}

/// Browse (all rows or one bassin): 10 records, the total and the facet counts, one round trip.
const FACETS_SQL: &str = "
WITH m AS MATERIALIZED (
  SELECT id, needs, languages, commune, bassin FROM services
  WHERE ($1::text IS NULL OR bassin = $1::text))
SELECT 'hit' AS facet, s.org_id AS value, s.record, 0::bigint AS count
  FROM (SELECT id FROM m LIMIT 10) page JOIN services s USING (id)
UNION ALL SELECT 'total', NULL, NULL, count(*) FROM m
UNION ALL SELECT 'need', need, NULL, count(*) FROM m, unnest(m.needs) need GROUP BY need
UNION ALL SELECT 'language', language, NULL, count(*) FROM m, unnest(m.languages) language
  GROUP BY language
UNION ALL SELECT 'commune', commune, NULL, count(*) FROM m WHERE commune IS NOT NULL
  GROUP BY commune
UNION ALL SELECT 'bassin', bassin, NULL, count(*) FROM m WHERE bassin IS NOT NULL
  GROUP BY bassin";

/// What a query returned.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    /// Organisation ids of the top hits, best first.
    pub org_ids: Vec<String>,
    /// Matching rows.
    pub total: i64,
    /// Facet values counted (facet kind only).
    pub facet_values: usize,
}

/// The prepared statements of one connection.
pub struct Prepared {
    text: Statement,
    text_bassin: Statement,
    text_radius: Statement,
    language: Statement,
    facets: Statement,
}

impl Prepared {
    /// Prepares every statement on `client`.
    pub fn new(client: &mut Client) -> anyhow::Result<Self> {
        Ok(Self {
            text: client.prepare(&text_sql(""))?,
            text_bassin: client.prepare(&text_sql(" AND s.bassin = $2"))?,
            text_radius: client.prepare(&radius_sql())?,
            language: client.prepare(&text_sql(" AND s.languages @> ARRAY[$2::text]"))?,
            facets: client.prepare(FACETS_SQL)?,
        })
    }

    /// Runs one query.
    pub fn run(&self, client: &mut Client, spec: &QuerySpec) -> anyhow::Result<Answer> {
        let text = spec.text.clone().unwrap_or_default();
        let bassin = spec.bassin.map(|bassin| bassin.slug().to_owned());
        let rows = match spec.kind {
            QueryKind::Text => client.query(&self.text, &[&text])?,
            QueryKind::TextBassin => client.query(&self.text_bassin, &[&text, &bassin])?,
            QueryKind::TextRadius => {
                let (lat, lon, radius_m) = spec.near.unwrap_or_default();
                client.query(&self.text_radius, &[&text, &lat, &lon, &radius_m])?
            }
            QueryKind::Language => {
                let language = spec.language.clone().unwrap_or_default();
                client.query(&self.language, &[&text, &language])?
            }
            QueryKind::Facets => return facets_answer(client.query(&self.facets, &[&bassin])?),
        };
        let mut answer = Answer::default();
        for row in rows {
            let _record: &str = row.try_get(1)?;
            answer.total = row.try_get(2)?;
            answer.org_ids.push(row.try_get(0)?);
        }
        Ok(answer)
    }
}

fn facets_answer(rows: Vec<postgres::Row>) -> anyhow::Result<Answer> {
    let mut answer = Answer::default();
    for row in rows {
        let facet: &str = row.try_get(0)?;
        match facet {
            "hit" => {
                let _record: Option<&str> = row.try_get(2)?;
                answer.org_ids.push(row.try_get(1)?);
            }
            "total" => answer.total = row.try_get(3)?,
            _ => answer.facet_values += 1,
        }
    }
    Ok(answer)
}
