//! The poster's furniture: the title block at the top (title, study, state and kind badges,
//! facts and sources), the legend (only what the map uses) and the footer at the bottom.

use super::builder::Builder;
use super::card;
use super::figures::{self, Figure};
use super::geometry::{Point, Rect};
use super::markers::{self, Marker};
use super::scene::{Anchor, Layer, Role, Stroke, Weight};
use super::style::{self, UNIT, size};
use super::used::Used;
use crate::analysis::MetricStatus;
use crate::model::{JourneyMap, MapState, Priority, Study};

/// The longest line of the sources line (the map's description).
const SOURCES_WIDTH: f32 = 240.0 * UNIT;

/// Draws the title block across `width` with its top at `top`; returns its height.
pub(crate) fn title_block(
    builder: &mut Builder<'_>,
    study: &Study,
    map: &JourneyMap,
    left: f32,
    top: f32,
    width: f32,
) -> f32 {
    let title = if map.title.trim().is_empty() { "Untitled map" } else { map.title.as_str() };
    let title = builder.paragraph(title, size::MAP_TITLE, Weight::Bold, width);
    let study_line = [study.meta.title.as_str(), study.meta.organisation.as_str()]
        .iter()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    let study_line = builder.paragraph(&study_line, size::SUBTITLE, Weight::Regular, width);

    let mut facts = Vec::new();
    if let Some(persona) = map.persona.and_then(|id| study.persona(id)) {
        if persona.role.trim().is_empty() {
            facts.push(format!("Persona: {}", persona.name));
        } else {
            facts.push(format!("Persona: {} ({})", persona.name, persona.role));
        }
    }
    if let Some(focus) = &map.focus
        && let Some(parent) = study.map(focus.map)
    {
        facts.push(format!("Zooms into: {}", parent.title));
    }
    match study.meta.last_reviewed {
        Some(date) => facts.push(format!("Last reviewed {date}")),
        None => facts.push("Not reviewed yet".to_owned()),
    }
    if let Some(due) = study.meta.review_due() {
        facts.push(format!("Review due {due}"));
    }
    let facts = builder.paragraph(&facts.join("  ·  "), size::BODY, Weight::Regular, width);
    // A measure a reader's eye can follow, however wide the poster.
    let sources =
        builder.paragraph(map.description.trim(), size::BODY, Weight::Regular, width.min(SOURCES_WIDTH));

    let mut y = top;
    let height = title.height();
    builder.region(Rect::from_xywh(left, y, title.width(), height), Role::Chrome, Layer::Labels);
    y += builder.place(&title, left, y, style::INK, Anchor::Start, Role::Chrome) + 2.0 * UNIT;
    if !study_line.is_empty() {
        builder.region(
            Rect::from_xywh(left, y, study_line.width(), study_line.height()),
            Role::Chrome,
            Layer::Labels,
        );
        y += builder.place(&study_line, left, y, style::SECONDARY, Anchor::Start, Role::Chrome) + 1.5 * UNIT;
    }
    y += badges(builder, map, left, y, width) + 2.0 * UNIT;
    builder.region(Rect::from_xywh(left, y, facts.width(), facts.height()), Role::Chrome, Layer::Labels);
    y += builder.place(&facts, left, y, style::SECONDARY, Anchor::Start, Role::Chrome) + 1.5 * UNIT;
    if !sources.is_empty() {
        builder.region(
            Rect::from_xywh(left, y, sources.width(), sources.height()),
            Role::Chrome,
            Layer::Labels,
        );
        y += builder.place(&sources, left, y, style::SECONDARY, Anchor::Start, Role::Chrome) + 1.5 * UNIT;
    }
    y += 1.5 * UNIT;
    builder.rect(Rect::from_xywh(left, y, width, 0.75 * UNIT), 0.0, Some(style::SPINE), None, Role::Chrome);
    y += 0.75 * UNIT;
    y - top
}

/// The pills saying what the map is: its state, filled ("CURRENT STATE", "FUTURE STATE"),
/// and its kind, outlined. Returns their height.
fn badges(builder: &mut Builder<'_>, map: &JourneyMap, left: f32, top: f32, width: f32) -> f32 {
    let height = 7.0 * UNIT;
    let pad = 2.5 * UNIT;
    let state = map.state.label().to_uppercase();
    let fill = match map.state {
        MapState::Current => style::SPINE,
        MapState::Future => style::ELICITED,
    };
    let mut x = left;
    let baseline = top + height / 2.0 + size::HEADING * 0.36;
    for (text, filled) in [(state, true), (map.kind.label().to_owned(), false)] {
        let text_width = builder.measure.width(&text, size::HEADING, Weight::Bold);
        let pill = Rect::from_xywh(x, top, (text_width + 2.0 * pad).min(width), height);
        let (pill_fill, stroke, ink) = if filled {
            (fill, None, style::ON_SPINE)
        } else {
            (style::PAPER, Some(Stroke::solid(1.25, style::SPINE)), style::SPINE)
        };
        builder.rect(pill, height / 2.0, Some(pill_fill), stroke, Role::Chrome);
        builder.region(pill, Role::Chrome, Layer::Labels);
        builder.text(
            Point::new(x + pad, baseline),
            &text,
            size::HEADING,
            Weight::Bold,
            ink,
            Anchor::Start,
            Role::Chrome,
        );
        x += pill.width() + 2.0 * UNIT;
    }
    height
}

