//! Mapping social.brussels categories (id, FR label, NL label) to concepts.

use crate::file::ConceptRecord;
use crate::forms::key_of;
use rustc_hash::FxHashMap;

/// Concepts by category id and by folded category label.
#[derive(Debug, Clone, Default)]
pub(crate) struct CategoryIndex {
    by_id: FxHashMap<i64, Vec<usize>>,
    by_label: FxHashMap<String, Vec<usize>>,
}

impl CategoryIndex {
    /// Indexes the category ids and labels of every concept.
    pub fn build(records: &[ConceptRecord]) -> Self {
        let mut index = CategoryIndex::default();
        for (concept, record) in records.iter().enumerate() {
            for id in &record.category_ids {
                push_unique(index.by_id.entry(*id).or_default(), concept);
            }
            for label in record
                .category_labels_fr
                .iter()
                .chain(&record.category_labels_nl)
            {
                let key = key_of(label);
                push_unique(index.by_label.entry(key).or_default(), concept);
            }
        }
        index
    }

    /// Concepts of a known category id.
    pub fn by_id(&self, id: i64) -> Option<&[usize]> {
        self.by_id.get(&id).map(Vec::as_slice)
    }

    /// Concepts of a category label (FR or NL), compared folded, plural-insensitive.
    pub fn by_label(&self, label: &str) -> Option<&[usize]> {
        self.by_label.get(&key_of(label)).map(Vec::as_slice)
    }
}

fn push_unique(concepts: &mut Vec<usize>, concept: usize) {
    if !concepts.contains(&concept) {
        concepts.push(concept);
    }
}
