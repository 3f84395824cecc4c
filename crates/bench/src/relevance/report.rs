//! The relevance sections of a report: one table per judged set, the three engines side by
//! side.

use super::Relevance;
use crate::table::Table;

/// One judged set's figures, or why they are missing.
pub struct Section {
    /// Heading.
    pub title: String,
    /// What the set is and how it is graded.
    pub about: String,
    /// The figures.
    pub result: Result<Relevance, String>,
}

/// The markdown of every section.
pub fn render(sections: &[Section]) -> String {
    let mut out = String::new();
    for section in sections {
        out.push_str(&format!("## {}\n\n", section.title));
        let relevance = match &section.result {
            Ok(relevance) => relevance,
            Err(reason) => {
                out.push_str(&format!("n/a: {reason}.\n\n"));
                continue;
            }
        };
        out.push_str(&format!(
            "{} ({} queries, {} organisations). PostgreSQL ranks by `ts_rank` (by distance for \
             distance-sorted queries) with the same filters; \"+ thesaurus\" ORs the text with \
             every label, term and acronym of the concepts Orienta recognises in it.\n\n",
            section.about, relevance.queries, relevance.organisations
        ));
        let mut table = Table::new(&[
            "kind",
            "queries",
            "Orienta",
            "PostgreSQL",
            "PostgreSQL + thesaurus",
        ]);
        let mut row = |kind: &str, queries: usize, scores: [f64; 3]| {
            let mut cells = vec![kind.to_owned(), queries.to_string()];
            cells.extend(scores.map(|score| format!("{score:.3}")));
            table.row(cells);
        };
        for (kind, scores) in &relevance.per_kind {
            let three = [scores.orienta, scores.postgres, scores.postgres_thesaurus];
            row(kind, scores.queries, three);
        }
        let all = [
            relevance.orienta,
            relevance.postgres,
            relevance.postgres_thesaurus,
        ];
        row("all", relevance.queries, all);
        out.push_str(&table.render());
        out.push('\n');
    }
    out
}

/// The target line: Orienta above PostgreSQL given the same thesaurus, on the first
/// section with figures (the held-out half when present).
pub fn target(sections: &[Section]) -> String {
    let measured = sections
        .iter()
        .find_map(|section| Some((section, section.result.as_ref().ok()?)));
    let Some((section, relevance)) = measured else {
        return "- nDCG@10 higher than PostgreSQL's with the same thesaurus: n/a\n".to_owned();
    };
    let met = relevance.orienta > relevance.postgres_thesaurus;
    format!(
        "- nDCG@10 higher than PostgreSQL's with the same thesaurus ({}): {:.3} vs {:.3} \
         (PostgreSQL alone {:.3}) — {}\n",
        section.title,
        relevance.orienta,
        relevance.postgres_thesaurus,
        relevance.postgres,
        if met { "met" } else { "MISSED" }
    )
}
