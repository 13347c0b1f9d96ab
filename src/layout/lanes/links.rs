//! The connectors of a lane map, routed locally through the gaps between cards: the gutters
//! between columns and a channel along the top of each lane. The flow from step to step
//! drops straight down or up when the two share a column and nothing lies between, brackets
//! round the cards between through the gutter left of the column when something does, and
//! turns in the gutter before the target otherwise. Other links turn in a gutter next to
//! their cards when the lanes they pass along are clear, or else run along the top channel of
//! a lane between their two. No route crosses a card.
//!
//! Parallel lines keep to separate tracks, handed out once every route is known: in each
//! gutter, lines attached to the column on its left take the left tracks, lines passing from
//! one column to the next the middle ones, and lines attached to the column on its right the
//! right ones, each group nested (short spans nearest their cards), so lines seldom cross.

use super::placement::Placement;
use crate::layout::geometry::{Point, Rect};
use crate::layout::grid::Grid;
use crate::layout::scene::Role;
use crate::layout::style::{CARD_PADDING, TRACK, UNIT, size};
use crate::model::{CardId, JourneyMap, Link, LinkKind};
use std::cmp::Ordering;
use std::collections::HashMap;

/// A side of a card where a connector leaves or arrives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Side {
    Left,
    Right,
    Top,
    Bottom,
}

/// A point on a card's side: the step, the side, and which of the side's ports. Port 0, at the
/// title, is the flow's; lines heading up leave or arrive above it (negative), lines heading
/// down below it, so lines at one card do not cross each other.
#[derive(Clone, Copy, Debug)]
struct Port {
    step: usize,
    side: Side,
    slot: i32,
}

/// How a route gets from one port to the other. Tracks are numbered left to right in their
/// gutter.
#[derive(Clone, Copy, Debug)]
enum Via {
    /// Straight between the two ports (a flow down or up a shared column).
    Direct,
    /// Along one track of a gutter.
    Gutter { gutter: usize, track: usize },
    /// Along a gutter, a lane's top channel, and another gutter.
    Channel { out: (usize, usize), lane: usize, track: usize, into: (usize, usize) },
}

/// A connector planned on the grid, before the rows have their heights.
pub(super) struct Planned<'a> {
    from: Port,
    to: Port,
    via: Via,
    /// The link drawn, or `None` for the journey-order flow.
    pub link: Option<&'a Link>,
    /// The label of a link that is the flow arrow itself.
    pub flow_label: Option<&'a str>,
    /// What the connector belongs to, for hit-testing.
    pub role: Role,
    pub dashed: bool,
    pub handoff: bool,
}

/// Every connector of the map, with the tracks it takes in gutters and lane channels.
pub(super) struct Plan<'a> {
    pub connectors: Vec<Planned<'a>>,
    pub gutter_tracks: Vec<usize>,
    /// Tracks in each lane's top channel.
    pub channel_tracks: Vec<usize>,
    /// Flows straight down or up between neighbouring lanes, as (upper step, lower step): the
    /// gap between their cards must hold the arrow and its handoff mark.
    pub drops: Vec<(usize, usize)>,
}

/// Which side of a gutter a line running along it is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Attached {
    /// To the column on the gutter's left: both its ends are there.
    Left,
    /// To both columns: it passes from one to the other.
    Through,
    /// To the column on the gutter's right.
    Right,
}

/// Which vertical piece of a connector a track is for.
#[derive(Clone, Copy, Debug)]
enum Piece {
    /// The one vertical of a gutter route.
    Only,
    /// The first vertical of a channel route.
    Out,
    /// The last vertical of a channel route.
    Into,
}

/// A claim on a track in a gutter, settled once every route is known.
struct Claim {
    gutter: usize,
    attached: Attached,
    /// How many lanes the vertical spans, for nesting.
    span: usize,
    connector: usize,
    piece: Piece,
}

/// Hands out ports on card sides: 0 for the flow, then outwards above or below it.
#[derive(Default)]
struct Ports(HashMap<(usize, Side, bool), i32>);

impl Ports {
    fn take(&mut self, step: usize, side: Side, upwards: bool) -> Port {
        let count = self.0.entry((step, side, upwards)).or_insert(0);
        *count += 1;
        Port { step, side, slot: if upwards { -*count } else { *count } }
    }
}

