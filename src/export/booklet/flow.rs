//! A small typesetter for the booklet's text pages: headings, paragraphs, tables and scenes
//! flowed down pages of fixed size, each line measured with the layout's font measure so
//! nothing overflows its column or its page. A page's text is itself a [`Scene`] in points,
//! drawn by the same PDF painter as the maps.

use crate::export::pdf::{PageLink, Placed};
use crate::layout::style::{INK, RULE, SECONDARY, SPINE, TINT};
use crate::layout::text::{LINE_HEIGHT, wrap};
use crate::layout::{
    Anchor, FontMeasure, Item, Layer, Point, Rect, Region, Role, Scene, Shape, Stroke, TextMeasure, TextRun,
    Weight,
};
use crate::model::Colour;
use std::sync::Arc;

/// The smallest text the booklet prints, in points.
pub const MIN_PT: f32 = 8.0;

/// Type sizes of the booklet's text pages, in points.
pub mod size {
    /// The title on the cover.
    pub const COVER: f32 = 30.0;
    /// A section's title.
    pub const H1: f32 = 20.0;
    /// A map's or an owner's title within a section.
    pub const H2: f32 = 14.0;
    /// A sub-heading (a table's title).
    pub const H3: f32 = 11.0;
    /// Body text.
    pub const BODY: f32 = 9.5;
    /// Table cells, header and footer lines.
    pub const SMALL: f32 = 8.5;
}

/// The margins of every page, in points.
pub const MARGIN_SIDE: f32 = 50.0;
/// The top margin (the running header sits in it).
pub const MARGIN_TOP: f32 = 60.0;
/// The bottom margin (the footer sits in it).
pub const MARGIN_BOTTOM: f32 = 56.0;

/// A place in the document: a page and how far down it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    /// The page, from 0.
    pub page: usize,
    /// Points from the top.
    pub y: f32,
}

/// A page being composed.
#[derive(Clone, Debug)]
pub struct DraftPage {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// The page's own text and rules, in points.
    pub scene: Scene,
    /// Scenes placed on the page (maps, the matrix).
    pub placed: Vec<Placed>,
    /// Links from the page.
    pub links: Vec<PageLink>,
    /// The running header: the section (and part) the page belongs to.
    pub header: String,
}

impl DraftPage {
    fn new(width: f32, height: f32, header: &str) -> Self {
        let scene = Scene { width, height, body_text_size: size::BODY, ..Scene::default() };
        Self { width, height, scene, placed: Vec::new(), links: Vec::new(), header: header.to_owned() }
    }

    /// The area inside the margins.
    #[must_use]
    pub fn content(&self) -> Rect {
        Rect::from_xywh(
            MARGIN_SIDE,
            MARGIN_TOP,
            self.width - 2.0 * MARGIN_SIDE,
            self.height - MARGIN_TOP - MARGIN_BOTTOM,
        )
    }
}

/// One cell of a table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    /// Its text (wrapped to the column).
    pub text: String,
    /// Bold for what the row is about.
    pub bold: bool,
    /// Its colour (ink when `None`).
    pub colour: Option<Colour>,
}

impl Cell {
    /// A plain cell.
    #[must_use]
    pub fn plain(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }

    /// A bold cell.
    #[must_use]
    pub fn bold(text: impl Into<String>) -> Self {
        Self { text: text.into(), bold: true, colour: None }
    }
}

/// A table column: its title and its share of the width.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The title in the header row.
    pub title: &'static str,
    /// Relative width.
    pub weight: f32,
}

/// Padding inside a table cell, in points.
const CELL_PAD: f32 = 3.0;

/// The pages, and the cursor on the last one.
pub struct Flow {
    /// The paper's portrait width and height, in points.
    portrait: (f32, f32),
    /// The pages so far.
    pub pages: Vec<DraftPage>,
    y: f32,
    header: String,
    measure: &'static FontMeasure,
}

impl Flow {
    /// An empty flow on paper of `width` × `height` points (portrait).
    #[must_use]
    pub fn new(width: f32, height: f32) -> Self {
        Self {
            portrait: (width, height),
            pages: Vec::new(),
            y: 0.0,
            header: String::new(),
            measure: FontMeasure::shared(),
        }
    }

    /// The running header for pages started from now on.
    pub fn set_header(&mut self, header: &str) {
        header.clone_into(&mut self.header);
    }