/// One legend entry: a sample drawn in a square, then its label.
enum Sample {
    Marker(Marker),
    Rag(markers::Rag),
    Gauge,
    Line { stroke: Stroke, arrow: bool },
    Handoff,
    Priority(Priority),
    Chip(crate::model::Colour),
    Note(usize),
    Figure(Figure),
    OffScale,
    EmotionMean,
    Metric(MetricStatus),
    Done,
    Review,
    Detail,
}

/// Draws the legend across `width` with its top at `top`; returns its height.
pub(crate) fn legend(
    builder: &mut Builder<'_>,
    study: &Study,
    used: &Used,
    left: f32,
    top: f32,
    width: f32,
) -> f32 {
    let entries = legend_entries(study, used);
    if entries.is_empty() {
        return 0.0;
    }

    let heading = builder.paragraph("Legend", size::HEADING, Weight::Bold, width);
    builder.region(
        Rect::from_xywh(left, top, heading.width(), heading.height()),
        Role::Chrome,
        Layer::Labels,
    );
    let y = top + builder.place(&heading, left, top, style::INK, Anchor::Start, Role::Chrome) + 2.0 * UNIT;

    let sample_width = |builder: &Builder<'_>, sample: &Sample| match sample {
        Sample::Gauge => 24.0 * UNIT,
        Sample::Line { .. } | Sample::EmotionMean => 10.0 * UNIT,
        Sample::Figure(figure) => figure.width(builder),
        _ => 4.5 * UNIT,
    };
    // Every entry sits on a row as tall as a figure; a wrapped label makes its row taller, and
    // the next row starts below the tallest entry of the one before.
    let row_height = figures::ROW;
    let label_offset = row_height / 2.0 - size::BODY * 0.55;
    let label_limit = (width * 0.45).max(40.0 * UNIT);
    let mut x = left;
    let mut row_top = y;
    let mut row_bottom = y + row_height;
    for (sample, label) in &entries {
        let label = builder.paragraph(label, size::BODY, Weight::Regular, label_limit).fitted();
        let sample_width = sample_width(builder, sample);
        let entry_width = sample_width + 1.5 * UNIT + label.width();
        let entry_height = (label_offset + label.height()).max(row_height);
        if x > left && x + entry_width > left + width {
            x = left;
            row_top = row_bottom + 2.0 * UNIT;
            row_bottom = row_top + row_height;
        }
        draw_sample(builder, sample, Point::new(x, row_top + row_height / 2.0), sample_width);
        let text_x = x + sample_width + 1.5 * UNIT;
        builder.region(Rect::from_xywh(x, row_top, entry_width, entry_height), Role::Chrome, Layer::Labels);
        builder.place(&label, text_x, row_top + label_offset, style::INK, Anchor::Start, Role::Chrome);
        row_bottom = row_bottom.max(row_top + entry_height);
        x += entry_width + 6.0 * UNIT;
    }
    row_bottom - top
}