/// Plans the flow between consecutive steps and every other link of the map.
pub(super) fn plan<'a>(map: &'a JourneyMap, placement: &Placement<'_>, lanes: usize) -> Plan<'a> {
    let steps = &placement.steps;
    let step_of: HashMap<CardId, usize> = steps.iter().enumerate().map(|(i, s)| (s.card.id, i)).collect();
    let mut flow_labels: HashMap<usize, &'a str> = HashMap::new();
    let mut extras = Vec::new();
    for link in &map.links {
        let (Some(&from), Some(&to)) = (step_of.get(&link.from), step_of.get(&link.to)) else { continue };
        if from == to {
            continue;
        }
        if to == from + 1 && link.kind == LinkKind::Flow {
            if !link.label.trim().is_empty() {
                flow_labels.entry(to).or_insert(link.label.as_str());
            }
            continue;
        }
        extras.push((link, from, to));
    }
    let mut planner = Planner {
        placement,
        handoffs: crate::analysis::handoff_edges(map),
        ports: Ports::default(),
        claims: Vec::new(),
        connectors: Vec::with_capacity(steps.len() + extras.len()),
        channels: vec![0; lanes.max(1)],
    };
    for index in 1..steps.len() {
        planner.flow(index, flow_labels.get(&index).copied());
    }
    for (link, from, to) in extras {
        planner.link(link, from, to);
    }
    let Planner { mut connectors, claims, channels, .. } = planner;
    let gutter_tracks = settle_tracks(&mut connectors, claims, placement.columns + 1);
    let drops = connectors
        .iter()
        .filter(|c| matches!(c.via, Via::Direct))
        .map(|c| (c.from.step, c.to.step))
        .filter(|&(a, b)| steps[a].lane.abs_diff(steps[b].lane) == 1)
        .map(|(a, b)| if steps[a].lane < steps[b].lane { (a, b) } else { (b, a) })
        .collect();
    Plan { connectors, gutter_tracks, channel_tracks: channels, drops }
}

/// The routes planned so far, and the ports, tracks and channels they take.
struct Planner<'p, 'a> {
    placement: &'p Placement<'p>,
    /// The flow edges that change hands (`analysis::handoffs`, the one definition).
    handoffs: std::collections::HashSet<(CardId, CardId)>,
    ports: Ports,
    claims: Vec<Claim>,
    connectors: Vec<Planned<'a>>,
    channels: Vec<usize>,
}

