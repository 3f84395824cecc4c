//! The relevance queries in SQL: text over both configurations (optionally OR-ed with the
//! thesaurus phrases of the concepts it names), the judged filters, ranked by `ts_rank` (or
//! by distance when the query sorts by distance), top 10.

use orienta_search::eval::blind::BlindQuery;
use orienta_search::eval::JudgedQuery;
use orienta_thesaurus::Thesaurus;
use postgres::types::ToSql;
use postgres::Client;

/// One ranked text query for PostgreSQL.
#[derive(Debug, Clone, Default)]
pub struct PgQuery {
    /// The text, read by `websearch_to_tsquery` in both configurations.
    pub text: String,
    /// Phrases OR-ed with the text (the thesaurus as a synonym expansion); empty for none.
    pub expansion: Vec<String>,
    /// Bassin slugs, commune NIS codes and spoken languages the results must have.
    pub bassin: Vec<String>,
    pub commune: Vec<String>,
    pub language: Vec<String>,
    /// A point `[lat, lon]`, a radius in metres, and whether nearest come first.
    pub near: Option<[f64; 2]>,
    pub radius_m: Option<f64>,
    pub by_distance: bool,
}

impl PgQuery {
    /// A judged query (the old set) without expansion.
    pub fn judged(judged: &JudgedQuery) -> Self {
        Self {
            text: judged.q.clone(),
            bassin: judged.bassin.clone(),
            commune: judged.commune.clone(),
            language: judged.language.clone(),
            near: judged.near,
            radius_m: judged.radius,
            by_distance: judged.sort.as_deref() == Some("distance"),
            ..Self::default()
        }
    }

    /// A blind query for `text` without expansion.
    pub fn blind(query: &BlindQuery, text: &str) -> Self {
        Self {
            text: text.to_owned(),
            near: query.near,
            radius_m: query.radius_km.map(|km| km * 1000.0),
            ..Self::default()
        }
    }

    /// The same query with the thesaurus as a synonym expansion: every label, term and
    /// acronym (FR, NL, EN) of each concept the text names, as Orienta recognises them.
    pub fn expanded(mut self, thesaurus: &Thesaurus) -> Self {
        for found in thesaurus.match_text(&self.text, 2) {
            let (fr, nl, en, acronyms) = thesaurus.terms(&found.concept);
            for phrase in fr.into_iter().chain(nl).chain(en).chain(acronyms) {
                if !self.expansion.contains(&phrase) {
                    self.expansion.push(phrase);
                }
            }
        }
        self
    }
}

/// The tsquery of `$1` OR-ed with the phrases of `$2` in one configuration.
fn expanded_tsquery(config: &str) -> String {
    format!(
        "websearch_to_tsquery('{config}', $1) || coalesce((SELECT string_agg('(' || \
         phraseto_tsquery('{config}', phrase)::text || ')', ' | ') FROM unnest($2::text[]) \
         phrase WHERE numnode(phraseto_tsquery('{config}', phrase)) > 0)::tsquery, \
         websearch_to_tsquery('{config}', $1))"
    )
}

