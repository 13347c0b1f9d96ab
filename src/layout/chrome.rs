//! The poster's furniture: the title block at the top, the legend and the footer at the bottom.

use super::builder::Builder;
use super::card;
use super::geometry::{Point, Rect};
use super::markers::{self, Marker};
use super::scene::{Anchor, Layer, Role, Stroke, Weight};
use super::style::{self, UNIT, size};
use super::used::Used;
use crate::model::{JourneyMap, Priority, Study};

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

    let mut facts = vec![map.kind.label().to_owned(), map.state.label().to_owned()];
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
    builder.region(Rect::from_xywh(left, y, facts.width(), facts.height()), Role::Chrome, Layer::Labels);
    y += builder.place(&facts, left, y, style::SECONDARY, Anchor::Start, Role::Chrome) + 3.0 * UNIT;
    builder.rect(Rect::from_xywh(left, y, width, 0.75 * UNIT), 0.0, Some(style::SPINE), None, Role::Chrome);
    y += 0.75 * UNIT;
    y - top
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
    let mut entries: Vec<(Sample, String)> = Vec::new();
    for marker in &used.markers {
        entries.push((Sample::Marker(*marker), marker.label().to_owned()));
    }
    for rag in &used.rag {
        entries.push((Sample::Rag(*rag), rag.label().to_owned()));
    }
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
    if used.priorities {
        for priority in Priority::ALL {
            entries.push((Sample::Priority(priority), format!("{} priority", priority.label())));
        }
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
    if entries.is_empty() {
        return 0.0;
    }

    let heading = builder.paragraph("Legend", size::HEADING, Weight::Bold, width);
    builder.region(
        Rect::from_xywh(left, top, heading.width(), heading.height()),
        Role::Chrome,
        Layer::Labels,
    );
    let mut y =
        top + builder.place(&heading, left, top, style::INK, Anchor::Start, Role::Chrome) + 2.0 * UNIT;

    let sample_width = |sample: &Sample| match sample {
        Sample::Gauge => 24.0 * UNIT,
        Sample::Line { .. } => 10.0 * UNIT,
        _ => 4.0 * UNIT,
    };
    let row_height = size::BODY * 1.6;
    let label_limit = (width * 0.45).max(40.0 * UNIT);
    let mut x = left;
    for (sample, label) in &entries {
        let label = builder.paragraph(label, size::BODY, Weight::Regular, label_limit);
        let entry_width = sample_width(sample) + 1.5 * UNIT + label.width();
        let entry_height = label.height().max(row_height);
        if x > left && x + entry_width > left + width {
            x = left;
            y += row_height + 2.0 * UNIT;
        }
        let middle = y + size::BODY * 0.55;
        draw_sample(builder, sample, Point::new(x, middle), sample_width(sample));
        let text_x = x + sample_width(sample) + 1.5 * UNIT;
        builder.region(Rect::from_xywh(x, y, entry_width, entry_height), Role::Chrome, Layer::Labels);
        builder.place(&label, text_x, y, style::INK, Anchor::Start, Role::Chrome);
        x += entry_width + 6.0 * UNIT;
        if entry_height > row_height {
            // A wrapped label takes the row to itself.
            x = left;
            y += entry_height + 2.0 * UNIT - row_height;
        }
    }
    y += row_height;
    y - top
}

fn draw_sample(builder: &mut Builder<'_>, sample: &Sample, at: Point, width: f32) {
    let marker = 3.5 * UNIT;
    let square = Point::new(at.x, at.y - marker / 2.0);
    let role = Role::Chrome;
    match sample {
        Sample::Marker(m) => markers::draw(builder, *m, square, marker, role),
        Sample::Rag(rag) => {
            markers::status(builder, *rag, Point::new(at.x + marker / 2.0, at.y), marker, role);
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
                super::routing::draw(builder, &connector);
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
        Sample::Priority(p) => markers::priority(builder, *p, Point::new(at.x, at.y), marker, role),
        Sample::Chip(colour) => builder.rect(
            Rect::from_xywh(at.x, at.y - marker / 2.0, marker, marker),
            0.5,
            Some(*colour),
            None,
            role,
        ),
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