impl<'a> Planner<'_, 'a> {
    /// Claims a track in `gutter` for the next connector's `piece`.
    fn claim(&mut self, gutter: usize, attached: Attached, span: usize, piece: Piece) {
        let connector = self.connectors.len();
        self.claims.push(Claim { gutter, attached, span, connector, piece });
    }

    /// The flow from step `index - 1` to step `index`.
    fn flow(&mut self, index: usize, label: Option<&'a str>) {
        let steps = &self.placement.steps;
        let (a, b) = (&steps[index - 1], &steps[index]);
        let (low, high) = (a.lane.min(b.lane), a.lane.max(b.lane));
        let clear = (low + 1..high).all(|lane| self.placement.free(lane, a.column, a.column));
        let role = Role::Flow(a.card.id, b.card.id);
        let handoff = self.handoffs.contains(&(a.card.id, b.card.id));
        let (from, to, via) = if a.column != b.column {
            self.claim(b.column, Attached::Through, high - low, Piece::Only);
            (
                Port { step: index - 1, side: Side::Right, slot: 0 },
                Port { step: index, side: Side::Left, slot: 0 },
                Via::Gutter { gutter: b.column, track: 0 },
            )
        } else if clear {
            let (out, into) =
                if a.lane < b.lane { (Side::Bottom, Side::Top) } else { (Side::Top, Side::Bottom) };
            (
                Port { step: index - 1, side: out, slot: 0 },
                Port { step: index, side: into, slot: 0 },
                Via::Direct,
            )
        } else {
            // A bracket round the cards between, through the gutter left of the column.
            self.claim(b.column, Attached::Right, high - low, Piece::Only);
            (
                self.ports.take(index - 1, Side::Left, b.lane < a.lane),
                Port { step: index, side: Side::Left, slot: 0 },
                Via::Gutter { gutter: b.column, track: 0 },
            )
        };
        let planned = Planned { from, to, via, link: None, flow_label: label, role, dashed: false, handoff };
        self.connectors.push(planned);
    }

    /// A link other than the flow between consecutive steps.
    fn link(&mut self, link: &'a Link, from: usize, to: usize) {
        let (a, b) = (&self.placement.steps[from], &self.placement.steps[to]);
        let (la, lb, ca, cb) = (a.lane, b.lane, a.column, b.column);
        let span = la.abs_diff(lb);
        let up = lb < la;
        let handoff = link.kind == LinkKind::Flow && self.handoffs.contains(&(a.card.id, b.card.id));
        let (start, end, via) = if cb == ca {
            // A C round the column's edge: right for a link forward, left for one back.
            let (side, gutter, attached) = if to > from {
                (Side::Right, ca + 1, Attached::Left)
            } else {
                (Side::Left, ca, Attached::Right)
            };
            self.claim(gutter, attached, span, Piece::Only);
            (
                self.ports.take(from, side, up),
                self.ports.take(to, side, !up),
                Via::Gutter { gutter, track: 0 },
            )
        } else {
            let rightwards = cb > ca;
            let (out_side, in_side) =
                if rightwards { (Side::Right, Side::Left) } else { (Side::Left, Side::Right) };
            if let Some(gutter) = elbow_gutter(self.placement, from, to) {
                self.claim(gutter, Attached::Through, span, Piece::Only);
                (
                    self.ports.take(from, out_side, up),
                    self.ports.take(to, in_side, !up),
                    Via::Gutter { gutter, track: 0 },
                )
            } else {
                let (out, into) = if rightwards { (ca + 1, cb) } else { (ca, cb + 1) };
                let lane = quietest_channel(&self.connectors, self.placement, (out, into), (la, lb));
                let track = self.channels[lane];
                self.channels[lane] += 1;
                self.claim(out, Attached::Through, la.abs_diff(lane), Piece::Out);
                self.claim(into, Attached::Through, lb.abs_diff(lane), Piece::Into);
                // The channel runs along the top of `lane`: above a step in that lane.
                (
                    self.ports.take(from, out_side, lane <= la),
                    self.ports.take(to, in_side, lane <= lb),
                    Via::Channel { out: (out, 0), lane, track, into: (into, 0) },
                )
            }
        };
        let dashed = link.kind == LinkKind::Dependency;
        let role = Role::Link(link.id);
        let planned =
            Planned { from: start, to: end, via, link: Some(link), flow_label: None, role, dashed, handoff };
        self.connectors.push(planned);
    }
}

