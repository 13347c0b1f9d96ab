//! Semantic zoom: what of a scene the canvas draws at a screen transform. Printed text shrinks
//! with the map; below a readable size the canvas sets each card's title again at a size the
//! eye can read, wrapped and elided to the card's box (dropping the scores, then the channel,
//! then the owner), and each stage's name on its chevron. Only when a card cannot hold a few
//! letters does it become a plain block.
//!
//! [`plan`] is a pure function of the scene, the transform, the visible rectangle and a
//! [`Legibility`], and returns what will be drawn, so tests can read it and other views (a
//! presentation that must never greek) can reuse it with their own limits. Text comes from the
//! scene's [`Label`]s, the map's own words, measured with the bundled faces the painter uses.

use crate::app::paint::{self, colour};
use crate::layout::style::{self, size};
use crate::layout::{Label, Role, Scene, Weight};
use crate::model::{CardId, StageId};
use egui::emath::TSTransform;
use egui::epaint::text::{FontsView, LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, Galley, Painter, Pos2, Rect, Stroke, StrokeKind, Vec2};
use std::sync::Arc;

/// How small text may get before the canvas sets it again, greeks it or draws blocks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Legibility {
    /// The smallest size on screen, in points, card titles are read at; below it they are
    /// set again at this size.
    pub min_title: f32,
    /// The smallest size on screen stage names are read at.
    pub min_stage: f32,
    /// Printed text smaller than this on screen is drawn as a grey bar; 0 never greeks.
    pub greek_below: f32,
    /// Whether a card too small for a few letters of its title may become a plain block;
    /// without it, its title is set anyway, elided to one row.
    pub blocks: bool,
}

impl Legibility {
    /// The editor's canvas: titles at 10.5 points and more, stage names at 12.
    pub const CANVAS: Self = Self { min_title: 10.5, min_stage: 12.0, greek_below: 4.0, blocks: true };
}

/// How much of each card the canvas draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The card as printed: every line, figure and mark.
    Full,
    /// The card's box and owner bar with its title set at a readable size, then its owner and
    /// channel while there is room.
    Titles,
    /// Plain blocks: even a few letters would not fit.
    Blocks,
}

/// Room for a short word of the title and an ellipsis, in multiples of the title size: less
/// shows two or three letters, which read as noise.
const MIN_TITLE_EMS: f32 = 3.2;
/// Screen padding inside a card at the overview levels, in points.
const PAD: Vec2 = Vec2::new(4.0, 1.0);
/// The distance between rows set again, in multiples of the text size: tighter than the
/// interface's, so two rows of a title fit in more cards.
const LEADING: f32 = 1.1;

/// The level of detail for the cards of a scene at `zoom` (1.0 = 100 %).
#[must_use]
pub fn level(zoom: f32, legibility: &Legibility) -> Level {
    if size::CARD_TITLE * zoom >= legibility.min_title {
        Level::Full
    } else if !legibility.blocks || inner_width(style::CARD_WIDTH * zoom, zoom) >= min_width(legibility) {
        Level::Titles
    } else {
        Level::Blocks
    }
}

/// The zoom below which a scene's printed stage names are too small and are set again.
#[must_use]
pub fn stage_names_set_again(zoom: f32, legibility: &Legibility) -> bool {
    size::STAGE * zoom < legibility.min_stage
}

fn min_width(legibility: &Legibility) -> f32 {
    MIN_TITLE_EMS * legibility.min_title
}

/// The width left for text in a card `width` points wide on screen.
fn inner_width(width: f32, zoom: f32) -> f32 {
    width - style::OWNER_BAR * zoom - 2.0 * PAD.x
}

/// Which of a card's texts a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The card's title, bold.
    Title,
    /// Its channel.
    Channel,
    /// Its accountable owner.
    Owner,
    /// A stage's name.
    Stage,
}

/// A text set for the screen: its galley (glyphs measured with the bundled faces) and where
/// its top-left corner goes.
#[derive(Clone, Debug)]
pub struct SetText {
    /// What it is.
    pub part: Part,
    /// The laid-out text.
    pub galley: Arc<Galley>,
    /// Its top-left corner on screen.
    pub at: Pos2,
}

