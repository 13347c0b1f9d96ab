//! Route planning on a column grid: each link between cards runs through the card-free space
//! of the columns it crosses (the gaps between stacked cards, or below a column's last card),
//! turning only in the gutters, so it stays close to the straight line between its cards and
//! never crosses a card. Heights are relative to the top of the cards; gutters and tracks are
//! indices the grid turns into x positions.

use super::style::{CARD_PADDING, GUTTER, TRACK, UNIT, size};
use std::collections::{HashMap, HashSet};

/// Clearance between a horizontal run and the card edge above or below it.
pub(crate) const CLEAR: f32 = 5.0;
/// The extra cost of a turn, in units of length, so routes prefer fewer bends.
const BEND: f32 = 4.0 * UNIT;
/// The weight of two lines sharing a stretch in a gutter, against 1 for a crossing.
const SHARED: usize = 100;
/// The cost of crossing another line, in units of length: a route goes this much further to
/// avoid one crossing.
const CROSS: f32 = 8.0 * UNIT;
/// An empty column keeps its first lines for its "no touchpoints" note.
const EMPTY_NOTE: f32 = 5.0 * UNIT;
/// The closest two ports on one card side get.
const MIN_PORT_GAP: f32 = 2.0;
/// How many tracks below a column's last card a route may use.
const BELOW_SLOTS: usize = 40;

/// How many whole `step`s fit in `length`, at most `limit` (0 for a negative or non-finite
/// length).
pub(crate) fn steps_in(length: f32, step: f32, limit: usize) -> usize {
    let count = (length / step).floor();
    if count.is_nan() || count < 0.0 {
        return 0;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..=limit first, and limits are small"
    )]
    let count = count.min(limit as f32) as usize;
    count
}

/// A card's place: its column and its row in that column.
pub(crate) type CardAt = (usize, usize);

/// Where a connector leaves or enters a card side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Port {
    /// The card.
    pub card: CardAt,
    /// Whether the port is on the card's right side.
    pub right: bool,
    /// The port's height below the card's top.
    pub offset: f32,
}

/// A link to route: its two cards, and whether something (a handoff mark, a label) must sit
/// on its line, which the short drop between neighbours in a column has no room for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Request {
    /// The card it leaves.
    pub from: CardAt,
    /// The card it enters.
    pub to: CardAt,
    /// Whether the line needs room for a mark or label.
    pub needs_room: bool,
}

/// A planned route.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Path {
    /// Straight down or up between neighbours in one column.
    Direct,
    /// Out of a card side, along horizontal runs at `levels`, turning onto a vertical at each
    /// `(gutter, track)` in `turns` (one fewer than levels), into the target's side.
    Turns { start: Port, levels: Vec<f32>, turns: Vec<(usize, usize)>, end: Port },
}

/// The routes of all links, and the grid they need.
pub(crate) struct Plan {
    /// One path per link, or `None` for a link that cannot be drawn (same card).
    pub paths: Vec<Option<Path>>,
    /// The number of tracks each gutter needs (one gutter more than columns).
    pub tracks_per_gutter: Vec<usize>,
    /// The lowest height any horizontal run uses, 0 when there is none.
    pub deepest: f32,
}

/// A horizontal run taken by a route: its height and the grid positions it touches (gutter
/// `g` is position `2g`, column `c` is position `2c + 1`).
#[derive(Clone, Copy)]
struct Run {
    y: f32,
    from: usize,
    to: usize,
}