/// Numbers the tracks of each gutter left to right: lines attached to the left column, then
/// lines passing through, then lines attached to the right column; the ones attached to a
/// column nested with the shortest nearest it. Returns the number of tracks per gutter.
fn settle_tracks(connectors: &mut [Planned<'_>], mut claims: Vec<Claim>, gutters: usize) -> Vec<usize> {
    claims.sort_by(|x, y| {
        let nesting = match x.attached {
            Attached::Left => x.span.cmp(&y.span),
            Attached::Through => Ordering::Equal,
            Attached::Right => y.span.cmp(&x.span),
        };
        (x.gutter, x.attached).cmp(&(y.gutter, y.attached)).then(nesting).then(x.connector.cmp(&y.connector))
    });
    let mut counts = vec![0; gutters];
    for claim in claims {
        let Some(count) = counts.get_mut(claim.gutter) else { continue };
        let track = *count;
        *count += 1;
        match (&mut connectors[claim.connector].via, claim.piece) {
            (Via::Gutter { track: slot, .. }, Piece::Only)
            | (Via::Channel { out: (_, slot), .. }, Piece::Out)
            | (Via::Channel { into: (_, slot), .. }, Piece::Into) => *slot = track,
            _ => {}
        }
    }
    counts.into_iter().map(|c: usize| c.max(1)).collect()
}

/// A gutter where a link between steps in different columns can turn, running along its
/// source's lane before the turn and its target's lane after it, with no card in the way;
/// `None` when every such gutter has a card in the way.
fn elbow_gutter(placement: &Placement<'_>, from: usize, to: usize) -> Option<usize> {
    let (a, b) = (&placement.steps[from], &placement.steps[to]);
    if b.column > a.column {
        // Gutter g lies left of column g: columns a+1..g-1 in a's lane, g..b-1 in b's. The one
        // before the target first, as the flow turns.
        (a.column + 1..=b.column)
            .rev()
            .find(|&g| placement.free(a.lane, a.column + 1, g - 1) && placement.free(b.lane, g, b.column - 1))
    } else {
        // Gutter g lies right of column g-1: columns g..a-1 in a's lane, b+1..g-1 in b's. The
        // one next to the source first, so a loop back stays in the adjacent gutter.
        (b.column + 1..=a.column)
            .rev()
            .find(|&g| placement.free(a.lane, g, a.column - 1) && placement.free(b.lane, b.column + 1, g - 1))
    }
}

/// The lane whose top channel a link from lane `lanes.0` to lane `lanes.1` should run along
/// between gutters `gutters.0` and `gutters.1`: of the channels that need no detour (the top of
/// the lane itself when both lanes are one, else the top of any lane below the upper one down
/// to the lower one), the one crossing the fewest lines already planned; the lower lane's on
/// a tie.
fn quietest_channel(
    planned: &[Planned<'_>],
    placement: &Placement<'_>,
    gutters: (usize, usize),
    lanes: (usize, usize),
) -> usize {
    let (low, high) = (lanes.0.min(lanes.1), lanes.0.max(lanes.1));
    let (left, right) = (gutters.0.min(gutters.1), gutters.0.max(gutters.1));
    // Vertical pieces of planned lines: where (in gutter units, a column's middle at c + ½)
    // and which lanes they span.
    let mut pieces: Vec<(f32, usize, usize)> = Vec::new();
    for line in planned {
        let (la, lb) = (placement.steps[line.from.step].lane, placement.steps[line.to.step].lane);
        match line.via {
            Via::Direct => pieces.push((placement.steps[line.from.step].column as f32 + 0.5, la, lb)),
            Via::Gutter { gutter, .. } => pieces.push((gutter as f32, la, lb)),
            Via::Channel { out, lane, into, .. } => {
                pieces.push((out.0 as f32, la, lane));
                pieces.push((into.0 as f32, lane, lb));
            }
        }
    }
    let crossings = |channel: usize| {
        pieces
            .iter()
            .filter(|(x, a, b)| {
                *x >= left as f32 && *x <= right as f32 && (*a).min(*b) < channel && channel <= (*a).max(*b)
            })
            .count()
    };
    let first = if low == high { low } else { low + 1 };
    (first..=high).rev().min_by_key(|&channel| crossings(channel)).unwrap_or(high)
}

/// Where the rows and cards ended up, to turn plans into points.
pub(super) struct Frame<'r> {
    pub grid: &'r Grid,
    pub cards: &'r [Rect],
    /// The top edge of each lane.
    pub lane_top: &'r [f32],
}

/// How far below a lane's top edge its channel's first track runs.
pub(super) const CHANNEL_INSET: f32 = 2.0 * UNIT;

impl Frame<'_> {
    fn port(&self, port: Port) -> Point {
        let rect = &self.cards[port.step];
        let title = rect.min.y + CARD_PADDING + size::CARD_TITLE * 0.6;
        let y = (title + port.slot as f32 * TRACK).min(rect.max.y - UNIT).max(rect.min.y + UNIT);
        match port.side {
            Side::Left => Point::new(rect.min.x, y),
            Side::Right => Point::new(rect.max.x, y),
            Side::Top => Point::new(rect.centre().x, rect.min.y),
            Side::Bottom => Point::new(rect.centre().x, rect.max.y),
        }
    }

    /// The y of a track in a lane's top channel.
    fn channel_y(&self, lane: usize, track: usize) -> f32 {
        self.lane_top.get(lane).copied().unwrap_or(0.0) + CHANNEL_INSET + track as f32 * TRACK
    }
}

impl Planned<'_> {
    /// The route's points, from the source's side to the target's.
    pub fn points(&self, frame: &Frame<'_>) -> Vec<Point> {
        let (start, end) = (frame.port(self.from), frame.port(self.to));
        match self.via {
            Via::Direct => vec![start, end],
            Via::Gutter { gutter, track } => {
                if self.from.side != self.to.side && (start.y - end.y).abs() < 0.01 {
                    vec![start, end]
                } else {
                    let x = frame.grid.track_x(gutter, track);
                    vec![start, Point::new(x, start.y), Point::new(x, end.y), end]
                }
            }
            Via::Channel { out, lane, track, into } => crate::layout::grid::via_channel(
                start,
                end,
                frame.grid.track_x(out.0, out.1),
                frame.grid.track_x(into.0, into.1),
                frame.channel_y(lane, track),
            ),
        }
    }
}
