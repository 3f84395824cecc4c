//! A lookup grid over the sectors: most cells lie wholly inside one sector (or outside the
//! Region) and answer a point at once; a cell crossed by sector edges lists those sectors
//! for the exact point-in-polygon test (the R-tree remains the fallback).
//!
//! A cell is "crossed" when the bounding box of any sector edge touches it. A cell that is
//! not crossed holds no boundary point, so all its points share one answer; neighbouring
//! uncrossed cells are connected without crossing a boundary, so a flood fill gives a
//! whole component the answer of one exact lookup.

use super::SectorIndex;
use geo::{BoundingRect, Rect};
use std::collections::{HashMap, VecDeque};

/// Cell side, degrees (about 14 m east–west and 22 m north–south in Brussels).
const CELL_DEGREES: f64 = 0.0002;
/// Margin added around edges so float rounding at cell borders stays conservative.
const EDGE_MARGIN: f64 = 1e-9;

/// The cell is outside every sector.
const OUTSIDE: u16 = u16::MAX;
/// Not yet labelled (build time only).
const UNLABELLED: u16 = u16::MAX - 1;
/// Cell values from `sector count` up to here name a candidate set.
const LAST_SET: u16 = u16::MAX - 2;

/// Sector answer per cell.
pub struct SectorGrid {
    origin_lon: f64,
    origin_lat: f64,
    columns: usize,
    rows: usize,
    /// Sector index (below `sector_count`), `OUTSIDE`, or `sector_count + set` for a
    /// crossed cell (2 bytes a cell keeps the grid small enough for the cache).
    cells: Vec<u16>,
    sector_count: u16,
    /// Candidate set `set` is `candidates[offsets[set]..offsets[set + 1]]`; crossed cells
    /// share sets (most lie on the edge between the same two sectors).
    offsets: Vec<u32>,
    /// Sectors with an edge touching the cell.
    candidates: Vec<u16>,
}

/// What the grid says about a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Wholly inside this sector.
    Sector(usize),
    /// Outside every sector.
    Outside,
    /// Crossed by edges of these sectors: needs the exact test (and the R-tree when the
    /// point is in none of them).
    Crossed(&'a [u16]),
}

impl SectorGrid {
    /// Builds the grid for the sectors of `index`; `None` when the sectors and candidate
    /// sets do not fit the 2-byte cell encoding, or there is no sector.
    pub fn new(index: &SectorIndex) -> Option<Self> {
        let sectors = index.sectors();
        let sector_count = u16::try_from(sectors.len())
            .ok()
            .filter(|count| *count > 0 && *count < LAST_SET)?;
        let bounds = sectors
            .iter()
            .filter_map(|sector| sector.geometry.bounding_rect())
            .reduce(|left, right| {
                Rect::new(
                    (
                        left.min().x.min(right.min().x),
                        left.min().y.min(right.min().y),
                    ),
                    (
                        left.max().x.max(right.max().x),
                        left.max().y.max(right.max().y),
                    ),
                )
            })?;
        let columns = (bounds.width() / CELL_DEGREES).ceil() as usize + 1;
        let rows = (bounds.height() / CELL_DEGREES).ceil() as usize + 1;
        let mut grid = Self {
            origin_lon: bounds.min().x,
            origin_lat: bounds.min().y,
            columns,
            rows,
            cells: vec![UNLABELLED; columns * rows],
            sector_count,
            offsets: Vec::new(),
            candidates: Vec::new(),
        };
        grid.mark_edges(index)?;
        grid.flood(index);
        tracing::debug!(
            cells = grid.cells.len(),
            crossed_share = grid.crossed_share(),
            candidate_sets = grid.set_count(),
            "sector grid built"
        );
        Some(grid)
    }