/// A vertical in a gutter before its track is chosen: its heights, and on which side the
/// horizontal runs at each end attach.
struct Vertical {
    path: usize,
    turn: usize,
    ends: [(f32, Side); 2],
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// Plans every link. `columns[c]` lists the (top, bottom) of each card of column `c` from the
/// top of the cards, in order.
pub(crate) fn plan(columns: &[Vec<(f32, f32)>], links: &[Request]) -> Plan {
    // Only the first link between two neighbours in a column drops straight; another one
    // between the same two cards would share its line, so it goes round by the gutter.
    let mut dropped: HashSet<(CardAt, CardAt)> = HashSet::new();
    let links: Vec<Request> = links
        .iter()
        .map(|&request| {
            if sides(request, true).is_some() {
                return request;
            }
            let pair = (request.from.min(request.to), request.from.max(request.to));
            let needs_room = !dropped.insert(pair);
            Request { needs_room, ..request }
        })
        .collect();
    let links = links.as_slice();
    // Loops within a column take its right and left gutters in turn, so neither fills up.
    let mut loops_in_column = vec![0_usize; columns.len()];
    let sides: Vec<Option<(bool, bool)>> = links
        .iter()
        .map(|request| {
            let column = request.from.0;
            let right = if request.to.0 == column && column < loops_in_column.len() {
                loops_in_column[column] += 1;
                loops_in_column[column] % 2 == 1
            } else {
                true
            };
            sides(*request, right)
        })
        .collect();
    let mut demand: HashMap<(CardAt, bool), usize> = HashMap::new();
    for (request, sides) in links.iter().zip(&sides) {
        if let Some((exit_right, enter_right)) = sides {
            *demand.entry((request.from, *exit_right)).or_default() += 1;
            *demand.entry((request.to, *enter_right)).or_default() += 1;
        }
    }
    let mut planner =
        Planner { columns, runs: Taken::default(), ports: HashMap::new(), demand, uprights: Vec::new() };
    let mut paths: Vec<Option<Path>> = vec![None; links.len()];
    // Short links first, so the most local routes get the best places.
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by_key(|&i| {
        let Request { from: (ca, ra), to: (cb, rb), .. } = links[i];
        (ca.abs_diff(cb), ra.abs_diff(rb))
    });
    for index in order {
        paths[index] = planner.route(links[index], sides[index]);
    }
    let tracks_per_gutter = assign_tracks(&mut paths, columns.len() + 1);
    let deepest = paths
        .iter()
        .flatten()
        .filter_map(|p| match p {
            Path::Turns { levels, .. } => levels.iter().copied().reduce(f32::max),
            Path::Direct => None,
        })
        .fold(0.0, f32::max);
    Plan { paths, tracks_per_gutter, deepest }
}

/// The sides a link leaves and enters by (right or not), or `None` for a direct drop or a
/// link to itself; a loop within a column uses the side `loop_right` says.
fn sides(request: Request, loop_right: bool) -> Option<(bool, bool)> {
    let Request { from, to, needs_room } = request;
    let (ca, cb) = (from.0, to.0);
    if from == to || (ca == cb && from.1.abs_diff(to.1) == 1 && !needs_room) {
        None
    } else if ca == cb {
        Some((loop_right, loop_right))
    } else {
        Some((cb > ca, cb < ca))
    }
}

struct Planner<'c> {
    columns: &'c [Vec<(f32, f32)>],
    runs: Taken,
    /// Ports handed out per card side: (next index, ports given).
    ports: HashMap<(CardAt, bool), (usize, usize)>,
    /// How many ports each card side will need.
    demand: HashMap<(CardAt, bool), usize>,
    /// Vertical lines planned so far, per grid position: top and bottom.
    uprights: Vec<Vec<(f32, f32)>>,
}

/// The horizontal runs taken so far, filed under every grid position they touch and kept in
/// order of height there, so a route asks only about the runs near it, not every run of the map.
#[derive(Default)]
struct Taken {
    /// Per grid position, the runs touching it, by height.
    by_position: Vec<Vec<Run>>,
    /// The lowest height of any run, if there is one.
    deepest: Option<f32>,
}

impl Taken {
    fn push(&mut self, run: Run) {
        if self.by_position.len() <= run.to {
            self.by_position.resize_with(run.to + 1, Vec::new);
        }
        for list in &mut self.by_position[run.from..=run.to] {
            let at = list.partition_point(|r| r.y.total_cmp(&run.y).is_le());
            list.insert(at, run);
        }
        self.deepest = Some(self.deepest.map_or(run.y, |d| d.max(run.y)));
    }

    /// The runs touching grid position `position` with a height within `reach` of `y` (a few
    /// more at the edges; callers test the exact distance).
    fn near(&self, position: usize, y: f32, reach: f32) -> &[Run] {
        let Some(list) = self.by_position.get(position) else { return &[] };
        let start = list.partition_point(|r| r.y < y - reach);
        let end = list.partition_point(|r| r.y <= y + reach);
        &list[start..end.max(start)]
    }

