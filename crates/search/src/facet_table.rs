//! Facet counting from a compact in-memory table built when a version is opened.
//!
//! tantivy's `FacetCollector` walks the facet column and its dictionary for every matching
//! document; an index version is immutable, so Orienta reads the column once, maps every
//! value to a small global id and counts matches by plain array increments.

use crate::request::Facets;
use std::collections::HashMap;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// The facet dimensions, in the order of their `/root` in the facet field.
const DIMENSIONS: [&str; 5] = ["need", "language", "commune", "bassin", "quartier"];

/// The facet values of one segment: `values[offsets[doc]..offsets[doc + 1]]` are the global
/// value ids of `doc`; `bitsets[id]` has the bit of every document carrying value `id`.
///
/// Small match sets are counted document by document; large ones (browsing) by intersecting
/// their bitset with each value's, which costs the same whatever the number of matches.
struct SegmentFacets {
    offsets: Vec<u32>,
    values: Vec<u16>,
    bitsets: Vec<Vec<u64>>,
    /// The counts over every document (browsing everything needs no counting).
    totals: Vec<u32>,
}

impl SegmentFacets {
    fn new(offsets: Vec<u32>, values: Vec<u16>, value_count: usize) -> Self {
        let docs = offsets.len().saturating_sub(1);
        let words = docs.div_ceil(64);
        let mut bitsets = vec![vec![0u64; words]; value_count];
        let mut totals = vec![0u32; value_count];
        for doc in 0..docs {
            for &value in &values[offsets[doc] as usize..offsets[doc + 1] as usize] {
                bitsets[value as usize][doc / 64] |= 1 << (doc % 64);
                totals[value as usize] += 1;
            }
        }
        Self {
            offsets,
            values,
            bitsets,
            totals,
        }
    }

    /// Adds the values of the documents in `matched` (a bitset) to `counts`.
    fn count_bitset(&self, matched: &[u64], counts: &mut [u32]) {
        for (count, bitset) in counts.iter_mut().zip(&self.bitsets) {
            let common: u32 = matched
                .iter()
                .zip(bitset)
                .map(|(left, right)| (left & right).count_ones())
                .sum();
            *count += common;
        }
    }

    /// Adds the values of the documents in `matched` (a list) to `counts`.
    fn count_list(&self, matched: &[DocId], counts: &mut [u32]) {
        for &doc in matched {
            let doc = doc as usize;
            let (Some(&start), Some(&end)) = (self.offsets.get(doc), self.offsets.get(doc + 1))
            else {
                continue;
            };
            for &value in &self.values[start as usize..end as usize] {
                if let Some(count) = counts.get_mut(value as usize) {
                    *count += 1;
                }
            }
        }
    }
}

/// Every facet value of an index version and which documents carry it.
#[derive(Default)]
pub struct FacetTable {
    /// Global value id → (dimension index, value).
    values: Vec<(usize, String)>,
    segments: HashMap<SegmentId, Arc<SegmentFacets>>,
}

impl FacetTable {
    /// Reads the `facets` field of every segment.
    pub fn build(segments: &[SegmentReader], field_name: &str) -> tantivy::Result<Self> {
        let mut table = FacetTable::default();
        let mut global_ids: HashMap<(usize, String), u16> = HashMap::new();
        let mut segment_values = Vec::new();
        for segment in segments {
            let reader = segment.facet_reader(field_name)?;
            let mut ord_to_global = Vec::with_capacity(reader.num_facets());
            let mut facet = Facet::root();
            for ord in 0..reader.num_facets() as u64 {
                reader.facet_from_ord(ord, &mut facet)?;
                let key = dimension_value(&facet);
                let global = key.and_then(|key| {
                    if let Some(id) = global_ids.get(&key) {
                        return Some(*id);
                    }
                    let id = u16::try_from(table.values.len()).ok()?;
                    table.values.push(key.clone());
                    global_ids.insert(key, id);
                    Some(id)
                });
                ord_to_global.push(global);
            }
            let max_doc = segment.max_doc();
            let mut offsets = Vec::with_capacity(max_doc as usize + 1);
            let mut values = Vec::new();
            offsets.push(0);
            for doc in 0..max_doc {
                values.extend(
                    reader
                        .facet_ords(doc)
                        .filter_map(|ord| ord_to_global.get(ord as usize).copied().flatten()),
                );
                offsets.push(values.len() as u32);
            }
            segment_values.push((segment.segment_id(), offsets, values));
        }
        let value_count = table.values.len();
        for (segment_id, offsets, values) in segment_values {
            let facets = SegmentFacets::new(offsets, values, value_count);
            table.segments.insert(segment_id, Arc::new(facets));
        }
        Ok(table)
    }

