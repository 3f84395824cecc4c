//! The judged relevance queries in SQL: text over both configurations, the judged filters,
//! ranked by `ts_rank` (or by distance when the query sorts by distance), top 10.

use orienta_search::eval::JudgedQuery;
use postgres::types::ToSql;
use postgres::Client;

/// The SQL and its parameters for one judged query.
pub fn statement(judged: &JudgedQuery) -> (String, Vec<Box<dyn ToSql + Sync>>) {
    let mut parameters: Vec<Box<dyn ToSql + Sync>> = vec![Box::new(judged.q.clone())];
    let mut from = String::from(
        "services s, (SELECT websearch_to_tsquery('orienta_fr', $1) AS fr, \
         websearch_to_tsquery('orienta_nl', $1) AS nl) q",
    );
    let mut filters = vec!["(s.tsv_fr @@ q.fr OR s.tsv_nl @@ q.nl)".to_owned()];
    let mut push = |parameter: Box<dyn ToSql + Sync>| {
        parameters.push(parameter);
        parameters.len()
    };
    if !judged.bassin.is_empty() {
        let position = push(Box::new(judged.bassin.clone()));
        filters.push(format!("s.bassin = ANY(${position})"));
    }
    if !judged.commune.is_empty() {
        let position = push(Box::new(judged.commune.clone()));
        filters.push(format!("s.commune = ANY(${position})"));
    }
    if !judged.language.is_empty() {
        let position = push(Box::new(judged.language.clone()));
        filters.push(format!("s.languages && ${position}::text[]"));
    }
    let mut order = "ts_rank(s.tsv_fr, q.fr) + ts_rank(s.tsv_nl, q.nl) DESC".to_owned();
    if let Some([lat, lon]) = judged.near {
        let lat_position = push(Box::new(lat));
        let lon_position = push(Box::new(lon));
        from.push_str(&format!(
            ", (SELECT ST_SetSRID(ST_MakePoint(${lon_position}, ${lat_position}), 4326)::geography AS point) p"
        ));
        if let Some(radius) = judged.radius {
            let radius_position = push(Box::new(radius));
            filters.push(format!(
                "ST_DWithin(s.geog, p.point, ${radius_position}, false)"
            ));
        }
        if judged.sort.as_deref() == Some("distance") {
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

/// Runs a judged query; returns (organisation id, location index) best first.
pub fn run(client: &mut Client, judged: &JudgedQuery) -> anyhow::Result<Vec<(String, usize)>> {
    let (sql, parameters) = statement(judged);
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

    fn judged(toml_text: &str) -> JudgedQuery {
        toml::from_str(toml_text).unwrap()
    }

    #[test]
    fn text_only_ranks_by_ts_rank() {
        let (sql, parameters) = statement(&judged(
            "id = \"a\"\nkind = \"fr\"\nq = \"crèche\"\nrelevant = []",
        ));
        assert_eq!(parameters.len(), 1);
        assert!(sql
            .ends_with("ORDER BY ts_rank(s.tsv_fr, q.fr) + ts_rank(s.tsv_nl, q.nl) DESC LIMIT 10"));
    }

    #[test]
    fn filters_and_distance_sort_get_numbered_parameters() {
        let (sql, parameters) = statement(&judged(
            "id = \"b\"\nkind = \"distance\"\nq = \"crèche\"\nrelevant = []\nbassin = [\"sud\"]\n\
             language = [\"ar\"]\nnear = [50.8, 4.3]\nradius = 1500.0\nsort = \"distance\"",
        ));
        assert_eq!(parameters.len(), 6);
        assert!(sql.contains("s.bassin = ANY($2)"));
        assert!(sql.contains("s.languages && $3::text[]"));
        assert!(sql.contains("ST_MakePoint($5, $4)"));
        assert!(sql.contains("ST_DWithin(s.geog, p.point, $6, false)"));
        assert!(sql.contains("ORDER BY ST_Distance(s.geog, p.point, false) ASC"));
    }
}