    /// Whether a run at `y` touching positions `from..=to` would share a line with a taken run.
    fn conflicts(&self, y: f32, from: usize, to: usize) -> bool {
        (from..=to)
            .any(|position| self.near(position, y, TRACK).iter().any(|r| (r.y - y).abs() < TRACK - 0.01))
    }

    /// The heights of the runs passing straight through grid position `position`, in order.
    fn through(&self, position: usize) -> Vec<f32> {
        self.by_position
            .get(position)
            .map(|list| list.iter().filter(|r| r.from < position && position < r.to).map(|r| r.y).collect())
            .unwrap_or_default()
    }
}

impl Planner<'_> {
    fn card(&self, at: CardAt) -> Option<(f32, f32)> {
        self.columns.get(at.0).and_then(|c| c.get(at.1)).copied()
    }

    fn route(&mut self, request: Request, sides: Option<(bool, bool)>) -> Option<Path> {
        let Request { from, to, .. } = request;
        if from == to {
            return None;
        }
        let (a, b) = (self.card(from)?, self.card(to)?);
        let (ca, cb) = (from.0, to.0);
        let Some((exit_right, enter_right)) = sides else {
            let (upper, lower) = if a.0 < b.0 { (a, b) } else { (b, a) };
            self.upright(2 * ca + 1, upper.1, lower.0);
            return Some(Path::Direct);
        };
        // The columns the route crosses, in travel order.
        let crossed: Vec<usize> = if cb > ca { (ca + 1..cb).collect() } else { (cb + 1..ca).rev().collect() };
        let out_gutter = if exit_right { ca + 1 } else { ca };
        let in_gutter = if enter_right { cb + 1 } else { cb };
        let start = self.port(from, a, exit_right, out_gutter);
        let end = self.port(to, b, enter_right, in_gutter);
        let y0 = a.0 + start.offset;
        let y1 = b.0 + end.offset;

        // The gutters in travel order: out, between each pair of crossed columns, in.
        let mut gutters = vec![out_gutter];
        for pair in crossed.windows(2) {
            gutters.push(pair[0].max(pair[1]));
        }
        if !crossed.is_empty() {
            gutters.push(in_gutter);
        }
        let levels = self.levels(&crossed, &gutters, y0, y1);
        // Merge equal neighbouring levels: a turn happens only where the height changes.
        let mut merged = vec![levels[0]];
        let mut turns = Vec::new();
        for (level, gutter) in levels.iter().skip(1).zip(&gutters) {
            if (level - merged[merged.len() - 1]).abs() > 0.01 {
                merged.push(*level);
                turns.push((*gutter, 0));
            }
        }
        if ca == cb && turns.is_empty() {
            // A loop in one column always turns in its gutter.
            merged.push(y1);
            turns.push((out_gutter, 0));
        }
        self.take_runs(&merged, &turns, out_gutter, in_gutter);
        for (i, &(gutter, _)) in turns.iter().enumerate() {
            let (p, q) = (merged[i], merged[i + 1]);
            self.upright(2 * gutter, p.min(q), p.max(q));
        }
        Some(Path::Turns { start, levels: merged, turns, end })
    }

    /// The next port on a card side: below the title line, a track apart (closer when many
    /// connectors share the side), skipping heights another route already runs at in that
    /// gutter while the side has room to spare.
    fn port(&mut self, card: CardAt, rect: (f32, f32), right: bool, gutter: usize) -> Port {
        let first = CARD_PADDING + size::CARD_TITLE * 0.6;
        let last = (rect.1 - rect.0 - UNIT).max(first);
        let demand = self.demand.get(&(card, right)).copied().unwrap_or(1).max(1);
        let spacing = if demand > 1 {
            ((last - first) / (demand - 1) as f32).clamp(MIN_PORT_GAP, TRACK)
        } else {
            TRACK
        };
        let (mut index, given) = self.ports.get(&(card, right)).copied().unwrap_or((0, 0));
        let remaining = demand.saturating_sub(given).max(1);
        let fits = |index: usize| first + (index + remaining - 1) as f32 * spacing <= last + 0.01;
        while fits(index + 1)
            && self.runs.conflicts(rect.0 + first + index as f32 * spacing, 2 * gutter, 2 * gutter)
        {
            index += 1;
        }
        let offset = (first + index as f32 * spacing).min(last);
        self.ports.insert((card, right), (index + 1, given + 1));
        Port { card, right, offset }
    }

    /// The height of the run through each crossed column, and the two port heights: the
    /// cheapest sequence by vertical travel, turns and crossings with routes already planned
    /// (a shortest path, column by column). `gutters` are the gutters between, in travel
    /// order: one more than the crossed columns.
    fn levels(&self, crossed: &[usize], gutters: &[usize], y0: f32, y1: f32) -> Vec<f32> {
        if crossed.is_empty() {
            return vec![y0, y1];
        }
        let slots: Vec<Vec<f32>> = crossed.iter().map(|&c| self.slots(c, y0, y1)).collect();
        // The heights of runs passing straight through each gutter, sorted, to count the
        // crossings of a new vertical there.
        let through: Vec<Vec<f32>> = gutters.iter().map(|&g| self.runs.through(2 * g)).collect();
        let between = |ys: &[f32], a: f32, b: f32| {
            let (lo, hi) = (a.min(b) + 0.01, a.max(b) - 0.01);
            ys.partition_point(|&y| y < hi).saturating_sub(ys.partition_point(|&y| y <= lo))
        };
        // The cost of going from height `from` to `to` through gutter number `k` of the path.
        let step = |from: f32, to: f32, k: usize| {
            let dy = (to - from).abs();
            if dy > 0.01 {
                dy + BEND + CROSS * between(&through[k], from, to) as f32
            } else {
                CROSS * self.spanning(2 * gutters[k], to) as f32
            }
        };
        // What a run at each slot crosses inside its column (drops between stacked cards).
        let inside: Vec<Vec<f32>> = crossed
            .iter()
            .zip(&slots)
            .map(|(&c, column)| column.iter().map(|&y| CROSS * self.spanning(2 * c + 1, y) as f32).collect())
            .collect();
        // cost[i][s]: the cheapest way to reach slot s of crossed column i; back[i][s]: from
        // which slot of column i - 1.
        let mut cost: Vec<Vec<f32>> = Vec::with_capacity(slots.len());
        let mut back: Vec<Vec<usize>> = Vec::with_capacity(slots.len());
        for (i, column) in slots.iter().enumerate() {
            let mut row = Vec::with_capacity(column.len());
            let mut from = Vec::with_capacity(column.len());
            for (s, &y) in column.iter().enumerate() {
                if i == 0 {
                    row.push(step(y0, y, 0) + inside[i][s]);
                    from.push(0);
                } else {
                    let mut best = (f32::INFINITY, 0);
                    for (p, &py) in slots[i - 1].iter().enumerate() {
                        let c = cost[i - 1][p] + step(py, y, i);
                        if c < best.0 {
                            best = (c, p);
                        }
                    }
                    row.push(best.0 + inside[i][s]);
                    from.push(best.1);
                }
            }
            cost.push(row);
            back.push(from);
        }
        let last = slots.len() - 1;
        let mut best = (f32::INFINITY, 0);
        for (s, &y) in slots[last].iter().enumerate() {
            let c = cost[last][s] + step(y, y1, slots.len());
            if c < best.0 {
                best = (c, s);
            }
        }
        let mut chosen = vec![0.0; slots.len()];
        let mut s = best.1;
        for i in (0..slots.len()).rev() {
            chosen[i] = slots[i].get(s).copied().unwrap_or(y0);
            s = back[i].get(s).copied().unwrap_or(0);
        }
        let mut levels = Vec::with_capacity(chosen.len() + 2);
        levels.push(y0);
        levels.extend(chosen);
        levels.push(y1);
        levels
    }

    /// The free heights a run may take through `column`: tracks in the gaps between cards and
    /// below the last card, plus the two port heights where they are free, minus heights
    /// another route already runs at there or in the gutters beside.
    fn slots(&self, column: usize, y0: f32, y1: f32) -> Vec<f32> {
        let cards = &self.columns[column];
        let mut free: Vec<(f32, f32)> = Vec::new();
        let mut top = if cards.is_empty() { EMPTY_NOTE } else { f32::NEG_INFINITY };
        for &(card_top, card_bottom) in cards {
            if top.is_finite() {
                free.push((top, card_top));
            }
            top = card_bottom;
        }
        let mut slots = Vec::new();
        for &(a, b) in &free {
            let room = b - a - 2.0 * CLEAR;
            if room < 0.0 {
                continue;
            }
            let count = steps_in(room, TRACK, BELOW_SLOTS) + 1;
            let first = f32::midpoint(a, b) - (count - 1) as f32 * TRACK / 2.0;
            slots.extend((0..count.min(BELOW_SLOTS)).map(|k| first + k as f32 * TRACK));
        }
        slots.extend((0..BELOW_SLOTS).map(|k| top + CLEAR + k as f32 * TRACK));
        let open = |y: f32| free.iter().any(|&(a, b)| y >= a + CLEAR && y <= b - CLEAR) || y >= top + CLEAR;
        for y in [y0, y1] {
            if open(y) {
                slots.push(y);
            }
        }
        slots.retain(|&y| !self.runs.conflicts(y, 2 * column, 2 * column + 2));
        if slots.is_empty() {
            // Every height is taken: fall back to below everything, which is always free.
            let deepest = self.runs.deepest.map_or(top, |d| d.max(top));
            slots.push(deepest.max(top + CLEAR) + TRACK);
        }
        slots
    }

    /// How many planned vertical lines at grid position `position` a run at `y` would cross.
    fn spanning(&self, position: usize, y: f32) -> usize {
        self.uprights
            .get(position)
            .map_or(0, |list| list.iter().filter(|&&(lo, hi)| y > lo + 0.01 && y < hi - 0.01).count())
    }

    /// Records a vertical line at grid position `position` from `top` to `bottom`.
    fn upright(&mut self, position: usize, top: f32, bottom: f32) {
        if self.uprights.len() <= position {
            self.uprights.resize_with(position + 1, Vec::new);
        }
        self.uprights[position].push((top, bottom));
    }

    /// Records the horizontal runs of a route so later routes keep off them.
    fn take_runs(&mut self, levels: &[f32], turns: &[(usize, usize)], out: usize, into: usize) {
        let mut from = 2 * out;
        for (i, &y) in levels.iter().enumerate() {
            let to = turns.get(i).map_or(2 * into, |t| 2 * t.0);
            self.runs.push(Run { y, from: from.min(to), to: from.max(to) });
            from = to;
        }
    }
}

