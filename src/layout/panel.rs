//! The analysis panel a poster can print under its map: the importance × performance matrix,
//! the touchpoints with the largest gaps, and the handoffs per owner pair, from the one
//! analysis of the map and in the poster's type and colours.

use super::builder::Builder;
use super::geometry::Rect;
use super::matrix::{MatrixViews, matrix_scene};
use super::scene::{Anchor, Layer, Role, Weight};
use super::style::{self, UNIT, size};
use crate::analysis::{Crosshairs, Settings, analyse};
use crate::model::{JourneyMap, OwnerId, Study};
use std::fmt;
use std::str::FromStr;

/// Which parts of the analysis a poster prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[allow(clippy::struct_excessive_bools, reason = "three independent parts, as the user picks them")]
pub struct Panel {
    /// The importance × performance matrix (customer view, crosshairs at the means).
    pub matrix: bool,
    /// The touchpoints with the largest performance gaps.
    pub gaps: bool,
    /// Handoffs per owner pair.
    pub handoffs: bool,
}

impl Panel {
    /// Every part.
    pub const ALL: Panel = Panel { matrix: true, gaps: true, handoffs: true };

    /// Whether any part is printed.
    #[must_use]
    pub fn any(self) -> bool {
        self.matrix || self.gaps || self.handoffs
    }
}

impl FromStr for Panel {
    type Err = String;

    /// Reads a comma-separated list: `matrix`, `gaps`, `handoffs`, or `all` / `none`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut panel = Panel::default();
        for word in text.split(',').map(|w| w.trim().to_ascii_lowercase()).filter(|w| !w.is_empty()) {
            match word.as_str() {
                "matrix" => panel.matrix = true,
                "gaps" => panel.gaps = true,
                "handoffs" => panel.handoffs = true,
                "all" => panel = Panel::ALL,
                "none" => panel = Panel::default(),
                other => {
                    return Err(format!(
                        "unknown panel part {other:?}; choose from matrix, gaps, handoffs (comma-separated), all or none"
                    ));
                }
            }
        }
        Ok(panel)
    }
}

impl fmt::Display for Panel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<&str> = [(self.matrix, "matrix"), (self.gaps, "gaps"), (self.handoffs, "handoffs")]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
        f.write_str(if parts.is_empty() { "none" } else { "" })?;
        f.write_str(&parts.join(","))
    }
}

/// The most rows the gaps and handoffs lists print.
const ROWS: usize = 8;
/// The width of the gaps and handoffs columns.
const LIST_WIDTH: f32 = 110.0 * UNIT;
/// The space between the panel's blocks.
const GAP: f32 = 10.0 * UNIT;