/// Every legend entry the map's body used, in reading order: marks, numbers, lines, plan,
/// owners and link notes.
fn legend_entries(study: &Study, used: &Used) -> Vec<(Sample, String)> {
    let mut entries: Vec<(Sample, String)> = Vec::new();
    for marker in &used.markers {
        entries.push((Sample::Marker(*marker), marker.label().to_owned()));
    }
    for rag in &used.rag {
        entries.push((Sample::Rag(*rag), rag.label().to_owned()));
    }
    figure_entries(used, &mut entries);
    if used.gauge {
        entries.push((
            Sample::Gauge,
            "Performance 1–10: internal view (hollow), customer view (filled), gap between".to_owned(),
        ));
    }
    if used.flow {
        entries.push((
            Sample::Line { stroke: Stroke::solid(1.25, style::CONNECTOR), arrow: true },
            "Flow".to_owned(),
        ));
    }
    if used.dependency {
        entries.push((
            Sample::Line { stroke: Stroke::dashed(1.25, style::CONNECTOR, 4.0, 3.0), arrow: true },
            "Dependency".to_owned(),
        ));
    }
    if used.handoff {
        entries.push((Sample::Handoff, "Handoff: the accountable owner changes".to_owned()));
    }
    if used.elicited {
        entries.push((
            Sample::Line { stroke: Stroke::solid(2.5, style::ELICITED), arrow: false },
            "Emotion felt (elicited)".to_owned(),
        ));
    }
    if used.desired {
        entries.push((
            Sample::Line { stroke: Stroke::dashed(2.0, style::DESIRED, 6.0, 4.0), arrow: false },
            "Emotion wanted (desired)".to_owned(),
        ));
    }
    if used.emotion_mean {
        entries.push((
            Sample::EmotionMean,
            "Emotion felt per stage: its own, else its touchpoints’ mean".to_owned(),
        ));
    }
    for status in &used.metric_status {
        let label = match status {
            MetricStatus::Met => "Stage metric meets its target",
            MetricStatus::Missed => "Stage metric misses its target",
            MetricStatus::Unknown => "Stage metric without a value or target",
        };
        entries.push((Sample::Metric(*status), label.to_owned()));
    }
    if used.priorities {
        for priority in Priority::ALL {
            entries.push((Sample::Priority(priority), format!("{} priority", priority.label())));
        }
    }
    if used.done {
        entries.push((Sample::Done, "Done (muted)".to_owned()));
    }
    if used.detail {
        entries.push((Sample::Detail, "Detailed step by step in the map it names".to_owned()));
    }
    for owner in &study.owners {
        if used.owners.contains(&owner.id) {
            let name = if owner.name.trim().is_empty() { "Unnamed owner" } else { owner.name.as_str() };
            entries.push((Sample::Chip(owner.colour), name.to_owned()));
        }
    }
    for (number, label) in &used.link_notes {
        entries.push((Sample::Note(*number), label.clone()));
    }
    entries
}

/// The legend entries for the numbers on cards, in the order a card shows them.
fn figure_entries(used: &Used, entries: &mut Vec<(Sample, String)>) {
    let samples = [
        (
            used.performance,
            Figure::performance(4.0),
            "Customer performance 1–10, tinted red (low) to green (high)",
        ),
        (used.importance, Figure::importance(8.0), "Importance to customers 1–10"),
        (
            used.gap,
            Figure::gap(2.5),
            "Performance gap: internal minus customer score (+ means we rate ourselves higher)",
        ),
    ];
    for (shown, figure, label) in samples {
        if let (true, Some(figure)) = (shown, figure) {
            entries.push((Sample::Figure(figure), label.to_owned()));
        }
    }
    if used.rollup {
        let sample = crate::analysis::RollUp {
            map: crate::model::MapId(0),
            steps: crate::analysis::rollup::Steps {
                customer: crate::analysis::ViewRollUp {
                    mean: Some(6.1),
                    min: Some(3.0),
                    max: Some(8.0),
                    ..Default::default()
                },
                ..Default::default()
            },
            stated: crate::model::ViewScores::default(),
        };
        if let Some(figure) = Figure::rollup(&sample, crate::analysis::View::Customer) {
            entries.push((
                Sample::Figure(figure),
                "Steps: customer performance rolled up from the touchpoint’s detail map (its steps’ mean weighted by importance), then lowest–highest".to_owned(),
            ));
        }
    }
    if used.review {
        entries.push((
            Sample::Review,
            "Marked for review: stated and step performance differ by 2 or more (either view)".to_owned(),
        ));
    }
    if used.keys {
        entries.push((
            Sample::Figure(Figure::key(1)),
            "Recommendation number, on the card it fixes and in the recommendations".to_owned(),
        ));
    }
    if used.off_scale {
        entries.push((Sample::OffScale, "Off scale: a value outside its scale, printed as it is and marked “off scale” (on a gauge or the emotion band, at the end with this arrow)".to_owned()));
    }
}

