//! Fitting a map on fixed paper: when its smallest text would print below 9 pt, the map is
//! wrapped into bands (rows of stages, each with its spine, on one sheet) or tiled across
//! pages (a range of stages per sheet, each with the title block and legend), instead of
//! being shrunk out of legibility.

use super::paper::{Orientation, Page, Paper};
use super::{ExportError, MIN_TEXT_PT, REFUSED_TEXT_PT};
use crate::layout::{FontMeasure, LayoutOptions, Scene, layout, layout_bands, layout_part};
use crate::model::{JourneyMap, Study};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// What to do with a map whose text would print too small on the chosen paper.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Fit {
    /// Bands when they keep the text legible, else pages.
    #[default]
    Auto,
    /// Scale the whole map down to the paper, and warn.
    Shrink,
    /// Wrap the stages into rows on one sheet, the spine repeated on each row.
    Bands,
    /// Tile the stages across several sheets, each a complete poster of its part.
    Pages,
}

impl Fit {
    /// Every choice, as the command line and the export dialog list them.
    pub const ALL: [Fit; 4] = [Self::Auto, Self::Bands, Self::Pages, Self::Shrink];

    /// The name the command line uses.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Shrink => "shrink",
            Self::Bands => "bands",
            Self::Pages => "pages",
        }
    }

    /// The choice's name in the export dialog.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Auto => "Best legible",
            Self::Shrink => "Shrink to one page",
            Self::Bands => "Wrap into rows",
            Self::Pages => "Split across pages",
        }
    }
}

impl fmt::Display for Fit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Fit {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|fit| fit.name() == wanted).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|fit| fit.name()).collect();
            format!("unknown fit {text:?}; choose one of {}", names.join(", "))
        })
    }
}

/// How a poster ended up on its paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// The whole map on one sheet, its text legible (or the paper sized to the map).
    Whole,
    /// The whole map on one sheet, scaled below 9 pt.
    Shrunk,
    /// The map wrapped into this many rows on one sheet.
    Bands(usize),
    /// The map tiled across this many sheets.
    Pages(usize),
}

/// One sheet of a poster: its scene and where the scene sits on the page.
#[derive(Clone, Debug)]
pub struct Sheet {
    /// What the sheet draws.
    pub scene: Scene,
    /// The page and the scene's place on it.
    pub page: Page,
}

/// The sheets a map is printed on, and what the user should know about them.
#[derive(Clone, Debug)]
pub struct Plan {
    /// One sheet, or one per page.
    pub sheets: Vec<Sheet>,
    /// Whole, shrunk, bands or pages.
    pub arrangement: Arrangement,
    /// The smallest text on any sheet, in points on paper.
    pub smallest_pt: f32,
    /// Advice, such as text printing smaller than 9 pt.
    pub warnings: Vec<String>,
}

/// The smallest text run of a scene, in map units (infinite when it has no text).
#[must_use]
pub fn smallest_text(scene: &Scene) -> f32 {
    scene.texts().map(|(run, _)| run.size).filter(|size| *size > 0.0).fold(f32::INFINITY, f32::min)
}

/// The smallest text of a sheet in points on its paper.
fn sheet_pt(sheet: &Sheet) -> f32 {
    smallest_text(&sheet.scene) * sheet.page.scale
}

/// Whether text of `pt` points meets the floor (a rounding hair below counts as meeting it).
fn legible(pt: f32) -> bool {
    pt >= MIN_TEXT_PT - 0.005
}

/// Decides how `map` goes on `paper`: whole when its smallest text is legible (or the paper is
/// sized to the map), else as `fit` says. Text below 6 pt is refused unless `allow_small`.
///
/// # Errors
/// [`ExportError::TextTooSmall`] when the text would print below 6 pt and `allow_small` is
/// off.
pub fn plan(
    study: &Study,
    map: &JourneyMap,
    paper: Paper,
    orientation: Orientation,
    fit: Fit,
    allow_small: bool,
) -> Result<Plan, ExportError> {
    plan_with(study, map, paper, orientation, fit, allow_small, LayoutOptions::default())
}