    /// Starts a portrait page.
    pub fn new_page(&mut self) -> Place {
        let (w, h) = self.portrait;
        self.new_page_sized(w, h)
    }

    /// Starts a page of `width` × `height` points.
    pub fn new_page_sized(&mut self, width: f32, height: f32) -> Place {
        self.pages.push(DraftPage::new(width, height, &self.header));
        self.y = MARGIN_TOP;
        self.here()
    }

    /// Where the cursor is.
    #[must_use]
    pub fn here(&self) -> Place {
        Place { page: self.pages.len().saturating_sub(1), y: self.y }
    }

    fn page(&mut self) -> &mut DraftPage {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn bottom(&mut self) -> f32 {
        let page = self.page();
        page.height - MARGIN_BOTTOM
    }

    fn width(&mut self) -> f32 {
        self.page().content().width()
    }

    /// Moves to a new page unless `height` points still fit on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.pages.is_empty() || self.y + height > self.bottom() + 0.01 {
            self.new_page();
        }
    }

    /// An empty flow on the same paper, to measure what a section will take before it is set.
    #[must_use]
    pub fn probe(&self) -> Self {
        let mut probe = Self::new(self.portrait.0, self.portrait.1);
        probe.new_page();
        probe
    }

    /// The height set so far on a flow started with [`Flow::probe`], when it is one page.
    #[must_use]
    pub fn height_used(&self) -> Option<f32> {
        (self.pages.len() == 1).then_some(self.y - MARGIN_TOP)
    }

    /// Half the height of a portrait page's content.
    #[must_use]
    pub fn half_page_height(&self) -> f32 {
        (self.portrait.1 - MARGIN_TOP - MARGIN_BOTTOM) / 2.0
    }

    /// A new page, unless the cursor is at the top of one already.
    pub fn next_page(&mut self) {
        if self.pages.is_empty() || self.y > MARGIN_TOP + 0.01 {
            self.new_page();
        }
    }

    /// Moves to the next half page: the top of this page's lower half while the cursor is in
    /// its upper half, else a new page (nothing at a page's top). A section that starts this
    /// way gets a page or half a page of its own.
    pub fn next_half_page(&mut self) {
        if self.pages.is_empty() || self.y <= MARGIN_TOP + 0.01 {
            return;
        }
        let middle = MARGIN_TOP + (self.bottom() - MARGIN_TOP) / 2.0;
        if self.y < middle - 0.01 {
            self.y = middle;
        } else {
            self.new_page();
        }
    }

    /// Moves the cursor down `height` points.
    pub fn advance(&mut self, height: f32) {
        self.y += height;
    }

    /// Leaves `height` points of space (nothing at a page's top).
    pub fn space(&mut self, height: f32) {
        if self.y > MARGIN_TOP + 0.01 {
            self.y += height;
        }
    }

    /// A line of text at `x`, its baseline at `baseline`, on the current page.
    #[allow(clippy::too_many_arguments, reason = "a line's place and its style")]
    pub fn text_at(
        &mut self,
        x: f32,
        baseline: f32,
        text: &str,
        size: f32,
        weight: Weight,
        colour: Colour,
        anchor: Anchor,
    ) -> Rect {
        let width = self.measure.width(text, size, weight);
        let run = TextRun {
            origin: Point::new(x, baseline),
            text: text.to_owned(),
            size,
            weight,
            colour,
            anchor,
            width,
            right_to_left: crate::layout::text::is_right_to_left(text),
        };
        let bounds = run.bounds();
        let page = self.page();
        page.scene.items.push(Item { shape: Shape::Text(run), role: Role::Chrome });
        bounds
    }

    /// A shape on the current page.
    pub fn shape(&mut self, shape: Shape) {
        self.page().scene.items.push(Item { shape, role: Role::Chrome });
    }

    /// Wrapped text across the content width (less `indent`), breaking pages between lines.
    pub fn paragraph(&mut self, text: &str, size: f32, weight: Weight, colour: Colour, indent: f32) {
        let width = self.width() - indent;
        for line in wrap(self.measure, text, size, weight, width) {
            self.ensure(size * LINE_HEIGHT);
            let baseline = self.y + crate::layout::text::ASCENT * size;
            self.text_at(MARGIN_SIDE + indent, baseline, &line.text, size, weight, colour, Anchor::Start);
            self.y += size * LINE_HEIGHT;
        }
    }

    /// Body text.
    pub fn body(&mut self, text: &str) {
        self.paragraph(text, size::BODY, Weight::Regular, INK, 0.0);
    }

    /// A note in the secondary colour.
    pub fn note(&mut self, text: &str) {
        self.paragraph(text, size::SMALL, Weight::Regular, SECONDARY, 0.0);
    }

    /// A heading kept with at least `keep` points of what follows; returns where it is.
    pub fn heading(&mut self, text: &str, size: f32, keep: f32) -> Place {
        let lines = wrap(self.measure, text, size, Weight::Bold, self.width()).len().max(1);
        #[allow(clippy::cast_precision_loss, reason = "a few lines")]
        let height = lines as f32 * size * LINE_HEIGHT;
        self.space(size * 0.9);
        self.ensure(height + keep);
        let place = self.here();
        self.paragraph(text, size, Weight::Bold, if size >= size::H1 { SPINE } else { INK }, 0.0);
        if size >= size::H1 {
            let y = self.y + 2.0;
            let width = self.width();
            self.shape(Shape::Line {
                points: vec![Point::new(MARGIN_SIDE, y), Point::new(MARGIN_SIDE + width, y)],
                stroke: Stroke::solid(1.2, SPINE),
            });
            self.y += 8.0;
        } else {
            self.y += size * 0.25;
        }
        place
    }

    /// A bulleted list item.
    pub fn bullet(&mut self, text: &str) {
        let size = size::BODY;
        let lines = wrap(self.measure, text, size, Weight::Regular, self.width() - 12.0);
        for (index, line) in lines.iter().enumerate() {
            self.ensure(size * LINE_HEIGHT);
            let baseline = self.y + crate::layout::text::ASCENT * size;
            if index == 0 {
                let centre = Point::new(MARGIN_SIDE + 4.0, baseline - size * 0.33);
                self.shape(Shape::Circle { centre, radius: 1.6, fill: Some(SECONDARY), stroke: None });
            }
            self.text_at(MARGIN_SIDE + 12.0, baseline, &line.text, size, Weight::Regular, INK, Anchor::Start);
            self.y += size * LINE_HEIGHT;
        }
    }

    /// A table: a header row, then each row's cells wrapped to their columns. A row that does
    /// not fit moves to the next page with the header repeated; a row taller than a page is
    /// cut between lines.
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<Cell>]) {
        let total: f32 = columns.iter().map(|c| c.weight).sum::<f32>().max(f32::MIN_POSITIVE);
        let width = self.width();
        let widths: Vec<f32> = columns.iter().map(|c| c.weight / total * width).collect();
        let size = size::SMALL;
        let line = size * LINE_HEIGHT;
        let header: Vec<Vec<String>> =
            columns.iter().zip(&widths).map(|(c, w)| self.lines(c.title, Weight::Bold, *w)).collect();
        let header_height = tallest(&header) * line + 2.0 * CELL_PAD;
        self.ensure(header_height + line + 2.0 * CELL_PAD);
        self.table_header(&header, &widths, header_height);
        for (row_index, row) in rows.iter().enumerate() {
            let cells: Vec<Vec<String>> = columns
                .iter()
                .enumerate()
                .map(|(i, _)| {
                    let cell = row.get(i).cloned().unwrap_or_default();
                    self.lines(&cell.text, if cell.bold { Weight::Bold } else { Weight::Regular }, widths[i])
                })
                .collect();
            let count = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let page_lines = self.lines_that_fit(MARGIN_TOP + header_height, line);
            let mut from = 0;
            let mut fresh = false;
            while from < count {
                let remaining = count - from;
                let room = self.lines_that_fit(self.y, line);
                // A row that fits on a page is never cut: it starts on the next page instead.
                if !fresh && (room == 0 || (from == 0 && room < remaining && remaining <= page_lines)) {
                    self.new_page();
                    self.table_header(&header, &widths, header_height);
                    fresh = true;
                    continue;
                }
                fresh = false;
                let take = room.min(remaining).max(1);
                #[allow(clippy::cast_precision_loss, reason = "a few lines")]
                let height = take as f32 * line + 2.0 * CELL_PAD;
                if row_index % 2 == 1 {
                    self.shape(Shape::Rect {
                        rect: Rect::from_xywh(MARGIN_SIDE, self.y, width, height),
                        radius: 0.0,
                        fill: Some(TINT),
                        stroke: None,
                    });
                }
                let mut x = MARGIN_SIDE;
                for (i, lines) in cells.iter().enumerate() {
                    let cell = row.get(i).cloned().unwrap_or_default();
                    let weight = if cell.bold { Weight::Bold } else { Weight::Regular };
                    let colour = cell.colour.unwrap_or(INK);
                    for (k, text) in lines.iter().skip(from).take(take).enumerate() {
                        #[allow(clippy::cast_precision_loss, reason = "a few lines")]
                        let baseline =
                            self.y + CELL_PAD + k as f32 * line + crate::layout::text::ASCENT * size;
                        self.text_at(x + CELL_PAD, baseline, text, size, weight, colour, Anchor::Start);
                    }
                    x += widths[i];
                }
                let region = Rect::from_xywh(MARGIN_SIDE, self.y, width, height);
                self.page().scene.regions.push(Region {
                    rect: region,
                    role: Role::Chrome,
                    layer: Layer::Labels,
                });
                self.y += height;
                let y = self.y;
                self.shape(Shape::Line {
                    points: vec![Point::new(MARGIN_SIDE, y), Point::new(MARGIN_SIDE + width, y)],
                    stroke: Stroke::solid(0.5, RULE),
                });
                from += take;
            }
        }
        self.y += 6.0;
    }

    /// How many table lines of `line` points fit between `top` and the page's bottom margin.
    fn lines_that_fit(&mut self, top: f32, line: f32) -> usize {
        let room = (self.bottom() - top - 2.0 * CELL_PAD) / line;
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to 0 and a page of lines"
        )]
        let lines = room.floor().clamp(0.0, 10_000.0) as usize;
        lines
    }

    fn table_header(&mut self, header: &[Vec<String>], widths: &[f32], height: f32) {
        let width: f32 = widths.iter().sum();
        let size = size::SMALL;
        self.shape(Shape::Rect {
            rect: Rect::from_xywh(MARGIN_SIDE, self.y, width, height),
            radius: 0.0,
            fill: Some(SPINE),
            stroke: None,
        });
        let mut x = MARGIN_SIDE;
        for (lines, w) in header.iter().zip(widths) {
            for (k, text) in lines.iter().enumerate() {
                #[allow(clippy::cast_precision_loss, reason = "a few lines")]
                let baseline =
                    self.y + CELL_PAD + k as f32 * size * LINE_HEIGHT + crate::layout::text::ASCENT * size;
                self.text_at(
                    x + CELL_PAD,
                    baseline,
                    text,
                    size,
                    Weight::Bold,
                    crate::layout::style::ON_SPINE,
                    Anchor::Start,
                );
            }
            x += w;
        }
        self.y += height;
    }

    fn lines(&self, text: &str, weight: Weight, column: f32) -> Vec<String> {
        if text.is_empty() {
            return Vec::new();
        }
        wrap(self.measure, text, size::SMALL, weight, (column - 2.0 * CELL_PAD).max(10.0))
            .into_iter()
            .map(|line| line.text)
            .collect()
    }

    /// Places `scene` at `scale` at the cursor (on a new page when it does not fit), centred.
    pub fn scene(&mut self, scene: Arc<Scene>, scale: f32) {
        let height = scene.height * scale;
        self.ensure(height);
        let width = self.width();
        let x = MARGIN_SIDE + (width - scene.width * scale).max(0.0) / 2.0;
        let y = self.y;
        self.page().placed.push(Placed { scene, scale, offset: (x, y), clip: None });
        self.y += height;
    }

    /// A link on the current page from `rect` to `target`.
    pub fn link(&mut self, rect: Rect, target: Place) {
        self.page().links.push(PageLink { rect, target_page: target.page, target_y: target.y });
    }
}

/// The most lines any cell of a row has.
fn tallest(cells: &[Vec<String>]) -> f32 {
    #[allow(clippy::cast_precision_loss, reason = "a few lines")]
    let most = cells.iter().map(Vec::len).max().unwrap_or(0).max(1) as f32;
    most
}