/// Gives each vertical its track, ordering the tracks of every gutter to avoid crossings;
/// returns the number of tracks per gutter.
fn assign_tracks(paths: &mut [Option<Path>], gutters: usize) -> Vec<usize> {
    let mut per_gutter: Vec<Vec<Vertical>> = (0..gutters).map(|_| Vec::new()).collect();
    for (index, path) in paths.iter().enumerate() {
        let Some(Path::Turns { start, levels, turns, end }) = path else { continue };
        let loop_in_column = start.card.0 == end.card.0;
        let rightwards = end.card.0 > start.card.0;
        for (turn, &(gutter, _)) in turns.iter().enumerate() {
            // A run arrives from the side the route comes from and leaves to where it goes.
            let (arrive, leave) = if loop_in_column {
                // The card lies left of a gutter it leaves by its right side.
                let side = if start.right { Side::Left } else { Side::Right };
                (side, side)
            } else if rightwards {
                (Side::Left, Side::Right)
            } else {
                (Side::Right, Side::Left)
            };
            let ends = [(levels[turn], arrive), (levels[turn + 1], leave)];
            if let Some(list) = per_gutter.get_mut(gutter) {
                list.push(Vertical { path: index, turn, ends });
            }
        }
    }
    let mut counts = vec![0; gutters];
    for (gutter, mut verticals) in per_gutter.into_iter().enumerate() {
        if verticals.len() <= 160 {
            order_tracks(&mut verticals);
        }
        counts[gutter] = verticals.len();
        for (track, vertical) in verticals.iter().enumerate() {
            if let Some(Path::Turns { turns, .. }) = &mut paths[vertical.path] {
                turns[vertical.turn].1 = track;
            }
        }
    }
    counts
}