    /// What the grid says about `(lon, lat)`.
    #[inline]
    pub fn cell(&self, lon: f64, lat: f64) -> Cell<'_> {
        let Some(position) = self.position(lon, lat) else {
            return Cell::Outside;
        };
        match self.cells[position] {
            OUTSIDE | UNLABELLED => Cell::Outside,
            sector if sector < self.sector_count => Cell::Sector(usize::from(sector)),
            value => {
                let set = usize::from(value - self.sector_count);
                let (start, end) = (self.offsets[set] as usize, self.offsets[set + 1] as usize);
                Cell::Crossed(&self.candidates[start..end])
            }
        }
    }

    /// The share of cells crossed by an edge.
    pub fn crossed_share(&self) -> f64 {
        let crossed = self
            .cells
            .iter()
            .filter(|cell| (self.sector_count..=LAST_SET).contains(cell))
            .count();
        crossed as f64 / self.cells.len() as f64
    }

    /// How many distinct candidate sets the crossed cells use.
    pub fn set_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    #[inline]
    fn position(&self, lon: f64, lat: f64) -> Option<usize> {
        let column = ((lon - self.origin_lon) / CELL_DEGREES).floor();
        let row = ((lat - self.origin_lat) / CELL_DEGREES).floor();
        // Also rejects NaN.
        if !(column >= 0.0 && row >= 0.0) {
            return None;
        }
        let (column, row) = (column as usize, row as usize);
        (column < self.columns && row < self.rows).then(|| row * self.columns + column)
    }

    /// Column and row ranges of the cells touching a box.
    fn span(
        &self,
        min: (f64, f64),
        max: (f64, f64),
    ) -> (
        std::ops::RangeInclusive<usize>,
        std::ops::RangeInclusive<usize>,
    ) {
        let index = |value: f64, origin: f64, count: usize| {
            (((value - origin) / CELL_DEGREES).floor().max(0.0) as usize).min(count - 1)
        };
        (
            index(min.0, self.origin_lon, self.columns)
                ..=index(max.0, self.origin_lon, self.columns),
            index(min.1, self.origin_lat, self.rows)..=index(max.1, self.origin_lat, self.rows),
        )
    }

    /// Marks every cell touched by the bounding box of a sector edge, and lists the
    /// sectors of those edges per cell.
    fn mark_edges(&mut self, index: &SectorIndex) -> Option<()> {
        let mut touching: Vec<(u32, u16)> = Vec::new();
        for (sector_index, sector) in index.sectors().iter().enumerate() {
            // Checked in `new`: fewer than `LAST_SET` sectors.
            let sector_index = sector_index as u16;
            for polygon in &sector.geometry {
                for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                    for line in ring.lines() {
                        let min = (
                            line.start.x.min(line.end.x) - EDGE_MARGIN,
                            line.start.y.min(line.end.y) - EDGE_MARGIN,
                        );
                        let max = (
                            line.start.x.max(line.end.x) + EDGE_MARGIN,
                            line.start.y.max(line.end.y) + EDGE_MARGIN,
                        );
                        let (columns, rows) = self.span(min, max);
                        for row in rows {
                            for column in columns.clone() {
                                touching.push(((row * self.columns + column) as u32, sector_index));
                            }
                        }
                    }
                }
            }
        }
        touching.sort_unstable();
        touching.dedup();
        let mut sets: HashMap<Vec<u16>, u16> = HashMap::new();
        let mut set_sectors: Vec<u16> = Vec::new();
        let mut cell_sets: Vec<(u32, u16)> = Vec::new();
        self.offsets.push(0);
        for group in touching.chunk_by(|left, right| left.0 == right.0) {
            set_sectors.clear();
            set_sectors.extend(group.iter().map(|(_, sector)| *sector));
            let next_set = u16::try_from(sets.len()).ok()?;
            let set = match sets.get(set_sectors.as_slice()) {
                Some(set) => *set,
                None => {
                    self.candidates.extend_from_slice(&set_sectors);
                    self.offsets
                        .push(u32::try_from(self.candidates.len()).ok()?);
                    sets.insert(set_sectors.clone(), next_set);
                    next_set
                }
            };
            cell_sets.push((group[0].0, set));
        }
        if usize::from(self.sector_count) + sets.len() > usize::from(LAST_SET) {
            return None;
        }
        for (cell, set) in cell_sets {
            self.cells[cell as usize] = self.sector_count + set;
        }
        Some(())
    }

    /// Labels each component of uncrossed cells with the exact answer at one of its cells.
    fn flood(&mut self, index: &SectorIndex) {
        let mut queue = VecDeque::new();
        for start in 0..self.cells.len() {
            if self.cells[start] != UNLABELLED {
                continue;
            }
            let (column, row) = (start % self.columns, start / self.columns);
            let lon = self.origin_lon + (column as f64 + 0.5) * CELL_DEGREES;
            let lat = self.origin_lat + (row as f64 + 0.5) * CELL_DEGREES;
            let label = index
                .locate_exact(lon, lat)
                .map_or(OUTSIDE, |sector| sector as u16);
            self.cells[start] = label;
            queue.push_back(start);
            while let Some(cell) = queue.pop_front() {
                let (column, row) = (cell % self.columns, cell / self.columns);
                let neighbours = [
                    (column > 0).then(|| cell - 1),
                    (column + 1 < self.columns).then(|| cell + 1),
                    (row > 0).then(|| cell - self.columns),
                    (row + 1 < self.rows).then(|| cell + self.columns),
                ];
                for neighbour in neighbours.into_iter().flatten() {
                    if self.cells[neighbour] == UNLABELLED {
                        self.cells[neighbour] = label;
                        queue.push_back(neighbour);
                    }
                }
            }
        }
    }
}