/// [`plan`] with the layout's options (an analysis panel, say) for every sheet. A map split
/// across pages prints the panel, which speaks for the whole map, on a page of its own after
/// the map's, or, when that page would not be legible, leaves it out and says so.
///
/// # Errors
/// As [`plan`].
pub fn plan_with(
    study: &Study,
    map: &JourneyMap,
    paper: Paper,
    orientation: Orientation,
    fit: Fit,
    allow_small: bool,
    base: LayoutOptions,
) -> Result<Plan, ExportError> {
    let measure = FontMeasure::shared();
    let scene = layout(study, map, measure, &base);
    let page = Page::place(scene.width, scene.height, paper, orientation);
    let whole = Sheet { scene, page };
    let whole_pt = sheet_pt(&whole);
    if paper == Paper::Fit || legible(whole_pt) {
        return Ok(Plan {
            sheets: vec![whole],
            arrangement: Arrangement::Whole,
            smallest_pt: whole_pt,
            warnings: Vec::new(),
        });
    }
    if let Some(mut plan) = arrange(study, map, &whole, paper, orientation, fit, base) {
        if plan.arrangement == Arrangement::Pages(plan.sheets.len()) && base.panel.any() {
            add_panel_page(study, map, &mut plan, paper, orientation, base.panel);
        }
        return Ok(plan);
    }
    let bigger = paper_that_works(study, map, paper, orientation, fit, base);
    // Nothing reaches 9 pt: print as large as this paper allows. One stage per page is the
    // largest a split map gets; it beats shrinking the whole map when it prints larger.
    let stages = map.stages.len();
    let split = (matches!(fit, Fit::Auto | Fit::Pages) && stages >= 2)
        .then(|| tiled(study, map, &single_ranges(stages), paper, orientation))
        .filter(|(_, split_pt)| *split_pt > whole_pt * 1.05);
    let pt = split.as_ref().map_or(whole_pt, |(_, split_pt)| *split_pt);
    let paper_name = paper.name().to_uppercase();
    let (why, instead) = match fit {
        Fit::Shrink => ("", ", or leave --fit at auto to wrap or split the map"),
        Fit::Bands => (" (rows cannot make it legible on this paper)", ", or --fit pages"),
        Fit::Auto | Fit::Pages => (" (even with one stage per page)", ""),
    };
    let advice = match bigger {
        Some(bigger) => format!("use --paper {bigger} (or fit) to keep it at {MIN_TEXT_PT} pt{instead}"),
        None => format!("even A0 is too small: use --paper fit{instead}"),
    };
    if pt < REFUSED_TEXT_PT && !allow_small {
        return Err(ExportError::TextTooSmall {
            message: format!(
                "on {paper_name} the smallest text would print at {pt:.1} pt{why}, below the {REFUSED_TEXT_PT} pt \
                 anyone can read; {advice}, or pass --force to print it anyway"
            ),
        });
    }
    let warning = format!(
        "on {paper_name} the smallest text prints at {pt:.1} pt{why}, below the {MIN_TEXT_PT} pt a poster needs \
         to be legible; {advice}"
    );
    Ok(match split {
        Some((sheets, _)) => Plan {
            arrangement: Arrangement::Pages(sheets.len()),
            sheets,
            smallest_pt: pt,
            warnings: vec![warning],
        },
        None => Plan {
            sheets: vec![whole],
            arrangement: Arrangement::Shrunk,
            smallest_pt: pt,
            warnings: vec![warning],
        },
    })
}

/// Rows or pages as `fit` asks when they make the text legible on `paper`, without [`plan`]'s
/// search for a larger paper and its fallbacks: `None` when neither works.
#[must_use]
pub fn arranged(
    study: &Study,
    map: &JourneyMap,
    paper: Paper,
    orientation: Orientation,
    fit: Fit,
) -> Option<Plan> {
    let base = LayoutOptions::default();
    let scene = layout(study, map, FontMeasure::shared(), &base);
    let page = Page::place(scene.width, scene.height, paper, orientation);
    arrange(study, map, &Sheet { scene, page }, paper, orientation, fit, base)
}

/// Rows or pages as `fit` asks, when they make the text legible on `paper`.
fn arrange(
    study: &Study,
    map: &JourneyMap,
    whole: &Sheet,
    paper: Paper,
    orientation: Orientation,
    fit: Fit,
    base: LayoutOptions,
) -> Option<Plan> {
    let widths = stage_widths(&whole.scene, map);
    let whole_pt = sheet_pt(whole);
    match fit {
        Fit::Shrink => None,
        Fit::Bands => bands(study, map, &widths, paper, orientation, base),
        Fit::Pages => pages(study, map, &widths, paper, orientation, whole_pt),
        Fit::Auto => bands(study, map, &widths, paper, orientation, base)
            .or_else(|| pages(study, map, &widths, paper, orientation, whole_pt)),
    }
}

