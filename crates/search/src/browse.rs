//! Browsing without text: the first matching documents in index order, without scoring.
//!
//! A request with no text, no point and no stepped care scores every match 0, so ranking
//! would only reproduce index order; collecting without scores lets tantivy hand over
//! whole blocks of documents.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// Collects the documents at positions `offset..offset + limit` in index order.
pub struct FirstDocs {
    offset: usize,
    limit: usize,
}

impl FirstDocs {
    /// The page `offset..offset + limit`.
    pub fn new(offset: usize, limit: usize) -> Self {
        Self { offset, limit }
    }
}

/// The per-segment side of [`FirstDocs`].
pub struct FirstSegmentDocs {
    segment_ord: SegmentOrdinal,
    wanted: usize,
    docs: Vec<DocAddress>,
}

impl Collector for FirstDocs {
    type Fruit = Vec<DocAddress>;
    type Child = FirstSegmentDocs;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        _segment: &SegmentReader,
    ) -> tantivy::Result<FirstSegmentDocs> {
        Ok(FirstSegmentDocs {
            segment_ord,
            wanted: self.offset + self.limit,
            docs: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<DocAddress>>) -> tantivy::Result<Vec<DocAddress>> {
        let mut all: Vec<DocAddress> = fruits.into_iter().flatten().collect();
        all.sort();
        Ok(all.into_iter().skip(self.offset).take(self.limit).collect())
    }
}

impl SegmentCollector for FirstSegmentDocs {
    type Fruit = Vec<DocAddress>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if self.docs.len() < self.wanted {
            self.docs.push(DocAddress::new(self.segment_ord, doc));
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        let room = self.wanted.saturating_sub(self.docs.len());
        let segment_ord = self.segment_ord;
        self.docs.extend(
            docs.iter()
                .take(room)
                .map(|doc| DocAddress::new(segment_ord, *doc)),
        );
    }

    fn harvest(self) -> Vec<DocAddress> {
        self.docs
    }
}
