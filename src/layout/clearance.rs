//! What a mark or label placed on a connector must keep clear of: cards, labels and marks,
//! arrowheads, and other connectors' lines. Held in a grid of buckets so that trying many
//! places on many connectors stays fast.

use super::geometry::{Point, Rect};
use super::scene::{Layer, Role, Scene, Shape};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for bucket coordinates: a multiply and a rotate per word (the `FxHash` of rustc).
/// The keys are small integers made by this module, so the denial-of-service resistance of
/// the standard hasher buys nothing and costs a fifth of a large map's layout.
#[derive(Default)]
struct CellHasher(u64);

impl Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.write_u64(u64::from(*byte));
        }
    }

    fn write_i32(&mut self, value: i32) {
        self.write_u64(u64::from(value.cast_unsigned()));
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Buckets = HashMap<(i32, i32), Vec<usize>, BuildHasherDefault<CellHasher>>;

/// The side of a bucket, in map units.
const CELL: f32 = 128.0;
/// The most buckets one obstacle is filed under; a larger one goes on a list checked always.
const MAX_CELLS: usize = 256;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A card, label or mark: nothing may cover it.
    Solid,
    /// An arrowhead: nothing may cover it.
    Head,
    /// A stretch of a connector's line: only other connectors' marks and labels avoid it.
    Line,
}

/// The obstacles of a scene, added to as marks and labels are placed.
pub(crate) struct Clearance {
    items: Vec<(Rect, Kind, Role)>,
    /// Buckets over the cells the scene's obstacles cover, in one block: `grid[row * columns +
    /// column]` for the cell (`origin.0 + column`, `origin.1 + row`).
    grid: Vec<Vec<usize>>,
    origin: (i32, i32),
    columns: i32,
    rows: i32,
    /// Buckets of cells outside the grid, for what is added later beyond the scene's obstacles.
    buckets: Buckets,
    large: Vec<usize>,
}

/// The most cells the grid of buckets takes before obstacles go to the map of buckets only.
const MAX_GRID_CELLS: i64 = 1 << 22;

impl Clearance {
    fn empty() -> Self {
        Self {
            items: Vec::new(),
            grid: Vec::new(),
            origin: (0, 0),
            columns: 0,
            rows: 0,
            buckets: Buckets::default(),
            large: Vec::new(),
        }
    }

    /// The obstacles already in `scene`.
    pub fn of(scene: &Scene) -> Self {
        let mut obstacles = Vec::new();
        for region in &scene.regions {
            if matches!(region.layer, Layer::Cards | Layer::Labels) {
                obstacles.push((region.rect, Kind::Solid, region.role));
            }
        }
        for item in &scene.items {
            if !matches!(item.role, Role::Link(_) | Role::Flow(..)) {
                continue;
            }
            match &item.shape {
                Shape::Line { points, .. } => {
                    for pair in points.windows(2) {
                        obstacles.push((segment_box(pair[0], pair[1]), Kind::Line, item.role));
                    }
                }
                Shape::Polygon { points, .. } => {
                    if let Some(rect) = bounds(points) {
                        obstacles.push((rect, Kind::Head, item.role));
                    }
                }
                _ => {}
            }
        }
        let mut clearance = Self::empty();
        // One block of buckets over the cells these obstacles cover, so filing and finding them
        // is indexing rather than hashing.
        let mut span: Option<(i32, i32, i32, i32)> = None;
        for (rect, ..) in &obstacles {
            if let Some((x0, y0, x1, y1)) = cell_span(rect) {
                span =
                    Some(span.map_or((x0, y0, x1, y1), |(a, b, c, d)| {
                        (a.min(x0), b.min(y0), c.max(x1), d.max(y1))
                    }));
            }
        }
        if let Some((x0, y0, x1, y1)) = span {
            let (columns, rows) = (i64::from(x1) - i64::from(x0) + 1, i64::from(y1) - i64::from(y0) + 1);
            if columns * rows <= MAX_GRID_CELLS {
                clearance.origin = (x0, y0);
                clearance.columns = i32::try_from(columns).unwrap_or(0);
                clearance.rows = i32::try_from(rows).unwrap_or(0);
                clearance.grid = vec![Vec::new(); usize::try_from(columns * rows).unwrap_or(0)];
            }
        }
        clearance.items.reserve(obstacles.len());
        for (rect, kind, role) in obstacles {
            clearance.add(rect, kind, role);
        }
        clearance
    }

