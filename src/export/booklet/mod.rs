//! The booklet: one PDF of the whole study for the people who act on it. A cover, contents
//! (every entry a link), then the sections asked for: an executive summary per map (largest
//! gaps where we overrate ourselves, "concentrate here" touchpoints, missed metrics, handoff hot
//! spots, the importance × performance matrix), each map as vector pages fitted as posters are,
//! a page or part of one per stage, each owner's responsibilities, the improvement plan,
//! personas, and sources and notes. Every page has a running header and a footer with the
//! study and "page n of m"; bookmarks reach every section, map and stage.
//!
//! The composer only places text (through [`flow`]) and scenes (the layout's maps and matrix);
//! the PDF painter draws them, and every number comes from [`crate::analysis`].

pub mod flow;
mod map_tiles;
pub mod maps;
mod sections;

use crate::export::ExportError;
use crate::export::Paper;
use crate::export::pdf::{Bookmark, DocumentInfo, PdfPage, Placed, write_pdf};
use crate::layout::style::SECONDARY;
use crate::layout::{Anchor, Point, Shape, Stroke, Weight};
use crate::model::{JourneyMap, Study};
use flow::{DraftPage, Flow, MARGIN_SIDE, Place, size};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// A part of the booklet that can be left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The cover and the contents.
    Cover,
    /// The executive summary of each map.
    Summary,
    /// Each map as vector pages.
    Maps,
    /// A page or part of one per stage.
    Stages,
    /// Each owner's responsibilities.
    Owners,
    /// Every recommendation, most urgent first.
    Plan,
    /// The personas, then sources and notes.
    Personas,
}

impl Section {
    /// Every section, in the booklet's order.
    pub const ALL: [Section; 7] =
        [Self::Cover, Self::Summary, Self::Maps, Self::Stages, Self::Owners, Self::Plan, Self::Personas];

    /// The name the command line uses.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Cover => "cover",
            Self::Summary => "summary",
            Self::Maps => "maps",
            Self::Stages => "stages",
            Self::Owners => "owners",
            Self::Plan => "plan",
            Self::Personas => "personas",
        }
    }

    /// The section's name in the export dialog.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Cover => "Cover and contents",
            Self::Summary => "Executive summary",
            Self::Maps => "Map pages",
            Self::Stages => "Stage pages",
            Self::Owners => "Owners' responsibilities",
            Self::Plan => "Improvement plan",
            Self::Personas => "Personas, sources and notes",
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Section {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|s| s.name() == wanted).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|s| s.name()).collect();
            format!("unknown section {text:?}; choose any of {}", names.join(", "))
        })
    }
}

/// Parses a comma-separated list of sections (`cover,summary,maps`), each once, in the
/// booklet's order whatever the order given.
///
/// # Errors
/// A message naming an unknown section, or an empty list.
pub fn parse_sections(text: &str) -> Result<Vec<Section>, String> {
    let mut chosen = Vec::new();
    for part in text.split(',').filter(|p| !p.trim().is_empty()) {
        chosen.push(part.parse::<Section>()?);
    }
    if chosen.is_empty() {
        return Err("no sections given; choose any of cover, summary, maps, stages, owners, plan, personas"
            .to_owned());
    }
    Ok(Section::ALL.into_iter().filter(|s| chosen.contains(s)).collect())
}

/// What goes into a booklet.
#[derive(Clone, Debug, PartialEq)]
pub struct BookletSettings {
    /// A4 or Letter (any fixed paper works; the booklet is set for the small ones).
    pub paper: Paper,
    /// The maps, as indexes into the study's maps (all when empty).
    pub maps: Vec<usize>,
    /// The sections, in the booklet's order.
    pub sections: Vec<Section>,
}

impl Default for BookletSettings {
    fn default() -> Self {
        Self { paper: Paper::A4, maps: Vec::new(), sections: Section::ALL.to_vec() }
    }
}

/// Parses a comma-separated list of map numbers (`1,3`, counting from 1) into indexes.
///
/// # Errors
/// A message naming what is not a map number of the study.
pub fn parse_maps(text: &str, map_count: usize) -> Result<Vec<usize>, String> {
    let mut maps = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.parse::<usize>() {
            Ok(number) if (1..=map_count).contains(&number) => {
                if !maps.contains(&(number - 1)) {
                    maps.push(number - 1);
                }
            }
            _ => {
                return Err(format!(
                    "no map {part:?}: give map numbers from 1 to {map_count}, separated by commas"
                ));
            }
        }
    }
    Ok(maps)
}

