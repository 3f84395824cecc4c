//! Facet counting from a compact in-memory table built when a version is opened.
//!
//! tantivy's `FacetCollector` walks the facet column and its dictionary for every matching
//! document; an index version is immutable, so Orienta reads the column once and gives
//! every document three *combination* ids: its set of needs, its set of languages and its
//! place (commune, quartier, bassin). Documents share combinations, so a query counts three
//! increments per match and expands the combinations that occurred into value counts.

use crate::request::Facets;
use std::collections::HashMap;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// The facet dimensions, in the order of their `/root` in the facet field.
const DIMENSIONS: [&str; 5] = ["need", "language", "commune", "bassin", "quartier"];

/// Groups of dimensions whose values form one combination per document.
const GROUPS: usize = 3;

/// The group of a dimension: needs, languages, or place (commune, quartier, bassin).
fn group_of(dimension: usize) -> usize {
    match dimension {
        0 => 0,
        1 => 1,
        _ => 2,
    }
}

/// The combinations of one segment: `combinations[doc]` holds the combination ids of `doc`
/// (`u32::MAX` when the group is empty).
struct SegmentFacets {
    combinations: Vec<[u32; GROUPS]>,
    /// The counts over every document (browsing everything needs no counting).
    totals: Vec<u32>,
}

/// Every facet value of an index version and which documents carry it.
#[derive(Default)]
pub struct FacetTable {
    /// Global value id → (dimension index, value).
    values: Vec<(usize, String)>,
    /// Combination id → its value ids.
    combinations: Arc<Vec<Vec<u16>>>,
    /// Value id → the combinations holding it (filters mark them without a scan).
    value_combinations: Vec<Vec<u32>>,
    segments: HashMap<SegmentId, Arc<SegmentFacets>>,
}

impl FacetTable {
    /// Reads the `facets` field of every segment.
    pub fn build(segments: &[SegmentReader], field_name: &str) -> tantivy::Result<Self> {
        let mut builder = TableBuilder::default();
        for segment in segments {
            builder.add_segment(segment, field_name)?;
        }
        Ok(builder.finish())
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

impl FacetTable {
    /// Documents of the version that carry one of `values` in `dimension` (`language`,
    /// `commune`, `bassin` or `quartier`), as a share of all documents: an upper bound when
    /// a document carries several of the values.
    pub fn share(&self, dimension: &str, values: &[String]) -> f64 {
        let Some(dimension) = DIMENSIONS.iter().position(|name| *name == dimension) else {
            return 0.0;
        };
        let (mut carrying, mut documents) = (0u64, 0u64);
        for segment in self.segments.values() {
            documents += segment.combinations.len() as u64;
            for (id, (value_dimension, value)) in self.values.iter().enumerate() {
                if *value_dimension == dimension && values.contains(value) {
                    carrying += u64::from(segment.totals.get(id).copied().unwrap_or(0));
                }
            }
        }
        if documents == 0 {
            return 0.0;
        }
        (carrying as f64 / documents as f64).min(1.0)
    }

    /// A filter keeping the documents that carry, for every `(dimension, values)` given,
    /// at least one of the values.
    pub fn doc_filter(&self, conditions: &[(&str, &[String])]) -> DocFilter {
        let conditions = conditions
            .iter()
            .map(|(dimension, values)| {
                let dimension = DIMENSIONS.iter().position(|name| name == dimension);
                let mut passing = vec![false; self.combinations.len()];
                let wanted =
                    self.values.iter().enumerate().filter(|(_, (of, value))| {
                        Some(*of) == dimension && values.contains(value)
                    });
                for (id, _) in wanted {
                    for combination in &self.value_combinations[id] {
                        passing[*combination as usize] = true;
                    }
                }
                (dimension.map_or(0, group_of), passing)
            })
            .collect();
        DocFilter {
            conditions: Arc::new(conditions),
            segments: self.segments.clone(),
        }
    }
}

/// Documents kept by facet values, read from the table (see [`FacetTable::doc_filter`]):
/// one array read per condition and document, no postings.
#[derive(Clone)]
pub struct DocFilter {
    /// Per condition: the group it reads and, per combination id, whether it passes.
    conditions: Arc<Vec<(usize, Vec<bool>)>>,
    segments: HashMap<SegmentId, Arc<SegmentFacets>>,
}

impl std::fmt::Debug for DocFilter {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("DocFilter")
            .field("conditions", &self.conditions.len())
            .finish()
    }
}

impl DocFilter {
    /// The filter of one segment; a segment the table does not know keeps no document.
    pub fn for_segment(&self, segment: SegmentId) -> SegmentDocFilter {
        SegmentDocFilter {
            conditions: Arc::clone(&self.conditions),
            segment: self.segments.get(&segment).cloned(),
        }
    }
}

/// [`DocFilter`] for one segment.
pub struct SegmentDocFilter {
    conditions: Arc<Vec<(usize, Vec<bool>)>>,
    segment: Option<Arc<SegmentFacets>>,
}

impl SegmentDocFilter {
    /// True when `doc` passes every condition.
    pub fn accepts(&self, doc: DocId) -> bool {
        let Some(ids) = self
            .segment
            .as_ref()
            .and_then(|segment| segment.combinations.get(doc as usize))
        else {
            return false;
        };
        self.conditions
            .iter()
            .all(|(group, passing)| passing.get(ids[*group] as usize).copied().unwrap_or(false))
    }
}

/// A [`FacetTable`] being built: the ids handed out so far.
#[derive(Default)]
struct TableBuilder {
    /// The table, its combinations not yet set.
    table: FacetTable,
    /// (dimension index, value) → global value id.
    global_ids: HashMap<(usize, String), u16>,
    /// Sorted value ids → combination id.
    combination_ids: HashMap<Vec<u16>, u32>,
    /// Combination id → its value ids.
    combination_list: Vec<Vec<u16>>,
}

impl TableBuilder {
    /// Reads one segment's facets: its values, each document's combinations and the totals.
    fn add_segment(&mut self, segment: &SegmentReader, field_name: &str) -> tantivy::Result<()> {
        let reader = segment.facet_reader(field_name)?;
        let ord_to_global = self.global_ids_of(&reader)?;
        let combinations = self.doc_combinations(segment, &reader, &ord_to_global);
        let totals = self.totals(&combinations);
        let facets = SegmentFacets {
            combinations,
            totals,
        };
        self.table
            .segments
            .insert(segment.segment_id(), Arc::new(facets));
        Ok(())
    }

