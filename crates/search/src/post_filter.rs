//! Broad territory and language filters applied to the text's matches instead of
//! intersected with them.
//!
//! A filter clause is intersected with the text by seeking: for every candidate, the text
//! clause (a union over six text fields and the need tags) is sought to it, and each seek
//! refills the union's window from every child. A bassin keeps a fifth of the records, so
//! the text was sought thousands of times and a search with a bassin took longer than the
//! same search over the whole Region. [`FilteredQuery`] lets the text advance through its
//! own matches and drops those the filter rejects with one read of the facet table per
//! document ([`DocFilter`]). Narrow filters (a quartier, a radius) stay clauses: there,
//! driving the search from the filter's few records is cheaper.

use crate::facet_table::{DocFilter, SegmentDocFilter};
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// The matches of `inner` that the filter keeps, with `inner`'s scores.
#[derive(Debug)]
pub struct FilteredQuery {
    inner: Box<dyn Query>,
    filter: DocFilter,
    /// The share of documents the filter keeps (scales the size estimate).
    share: f64,
}

impl FilteredQuery {
    /// Filters `inner` by `filter`, which keeps about `share` of the documents.
    pub fn new(inner: Box<dyn Query>, filter: DocFilter, share: f64) -> Self {
        Self {
            inner,
            filter,
            share: share.clamp(0.0, 1.0),
        }
    }
}

impl Clone for FilteredQuery {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.box_clone(),
            filter: self.filter.clone(),
            share: self.share,
        }
    }
}

impl Query for FilteredQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(FilteredWeight {
            inner: self.inner.weight(enable_scoring)?,
            filter: self.filter.clone(),
            share: self.share,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct FilteredWeight {
    inner: Box<dyn Weight>,
    filter: DocFilter,
    share: f64,
}

impl Weight for FilteredWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorer = FilteredScorer {
            inner: self.inner.scorer(reader, boost)?,
            filter: self.filter.for_segment(reader.segment_id()),
            share: self.share,
        };
        let first = scorer.inner.doc();
        scorer.settle(first);
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if !self.filter.for_segment(reader.segment_id()).accepts(doc) {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is left out by the filter"
            )));
        }
        self.inner.explain(reader, doc)
    }
}

struct FilteredScorer {
    inner: Box<dyn Scorer>,
    filter: SegmentDocFilter,
    share: f64,
}

impl FilteredScorer {
    /// From `doc`, the first document of `inner` the filter keeps.
    fn settle(&mut self, mut doc: DocId) -> DocId {
        while doc != TERMINATED && !self.filter.accepts(doc) {
            doc = self.inner.advance();
        }
        doc
    }
}

impl DocSet for FilteredScorer {
    fn advance(&mut self) -> DocId {
        let next = self.inner.advance();
        self.settle(next)
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let next = self.inner.seek(target);
        self.settle(next)
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        (f64::from(self.inner.size_hint()) * self.share).ceil() as u32
    }

    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for FilteredScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facet_table::FacetTable;
    use tantivy::collector::{Count, DocSetCollector};
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{Facet, FacetOptions, IndexRecordOption, Schema, STRING};
    use tantivy::{doc, Index};

    #[test]
    fn keeps_the_matches_a_filter_clause_keeps() -> tantivy::Result<()> {
        let mut builder = Schema::builder();
        let word = builder.add_text_field("word", STRING);
        let bassin = builder.add_text_field("bassin", STRING);
        let facets = builder.add_facet_field("facets", FacetOptions::default());
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        let slugs = ["nord", "sud", "centre-ouest"];
        for position in 0..3000usize {
            let text = if position % 7 == 0 { "dettes" } else { "autre" };
            let slug = slugs[position % 3];
            let mut document = doc!(word => text, bassin => slug);
            document.add_facet(facets, Facet::from_path(["bassin", slug]));
            if position % 5 != 0 {
                document.add_facet(facets, Facet::from_path(["language", "fr"]));
            }
            writer.add_document(document)?;
            if position == 1500 {
                writer.commit()?;
            }
        }
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        let table = FacetTable::build(searcher.segment_readers(), "facets")?;
        let term = |field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::Basic,
            ))
        };
        let wanted = vec!["sud".to_owned(), "nord".to_owned()];
        let clause = BooleanQuery::new(vec![
            (Occur::Must, term(word, "dettes")),
            (
                Occur::Must,
                Box::new(BooleanQuery::new(vec![
                    (Occur::Should, term(bassin, "sud")),
                    (Occur::Should, term(bassin, "nord")),
                ])),
            ),
        ]);
        let share = table.share("bassin", &wanted);
        assert!((share - 2.0 / 3.0).abs() < 0.01, "{share}");
        let filtered = FilteredQuery::new(
            term(word, "dettes"),
            table.doc_filter(&[("bassin", &wanted)]),
            share,
        );
        let expected = searcher.search(&clause, &DocSetCollector)?;
        assert!(!expected.is_empty());
        assert_eq!(searcher.search(&filtered, &DocSetCollector)?, expected);
        // two conditions: both must hold; a value nobody carries keeps nothing
        let french = vec!["fr".to_owned()];
        let both = FilteredQuery::new(
            term(word, "dettes"),
            table.doc_filter(&[("bassin", &wanted), ("language", &french)]),
            share,
        );
        let count = searcher.search(&both, &Count)?;
        assert!(count > 0 && count < expected.len(), "{count}");
        let nowhere = vec!["nowhere".to_owned()];
        let none = FilteredQuery::new(
            term(word, "dettes"),
            table.doc_filter(&[("bassin", &nowhere)]),
            0.0,
        );
        assert_eq!(searcher.search(&none, &Count)?, 0);
        Ok(())
    }
}