/// A composed booklet, ready to write: its pages, bookmarks and metadata.
#[derive(Clone, Debug)]
pub struct Composed {
    /// The pages, header and footer included.
    pub pages: Vec<PdfPage>,
    /// The outline.
    pub bookmarks: Vec<Bookmark>,
    /// Title, author, subject, language.
    pub info: DocumentInfo,
}

/// A written booklet.
#[derive(Debug)]
pub struct Booklet {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// The composed pages it was written from (for checks).
    pub composed: Composed,
    /// Per page, every line of text painted on it.
    pub page_texts: Vec<Vec<String>>,
    /// Advice, such as a study with errors.
    pub warnings: Vec<String>,
}

/// How far the work has come, for a progress bar: a fraction from 0 to 1 and what is being
/// done.
pub type Progress<'a> = &'a mut dyn FnMut(f32, &str);

/// Composes and writes the booklet of `study`.
///
/// # Errors
/// [`ExportError::Render`] when the PDF cannot be written, or when the study has no maps
/// to show.
pub fn booklet(
    study: &Study,
    settings: &BookletSettings,
    progress: Progress<'_>,
) -> Result<Booklet, ExportError> {
    let composed = compose(study, settings, progress)?;
    progress(0.9, "Writing the PDF");
    let written =
        write_pdf(&composed.pages, &composed.bookmarks, &composed.info).map_err(ExportError::Render)?;
    progress(1.0, "Done");
    let mut warnings = Vec::new();
    if let Some(warning) = super::invalid_study_warning(study, "booklet") {
        warnings.push(warning);
    }
    let scenes = composed.pages.iter().flat_map(|p| p.layers.iter().map(|l| l.scene.as_ref()));
    warnings.extend(crate::layout::text::uncovered_warning(scenes));
    Ok(Booklet { bytes: written.bytes, composed, page_texts: written.page_texts, warnings })
}

/// The maps a booklet shows.
fn chosen_maps<'a>(study: &'a Study, settings: &BookletSettings) -> Vec<&'a JourneyMap> {
    if settings.maps.is_empty() {
        study.maps.iter().collect()
    } else {
        settings.maps.iter().filter_map(|&i| study.maps.get(i)).collect()
    }
}

/// The study's name for headers and metadata.
fn study_title(study: &Study) -> String {
    if study.meta.title.trim().is_empty() { "Journey study".to_owned() } else { study.meta.title.clone() }
}

/// One line of the contents: its title, its level (0 sections, 1 maps), where it leads.
struct Entry {
    title: String,
    level: usize,
    place: Place,
}

/// Lays out every page of the booklet.
///
/// # Errors
/// [`ExportError::Render`] when the paper has no fixed size or no map is chosen.
pub fn compose(
    study: &Study,
    settings: &BookletSettings,
    progress: Progress<'_>,
) -> Result<Composed, ExportError> {
    let Some((short, long)) = settings.paper.size_mm() else {
        return Err(ExportError::Render("a booklet needs a fixed paper such as a4 or letter".to_owned()));
    };
    let maps = chosen_maps(study, settings);
    if maps.is_empty()
        && settings.sections.iter().any(|s| matches!(s, Section::Maps | Section::Stages | Section::Summary))
    {
        return Err(ExportError::Render("the study has no maps for the booklet".to_owned()));
    }
    let pt = crate::export::paper::PT_PER_MM;
    let mut flow = Flow::new(short * pt, long * pt);
    let has = |s: Section| settings.sections.contains(&s);
    let mut entries: Vec<Entry> = Vec::new();
    let mut bookmarks: Vec<Bookmark> = Vec::new();
    let mut contents_pages = 0..0;
    if has(Section::Cover) {
        flow.set_header("");
        sections::cover(&mut flow, study, &maps);
        // Reserve the contents pages: their number follows from the number of entries.
        let planned = planned_entries(settings, &maps);
        let per_page = contents_lines_per_page(&flow);
        let count = planned.div_ceil(per_page.max(1)).max(1);
        flow.set_header("Contents");
        let first = flow.pages.len();
        for _ in 0..count {
            flow.new_page();
        }
        contents_pages = first..first + count;
        bookmarks.push(mark("Contents", Place { page: first, y: 0.0 }));
    }
    let total_steps = settings.sections.len().max(1);
    for (step, section) in settings.sections.iter().enumerate() {
        #[allow(clippy::cast_precision_loss, reason = "a few sections")]
        progress(0.8 * step as f32 / total_steps as f32, section.label());
        let (title, children) = match section {
            Section::Cover => continue,
            Section::Summary => ("Executive summary", Some(sections::summary(&mut flow, study, &maps))),
            Section::Maps => ("Maps", sections::maps(&mut flow, study, &maps, settings.paper)),
            Section::Stages => ("Stages", Some(sections::stages(&mut flow, study, &maps))),
            Section::Owners => ("Owners' responsibilities", sections::owners(&mut flow, study, &maps)),
            Section::Plan => ("Improvement plan", Some(sections::plan(&mut flow, study, &maps))),
            Section::Personas => {
                let (place, children) = sections::personas(&mut flow, study, &maps);
                entries.push(Entry { title: "Personas, sources and notes".to_owned(), level: 0, place });
                bookmarks.push(Bookmark {
                    title: "Personas, sources and notes".to_owned(),
                    page: place.page,
                    y: place.y,
                    children,
                });
                continue;
            }
        };
        let Some((place, children)) = children else { continue };
        entries.push(Entry { title: title.to_owned(), level: 0, place });
        for child in &children {
            if matches!(section, Section::Summary | Section::Maps | Section::Stages) {
                entries.push(Entry {
                    title: child.title.clone(),
                    level: 1,
                    place: Place { page: child.page, y: child.y },
                });
            }
        }
        bookmarks.push(Bookmark { title: title.to_owned(), page: place.page, y: place.y, children });
    }
    if !contents_pages.is_empty() {
        write_contents(&mut flow, &entries, contents_pages.clone());
    }
    let title = study_title(study);
    let pages = finish_pages(flow.pages, &title);
    let subject = format!(
        "Customer journey booklet: {}",
        maps.iter().map(|m| m.title.as_str()).collect::<Vec<_>>().join(", ")
    );
    let info = DocumentInfo {
        title,
        author: study.meta.author.clone(),
        subject,
        language: "en".to_owned(),
        date: study.meta.last_reviewed.or(study.meta.created),
    };
    Ok(Composed { pages, bookmarks, info })
}

