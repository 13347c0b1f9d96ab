//! A small helper that appends shapes and regions to a scene, and sets wrapped text.

use super::geometry::{Point, Rect};
use super::scene::{Anchor, Item, Label, Layer, Region, Role, Scene, Shape, Stroke, TextRun, Weight};
use super::text::{
    ASCENT, DESCENT, LINE_HEIGHT, Line, TextMeasure, displayable_line, is_right_to_left, wrap,
};
use crate::model::Colour;
use std::cell::RefCell;
use std::collections::HashMap;

/// Text wrapped to a width and measured, ready to be placed.
#[derive(Clone, Debug)]
pub(crate) struct Paragraph {
    pub lines: Vec<Line>,
    pub size: f32,
    pub weight: Weight,
    /// The width the text was wrapped to: the box a right-to-left paragraph aligns right in.
    pub box_width: f32,
    /// Whether the text reads right to left (its first strong character says so).
    pub right_to_left: bool,
}

impl Paragraph {
    /// `text` wrapped to `max_width`.
    pub fn new(measure: &dyn TextMeasure, text: &str, size: f32, weight: Weight, max_width: f32) -> Self {
        let box_width = max_width.max(size);
        Self {
            lines: wrap(measure, text, size, weight, box_width),
            size,
            weight,
            box_width,
            right_to_left: is_right_to_left(text),
        }
    }

    /// The paragraph with its box shrunk to its widest line, for text whose wrap width is only a
    /// limit (a legend label beside its sample), so right-to-left text stays by its neighbour.
    pub fn fitted(mut self) -> Self {
        self.box_width = self.lines.iter().map(|l| l.width).fold(0.0, f32::max);
        self
    }

    /// The paragraph cut to its first `max_lines` lines, the last ending in "…" when text was
    /// left out, for lines that only point elsewhere (a detail map's title, a weakest step),
    /// which must not make a card as tall as its own story.
    pub fn at_most(mut self, measure: &dyn TextMeasure, max_lines: usize) -> Self {
        if self.lines.len() <= max_lines || max_lines == 0 {
            return self;
        }
        self.lines.truncate(max_lines);
        if let Some(last) = self.lines.last_mut() {
            let mut text = last.text.trim_end().to_owned();
            loop {
                let candidate = format!("{text}…");
                let width = measure.width(&candidate, self.size, self.weight);
                if width <= self.box_width || text.is_empty() {
                    *last = Line { text: candidate, width };
                    break;
                }
                text.pop();
                text.truncate(text.trim_end().len());
            }
        }
        self
    }

    /// An empty paragraph: no lines, no height.
    pub fn empty() -> Self {
        Self { lines: Vec::new(), size: 0.0, weight: Weight::Regular, box_width: 0.0, right_to_left: false }
    }

    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.text.is_empty())
    }

    /// The height from the top of the first line's ascender to the last line's descender.
    pub fn height(&self) -> f32 {
        if self.is_empty() {
            return 0.0;
        }
        let count = self.lines.len() as f32;
        (count - 1.0) * LINE_HEIGHT * self.size + (ASCENT + DESCENT) * self.size
    }

    /// How far the paragraph reaches from its left edge: the widest line, or for right-to-left
    /// text, which is set against the right edge of its box, the whole box. Callers size
    /// regions and neighbours with it, so they hold the text whichever way it reads.
    pub fn width(&self) -> f32 {
        let widest = self.lines.iter().map(|l| l.width).fold(0.0, f32::max);
        if self.right_to_left && !self.is_empty() { widest.max(self.box_width) } else { widest }
    }
}

pub(crate) struct Builder<'m> {
    pub scene: Scene,
    pub measure: &'m dyn TextMeasure,
    /// Paragraphs of text that recurs (channels, owner names), wrapped once per layout.
    shared: RefCell<HashMap<String, Vec<(SetAs, Paragraph)>>>,
}

/// How a paragraph is set: size, weight and wrap width (the floats by their bits).
type SetAs = (u32, Weight, u32);

impl<'m> Builder<'m> {
    pub fn new(measure: &'m dyn TextMeasure) -> Self {
        Self { scene: Scene::default(), measure, shared: RefCell::default() }
    }

    pub fn push(&mut self, shape: Shape, role: Role) {
        self.scene.items.push(Item { shape, role });
    }

    pub fn rect(
        &mut self,
        rect: Rect,
        radius: f32,
        fill: Option<Colour>,
        stroke: Option<Stroke>,
        role: Role,
    ) {
        self.push(Shape::Rect { rect, radius, fill, stroke }, role);
    }