/// The smallest ISO paper larger than `paper` on which the map prints legibly, whole or
/// arranged as `fit` says.
fn paper_that_works(
    study: &Study,
    map: &JourneyMap,
    paper: Paper,
    orientation: Orientation,
    fit: Fit,
    base: LayoutOptions,
) -> Option<Paper> {
    let measure = FontMeasure::shared();
    let scene = layout(study, map, measure, &base);
    let area = |p: Paper| p.size_mm().map_or(f32::INFINITY, |(short, long)| short * long);
    Paper::ISO_UP.into_iter().filter(|bigger| area(*bigger) > area(paper)).find(|bigger| {
        let page = Page::place(scene.width, scene.height, *bigger, orientation);
        let whole = Sheet { scene: scene.clone(), page };
        legible(sheet_pt(&whole)) || arrange(study, map, &whole, *bigger, orientation, fit, base).is_some()
    })
}

/// The widths of the stages on the whole map (the chevron's left edge to the next one's), to
/// balance the ranges; equal widths when the scene does not show them.
fn stage_widths(scene: &Scene, map: &JourneyMap) -> Vec<f32> {
    let lefts: Option<Vec<Range<f32>>> =
        map.stages.iter().map(|stage| scene.stage_rect(stage.id).map(|r| r.min.x..r.max.x)).collect();
    let Some(spans) = lefts else { return vec![1.0; map.stages.len()] };
    spans
        .iter()
        .enumerate()
        .map(|(index, span)| {
            let next = spans.get(index + 1).map_or(span.end, |next| next.start);
            (next - span.start).max(span.end - span.start).max(1.0)
        })
        .collect()
}

/// The most rows a sheet is wrapped into: beyond that a reader loses the thread, and pages
/// serve better.
const MAX_ROWS: usize = 6;

/// The fewest rows (at most [`MAX_ROWS`]) that keep the text legible on one sheet, or `None`.
fn bands(
    study: &Study,
    map: &JourneyMap,
    widths: &[f32],
    paper: Paper,
    orientation: Orientation,
    base: LayoutOptions,
) -> Option<Plan> {
    let measure = FontMeasure::shared();
    let mut best_pt = 0.0_f32;
    let mut worse = 0;
    for count in 2..=map.stages.len().min(MAX_ROWS) {
        let ranges = balanced_ranges(widths, count);
        let scene = layout_bands(study, map, measure, &ranges, &base);
        let page = Page::place_largest(scene.width, scene.height, paper, orientation);
        let sheet = Sheet { scene, page };
        let pt = sheet_pt(&sheet);
        if legible(pt) {
            return Some(Plan {
                sheets: vec![sheet],
                arrangement: Arrangement::Bands(ranges.len()),
                smallest_pt: pt,
                warnings: Vec::new(),
            });
        }
        // More rows make the sheet taller: once the text shrinks twice running, the best
        // number of rows has passed.
        if pt < best_pt {
            worse += 1;
            if worse >= 2 {
                break;
            }
        } else {
            worse = 0;
            best_pt = pt;
        }
    }
    None
}

/// The fewest pages that keep the text legible, all at one scale, or `None` when even one
/// stage per page would not.
fn pages(
    study: &Study,
    map: &JourneyMap,
    widths: &[f32],
    paper: Paper,
    orientation: Orientation,
    whole_pt: f32,
) -> Option<Plan> {
    let stages = map.stages.len();
    if stages < 2 {
        return None;
    }
    if !legible(tiled(study, map, &single_ranges(stages), paper, orientation).1) {
        return None;
    }
    // A page of 1/n of the map prints at most about n times larger: fewer pages cannot work.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to 2..=stages")]
    let start = ((MIN_TEXT_PT / whole_pt.max(0.01)).floor() as usize).clamp(2, stages);
    for count in start..=stages {
        let ranges = balanced_ranges(widths, count);
        let (sheets, pt) = tiled(study, map, &ranges, paper, orientation);
        if legible(pt) {
            return Some(Plan {
                arrangement: Arrangement::Pages(sheets.len()),
                sheets,
                smallest_pt: pt,
                warnings: Vec::new(),
            });
        }
    }
    None
}

/// The analysis panel of a map split across pages, which speaks for the whole map, on a page
/// of its own after the map's, as wide as prints it largest (a wider panel sets its parts side
/// by side); left out, with a warning, when even so it would print under 9 pt.
fn add_panel_page(
    study: &Study,
    map: &JourneyMap,
    plan: &mut Plan,
    paper: Paper,
    orientation: Orientation,
    panel: crate::layout::panel::Panel,
) {
    let measure = FontMeasure::shared();
    let parts = plan.sheets.len();
    let best = [800.0, 1100.0, 1400.0, 1800.0]
        .into_iter()
        .map(|width| {
            let scene = crate::layout::layout_panel_sheet(study, map, measure, panel, parts, width);
            let page = Page::place_largest(scene.width, scene.height, paper, orientation);
            Sheet { scene, page }
        })
        .max_by(|a, b| a.page.scale.total_cmp(&b.page.scale));
    let Some(sheet) = best else { return };
    let pt = sheet_pt(&sheet);
    if legible(pt) {
        plan.sheets.push(sheet);
        plan.arrangement = Arrangement::Pages(parts + 1);
    } else {
        plan.warnings.push(format!(
            "the analysis panel is left out: on a page of its own it would print at {pt:.1} pt; \
             print the map on one sheet (a larger paper, --fit bands or --paper fit) to have it"
        ));
    }
}