fn mark(title: &str, place: Place) -> Bookmark {
    Bookmark { title: title.to_owned(), page: place.page, y: place.y, children: Vec::new() }
}

/// How many entries the contents will list (as [`compose`] adds them).
fn planned_entries(settings: &BookletSettings, maps: &[&JourneyMap]) -> usize {
    settings
        .sections
        .iter()
        .map(|s| match s {
            Section::Cover => 0,
            Section::Summary | Section::Maps | Section::Stages => 1 + maps.len(),
            Section::Owners | Section::Plan | Section::Personas => 1,
        })
        .sum()
}

/// The height of a line of the contents.
const CONTENTS_LINE: f32 = size::BODY * 2.0;

fn contents_lines_per_page(flow: &Flow) -> usize {
    let (_, height) = flow.pages.last().map_or((0.0, 842.0), |p| (p.width, p.height));
    let usable = height - flow::MARGIN_TOP - flow::MARGIN_BOTTOM - size::H1 * 3.0;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a page of lines")]
    let lines = (usable / CONTENTS_LINE).floor().clamp(1.0, 1000.0) as usize;
    lines
}

/// Writes the contents into its reserved pages: each entry with its page number, both links.
fn write_contents(flow: &mut Flow, entries: &[Entry], pages: std::ops::Range<usize>) {
    let mut scratch = Flow::new(flow.pages[pages.start].width, flow.pages[pages.start].height);
    scratch.set_header("Contents");
    scratch.new_page();
    scratch.heading("Contents", size::H1, CONTENTS_LINE);
    let per_page = contents_lines_per_page(flow);
    for (index, entry) in entries.iter().enumerate() {
        if index > 0 && index % per_page == 0 {
            scratch.new_page();
            scratch.heading("Contents (continued)", size::H1, CONTENTS_LINE);
        }
        scratch.ensure(CONTENTS_LINE);
        let here = scratch.here();
        let (text_size, weight, indent) = if entry.level == 0 {
            (size::BODY + 1.0, Weight::Bold, 0.0)
        } else {
            (size::BODY, Weight::Regular, 16.0)
        };
        let baseline = here.y + CONTENTS_LINE * 0.7;
        let page = scratch.pages.last().map_or(595.0, |p| p.width);
        let right = page - MARGIN_SIDE;
        let number = (entry.place.page + 1).to_string();
        let number_box = scratch.text_at(
            right,
            baseline,
            &number,
            text_size,
            weight,
            crate::layout::style::INK,
            Anchor::End,
        );
        // Titles longer than the line are cut with an ellipsis, keeping clear of the number.
        let room = number_box.min.x - MARGIN_SIDE - indent - 12.0;
        let title = fit_line(&entry.title, text_size, weight, room);
        let title_box = scratch.text_at(
            MARGIN_SIDE + indent,
            baseline,
            &title,
            text_size,
            weight,
            crate::layout::style::INK,
            Anchor::Start,
        );
        let leader_y = baseline - 1.0;
        if number_box.min.x - title_box.max.x > 16.0 {
            scratch.shape(Shape::Line {
                points: vec![
                    Point::new(title_box.max.x + 6.0, leader_y),
                    Point::new(number_box.min.x - 6.0, leader_y),
                ],
                stroke: Stroke::dashed(0.6, crate::layout::style::RULE, 1.0, 2.5),
            });
        }
        let rect = crate::layout::Rect::from_xywh(MARGIN_SIDE, here.y, right - MARGIN_SIDE, CONTENTS_LINE);
        scratch.link(rect, entry.place);
        scratch.advance(CONTENTS_LINE);
    }
    for (offset, page) in scratch.pages.into_iter().enumerate() {
        if let Some(slot) = flow.pages.get_mut(pages.start + offset)
            && offset < pages.len()
        {
            *slot = page;
        }
    }
}

