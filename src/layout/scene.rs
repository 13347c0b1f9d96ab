//! The scene: everything a map draws, positioned in map units, with its style. The canvas,
//! hit-testing and every export read a scene; nothing else computes geometry.

use super::geometry::{Point, Rect};
use crate::model::{CardId, Colour, LinkId, OwnerId, StageId};

/// The weight of a text run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    /// Inter Regular.
    Regular,
    /// Inter Bold.
    Bold,
}

/// How a text run is anchored at its origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The origin is the start (left end) of the baseline.
    Start,
    /// The origin is the middle of the baseline.
    Middle,
    /// The origin is the end (right end) of the baseline.
    End,
}

/// One line of text, already wrapped and measured.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// Where the baseline is anchored.
    pub origin: Point,
    /// The text of the line.
    pub text: String,
    /// Font size in map units.
    pub size: f32,
    /// Regular or bold.
    pub weight: Weight,
    /// Text colour.
    pub colour: Colour,
    /// How the run sits on its origin.
    pub anchor: Anchor,
    /// The measured advance width of the line.
    pub width: f32,
    /// Whether the line belongs to right-to-left text (a Hebrew or Arabic paragraph, even when
    /// this line starts with a Latin name): painters give it a right-to-left base direction.
    pub right_to_left: bool,
}

impl TextRun {
    /// The box the line's glyphs occupy: from the ascender to the descender, across the width.
    #[must_use]
    pub fn bounds(&self) -> Rect {
        let left = match self.anchor {
            Anchor::Start => self.origin.x,
            Anchor::Middle => self.origin.x - self.width / 2.0,
            Anchor::End => self.origin.x - self.width,
        };
        let top = self.origin.y - super::text::ASCENT * self.size;
        Rect::from_xywh(left, top, self.width, (super::text::ASCENT + super::text::DESCENT) * self.size)
    }
}

/// The outline of a shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Line width in map units.
    pub width: f32,
    /// Line colour.
    pub colour: Colour,
    /// Dash and gap lengths, for dashed lines.
    pub dash: Option<[f32; 2]>,
}

impl Stroke {
    /// A solid line.
    #[must_use]
    pub const fn solid(width: f32, colour: Colour) -> Self {
        Self { width, colour, dash: None }
    }

    /// A dashed line.
    #[must_use]
    pub const fn dashed(width: f32, colour: Colour, dash: f32, gap: f32) -> Self {
        Self { width, colour, dash: Some([dash, gap]) }
    }
}

/// A drawing primitive.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rectangle with optionally rounded corners.
    Rect {
        /// Where.
        rect: Rect,
        /// Corner radius.
        radius: f32,
        /// Fill colour.
        fill: Option<Colour>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// A closed polygon (chevrons, markers). Every polygon is star-shaped from its first
    /// point (each edge is visible from it), so a painter may fill it as a triangle fan from
    /// that point.
    Polygon {
        /// Corners in order, starting from a point that sees every edge.
        points: Vec<Point>,
        /// Fill colour.
        fill: Option<Colour>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// An open line through points (arrowheads are separate polygons).
    Line {
        /// The points in order.
        points: Vec<Point>,
        /// Line style.
        stroke: Stroke,
    },
    /// A circle.
    Circle {
        /// Centre.
        centre: Point,
        /// Radius.
        radius: f32,
        /// Fill colour.
        fill: Option<Colour>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// One line of text.
    Text(TextRun),
}

/// What a scene item belongs to, so the canvas can hit-test and select it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Part of the poster's furniture: title block, legend, grid.
    Chrome,
    /// Part of a stage's header, goal, emotion or recommendations.
    Stage(StageId),
    /// Part of a card.
    Card(CardId),
    /// Part of a link's connector or label.
    Link(LinkId),
    /// Part of a flow arrow drawn from the journey order (tactical and performance maps).
    Flow(CardId, CardId),
    /// A swimlane's band and label.
    Lane(Option<OwnerId>),
    /// The mark on a card that another map details (a region only: its shapes are the card's).
    DetailMark(CardId),
}

/// A positioned shape and what it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The shape.
    pub shape: Shape,
    /// What it belongs to.
    pub role: Role,
}