impl SetText {
    /// The text as drawn, row by row, an elided row ending in "…".
    #[must_use]
    pub fn rows(&self) -> Vec<String> {
        self.galley.rows.iter().map(|row| row.row.text()).collect()
    }

    /// The size on screen, in points.
    #[must_use]
    pub fn size(&self) -> f32 {
        self.galley.job.sections.first().map_or(0.0, |s| s.format.font_id.size)
    }

    /// Where the text sits on screen.
    #[must_use]
    pub fn rect(&self) -> Rect {
        self.galley.rect.translate(self.at.to_vec2())
    }
}

/// One card at an overview level.
#[derive(Clone, Debug)]
pub struct CardFace {
    /// The card.
    pub card: CardId,
    /// Its box on screen.
    pub rect: Rect,
    /// The owner bar's colour.
    pub accent: Option<Color32>,
    /// The owner bar's width on screen.
    pub bar: f32,
    /// Its texts, in reading order; none for a block.
    pub texts: Vec<SetText>,
}

/// A stage's name set on its chevron, which grows downwards when the name needs two rows.
#[derive(Clone, Debug)]
pub struct StageTag {
    /// The stage.
    pub stage: StageId,
    /// The tag's box on screen.
    pub rect: Rect,
    /// Its tip's length on screen.
    pub tip: f32,
    /// The name.
    pub text: SetText,
}

/// What the canvas draws of a scene beyond its printed shapes.
#[derive(Clone, Debug)]
pub struct Overview {
    /// The cards' level.
    pub level: Level,
    /// The cards in view, at [`Level::Titles`] or [`Level::Blocks`] (none at [`Level::Full`]:
    /// the scene draws them as printed).
    pub cards: Vec<CardFace>,
    /// The stage names in view, when printed ones are too small.
    pub stages: Vec<StageTag>,
}

impl Overview {
    /// The card's face, if it is in view and drawn from its label.
    #[must_use]
    pub fn card(&self, card: CardId) -> Option<&CardFace> {
        self.cards.iter().find(|face| face.card == card)
    }

    /// The card's whole text, for a tooltip, when its face shows less of it (a block, or an
    /// elided title, or no owner or channel); `None` when nothing is hidden.
    #[must_use]
    pub fn hidden_text(&self, scene: &Scene, card: CardId) -> Option<String> {
        let face = self.card(card)?;
        let label = scene.labels.iter().find(|l| l.role == Role::Card(card))?;
        let shows = |part: Part| face.texts.iter().any(|t| t.part == part);
        let elided = face.texts.iter().any(|t| t.galley.elided || t.rows().iter().any(|r| r.ends_with('…')));
        let complete = shows(Part::Title)
            && !elided
            && (label.owner.is_empty() || shows(Part::Owner))
            && (label.channel.is_empty() || shows(Part::Channel));
        if complete {
            return None;
        }
        let details: Vec<&str> =
            [label.channel.as_str(), label.owner.as_str()].into_iter().filter(|t| !t.is_empty()).collect();
        Some(if details.is_empty() {
            label.title.clone()
        } else {
            format!("{}\n{}", label.title, details.join(" · "))
        })
    }
}

