//! Why records rank where they do, for whoever tunes the ranker:
//!
//! `cargo run --release -p orienta-search --example explain -- <index root> "<text>" [n] [depth]`
//!
//! prints the first `n` records of one pass (`PASS=strict|needs|most|some|any`, strict by default) with
//! the score of every clause down to `depth` (tantivy's explanation; zero clauses left out);
//! `QUERY=1` also prints the query tree.

use orienta_search::query::{build, Pass};
use orienta_search::{IndexHandle, SearchRequest};
use orienta_thesaurus::Thesaurus;
use serde_json::Value;
use std::sync::Arc;
use tantivy::collector::TopDocs;
use tantivy::schema::document::Document;

/// Prints one clause of an explanation and its non-zero children.
fn print(explanation: &Value, depth: usize, max_depth: usize) {
    let value = explanation["value"].as_f64().unwrap_or(0.0);
    if value == 0.0 && depth > 0 {
        return;
    }
    let description: String = explanation["description"]
        .as_str()
        .unwrap_or("")
        .chars()
        .take(110)
        .collect();
    println!("{}{value:.2} {description}", "  ".repeat(depth + 1));
    if depth == max_depth {
        return;
    }
    for detail in explanation["details"].as_array().into_iter().flatten() {
        print(detail, depth + 1, max_depth);
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, text, rest @ ..] = args.as_slice() else {
        return Err("usage: explain <index root> <text> [n] [depth]".into());
    };
    let limit: usize = rest.first().map_or(Ok(5), |n| n.parse())?;
    let max_depth: usize = rest.get(1).map_or(Ok(3), |n| n.parse())?;
    let pass = match std::env::var("PASS").as_deref() {
        Ok("needs") => Pass::Needs,
        Ok("most") => Pass::MostNeeds,
        Ok("some") => Pass::SomeNeed,
        Ok("any") => Pass::Any,
        _ => Pass::Strict,
    };
    let handle = IndexHandle::open(root.as_ref(), Arc::new(Thesaurus::bundled()))?;
    let index = handle.get();
    let built = build(&index, &SearchRequest::text(text.clone()), pass);
    if std::env::var_os("QUERY").is_some() {
        println!("{:#?}", built.query);
    }
    let searcher = index.searcher();
    let collector = TopDocs::with_limit(limit).order_by_score();
    for (score, address) in searcher.search(&built.query, &collector)? {
        let document: tantivy::TantivyDocument = searcher.doc(address)?;
        let stored: Value = serde_json::from_str(&document.to_json(searcher.schema()))?;
        println!("{score:.2} {} | {}", stored["name_fr"], stored["name_nl"]);
        let explanation = built.query.explain(&searcher, address)?;
        print(&serde_json::to_value(&explanation)?, 0, max_depth);
    }
    Ok(())
}
