//! Checks every scene must pass, wherever it is printed: nothing overlaps within a layer, no
//! text leaves its card or the page, no shape leaves the page.

use wayline::layout::{Layer, Rect, Role, Scene, Shape};

/// The first broken promise of `scene`, if any.
pub fn check_scene(scene: &Scene) -> Result<(), String> {
    if !(scene.width.is_finite() && scene.height.is_finite() && scene.width > 0.0 && scene.height > 0.0) {
        return Err(format!("bad scene size {} × {}", scene.width, scene.height));
    }
    let page = Rect::from_xywh(0.0, 0.0, scene.width, scene.height);
    for (i, a) in scene.regions.iter().enumerate() {
        if !page.contains_rect(&a.rect, 0.5) {
            return Err(format!("{:?} {:?} lies outside the page {page:?}", a.role, a.rect));
        }
        for b in &scene.regions[i + 1..] {
            if a.layer == b.layer && a.rect.overlaps(&b.rect) && a.role != b.role {
                return Err(format!(
                    "{:?} {:?} overlaps {:?} {:?} in {:?}",
                    a.role, a.rect, b.role, b.rect, a.layer
                ));
            }
        }
    }
    for (run, role) in scene.texts() {
        let bounds = run.bounds();
        if !page.contains_rect(&bounds, 0.5) {
            return Err(format!("text {:?} at {bounds:?} leaves the page", run.text));
        }
        if let Role::Card(_) = role {
            let inside = scene
                .regions
                .iter()
                .any(|r| r.role == role && r.layer == Layer::Cards && r.rect.contains_rect(&bounds, 0.5));
            if !inside {
                return Err(format!("text {:?} at {bounds:?} spills out of its card {role:?}", run.text));
            }
        }
    }
    for item in &scene.items {
        if let Shape::Rect { rect, .. } = &item.shape
            && !page.contains_rect(rect, 0.5)
        {
            return Err(format!("rectangle {rect:?} of {:?} leaves the page", item.role));
        }
    }
    Ok(())
}

/// The bounding box of a shape, its stroke included.
pub fn shape_bounds(shape: &Shape) -> Rect {
    let grow = |rect: Rect, by: f32| {
        Rect::from_xywh(rect.min.x - by, rect.min.y - by, rect.width() + 2.0 * by, rect.height() + 2.0 * by)
    };
    let around = |points: &[wayline::layout::Point]| {
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for p in points {
            (min_x, min_y, max_x, max_y) = (min_x.min(p.x), min_y.min(p.y), max_x.max(p.x), max_y.max(p.y));
        }
        Rect::from_xywh(min_x, min_y, max_x - min_x, max_y - min_y)
    };
    match shape {
        Shape::Rect { rect, stroke, .. } => grow(*rect, stroke.map_or(0.0, |s| s.width / 2.0)),
        Shape::Polygon { points, stroke, .. } => grow(around(points), stroke.map_or(0.0, |s| s.width / 2.0)),
        Shape::Line { points, stroke } => grow(around(points), stroke.width / 2.0),
        Shape::Circle { centre, radius, stroke, .. } => {
            let r = radius + stroke.map_or(0.0, |s| s.width / 2.0);
            Rect::from_xywh(centre.x - r, centre.y - r, 2.0 * r, 2.0 * r)
        }
        Shape::Text(run) => run.bounds(),
    }
}

/// The first item of `sheet` that reaches into the 8 mm print margin of its page, with where
/// it reaches on the page, in points.
pub fn in_margin(sheet: &wayline::export::fit::Sheet) -> Option<(&wayline::layout::Item, Rect)> {
    use wayline::export::paper::{PRINT_MARGIN_MM, PT_PER_MM};
    let margin = PRINT_MARGIN_MM * PT_PER_MM;
    let page = &sheet.page;
    sheet.scene.items.iter().find_map(|item| {
        let b = shape_bounds(&item.shape);
        let on_page = Rect::from_xywh(
            page.offset_x + b.min.x * page.scale,
            page.offset_y + b.min.y * page.scale,
            b.width() * page.scale,
            b.height() * page.scale,
        );
        let inside = on_page.min.x >= margin - 0.01
            && on_page.min.y >= margin - 0.01
            && on_page.max.x <= page.width_pt - margin + 0.01
            && on_page.max.y <= page.height_pt - margin + 0.01;
        (!inside).then_some((item, on_page))
    })
}