/// `text` cut with an ellipsis to fit `width` points.
fn fit_line(text: &str, size: f32, weight: Weight, width: f32) -> String {
    use crate::layout::TextMeasure as _;
    let measure = crate::layout::FontMeasure::shared();
    if measure.width(text, size, weight) <= width {
        return text.to_owned();
    }
    let mut cut: String = String::new();
    for ch in text.chars() {
        cut.push(ch);
        if measure.width(&format!("{cut}…"), size, weight) > width {
            cut.pop();
            break;
        }
    }
    format!("{}…", cut.trim_end())
}

/// The finished pages: each draft's own scene under its placed scenes, the running header
/// and the footer (study, page n of m) added.
fn finish_pages(drafts: Vec<DraftPage>, study: &str) -> Vec<PdfPage> {
    let count = drafts.len();
    let measure = crate::layout::FontMeasure::shared();
    drafts
        .into_iter()
        .enumerate()
        .map(|(index, mut draft)| {
            let (w, h) = (draft.width, draft.height);
            let mut furniture = |text: &str, x: f32, y: f32, anchor: Anchor| {
                use crate::layout::TextMeasure as _;
                let width = measure.width(text, size::SMALL, Weight::Regular);
                draft.scene.items.push(crate::layout::Item {
                    shape: Shape::Text(crate::layout::TextRun {
                        origin: Point::new(x, y),
                        text: text.to_owned(),
                        size: size::SMALL,
                        weight: Weight::Regular,
                        colour: SECONDARY,
                        anchor,
                        width,
                        right_to_left: false,
                    }),
                    role: crate::layout::Role::Chrome,
                });
            };
            let footer_y = h - flow::MARGIN_BOTTOM + 26.0;
            let number = format!("Page {} of {count}", index + 1);
            let number_width = {
                use crate::layout::TextMeasure as _;
                measure.width(&number, size::SMALL, Weight::Regular)
            };
            let room = w - 2.0 * MARGIN_SIDE - number_width - 24.0;
            furniture(
                &fit_line(study, size::SMALL, Weight::Regular, room),
                MARGIN_SIDE,
                footer_y,
                Anchor::Start,
            );
            furniture(&number, w - MARGIN_SIDE, footer_y, Anchor::End);
            if index > 0 && !draft.header.is_empty() {
                let header = fit_line(&draft.header, size::SMALL, Weight::Regular, w - 2.0 * MARGIN_SIDE);
                furniture(&header, MARGIN_SIDE, flow::MARGIN_TOP - 22.0, Anchor::Start);
                let y = flow::MARGIN_TOP - 16.0;
                draft.scene.items.push(crate::layout::Item {
                    shape: Shape::Line {
                        points: vec![Point::new(MARGIN_SIDE, y), Point::new(w - MARGIN_SIDE, y)],
                        stroke: Stroke::solid(0.5, crate::layout::style::RULE),
                    },
                    role: crate::layout::Role::Chrome,
                });
            }
            let mut layers = Vec::with_capacity(draft.placed.len() + 1);
            layers.push(Placed { scene: Arc::new(draft.scene), scale: 1.0, offset: (0.0, 0.0), clip: None });
            layers.extend(draft.placed);
            PdfPage { width_pt: w, height_pt: h, layers, links: draft.links }
        })
        .collect()
}
