//! Broader / narrower links between concepts.

use crate::file::ConceptRecord;
use rustc_hash::FxHashMap;
use std::collections::VecDeque;

/// Both directions of the broader links, by concept position.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hierarchy {
    broader: Vec<Vec<usize>>,
    narrower: Vec<Vec<usize>>,
}

impl Hierarchy {
    /// Builds the links; unknown ids are skipped (validation reports them).
    pub fn build(records: &[ConceptRecord], by_id: &FxHashMap<String, usize>) -> Self {
        let mut hierarchy = Hierarchy {
            broader: vec![Vec::new(); records.len()],
            narrower: vec![Vec::new(); records.len()],
        };
        for (child, record) in records.iter().enumerate() {
            for parent in record.broader.iter().filter_map(|id| by_id.get(id)) {
                hierarchy.broader[child].push(*parent);
                hierarchy.narrower[*parent].push(child);
            }
        }
        hierarchy
    }

    /// The concept then all its narrower concepts, breadth first, each once.
    pub fn with_descendants(&self, start: usize) -> Vec<usize> {
        walk(&self.narrower, start)
    }

    /// Whether `broader` is a broader concept of `narrower` (at any distance).
    pub fn is_broader(&self, broader: usize, narrower: usize) -> bool {
        self.ancestors(narrower).contains(&broader)
    }

    /// Whether two concepts are one, or one is broader than the other.
    pub fn related(&self, one: usize, other: usize) -> bool {
        one == other || self.is_broader(one, other) || self.is_broader(other, one)
    }

    /// All broader concepts, nearest first, each once (the concept itself excluded).
    pub fn ancestors(&self, start: usize) -> Vec<usize> {
        let mut found = walk(&self.broader, start);
        found.remove(0);
        found
    }
}

/// Breadth-first walk from `start` (included) along `links`.
fn walk(links: &[Vec<usize>], start: usize) -> Vec<usize> {
    let mut seen = vec![false; links.len()];
    let mut order = Vec::new();
    let mut queue = VecDeque::from([start]);
    seen[start] = true;
    while let Some(node) = queue.pop_front() {
        order.push(node);
        for &next in &links[node] {
            if !seen[next] {
                seen[next] = true;
                queue.push_back(next);
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_a_diamond_once() {
        // 0 ← 1, 0 ← 2, 1 ← 3, 2 ← 3
        let narrower = vec![vec![1, 2], vec![3], vec![3], vec![]];
        let broader = vec![vec![], vec![0], vec![0], vec![1, 2]];
        let hierarchy = Hierarchy { broader, narrower };
        assert_eq!(hierarchy.with_descendants(0), [0, 1, 2, 3]);
        assert_eq!(hierarchy.ancestors(3), [1, 2, 0]);
        assert!(hierarchy.ancestors(0).is_empty());
    }
}