/// What the canvas draws of `scene` under `screen_from_map` within `visible` (screen), its
/// texts laid out by `fonts`.
pub fn plan(
    scene: &Scene,
    screen_from_map: TSTransform,
    visible: Rect,
    legibility: &Legibility,
    fonts: &mut FontsView<'_>,
) -> Overview {
    let zoom = screen_from_map.scaling;
    let level = level(zoom, legibility);
    let stage_names = stage_names_set_again(zoom, legibility);
    let mut overview = Overview { level, cards: Vec::new(), stages: Vec::new() };
    if level == Level::Full && !stage_names {
        return overview;
    }
    // egui never sets rows closer than the face's own height, so that is the pitch to count.
    let size = legibility.min_title;
    let title_row = [Weight::Bold, Weight::Regular]
        .into_iter()
        .map(|weight| fonts.row_height(&paint::font(size, weight)))
        .fold(LEADING * size, f32::max);
    let mut stages = Vec::new();
    for label in &scene.labels {
        let rect = on_screen(screen_from_map, label);
        if !visible.intersects(rect) {
            continue;
        }
        match label.role {
            Role::Card(card) if level != Level::Full => {
                let texts = if level == Level::Titles {
                    card_texts(label, rect, zoom, title_row, legibility, fonts)
                } else {
                    Vec::new()
                };
                overview.cards.push(CardFace {
                    card,
                    rect,
                    accent: label.accent.map(colour),
                    bar: (style::OWNER_BAR * zoom).max(2.0),
                    texts,
                });
            }
            Role::Stage(stage) if stage_names => {
                stages.push((stage, label, rect, room_below(scene, screen_from_map, label, rect)));
            }
            _ => {}
        }
    }
    // A spine's tags share the room of the tightest one, so they can share one height.
    let band_room = |top: f32| {
        stages.iter().filter(|s| (s.2.top() - top).abs() < 0.5).map(|s| s.3).fold(f32::INFINITY, f32::min)
    };
    let rooms: Vec<f32> = stages.iter().map(|s| band_room(s.2.top())).collect();
    for ((stage, label, rect, _), room) in stages.into_iter().zip(rooms) {
        overview.stages.push(stage_tag(stage, label, rect, room, zoom, legibility, fonts));
    }
    even_out(&mut overview.stages);
    overview
}

/// How far down from its top a stage's tag may grow on screen: to just above the first card
/// under its chevron, so a tag never covers a card.
fn room_below(scene: &Scene, screen_from_map: TSTransform, stage: &Label, chevron: Rect) -> f32 {
    let (left, right, bottom) = (stage.rect.min.x, stage.rect.max.x, stage.rect.max.y);
    let first_card = scene
        .labels
        .iter()
        .filter(|l| matches!(l.role, Role::Card(_)))
        .filter(|l| l.rect.min.y >= bottom && l.rect.min.x < right && l.rect.max.x > left)
        .map(|l| l.rect.min.y)
        .fold(f32::INFINITY, f32::min);
    if first_card.is_finite() {
        (screen_from_map * Pos2::new(left, first_card)).y - chevron.top() - 2.0
    } else {
        f32::INFINITY
    }
}

/// Gives the tags of one spine the height of the tallest, so the spine reads as one band.
fn even_out(tags: &mut [StageTag]) {
    let tallest = |top: f32, tags: &[StageTag]| {
        tags.iter().filter(|t| (t.rect.top() - top).abs() < 0.5).map(|t| t.rect.height()).fold(0.0, f32::max)
    };
    let heights: Vec<f32> = tags.iter().map(|tag| tallest(tag.rect.top(), tags)).collect();
    for (tag, height) in tags.iter_mut().zip(heights) {
        let grown = height - tag.rect.height();
        tag.rect.max.y += grown;
        tag.text.at.y += grown / 2.0;
    }
}

fn on_screen(screen_from_map: TSTransform, label: &Label) -> Rect {
    let r = label.rect;
    screen_from_map.mul_rect(Rect::from_min_max(Pos2::new(r.min.x, r.min.y), Pos2::new(r.max.x, r.max.y)))
}

/// Rounds a wrapping width down to whole steps, so a zoom in progress lays out the same
/// galleys (from egui's cache) for several frames.
fn stepped(width: f32) -> f32 {
    const STEP: f32 = 2.0;
    (width / STEP).floor() * STEP
}

fn job(text: &str, size: f32, weight: Weight, colour: Color32, width: f32, rows: usize) -> LayoutJob {
    let mut job = LayoutJob::single_section(
        text.to_owned(),
        TextFormat {
            font_id: paint::font(size, weight),
            color: colour,
            line_height: Some(LEADING * size),
            ..TextFormat::default()
        },
    );
    job.wrap = TextWrapping {
        max_width: width,
        max_rows: rows,
        break_anywhere: rows == 1,
        overflow_character: Some('…'),
    };
    job
}