/// The SQL and its parameters for one query: `$1` the text, `$2` the expansion.
pub fn statement(query: &PgQuery) -> (String, Vec<Box<dyn ToSql + Sync>>) {
    let mut parameters: Vec<Box<dyn ToSql + Sync>> = vec![
        Box::new(query.text.clone()),
        Box::new(query.expansion.clone()),
    ];
    let mut from = format!(
        "services s, (SELECT {} AS fr, {} AS nl) q",
        expanded_tsquery("orienta_fr"),
        expanded_tsquery("orienta_nl")
    );
    let mut filters = vec!["(s.tsv_fr @@ q.fr OR s.tsv_nl @@ q.nl)".to_owned()];
    let mut push = |parameter: Box<dyn ToSql + Sync>| {
        parameters.push(parameter);
        parameters.len()
    };
    if !query.bassin.is_empty() {
        let position = push(Box::new(query.bassin.clone()));
        filters.push(format!("s.bassin = ANY(${position})"));
    }
    if !query.commune.is_empty() {
        let position = push(Box::new(query.commune.clone()));
        filters.push(format!("s.commune = ANY(${position})"));
    }
    if !query.language.is_empty() {
        let position = push(Box::new(query.language.clone()));
        filters.push(format!("s.languages && ${position}::text[]"));
    }
    let mut order = "ts_rank(s.tsv_fr, q.fr) + ts_rank(s.tsv_nl, q.nl) DESC".to_owned();
    if let Some([lat, lon]) = query.near {
        let lat_position = push(Box::new(lat));
        let lon_position = push(Box::new(lon));
        from.push_str(&format!(
            ", (SELECT ST_SetSRID(ST_MakePoint(${lon_position}, ${lat_position}), 4326)::geography AS point) p"
        ));
        if let Some(radius) = query.radius_m {
            let radius_position = push(Box::new(radius));
            filters.push(format!(
                "ST_DWithin(s.geog, p.point, ${radius_position}, false)"
            ));
        }
        if query.by_distance {
            filters.push("s.geog IS NOT NULL".to_owned());
            order = "ST_Distance(s.geog, p.point, false) ASC".to_owned();
        }
    }
    let sql = format!(
        "SELECT s.id FROM {from} WHERE {} ORDER BY {order} LIMIT 10",
        filters.join(" AND ")
    );
    (sql, parameters)
}

/// Runs a query; returns (organisation id, location index) best first.
pub fn run(client: &mut Client, query: &PgQuery) -> anyhow::Result<Vec<(String, usize)>> {
    let (sql, parameters) = statement(query);
    let references: Vec<&(dyn ToSql + Sync)> =
        parameters.iter().map(|boxed| boxed.as_ref()).collect();
    let rows = client.query(&sql, &references)?;
    let mut ranked = Vec::with_capacity(rows.len());
    for row in rows {
        let id: String = row.try_get(0)?;
        let (org_id, location_index) = id.rsplit_once('#').unwrap_or((id.as_str(), "0"));
        ranked.push((org_id.to_owned(), location_index.parse().unwrap_or(0)));
    }
    Ok(ranked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(toml_text: &str) -> PgQuery {
        PgQuery::judged(&toml::from_str(toml_text).unwrap())
    }

    #[test]
    fn text_only_ranks_by_ts_rank() {
        let (sql, parameters) = statement(&judged(
            "id = \"a\"\nkind = \"fr\"\nq = \"crèche\"\nrelevant = []",
        ));
        assert_eq!(parameters.len(), 2);
        assert!(sql
            .ends_with("ORDER BY ts_rank(s.tsv_fr, q.fr) + ts_rank(s.tsv_nl, q.nl) DESC LIMIT 10"));
    }

    #[test]
    fn expansion_adds_the_thesaurus_phrases_of_the_named_concepts() {
        let thesaurus = Thesaurus::bundled();
        let query = PgQuery {
            text: "voedselhulp".to_owned(),
            ..PgQuery::default()
        }
        .expanded(&thesaurus);
        assert!(query
            .expansion
            .iter()
            .any(|phrase| phrase.eq_ignore_ascii_case("aide alimentaire")));
        let plain = PgQuery::default().expanded(&thesaurus);
        assert!(plain.expansion.is_empty());
    }

    #[test]
    fn filters_and_distance_sort_get_numbered_parameters() {
        let (sql, parameters) = statement(&judged(
            "id = \"b\"\nkind = \"distance\"\nq = \"crèche\"\nrelevant = []\nbassin = [\"sud\"]\n\
             language = [\"ar\"]\nnear = [50.8, 4.3]\nradius = 1500.0\nsort = \"distance\"",
        ));
        assert_eq!(parameters.len(), 7);
        assert!(sql.contains("s.bassin = ANY($3)"));
        assert!(sql.contains("s.languages && $4::text[]"));
        assert!(sql.contains("ST_MakePoint($6, $5)"));
        assert!(sql.contains("ST_DWithin(s.geog, p.point, $7, false)"));
        assert!(sql.contains("ORDER BY ST_Distance(s.geog, p.point, false) ASC"));
    }
}