/// A rectangle that must not overlap another of the same layer: cards, lanes, stage headers,
/// labels. The canvas hit-tests these; tests check that they never collide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    /// Where.
    pub rect: Rect,
    /// What it is.
    pub role: Role,
    /// Regions only collide with regions of the same layer.
    pub layer: Layer,
}

/// The layers of regions that must not overlap within themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Cards.
    Cards,
    /// Stage headers and stage rows.
    Stages,
    /// Swimlanes.
    Lanes,
    /// Text blocks of the title block, legend and rows.
    Labels,
    /// Marks inside cards that can be clicked on their own (the detail mark).
    Marks,
}

/// The whole text of a card or a stage, unwrapped, with the box it is printed in: a painter
/// that sets it again at another size (the canvas's overview, where printed text would be too
/// small to read) takes it from here, so it shows what the map says.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// The card or stage.
    pub role: Role,
    /// The card's box or the stage's chevron.
    pub rect: Rect,
    /// The card's title or the stage's name, as printed ("Untitled" when blank).
    pub title: String,
    /// The card's channel (empty for stages and cards without one).
    pub channel: String,
    /// The card's accountable owner as printed, "Sales +2" (empty when nobody).
    pub owner: String,
    /// The colour of the card's owner bar.
    pub accent: Option<Colour>,
}

/// A laid-out map: every item in paint order, the regions for hit-testing, and the size.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Width in map units, margins included.
    pub width: f32,
    /// Height in map units, margins included.
    pub height: f32,
    /// Items in paint order (later items over earlier ones).
    pub items: Vec<Item>,
    /// Hit and collision regions.
    pub regions: Vec<Region>,
    /// The text of every card and stage, whole, for painters that set it at another size.
    pub labels: Vec<Label>,
    /// The body text size, to judge legibility on paper.
    pub body_text_size: f32,
}

impl Scene {
    /// The card region at a point, if any.
    #[must_use]
    pub fn card_at(&self, point: Point) -> Option<CardId> {
        self.regions.iter().rev().find_map(|region| match region.role {
            Role::Card(id) if region.rect.contains(point) => Some(id),
            _ => None,
        })
    }

    /// The rectangle of a card.
    #[must_use]
    pub fn card_rect(&self, card: CardId) -> Option<Rect> {
        self.regions.iter().find(|r| r.role == Role::Card(card)).map(|r| r.rect)
    }

    /// The detail mark at a point, if any: the card whose detail map it opens.
    #[must_use]
    pub fn detail_mark_at(&self, point: Point) -> Option<CardId> {
        self.regions.iter().rev().find_map(|region| match region.role {
            Role::DetailMark(id) if region.rect.contains(point) => Some(id),
            _ => None,
        })
    }

    /// The rectangle of a card's detail mark.
    #[must_use]
    pub fn detail_mark_rect(&self, card: CardId) -> Option<Rect> {
        self.regions.iter().find(|r| r.role == Role::DetailMark(card)).map(|r| r.rect)
    }

    /// The rectangle of a stage's chevron on the spine.
    #[must_use]
    pub fn stage_rect(&self, stage: StageId) -> Option<Rect> {
        self.regions.iter().find(|r| r.role == Role::Stage(stage) && r.layer == Layer::Stages).map(|r| r.rect)
    }

    /// The journey itself: the spine, the cards and the swimlanes, without the title block,
    /// the rows under the journey and the legend; the whole page when a map has none of them.
    /// The canvas frames it when it fits a map to the window, so the touchpoints get the room.
    #[must_use]
    pub fn journey_rect(&self) -> Rect {
        let journey = self.regions.iter().filter(|region| match region.role {
            Role::Card(_) | Role::Lane(_) => true,
            Role::Stage(_) => region.layer == Layer::Stages,
            _ => false,
        });
        let page = Rect { min: Point { x: 0.0, y: 0.0 }, max: Point { x: self.width, y: self.height } };
        journey.map(|region| region.rect).reduce(|a, b| a.union(&b)).unwrap_or(page)
    }

    /// Every text run, in paint order.
    pub fn texts(&self) -> impl Iterator<Item = (&TextRun, Role)> {
        self.items.iter().filter_map(|item| match &item.shape {
            Shape::Text(run) => Some((run, item.role)),
            _ => None,
        })
    }
}
