//! The column grid of a map body: equal card columns separated by gutters. A gutter widens by
//! one track for every connector that runs along it, so connectors never share a line.

use super::geometry::Point;
use super::rows::Span;
use super::style::{CARD_WIDTH, GUTTER, ROW_HEADER, TRACK};

pub(crate) struct Grid {
    /// The width of the row-header column left of the first gutter.
    header: f32,
    /// The left edge of each column.
    pub column_left: Vec<f32>,
    /// The width of each gutter; gutter `g` lies left of column `g` (the last one right of the
    /// last column).
    pub gutter_width: Vec<f32>,
    gutter_tracks: Vec<usize>,
    /// The body's width.
    pub width: f32,
}

impl Grid {
    /// `gutter_tracks[g]` connectors run along gutter `g`; there is one more gutter than columns.
    pub fn new(gutter_tracks: Vec<usize>) -> Self {
        Self::with_widths(gutter_tracks, ROW_HEADER, GUTTER)
    }

    /// Like [`Grid::new`], with a row-header column `header` wide and gutters `gutter` wide
    /// before their connector tracks are added.
    pub fn with_widths(gutter_tracks: Vec<usize>, header: f32, gutter: f32) -> Self {
        let columns = gutter_tracks.len().saturating_sub(1);
        let gutter_width: Vec<f32> =
            gutter_tracks.iter().map(|&tracks| gutter + tracks.saturating_sub(1) as f32 * TRACK).collect();
        let mut column_left = Vec::with_capacity(columns);
        let mut x = header;
        for gutter in gutter_width.iter().take(columns) {
            x += gutter;
            column_left.push(x);
            x += CARD_WIDTH;
        }
        let width = x + gutter_width.last().copied().unwrap_or(gutter);
        Self { header, column_left, gutter_width, gutter_tracks, width }
    }

    /// The x of `track` in `gutter`, the tracks centred in the gutter.
    pub fn track_x(&self, gutter: usize, track: usize) -> f32 {
        let left = if gutter == 0 { self.header } else { self.column_left[gutter - 1] + CARD_WIDTH };
        let count = self.gutter_tracks[gutter].max(1) as f32;
        left + self.gutter_width[gutter] / 2.0 + (track as f32 - (count - 1.0) / 2.0) * TRACK
    }

    /// The extent of a stage covering columns `first..=last`: out to the middle of the gutters.
    pub fn span(&self, first: usize, last: usize) -> Span {
        Span {
            left: self.column_left[first] - self.gutter_width[first] / 2.0,
            right: self.column_left[last] + CARD_WIDTH + self.gutter_width[last + 1] / 2.0,
        }
    }
}

/// A route out of one card side, along a gutter, through the channel at `channel_y`, up
/// another gutter and into the target's side.
pub(crate) fn via_channel(start: Point, end: Point, x_out: f32, x_in: f32, channel_y: f32) -> Vec<Point> {
    vec![
        start,
        Point::new(x_out, start.y),
        Point::new(x_out, channel_y),
        Point::new(x_in, channel_y),
        Point::new(x_in, end.y),
        end,
    ]
}
