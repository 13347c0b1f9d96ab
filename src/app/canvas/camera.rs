//! The pan/zoom transform of the canvas: one `screen_from_map` per map.

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Vec2};

/// Zoom limits: from a whole wall of maps to a close look at one card.
pub const MIN_ZOOM: f32 = 0.05;
/// The closest zoom.
pub const MAX_ZOOM: f32 = 8.0;

/// The transform that shows `content` (map units) centred in `viewport` (screen), as large as
/// fits with a margin, never beyond 100 %... unless the content is tiny.
#[must_use]
pub fn fit(content: Rect, viewport: Rect, max_zoom: f32) -> TSTransform {
    let margin = 24.0;
    let available = (viewport.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(1.0));
    let size = content.size().max(Vec2::splat(1.0));
    let zoom = (available.x / size.x).min(available.y / size.y).clamp(MIN_ZOOM, max_zoom);
    let translation = viewport.center().to_vec2() - content.center().to_vec2() * zoom;
    TSTransform::new(translation, zoom)
}

/// `transform` zoomed by `factor` about the screen point `anchor`, within the zoom limits.
#[must_use]
pub fn zoom_about(transform: TSTransform, anchor: Pos2, factor: f32) -> TSTransform {
    let zoom = (transform.scaling * factor).clamp(MIN_ZOOM, MAX_ZOOM);
    let factor = zoom / transform.scaling;
    // Keep the map point under the anchor where it is.
    let translation = anchor.to_vec2() + (transform.translation - anchor.to_vec2()) * factor;
    TSTransform::new(translation, zoom)
}

/// `transform` with the view moved by `delta` screen points.
#[must_use]
pub fn pan(transform: TSTransform, delta: Vec2) -> TSTransform {
    TSTransform::new(transform.translation + delta, transform.scaling)
}

/// `transform` panned, as little as needed, so `content` (map units) lies within `inner`
/// (screen); content wider than `inner` shows its left edge, taller its top.
#[must_use]
pub fn reveal(transform: TSTransform, content: Rect, inner: Rect) -> TSTransform {
    let on_screen = transform.mul_rect(content);
    if inner.contains_rect(on_screen) {
        return transform;
    }
    let dx = if on_screen.width() > inner.width() || on_screen.left() < inner.left() {
        inner.left() - on_screen.left()
    } else if on_screen.right() > inner.right() {
        inner.right() - on_screen.right()
    } else {
        0.0
    };
    let dy = if on_screen.height() > inner.height() || on_screen.top() < inner.top() {
        inner.top() - on_screen.top()
    } else if on_screen.bottom() > inner.bottom() {
        inner.bottom() - on_screen.bottom()
    } else {
        0.0
    };
    pan(transform, Vec2::new(dx, dy))
}

/// The map point under a screen point.
#[must_use]
pub fn map_from_screen(transform: TSTransform, screen: Pos2) -> Pos2 {
    transform.inverse() * screen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reveal_pans_as_little_as_needed() {
        let inner = Rect::from_min_size(Pos2::ZERO, Vec2::new(100.0, 100.0));
        let half = TSTransform::new(Vec2::ZERO, 0.5);
        let inside = Rect::from_min_size(Pos2::new(20.0, 20.0), Vec2::splat(40.0));
        assert_eq!(reveal(half, inside, inner), half);
        let right = Rect::from_min_size(Pos2::new(300.0, 20.0), Vec2::splat(40.0));
        let moved = reveal(half, right, inner);
        assert!((moved.mul_rect(right).right() - 100.0).abs() < 1e-4);
        assert!(moved.translation.y.abs() < 1e-4);
        let wide = Rect::from_min_size(Pos2::new(-100.0, 0.0), Vec2::new(400.0, 10.0));
        assert!(reveal(half, wide, inner).mul_rect(wide).left().abs() < 1e-4);
    }

    #[test]
    fn fit_centres_and_contains_the_content() {
        let content = Rect::from_min_size(Pos2::ZERO, Vec2::new(2000.0, 1000.0));
        let viewport = Rect::from_min_size(Pos2::new(100.0, 50.0), Vec2::new(1000.0, 800.0));
        let t = fit(content, viewport, 1.0);
        let on_screen = t.mul_rect(content);
        assert!(viewport.contains_rect(on_screen));
        assert!((on_screen.center() - viewport.center()).length() < 0.01);
        assert!((t.scaling - (1000.0 - 48.0) / 2000.0).abs() < 1e-4);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let t = TSTransform::new(Vec2::new(30.0, -20.0), 0.5);
        let anchor = Pos2::new(400.0, 300.0);
        let before = map_from_screen(t, anchor);
        let zoomed = zoom_about(t, anchor, 1.7);
        let after = map_from_screen(zoomed, anchor);
        assert!((before - after).length() < 1e-3);
        assert!((zoomed.scaling - 0.85).abs() < 1e-6);
    }

    #[test]
    fn zoom_is_clamped() {
        let t = zoom_about(TSTransform::IDENTITY, Pos2::ZERO, 1000.0);
        assert!((t.scaling - MAX_ZOOM).abs() < 1e-6);
        let t = zoom_about(TSTransform::IDENTITY, Pos2::ZERO, 0.0001);
        assert!((t.scaling - MIN_ZOOM).abs() < 1e-6);
    }

    #[test]
    fn screen_and_map_round_trip() {
        let t = TSTransform::new(Vec2::new(12.0, 34.0), 2.5);
        let p = Pos2::new(100.0, 200.0);
        let back = map_from_screen(t, t * p);
        assert!((back - p).length() < 1e-3);
    }
}