fn draw_sample(builder: &mut Builder<'_>, sample: &Sample, at: Point, width: f32) {
    let marker = 3.5 * UNIT;
    let square = Point::new(at.x, at.y - marker / 2.0);
    let role = Role::Chrome;
    match sample {
        Sample::Marker(m) => markers::draw(builder, *m, square, marker, role),
        Sample::Detail => super::detail_mark::icon(builder, square, marker, role),
        Sample::Rag(rag) => {
            markers::status(builder, *rag, Point::new(at.x + 2.25 * UNIT, at.y), 4.5 * UNIT, role);
        }
        Sample::Gauge => {
            card::legend_gauge(builder, Rect::from_xywh(at.x, at.y - 2.0 * UNIT, width, 4.0 * UNIT));
        }
        Sample::Line { stroke, arrow } => {
            let end = Point::new(at.x + width, at.y);
            if *arrow {
                let connector = super::routing::Connector {
                    points: vec![at, end],
                    dashed: stroke.dash.is_some(),
                    role,
                    handoff: false,
                    note: None,
                };
                super::routing::draw_lines(builder, std::slice::from_ref(&connector));
            } else {
                builder.line(vec![at, end], *stroke, role);
            }
        }
        Sample::Handoff => {
            builder.line(
                vec![at, Point::new(at.x + width, at.y)],
                Stroke::solid(1.25, style::CONNECTOR),
                role,
            );
            let centre = Point::new(at.x + width / 2.0, at.y);
            markers::handoff(builder, centre, Point::new(1.0, 0.0), style::CONNECTOR, role);
        }
        Sample::Priority(p) => markers::priority(builder, *p, Point::new(at.x, at.y), 4.5 * UNIT, role),
        Sample::Chip(colour) => builder.rect(
            Rect::from_xywh(at.x, at.y - marker / 2.0, marker, marker),
            0.5,
            Some(*colour),
            Some(Stroke::solid(0.75, style::OWNER_OUTLINE)),
            role,
        ),
        Sample::Figure(figure) => {
            figure.draw(builder, at.x, at.y - figures::ROW / 2.0, role);
        }
        Sample::OffScale => {
            markers::off_scale(builder, Point::new(at.x + marker, at.y), (1.0, 0.0), marker, role);
        }
        Sample::EmotionMean => builder.rect(
            Rect::from_xywh(at.x, at.y - UNIT, width, 2.0 * UNIT),
            UNIT,
            Some(style::EMOTION_MEAN),
            None,
            role,
        ),
        Sample::Metric(status) => {
            markers::metric_status(builder, *status, Point::new(at.x + 2.25 * UNIT, at.y), 4.5 * UNIT, role);
        }
        Sample::Done => markers::priority_done(builder, Priority::High, at, 4.5 * UNIT, role),
        Sample::Review => figures::review_flag(builder, square, marker, role),
        Sample::Note(number) => {
            let rect = Rect::from_xywh(
                at.x - UNIT / 2.0,
                at.y - f32::midpoint(size::SMALL, UNIT),
                width + UNIT,
                size::SMALL + UNIT,
            );
            builder.rect(
                rect,
                rect.height() / 2.0,
                Some(style::PAPER),
                Some(Stroke::solid(1.0, style::CONNECTOR)),
                role,
            );
            builder.text(
                Point::new(rect.centre().x, at.y + size::SMALL * 0.36),
                &number.to_string(),
                size::SMALL,
                Weight::Bold,
                style::INK,
                Anchor::Middle,
                role,
            );
        }
    }
}

/// Draws the footer across `width` with its top at `top`; returns its height.
pub(crate) fn footer(builder: &mut Builder<'_>, study: &Study, left: f32, top: f32, width: f32) -> f32 {
    let meta = &study.meta;
    let mut about: Vec<String> = [meta.title.clone(), meta.organisation.clone()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !meta.author.trim().is_empty() {
        about.push(format!("prepared by {}", meta.author));
    }
    let mut dates = Vec::new();
    if let Some(created) = meta.created {
        dates.push(format!("Created {created}"));
    }
    if let Some(reviewed) = meta.last_reviewed {
        dates.push(format!("last reviewed {reviewed}"));
    }
    let about = builder.paragraph(&about.join(" · "), size::SMALL, Weight::Regular, width);
    let dates = builder.paragraph(&dates.join(" · "), size::SMALL, Weight::Regular, width);
    builder.line(
        vec![Point::new(left, top), Point::new(left + width, top)],
        Stroke::solid(0.75, style::RULE),
        Role::Chrome,
    );
    let y = top + 2.0 * UNIT;
    builder.place(&about, left, y, style::SECONDARY, Anchor::Start, Role::Chrome);
    builder.region(Rect::from_xywh(left, y, about.width(), about.height()), Role::Chrome, Layer::Labels);
    let side_by_side = about.width() + dates.width() + 8.0 * UNIT <= width && about.lines.len() <= 1;
    let dates_top = if side_by_side { y } else { y + about.height() + UNIT };
    if !dates.is_empty() {
        let anchor_x = if side_by_side { left + width } else { left };
        let anchor = if side_by_side { Anchor::End } else { Anchor::Start };
        let rect_left = if side_by_side { left + width - dates.width() } else { left };
        builder.region(
            Rect::from_xywh(rect_left, dates_top, dates.width(), dates.height()),
            Role::Chrome,
            Layer::Labels,
        );
        builder.place(&dates, anchor_x, dates_top, style::SECONDARY, anchor, Role::Chrome);
    }
    (dates_top + dates.height()).max(y + about.height()) - top
}