/// The texts of a card's face: as many rows of its title as its box holds, then the owner and
/// the channel (in printed order) while whole rows are left for them; the channel goes first.
fn card_texts(
    label: &Label,
    rect: Rect,
    zoom: f32,
    row: f32,
    legibility: &Legibility,
    fonts: &mut FontsView<'_>,
) -> Vec<SetText> {
    let width = stepped(inner_width(rect.width(), zoom));
    let height = rect.height() - 2.0 * PAD.y;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a few rows")]
    let mut rows = (height / row).floor().max(0.0) as usize;
    if legibility.blocks && (width < min_width(legibility) || rows == 0) {
        return Vec::new();
    }
    rows = rows.max(1);
    let left = rect.left() + style::OWNER_BAR * zoom + PAD.x;
    let size = legibility.min_title;
    let font = paint::font(size, Weight::Bold);
    let lines = wrap_words(&label.title, width, rows, &mut |c| fonts.glyph_width(&font, c));
    let used_rows = lines.len();
    let title =
        fonts.layout_job(job(&lines.join("\n"), size, Weight::Bold, colour(style::INK), f32::INFINITY, rows));
    let left_over = rows.saturating_sub(used_rows);
    let owner = !label.owner.is_empty() && left_over >= 1;
    let channel = !label.channel.is_empty() && left_over > usize::from(owner);
    let mut y = rect.top() + PAD.y;
    let mut texts = Vec::new();
    let mut add = |part: Part, galley: Arc<Galley>| {
        let height = galley.size().y;
        texts.push(SetText { part, galley, at: Pos2::new(left, y) });
        y += height;
    };
    add(Part::Title, title);
    for (part, shown, text) in [(Part::Channel, channel, &label.channel), (Part::Owner, owner, &label.owner)]
    {
        if shown {
            // Elided here rather than by the layout, so the galley (keyed by its text) comes
            // from the cache while a zoom changes the width.
            let font = paint::font(size, Weight::Regular);
            let line = wrap_words(text, width, 1, &mut |c| fonts.glyph_width(&font, c)).concat();
            let secondary = colour(style::SECONDARY);
            add(part, fonts.layout_job(job(&line, size, Weight::Regular, secondary, f32::INFINITY, 1)));
        }
    }
    texts
}