/// Orders the verticals of one gutter, left to right: moves each to the place where it
/// causes the fewest crossings while that helps, which ends because every move lowers the
/// count.
fn order_tracks(verticals: &mut Vec<Vertical>) {
    verticals.sort_by(|a, b| span(a).1.total_cmp(&span(b).1));
    let n = verticals.len();
    // pair[a][b]: the cost of `a` left of `b`, crossings weighing most.
    let pair: Vec<Vec<i64>> = verticals
        .iter()
        .map(|left| {
            verticals
                .iter()
                .map(|right| 1000 * i64::try_from(cost(left, right)).unwrap_or(i64::MAX / 4))
                .collect()
        })
        .collect();
    let limits: Vec<usize> = verticals.iter().map(loop_limit).collect();
    // The cost of a vertical at place `i`: its runs' lengths to the cards, and a loop too far out.
    let place = |v: usize, i: usize| -> i64 {
        let from_left = i64::try_from(i).unwrap_or(0);
        let from_right = i64::try_from(n - 1 - i).unwrap_or(0);
        let runs: i64 = verticals[v]
            .ends
            .iter()
            .map(|&(_, side)| if side == Side::Left { from_left } else { from_right })
            .sum();
        let from_cards = if verticals[v].ends[0].1 == Side::Left { i } else { n - 1 - i };
        runs + if from_cards > limits[v] { 1_000_000 } else { 0 }
    };
    let mut order = untangled(&pair);
    for _ in 0..32 {
        let mut improved = false;
        for from in 0..n {
            let v = order[from];
            // The change in cost of moving `v` to each other place, walking outwards.
            let mut best = (0_i64, from);
            let mut delta = 0;
            for (to, &w) in order.iter().enumerate().skip(from + 1) {
                delta += pair[w][v] - pair[v][w] + place(w, to - 1) - place(w, to);
                let total = delta + place(v, to) - place(v, from);
                if total < best.0 {
                    best = (total, to);
                }
            }
            delta = 0;
            for to in (0..from).rev() {
                let w = order[to];
                delta += pair[v][w] - pair[w][v] + place(w, to + 1) - place(w, to);
                let total = delta + place(v, to) - place(v, from);
                if total < best.0 {
                    best = (total, to);
                }
            }
            if best.1 != from {
                let moved = order.remove(from);
                order.insert(best.1, moved);
                improved = true;
            }
        }
        if !improved {
            break;
        }
    }
    let mut slots: Vec<Option<Vertical>> = verticals.drain(..).map(Some).collect();
    verticals.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// An order that keeps every pair off a shared line where it can: a vertical whose run
/// leaves to the right at a height goes right of one whose run leaves to the left at the
/// same height (a topological order, ties and cycles broken by the given order).
fn untangled(pair: &[Vec<i64>]) -> Vec<usize> {
    let n = pair.len();
    let threshold = i64::try_from(SHARED * 1000).unwrap_or(i64::MAX);
    let shares = |left: usize, right: usize| pair[left][right] >= threshold;
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let ready = (0..n).find(|&v| !placed[v] && !(0..n).any(|w| !placed[w] && w != v && shares(v, w)));
        let next = ready.or_else(|| (0..n).find(|&v| !placed[v])).unwrap_or(0);
        placed[next] = true;
        order.push(next);
    }
    order
}