/// Draws the panel across `width` with its top-left at (`left`, `top`); returns its height.
pub(crate) fn draw(
    builder: &mut Builder<'_>,
    study: &Study,
    map: &JourneyMap,
    panel: Panel,
    left: f32,
    top: f32,
    width: f32,
) -> f32 {
    let analysis = analyse(study, map, &Settings::default());
    let heading = builder.paragraph("Analysis", size::HEADING, Weight::Bold, width);
    builder.region(
        Rect::from_xywh(left, top, heading.width(), heading.height()),
        Role::Chrome,
        Layer::Labels,
    );
    let y0 =
        top + builder.place(&heading, left, top, style::SECONDARY, Anchor::Start, Role::Chrome) + 3.0 * UNIT;
    let (mut x, mut y, mut row_height) = (left, y0, 0.0_f32);
    let mut place = |builder: &mut Builder<'_>,
                     block_width: f32,
                     draw: &mut dyn FnMut(&mut Builder<'_>, f32, f32) -> f32| {
        if x > left && x + block_width > left + width {
            (x, y) = (left, y + row_height + GAP);
            row_height = 0.0;
        }
        let height = draw(builder, x, y);
        row_height = row_height.max(height);
        x += block_width + GAP;
    };
    if panel.matrix {
        let scene = matrix_scene(map, MatrixViews::Customer, Crosshairs::Means, builder.measure);
        let (w, h) = (scene.width, scene.height);
        place(builder, w, &mut |builder, x, y| {
            for item in scene.items.clone() {
                builder.scene.items.push(super::translate_item(item, x, y));
            }
            builder.region(Rect::from_xywh(x, y, w, h), Role::Chrome, Layer::Labels);
            h
        });
    }
    if panel.gaps {
        let lines: Vec<String> = analysis
            .ranked_gaps
            .iter()
            .filter_map(|id| Some((analysis.card(*id)?, map.card(*id)?)))
            .filter(|(c, _)| c.gaps.performance.is_some())
            .take(ROWS)
            .enumerate()
            .map(|(rank, (c, card))| {
                let owner = owner_name(study, card.accountable);
                let gap = c.gaps.performance.and_then(crate::words::signed).unwrap_or_default();
                let priority = c.priority.map_or_else(String::new, |p| format!(", priority {p:.1}"));
                format!("{}. {} ({owner}): gap {gap}{priority}", rank + 1, card.title.trim())
            })
            .collect();
        let empty = "No touchpoint has both an internal and a customer performance score yet.";
        place(builder, LIST_WIDTH, &mut |builder, x, y| {
            list(builder, "Where we rate ourselves differently from customers", &lines, empty, x, y)
        });
    }
    if panel.handoffs {
        let mut pairs: Vec<((OwnerId, OwnerId), usize)> = Vec::new();
        for h in &analysis.handoffs {
            match pairs.iter_mut().find(|(k, _)| *k == (h.from_owner, h.to_owner)) {
                Some((_, n)) => *n += 1,
                None => pairs.push(((h.from_owner, h.to_owner), 1)),
            }
        }
        pairs.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let lines: Vec<String> = pairs
            .iter()
            .take(ROWS)
            .map(|((a, b), n)| {
                format!(
                    "{} to {}: {}",
                    owner_name(study, Some(*a)),
                    owner_name(study, Some(*b)),
                    crate::words::count(*n, "handoff")
                )
            })
            .collect();
        place(builder, LIST_WIDTH, &mut |builder, x, y| {
            list(builder, "Where work changes hands", &lines, "No work changes hands along the flow.", x, y)
        });
    }
    y + row_height - top
}

fn owner_name(study: &Study, owner: Option<OwnerId>) -> String {
    owner
        .and_then(|id| study.owner(id))
        .map_or_else(|| "no accountable owner".to_owned(), |o| o.name.trim().to_owned())
}

/// A titled list of lines at (`x`, `y`); returns its height.
fn list(builder: &mut Builder<'_>, title: &str, lines: &[String], empty: &str, x: f32, y: f32) -> f32 {
    let title = builder.paragraph(title, size::BODY, Weight::Bold, LIST_WIDTH);
    builder.region(Rect::from_xywh(x, y, title.width(), title.height()), Role::Chrome, Layer::Labels);
    let mut height = builder.place(&title, x, y, style::INK, Anchor::Start, Role::Chrome) + 2.0 * UNIT;
    let shown: Vec<&str> =
        if lines.is_empty() { vec![empty] } else { lines.iter().map(String::as_str).collect() };
    for line in shown {
        let paragraph = builder.paragraph(line, size::BODY, Weight::Regular, LIST_WIDTH);
        builder.region(
            Rect::from_xywh(x, y + height, paragraph.width(), paragraph.height()),
            Role::Chrome,
            Layer::Labels,
        );
        height +=
            builder.place(&paragraph, x, y + height, style::INK, Anchor::Start, Role::Chrome) + 1.5 * UNIT;
    }
    height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_read_from_a_list() {
        assert_eq!(
            "matrix, gaps".parse::<Panel>().unwrap(),
            Panel { matrix: true, gaps: true, handoffs: false }
        );
        assert_eq!("all".parse::<Panel>().unwrap(), Panel::ALL);
        assert!(!"none".parse::<Panel>().unwrap().any());
        assert!("sparkles".parse::<Panel>().is_err());
        assert_eq!(Panel::ALL.to_string(), "matrix,gaps,handoffs");
    }
}