/// `text` broken between words into at most `rows` lines no wider than `width`, measured by
/// `advance` per character. What does not fit ends in "…": the last line when rows run out,
/// and a word too long for a line, on a line of its own (elided rather than broken, which
/// would read as two words).
pub fn wrap_words(text: &str, width: f32, rows: usize, advance: &mut dyn FnMut(char) -> f32) -> Vec<String> {
    let ellipsis = advance('…');
    let space = advance(' ');
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split_whitespace() {
        let word_width: f32 = word.chars().map(&mut *advance).sum();
        let joined = if line.is_empty() { word_width } else { line_width + space + word_width };
        if joined <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_width = joined;
            continue;
        }
        if !line.is_empty() {
            if lines.len() + 1 == rows {
                // No row left for this word: the last line says there is more.
                lines.push(elide(&line, line_width, width - ellipsis, advance));
                return lines;
            }
            lines.push(std::mem::take(&mut line));
        }
        if word_width <= width {
            line.push_str(word);
            line_width = word_width;
        } else {
            lines.push(elide(word, word_width, width - ellipsis, advance));
            if lines.len() == rows {
                return lines;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut to fit `room` with "…" after it.
fn elide(text: &str, mut text_width: f32, room: f32, advance: &mut dyn FnMut(char) -> f32) -> String {
    let mut kept = text.trim_end().to_owned();
    while text_width > room {
        let Some(last) = kept.pop() else { break };
        text_width -= advance(last);
    }
    format!("{}…", kept.trim_end())
}

/// A stage's name on its chevron, at the readable size for stage names, or at the one for
/// titles when a word would not fit otherwise; in up to two rows broken between words, a word
/// too long for the chevron elided rather than broken.
#[allow(clippy::too_many_arguments, reason = "the stage, where it is and how it may be set")]
fn stage_tag(
    stage: StageId,
    label: &Label,
    chevron: Rect,
    room: f32,
    zoom: f32,
    legibility: &Legibility,
    fonts: &mut FontsView<'_>,
) -> StageTag {
    let tip = (4.0 * style::UNIT * zoom).max(3.0);
    let width = stepped((chevron.width() - 1.5 * tip - 2.0).max(legibility.min_stage));
    let mut size = (size::STAGE * zoom).max(legibility.min_stage);
    if widest_word(fonts, &label.title, &paint::font(size, Weight::Bold)) > width {
        size = legibility.min_title.min(size);
    }
    let font = paint::font(size, Weight::Bold);
    // Two rows where they fit above the cards, else one.
    let rows = if 2.0 * LEADING * size + 2.0 * PAD.y <= room.max(chevron.height()) { 2 } else { 1 };
    let lines = wrap_words(&label.title, width, rows, &mut |c| fonts.glyph_width(&font, c));
    let text = lines.join("\n");
    let mut job = job(&text, size, Weight::Bold, colour(style::ON_SPINE), f32::INFINITY, 2);
    job.halign = egui::Align::Center;
    let galley = fonts.layout_job(job);
    let text_size = galley.size();
    let height = chevron.height().max(text_size.y + 2.0 * PAD.y);
    let rect = Rect::from_min_size(chevron.min, Vec2::new(chevron.width(), height));
    // A centred galley is placed by the middle of its rows.
    let at = Pos2::new(rect.center().x - tip / 2.0, rect.center().y - text_size.y / 2.0);
    StageTag { stage, rect, tip, text: SetText { part: Part::Stage, galley, at } }
}

/// The width of the widest word of `text` in `font` (advances summed, which is what a row
/// of it takes to within kerning).
fn widest_word(fonts: &mut FontsView<'_>, text: &str, font: &egui::FontId) -> f32 {
    text.split_whitespace()
        .map(|word| word.chars().map(|c| fonts.glyph_width(font, c)).sum::<f32>())
        .fold(0.0, f32::max)
}

/// Paints what [`plan`] chose: cards (boxes, owner bars, titles or blocks), then stage tags.
pub fn paint(painter: &Painter, overview: &Overview, zoom: f32) {
    let border = Stroke::new(1.0, colour(style::RULE));
    for face in &overview.cards {
        let bar =
            Rect::from_min_max(face.rect.min, Pos2::new(face.rect.left() + face.bar, face.rect.bottom()));
        let accent = face.accent.unwrap_or(colour(style::RULE));
        if face.texts.is_empty() {
            painter.rect_filled(face.rect, 0.0, Color32::from_gray(250));
            painter.rect_filled(bar, 0.0, accent);
            continue;
        }
        painter.rect(face.rect, style::UNIT * zoom, colour(style::PAPER), border, StrokeKind::Inside);
        painter.rect_filled(bar, 0.0, accent);
        for text in &face.texts {
            painter.galley(text.at, text.galley.clone(), Color32::PLACEHOLDER);
        }
    }
    for tag in &overview.stages {
        let r = tag.rect;
        let points = vec![
            r.left_top(),
            Pos2::new(r.right() - tag.tip, r.top()),
            Pos2::new(r.right(), r.center().y),
            Pos2::new(r.right() - tag.tip, r.bottom()),
            r.left_bottom(),
        ];
        painter.add(egui::Shape::convex_polygon(points, colour(style::SPINE), Stroke::NONE));
        painter.galley(tag.text.at, tag.text.galley.clone(), Color32::PLACEHOLDER);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{FontMeasure, LayoutOptions, layout};

    const CANVAS: Legibility = Legibility::CANVAS;

    #[test]
    fn cards_are_printed_while_their_titles_read_then_set_again_then_blocks() {
        assert_eq!(level(1.0, &CANVAS), Level::Full);
        // 12 pt titles reach 10.5 points on screen at 10.5/12.
        assert_eq!(level(0.88, &CANVAS), Level::Full);
        assert_eq!(level(0.87, &CANVAS), Level::Titles);
        assert_eq!(level(0.5, &CANVAS), Level::Titles);
        assert_eq!(level(0.25, &CANVAS), Level::Titles);
        // A 192 pt card 38 points wide holds two or three letters: a block.
        assert_eq!(level(0.2, &CANVAS), Level::Blocks);
        assert_eq!(level(0.05, &CANVAS), Level::Blocks);
    }

    #[test]
    fn without_blocks_titles_show_at_any_zoom() {
        let never = Legibility { blocks: false, greek_below: 0.0, ..CANVAS };
        assert_eq!(level(0.05, &never), Level::Titles);
        assert_eq!(level(2.0, &never), Level::Full);
    }

    #[test]
    fn stage_names_are_set_again_below_a_readable_size() {
        // 18 pt names reach 12 points at two thirds.
        assert!(stage_names_set_again(0.6, &CANVAS));
        assert!(!stage_names_set_again(0.7, &CANVAS));
    }

    fn wrap(text: &str, width: f32, rows: usize) -> Vec<String> {
        wrap_words(text, width, rows, &mut |_| 1.0)
    }

    #[test]
    fn titles_wrap_between_words_and_end_in_an_ellipsis_when_rows_run_out() {
        assert_eq!(wrap("Hears about Brennholt from a peer", 12.0, 2), ["Hears about", "Brennholt…"]);
        assert_eq!(wrap("Hears about Brennholt", 12.0, 3), ["Hears about", "Brennholt"]);
        assert_eq!(wrap("Signs", 12.0, 1), ["Signs"]);
        assert_eq!(wrap("Hears about", 8.0, 1), ["Hears…"]);
        assert!(wrap("   ", 8.0, 2).is_empty());
    }

    #[test]
    fn a_word_too_long_for_a_row_is_elided_on_its_own_row_not_broken() {
        assert_eq!(wrap("Downloads the service overview", 6.0, 3), ["Downl…", "the", "servi…"]);
        assert_eq!(wrap("Consideration", 6.0, 2), ["Consi…"]);
        // Every row fits its width, ellipsis included.
        for width in 2..20 {
            for row in wrap("Negotiates rates and liability terms", width as f32, 3) {
                assert!(row.chars().count() <= width, "{row:?} in {width}");
            }
        }
    }

    /// Plans a bundled example's first map fitted into a laptop's canvas, with the bundled faces.
    fn plan_example(viewport: Rect) -> (crate::model::Study, Scene, Overview) {
        plan_example_seen(viewport, viewport)
    }

    /// The same, drawing only what meets `visible`.
    fn plan_example_seen(viewport: Rect, visible: Rect) -> (crate::model::Study, Scene, Overview) {
        plan_map("logistics", 0, viewport, visible)
    }

    /// Plans a map of a bundled example fitted into `viewport`, drawing what meets `visible`.
    fn plan_map(
        example: &str,
        map: usize,
        viewport: Rect,
        visible: Rect,
    ) -> (crate::model::Study, Scene, Overview) {
        let study = crate::templates::find(example).unwrap().study().unwrap();
        let scene = layout(&study, &study.maps[map], FontMeasure::shared(), &LayoutOptions::default());
        let page = Rect::from_min_size(Pos2::ZERO, Vec2::new(scene.width, scene.height));
        let transform = super::super::camera::fit(page, viewport, 1.0);
        let ctx = egui::Context::default();
        crate::app::install_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let overview = ctx.fonts_mut(|fonts| plan(&scene, transform, visible, &CANVAS, fonts));
        (study, scene, overview)
    }

    #[test]
    fn at_a_laptops_fit_every_card_shows_its_own_title_at_a_readable_size_inside_its_box() {
        let viewport = Rect::from_min_size(Pos2::new(300.0, 100.0), Vec2::new(760.0, 640.0));
        let (study, _, overview) = plan_example(viewport);
        assert_eq!(overview.level, Level::Titles);
        let map = &study.maps[0];
        assert_eq!(overview.cards.len(), map.card_count());
        for card in map.cards() {
            let face = overview.card(card.id).unwrap();
            let title = face.texts.iter().find(|t| t.part == Part::Title).unwrap();
            assert!(title.size() >= CANVAS.min_title);
            assert!(face.rect.expand(0.5).contains_rect(title.rect()), "{:?}", card.title);
            assert_shows_its_start(&title.rows(), &card.title);
        }
    }

    /// The rows show the title's words in order, an elided one as its first letters and "…".
    fn assert_shows_its_start(rows: &[String], title: &str) {
        let mut words = title.split_whitespace();
        let shown: Vec<&str> = rows.iter().flat_map(|r| r.split_whitespace()).collect();
        assert!(!shown.is_empty());
        for word in shown {
            let own = words.next().unwrap_or_default();
            match word.strip_suffix('…') {
                Some(stem) => assert!(own.starts_with(stem), "{rows:?} of {title:?}"),
                None => assert_eq!(word, own, "{rows:?} of {title:?}"),
            }
        }
    }

    #[test]
    fn at_a_laptops_fit_stage_names_are_tagged_readably_on_their_chevrons() {
        let viewport = Rect::from_min_size(Pos2::new(300.0, 100.0), Vec2::new(760.0, 640.0));
        let (study, scene, overview) = plan_example(viewport);
        let map = &study.maps[0];
        assert_eq!(overview.stages.len(), map.stages.len());
        for (tag, stage) in overview.stages.iter().zip(&map.stages) {
            assert_eq!(tag.stage, stage.id);
            assert!(tag.text.size() >= CANVAS.min_title);
            assert!(tag.rect.expand(0.5).contains_rect(tag.text.rect()), "{:?}", stage.name);
            let chevron = scene.stage_rect(stage.id).unwrap();
            assert!(tag.rect.height() >= chevron.height() * 0.25);
        }
        let heights: Vec<f32> = overview.stages.iter().map(|t| t.rect.height()).collect();
        assert!(heights.windows(2).all(|h| (h[0] - h[1]).abs() < 0.01), "one band: {heights:?}");
    }

    #[test]
    fn stage_tags_never_cover_a_card() {
        let maps =
            [("logistics", 0), ("logistics", 1), ("logistics", 2), ("saas", 0), ("saas", 1), ("starter", 0)];
        let sizes = [Vec2::new(760.0, 640.0), Vec2::new(900.0, 600.0), Vec2::new(1300.0, 700.0)];
        for ((example, map), size) in maps.into_iter().flat_map(|m| sizes.map(|s| (m, s))) {
            let viewport = Rect::from_min_size(Pos2::ZERO, size);
            let (_, _, overview) = plan_map(example, map, viewport, viewport);
            assert!(!overview.stages.is_empty());
            for tag in &overview.stages {
                for face in &overview.cards {
                    assert!(
                        !tag.rect.intersects(face.rect),
                        "{:?} covers a card at {size:?}",
                        tag.text.rows()
                    );
                }
            }
        }
    }

    #[test]
    fn what_a_face_leaves_out_is_offered_whole_on_hover() {
        let viewport = Rect::from_min_size(Pos2::new(300.0, 100.0), Vec2::new(760.0, 640.0));
        let (study, scene, overview) = plan_example(viewport);
        let map = &study.maps[0];
        let mut hidden = 0;
        for card in map.cards() {
            if let Some(text) = overview.hidden_text(&scene, card.id) {
                hidden += 1;
                assert!(text.starts_with(card.title.trim()), "{text:?}");
                assert!(text.contains(card.channel.trim()), "{text:?}");
            }
        }
        assert!(hidden > 0, "at a laptop's fit some titles are elided");
        // Zoomed in to just below printed size, short cards show everything.
        let page = Rect::from_min_size(Pos2::ZERO, Vec2::new(scene.width, scene.height));
        let close = TSTransform::new(Vec2::ZERO, 0.85);
        let ctx = egui::Context::default();
        crate::app::install_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let overview = ctx.fonts_mut(|fonts| plan(&scene, close, close.mul_rect(page), &CANVAS, fonts));
        assert_eq!(overview.level, Level::Titles);
        assert!(map.cards().any(|card| overview.hidden_text(&scene, card.id).is_none()));
    }

    #[test]
    fn only_what_is_in_view_is_planned() {
        let viewport = Rect::from_min_size(Pos2::ZERO, Vec2::new(760.0, 640.0));
        let (study, _, whole) = plan_example(viewport);
        let corner = Rect::from_min_size(Pos2::new(-700.0, -600.0), viewport.size());
        let (_, _, corner) = plan_example_seen(viewport, corner);
        assert_eq!(whole.cards.len(), study.maps[0].card_count());
        assert!(corner.cards.is_empty());
    }
}