/// The furthest track from the cards a loop back into its own column may take and still be
/// at most 2.8 times as long as the straight line between its ports.
fn loop_limit(v: &Vertical) -> usize {
    if v.ends[0].1 != v.ends[1].1 {
        return usize::MAX;
    }
    let (lo, hi) = span(v);
    steps_in(1.8 * (hi - lo) - GUTTER, 2.0 * TRACK, usize::from(u16::MAX))
}

fn span(v: &Vertical) -> (f32, f32) {
    let (a, b) = (v.ends[0].0, v.ends[1].0);
    (a.min(b), a.max(b))
}

/// The crossings (and, heavily weighted, shared lines) when `left` takes a track left of
/// `right`: a run attached on the right of `left` crosses `right`'s vertical where it spans
/// the run's height, and a run attached on the left of `right` crosses `left`'s vertical.
fn cost(left: &Vertical, right: &Vertical) -> usize {
    let inside = |y: f32, v: &Vertical| {
        let (lo, hi) = span(v);
        y > lo + 0.01 && y < hi - 0.01
    };
    let mut total = 0;
    for &(y, side) in &left.ends {
        if side == Side::Right && inside(y, right) {
            total += 1;
        }
        if side == Side::Right && right.ends.iter().any(|&(ry, rs)| rs == Side::Left && (ry - y).abs() < 1.0)
        {
            total += SHARED;
        }
    }
    for &(y, side) in &right.ends {
        if side == Side::Left && inside(y, left) {
            total += 1;
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(from: CardAt, to: CardAt) -> Request {
        Request { from, to, needs_room: false }
    }

    fn column(heights: &[f32]) -> Vec<(f32, f32)> {
        let mut y = 0.0;
        heights
            .iter()
            .map(|h| {
                let card = (y, y + h);
                y += h + 16.0;
                card
            })
            .collect()
    }

    #[test]
    fn a_skip_link_runs_through_the_gap_nearest_its_cards() {
        let columns = vec![column(&[60.0, 60.0]), column(&[50.0, 50.0, 50.0]), column(&[60.0])];
        let plan = plan(&columns, &[link((0, 1), (2, 0))]);
        let Some(Path::Turns { levels, turns, .. }) = &plan.paths[0] else { panic!("no route") };
        // The run through the middle column lies in one of its gaps, not under every card.
        assert!(levels[1..levels.len() - 1].iter().all(|&y| y < 3.0 * 50.0 + 2.0 * 16.0));
        assert!(turns.iter().all(|&(g, _)| (1..=2).contains(&g)));
    }

    #[test]
    fn neighbours_in_a_column_are_direct_and_a_link_to_itself_has_no_route() {
        let columns = vec![column(&[40.0, 40.0, 40.0])];
        let plan = plan(&columns, &[link((0, 0), (0, 1)), link((0, 0), (0, 0)), link((0, 0), (0, 2))]);
        assert_eq!(plan.paths[0], Some(Path::Direct));
        assert_eq!(plan.paths[1], None);
        assert!(matches!(&plan.paths[2], Some(Path::Turns { turns, .. }) if turns.len() == 1));
        assert_eq!(plan.tracks_per_gutter, vec![0, 1]);
    }

    #[test]
    fn parallel_routes_take_distinct_tracks_and_heights() {
        let columns = vec![column(&[40.0, 40.0]), column(&[40.0, 40.0]), column(&[40.0, 40.0])];
        let links = [link((0, 0), (2, 1)), link((0, 1), (2, 0)), link((0, 0), (2, 0))];
        let plan = plan(&columns, &links);
        let mut runs = Vec::new();
        for path in plan.paths.iter().flatten() {
            if let Path::Turns { levels, .. } = path {
                runs.extend(levels[1..levels.len() - 1].iter().copied());
            }
        }
        for (i, a) in runs.iter().enumerate() {
            for b in &runs[i + 1..] {
                assert!((a - b).abs() >= TRACK - 0.01, "{runs:?}");
            }
        }
    }

    #[test]
    fn loops_in_one_column_take_its_two_gutters_in_turn() {
        let columns = vec![column(&[40.0; 6])];
        let links = [link((0, 0), (0, 3)), link((0, 1), (0, 4)), link((0, 2), (0, 5))];
        let plan = plan(&columns, &links);
        assert_eq!(plan.tracks_per_gutter, vec![1, 2]);
    }

    #[test]
    fn a_run_leaving_right_takes_a_track_right_of_one_leaving_left_at_its_height() {
        let vertical = |path, ends| Vertical { path, turn: 0, ends };
        // Path 0 leaves to the right at 20, path 1 arrives from the left at 20: with path 0
        // on the left their runs would share the stretch between the two tracks.
        let mut verticals = vec![
            vertical(0, [(50.0, Side::Left), (20.0, Side::Right)]),
            vertical(1, [(20.0, Side::Left), (60.0, Side::Right)]),
        ];
        order_tracks(&mut verticals);
        let order: Vec<usize> = verticals.iter().map(|v| v.path).collect();
        assert_eq!(order, vec![1, 0]);
    }
}