    /// A collector counting the facet values of matching documents.
    pub fn collector(&self) -> FacetCountCollector<'_> {
        FacetCountCollector { table: self }
    }

    /// The counts per dimension, most frequent first (ties by value).
    pub fn facets(&self, counts: &[u32]) -> Facets {
        let mut per_dimension: [Vec<(String, u64)>; 5] = Default::default();
        for (id, count) in counts.iter().enumerate() {
            if *count == 0 {
                continue;
            }
            let Some((dimension, value)) = self.values.get(id) else {
                continue;
            };
            per_dimension[*dimension].push((value.clone(), u64::from(*count)));
        }
        for values in &mut per_dimension {
            values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        let [needs, languages, communes, bassins, quartiers] = per_dimension;
        Facets {
            needs,
            languages,
            communes,
            bassins,
            quartiers,
        }
    }
}

/// `/root/value` → (dimension index, value); other shapes are not counted.
fn dimension_value(facet: &Facet) -> Option<(usize, String)> {
    let path = facet.to_path();
    let [root, value] = path.as_slice() else {
        return None;
    };
    let dimension = DIMENSIONS.iter().position(|name| name == root)?;
    Some((dimension, (*value).to_owned()))
}

/// Counts facet values over the matching documents (see [`FacetTable::collector`]).
pub struct FacetCountCollector<'a> {
    table: &'a FacetTable,
}

/// The per-segment side of [`FacetCountCollector`]: gathers the matching documents, counts
/// at harvest.
pub struct FacetSegmentCounter {
    segment: Option<Arc<SegmentFacets>>,
    value_count: usize,
    matched: Vec<DocId>,
}

impl Collector for FacetCountCollector<'_> {
    type Fruit = Vec<u32>;
    type Child = FacetSegmentCounter;

    fn for_segment(
        &self,
        _segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCounter> {
        Ok(FacetSegmentCounter {
            segment: self.table.segments.get(&segment.segment_id()).cloned(),
            value_count: self.table.values.len(),
            matched: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<u32>>) -> tantivy::Result<Vec<u32>> {
        let mut total = vec![0; self.table.values.len()];
        for fruit in fruits {
            for (sum, count) in total.iter_mut().zip(fruit) {
                *sum += count;
            }
        }
        Ok(total)
    }
}

impl SegmentCollector for FacetSegmentCounter {
    type Fruit = Vec<u32>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.matched.push(doc);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        self.matched.extend_from_slice(docs);
    }

    fn harvest(self) -> Vec<u32> {
        let mut counts = vec![0; self.value_count];
        let Some(segment) = &self.segment else {
            return counts;
        };
        let docs = segment.offsets.len().saturating_sub(1);
        // Versions have no deletions: as many matches as documents means every document.
        if self.matched.len() == docs {
            return segment.totals.clone();
        }
        // One bitset intersection per value costs about docs / 64 word operations; one
        // document costs its number of values (about 16).
        let bitset_cost = self.value_count * docs.div_ceil(64);
        let list_cost = self.matched.len() * 16;
        if list_cost <= bitset_cost {
            segment.count_list(&self.matched, &mut counts);
            return counts;
        }
        let mut matched = vec![0u64; docs.div_ceil(64)];
        for &doc in &self.matched {
            if let Some(word) = matched.get_mut(doc as usize / 64) {
                *word |= 1 << (doc % 64);
            }
        }
        segment.count_bitset(&matched, &mut counts);
        counts
    }
}