    /// The bucket of `cell` in the grid, if the grid has it.
    fn grid_index(&self, (x, y): (i32, i32)) -> Option<usize> {
        let (column, row) = (x - self.origin.0, y - self.origin.1);
        if (0..self.columns).contains(&column) && (0..self.rows).contains(&row) {
            usize::try_from(row * self.columns + column).ok()
        } else {
            None
        }
    }

    fn bucket(&self, cell: (i32, i32)) -> Option<&Vec<usize>> {
        match self.grid_index(cell) {
            Some(index) => self.grid.get(index),
            None => self.buckets.get(&cell),
        }
    }

    /// Adds a placed label or mark, which nothing may cover.
    pub fn add_solid(&mut self, rect: Rect, role: Role) {
        self.add(rect, Kind::Solid, role);
    }

    /// Whether `rect` covers a card, label, mark or arrowhead, or (with `lines`) a line of a
    /// connector other than `role`'s.
    pub fn covers(&self, rect: &Rect, role: Role, lines: bool) -> bool {
        let hit = |&index: &usize| {
            let (other, kind, owner) = &self.items[index];
            other.overlaps(rect) && (*kind != Kind::Line || (lines && *owner != role))
        };
        if self.large.iter().any(hit) {
            return true;
        }
        match cells(rect) {
            Some(mut cells) => cells.any(|cell| self.bucket(cell).is_some_and(|list| list.iter().any(hit))),
            None => (0..self.items.len()).any(|index| hit(&index)),
        }
    }

    fn add(&mut self, rect: Rect, kind: Kind, role: Role) {
        let index = self.items.len();
        self.items.push((rect, kind, role));
        match cells(&rect) {
            Some(cells) => {
                for cell in cells {
                    match self.grid_index(cell) {
                        Some(at) => self.grid[at].push(index),
                        None => self.buckets.entry(cell).or_default().push(index),
                    }
                }
            }
            None => self.large.push(index),
        }
    }
}

/// The buckets a rectangle touches, or `None` when its corners are not finite or it touches
/// more than `MAX_CELLS`.
fn cells(rect: &Rect) -> Option<impl Iterator<Item = (i32, i32)>> {
    let (x0, y0, x1, y1) = cell_span(rect)?;
    Some((x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y))))
}

/// The first and last bucket column and row a rectangle touches, or `None` as for [`cells`].
fn cell_span(rect: &Rect) -> Option<(i32, i32, i32, i32)> {
    let corners = [rect.min.x, rect.min.y, rect.max.x, rect.max.y];
    if corners.iter().any(|c| !c.is_finite() || c.abs() > 1.0e7) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation, reason = "bounded by the check above")]
    let cell = |value: f32| (value / CELL).floor() as i32;
    let (x0, y0, x1, y1) = (cell(rect.min.x), cell(rect.min.y), cell(rect.max.x), cell(rect.max.y));
    let count = (i64::from(x1 - x0) + 1) * (i64::from(y1 - y0) + 1);
    if count > i64::try_from(MAX_CELLS).unwrap_or(i64::MAX) {
        return None;
    }
    Some((x0, y0, x1, y1))
}

/// A thin box around a segment, as wide as a line (1.25 units).
pub(crate) fn segment_box(a: Point, b: Point) -> Rect {
    Rect { min: Point::new(a.x.min(b.x), a.y.min(b.y)), max: Point::new(a.x.max(b.x), a.y.max(b.y)) }
        .expand(0.6)
}

fn bounds(points: &[Point]) -> Option<Rect> {
    let first = Rect { min: *points.first()?, max: *points.first()? };
    Some(points.iter().fold(first, |r, p| r.union(&Rect { min: *p, max: *p })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LinkId;

    #[test]
    fn a_line_blocks_other_connectors_only_and_solids_block_everyone() {
        let mut clearance = Clearance::empty();
        let own = Role::Link(LinkId(1));
        let other = Role::Link(LinkId(2));
        clearance.add(segment_box(Point::new(0.0, 10.0), Point::new(200.0, 10.0)), Kind::Line, own);
        let probe = Rect::from_xywh(100.0, 5.0, 10.0, 10.0);
        assert!(!clearance.covers(&probe, own, true));
        assert!(clearance.covers(&probe, other, true));
        assert!(!clearance.covers(&probe, other, false));
        clearance.add_solid(Rect::from_xywh(-1.0e6, -1.0e6, 2.0e6, 2.0e6), other);
        assert!(clearance.covers(&probe, own, false), "a huge obstacle is still found");
    }
}