/// One range per stage.
fn single_ranges(stages: usize) -> Vec<Range<usize>> {
    (0..stages).map(|index| index..index + 1).collect()
}

/// The map tiled into one sheet per range, every sheet at the scale of the most crowded one
/// and, with automatic orientation, all turned the way that prints largest. Returns the sheets
/// and their smallest text in points.
fn tiled(
    study: &Study,
    map: &JourneyMap,
    ranges: &[Range<usize>],
    paper: Paper,
    orientation: Orientation,
) -> (Vec<Sheet>, f32) {
    let measure = FontMeasure::shared();
    let scenes: Vec<Scene> =
        ranges.iter().enumerate().map(|(index, _)| layout_part(study, map, measure, ranges, index)).collect();
    let orientations = match orientation {
        Orientation::Auto => vec![Orientation::Landscape, Orientation::Portrait],
        fixed => vec![fixed],
    };
    let mut best: Option<(Vec<Sheet>, f32)> = None;
    for turn in orientations {
        let pages: Vec<Page> = scenes.iter().map(|s| Page::place(s.width, s.height, paper, turn)).collect();
        let scale = pages.iter().map(|p| p.scale).fold(f32::INFINITY, f32::min);
        let sheets: Vec<Sheet> = scenes
            .iter()
            .zip(pages)
            .map(|(scene, page)| Sheet { page: page.at_scale(scale), scene: scene.clone() })
            .collect();
        let pt = sheets.iter().map(sheet_pt).fold(f32::INFINITY, f32::min);
        if best.as_ref().is_none_or(|(_, best_pt)| pt > *best_pt) {
            best = Some((sheets, pt));
        }
    }
    best.unwrap_or_default()
}

/// `widths` split into `count` contiguous, non-empty ranges (fewer when there are fewer
/// items; none for none), each cut where the running width is nearest an even share of the total.
#[must_use]
pub fn balanced_ranges(widths: &[f32], count: usize) -> Vec<Range<usize>> {
    if widths.is_empty() {
        return Vec::new();
    }
    let count = count.clamp(1, widths.len());
    let mut running = Vec::with_capacity(widths.len() + 1);
    running.push(0.0_f32);
    for width in widths {
        let width = if width.is_finite() { width.max(0.0) } else { 0.0 };
        running.push(running.last().copied().unwrap_or(0.0) + width);
    }
    let total = running.last().copied().unwrap_or(0.0);
    let mut ranges = Vec::with_capacity(count);
    let mut start = 0;
    for cut in 1..count {
        #[allow(clippy::cast_precision_loss, reason = "counts of stages")]
        let target = total * cut as f32 / count as f32;
        // Leave at least one item for this range and for each range still to come.
        let last_allowed = widths.len() - (count - cut);
        let end = (start + 1..=last_allowed)
            .min_by(|a, b| (running[*a] - target).abs().total_cmp(&(running[*b] - target).abs()))
            .unwrap_or(start + 1);
        ranges.push(start..end);
        start = end;
    }
    ranges.push(start..widths.len());
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_contiguous_balanced_and_complete() {
        let widths = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
        assert_eq!(balanced_ranges(&widths, 2), vec![0..3, 3..7]);
        assert_eq!(balanced_ranges(&widths, 3), vec![0..2, 2..5, 5..7]);
        assert_eq!(balanced_ranges(&widths, 7).len(), 7);
        assert_eq!(balanced_ranges(&widths, 20).len(), 7, "never more ranges than stages");
        assert_eq!(balanced_ranges(&[5.0, 1.0, 1.0, 1.0, 1.0, 1.0], 2), vec![0..1, 1..6]);
        assert_eq!(balanced_ranges(&[f32::NAN, 1.0], 2), vec![0..1, 1..2]);
        assert!(balanced_ranges(&[], 3).is_empty());
    }

    #[test]
    fn fit_names_round_trip() {
        for fit in Fit::ALL {
            assert_eq!(fit.name().parse::<Fit>(), Ok(fit));
        }
        assert!("tile".parse::<Fit>().is_err());
    }
}