    pub fn polygon(&mut self, points: Vec<Point>, fill: Option<Colour>, stroke: Option<Stroke>, role: Role) {
        self.push(Shape::Polygon { points, fill, stroke }, role);
    }

    pub fn line(&mut self, points: Vec<Point>, stroke: Stroke, role: Role) {
        self.push(Shape::Line { points, stroke }, role);
    }

    pub fn circle(
        &mut self,
        centre: Point,
        radius: f32,
        fill: Option<Colour>,
        stroke: Option<Stroke>,
        role: Role,
    ) {
        self.push(Shape::Circle { centre, radius, fill, stroke }, role);
    }

    pub fn region(&mut self, rect: Rect, role: Role, layer: Layer) {
        self.scene.regions.push(Region { rect, role, layer });
    }

    pub fn label(&mut self, label: Label) {
        self.scene.labels.push(label);
    }

    pub fn paragraph(&self, text: &str, size: f32, weight: Weight, max_width: f32) -> Paragraph {
        Paragraph::new(self.measure, text, size, weight, max_width)
    }

    /// [`Builder::paragraph`] for text that recurs across a map, such as channels and owner
    /// names: wrapped the first time, copied after.
    pub fn shared_paragraph(&self, text: &str, size: f32, weight: Weight, max_width: f32) -> Paragraph {
        let set_as = (size.to_bits(), weight, max_width.to_bits());
        if let Some(found) =
            self.shared.borrow().get(text).and_then(|list| list.iter().find(|(s, _)| *s == set_as))
        {
            return found.1.clone();
        }
        let paragraph = self.paragraph(text, size, weight, max_width);
        self.shared.borrow_mut().entry(text.to_owned()).or_default().push((set_as, paragraph.clone()));
        paragraph
    }

    /// One unwrapped line of text with its baseline at `origin`; returns its width.
    #[allow(clippy::too_many_arguments, reason = "a text run has this many properties")]
    pub fn text(
        &mut self,
        origin: Point,
        text: &str,
        size: f32,
        weight: Weight,
        colour: Colour,
        anchor: Anchor,
        role: Role,
    ) -> f32 {
        let text = displayable_line(text);
        let width = self.measure.width(&text, size, weight);
        let right_to_left = is_right_to_left(&text);
        self.push(
            Shape::Text(TextRun { origin, text, size, weight, colour, anchor, width, right_to_left }),
            role,
        );
        width
    }

    /// Places a paragraph with its top at `top`; `x` is the left edge, centre or right edge
    /// depending on `anchor`. A right-to-left paragraph placed by its left edge is set against
    /// the right edge of its box instead, as its readers expect. Returns the paragraph's height.
    pub fn place(
        &mut self,
        paragraph: &Paragraph,
        x: f32,
        top: f32,
        colour: Colour,
        anchor: Anchor,
        role: Role,
    ) -> f32 {
        let (x, anchor) = if paragraph.right_to_left && anchor == Anchor::Start {
            (x + paragraph.box_width, Anchor::End)
        } else {
            (x, anchor)
        };
        let mut baseline = top + ASCENT * paragraph.size;
        for line in &paragraph.lines {
            if !line.text.is_empty() {
                self.push(
                    Shape::Text(TextRun {
                        origin: Point::new(x, baseline),
                        text: line.text.clone(),
                        size: paragraph.size,
                        weight: paragraph.weight,
                        colour,
                        anchor,
                        width: line.width,
                        right_to_left: paragraph.right_to_left,
                    }),
                    role,
                );
            }
            baseline += LINE_HEIGHT * paragraph.size;
        }
        paragraph.height()
    }

    pub fn finish(mut self, width: f32, height: f32, body_text_size: f32) -> Scene {
        self.scene.width = width;
        self.scene.height = height;
        self.scene.body_text_size = body_text_size;
        self.scene
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::text::FontMeasure;

    #[test]
    fn a_paragraph_cut_to_its_first_lines_ends_in_an_ellipsis_within_its_box() {
        let measure = FontMeasure::shared();
        let text = "Detailed in the onboarding map of a new shipper, from signature to first invoice";
        let whole = Paragraph::new(measure, text, 10.0, Weight::Regular, 90.0);
        assert!(whole.lines.len() > 2);
        let cut = whole.clone().at_most(measure, 2);
        assert_eq!(cut.lines.len(), 2);
        let last = cut.lines.last().unwrap();
        assert!(last.text.ends_with('…'));
        assert!(last.width <= cut.box_width);
        assert_eq!(cut.lines[0].text, whole.lines[0].text);
        let short = Paragraph::new(measure, "Short", 10.0, Weight::Regular, 90.0).at_most(measure, 1);
        assert_eq!(short.lines[0].text, "Short");
    }
}