    /// The global value id of each of the segment's facet ordinals (`None` for a facet that
    /// is no dimension value, or past the id space).
    fn global_ids_of(&mut self, reader: &FacetReader) -> tantivy::Result<Vec<Option<u16>>> {
        let mut ord_to_global = Vec::with_capacity(reader.num_facets());
        let mut facet = Facet::root();
        for ord in 0..reader.num_facets() as u64 {
            reader.facet_from_ord(ord, &mut facet)?;
            let key = dimension_value(&facet);
            let global = key.and_then(|key| {
                if let Some(id) = self.global_ids.get(&key) {
                    return Some(*id);
                }
                let id = u16::try_from(self.table.values.len()).ok()?;
                self.table.values.push(key.clone());
                self.global_ids.insert(key, id);
                Some(id)
            });
            ord_to_global.push(global);
        }
        Ok(ord_to_global)
    }

    /// Each document's combination id per group.
    fn doc_combinations(
        &mut self,
        segment: &SegmentReader,
        reader: &FacetReader,
        ord_to_global: &[Option<u16>],
    ) -> Vec<[u32; GROUPS]> {
        let max_doc = segment.max_doc();
        let mut combinations = Vec::with_capacity(max_doc as usize);
        let mut groups: [Vec<u16>; GROUPS] = Default::default();
        for doc in 0..max_doc {
            for group in &mut groups {
                group.clear();
            }
            for ord in reader.facet_ords(doc) {
                let Some(id) = ord_to_global.get(ord as usize).copied().flatten() else {
                    continue;
                };
                let dimension = self.table.values[id as usize].0;
                groups[group_of(dimension)].push(id);
            }
            let mut ids = [u32::MAX; GROUPS];
            for (slot, group) in ids.iter_mut().zip(&mut groups) {
                if group.is_empty() {
                    continue;
                }
                group.sort_unstable();
                group.dedup();
                *slot = self.combination_id(group);
            }
            combinations.push(ids);
        }
        combinations
    }

    /// The id of a sorted, deduplicated group of values, new ones numbered in order.
    fn combination_id(&mut self, group: &[u16]) -> u32 {
        if let Some(id) = self.combination_ids.get(group) {
            return *id;
        }
        let id = self.combination_list.len() as u32;
        self.combination_list.push(group.to_vec());
        self.combination_ids.insert(group.to_vec(), id);
        id
    }

    /// How many of the documents carry each value known so far.
    fn totals(&self, combinations: &[[u32; GROUPS]]) -> Vec<u32> {
        let mut totals = vec![0u32; self.table.values.len()];
        for ids in combinations {
            for id in ids.iter().filter(|id| **id != u32::MAX) {
                for value in &self.combination_list[*id as usize] {
                    totals[*value as usize] += 1;
                }
            }
        }
        totals
    }

    /// The table with its combinations, each value's combinations and equal-length totals.
    fn finish(self) -> FacetTable {
        let TableBuilder {
            mut table,
            combination_list,
            ..
        } = self;
        let mut value_combinations = vec![Vec::new(); table.values.len()];
        for (combination, values) in combination_list.iter().enumerate() {
            for value in values {
                value_combinations[*value as usize].push(combination as u32);
            }
        }
        table.value_combinations = value_combinations;
        table.combinations = Arc::new(combination_list);
        // Values met in later segments: earlier segments' totals are padded with zeros.
        let value_count = table.values.len();
        for facets in table.segments.values_mut() {
            if let Some(facets) = Arc::get_mut(facets) {
                facets.totals.resize(value_count, 0);
            }
        }
        table
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

/// The per-segment side of [`FacetCountCollector`]: counts combinations per match, expands
/// them into values at harvest.
pub struct FacetSegmentCounter {
    segment: Option<Arc<SegmentFacets>>,
    combinations: Arc<Vec<Vec<u16>>>,
    value_count: usize,
    matched: usize,
    combination_counts: Vec<u32>,
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
            combinations: Arc::clone(&self.table.combinations),
            value_count: self.table.values.len(),
            matched: 0,
            combination_counts: vec![0; self.table.combinations.len()],
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
        self.matched += 1;
        let Some(segment) = &self.segment else {
            return;
        };
        let Some(ids) = segment.combinations.get(doc as usize) else {
            return;
        };
        for id in ids {
            if let Some(count) = self.combination_counts.get_mut(*id as usize) {
                *count += 1;
            }
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        for doc in docs {
            self.collect(*doc, 0.0);
        }
    }

    fn harvest(self) -> Vec<u32> {
        let Some(segment) = &self.segment else {
            return vec![0; self.value_count];
        };
        // Versions have no deletions: as many matches as documents means every document.
        if self.matched == segment.combinations.len() {
            return segment.totals.clone();
        }
        let mut counts = vec![0; self.value_count];
        for (id, combination_count) in self.combination_counts.iter().enumerate() {
            if *combination_count == 0 {
                continue;
            }
            for value in &self.combinations[id] {
                counts[*value as usize] += combination_count;
            }
        }
        counts
    }
}
