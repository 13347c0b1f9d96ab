//! The matrix tab: the layout's matrix scene painted to the panel's width, with hover details
//! and click to select.

use super::AnalysisPrefs;
use crate::analysis::{MapAnalysis, card_gaps};
use crate::app::editor::Editor;
use crate::app::paint;
use crate::layout::matrix::{MatrixViews, matrix_scene};
use crate::layout::{FontMeasure, Point, Role};
use crate::model::CardId;
use egui::emath::TSTransform;

/// Shows the matrix; returns a card the user clicked.
pub(super) fn show(
    ui: &mut egui::Ui,
    editor: &Editor,
    analysis: &MapAnalysis,
    prefs: &mut AnalysisPrefs,
) -> Option<CardId> {
    let map = editor.current_map()?;
    ui.horizontal(|ui| {
        let combo =
            egui::ComboBox::new("matrix-views", "").selected_text(prefs.views.label()).show_ui(ui, |ui| {
                for views in MatrixViews::ALL {
                    ui.selectable_value(&mut prefs.views, views, views.label());
                }
            });
        ui.ctx().accesskit_node_builder(combo.response.id, |node| node.set_label("Matrix views"));
        ui.checkbox(&mut prefs.midpoint, "Crosshairs at 5.5").on_hover_text(
            "Put the crosshairs at the middle of the scale instead of at the means of the map's cards",
        );
    });
    let matrix = &analysis.matrix;
    match (matrix.importance_mean, matrix.performance_mean) {
        (Some(importance), Some(performance)) => {
            ui.weak(format!(
                "{} · means: importance {importance:.1}, performance {performance:.1}",
                crate::words::count(matrix.points.len(), "card"),
            ));
        }
        _ => {
            ui.weak("No card has both importance and performance in this view yet: score cards in the inspector or the scores table.");
        }
    }
    let crosshairs = prefs.settings().crosshairs;
    let scene = matrix_scene(map, prefs.views, crosshairs, FontMeasure::shared());
    let width = ui.available_width().max(120.0);
    let scale = width / scene.width;
    let (response, painter) =
        ui.allocate_painter(egui::vec2(width, scene.height * scale), egui::Sense::click());
    let screen_from_map = TSTransform::new(response.rect.min.to_vec2(), scale);
    paint::paint_scene(&painter, &scene, screen_from_map, response.rect);
    let map_from_screen = screen_from_map.inverse();
    let card_at = |pos: egui::Pos2| {
        let p = map_from_screen * pos;
        let point = Point::new(p.x, p.y);
        scene.regions.iter().rev().find_map(|r| match r.role {
            Role::Card(id) if r.rect.expand(2.0).contains(point) => Some(id),
            _ => None,
        })
    };
    for card in &editor.selection.cards {
        if let Some(region) = scene.regions.iter().find(|r| r.role == Role::Card(*card)) {
            let centre = screen_from_map * egui::pos2(region.rect.centre().x, region.rect.centre().y);
            painter.circle_stroke(
                centre,
                region.rect.width() * scale,
                egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
            );
        }
    }
    let hovered = response.hover_pos().and_then(card_at);
    if let Some(card) = hovered.and_then(|id| map.card(id)) {
        let gaps = card_gaps(card);
        let score = |v: Option<f32>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"));
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(&card.title);
            ui.label(format!(
                "Importance {} internal · {} customer",
                score(card.importance.internal),
                score(card.importance.customer)
            ));
            ui.label(format!(
                "Performance {} internal · {} customer",
                score(card.performance.internal),
                score(card.performance.customer)
            ));
            if let Some(gap) = gaps.performance {
                ui.label(format!("Performance gap {gap:+.1}"));
            }
            if let Some(quadrant) = analysis.card(card.id).and_then(|c| c.quadrant) {
                ui.label(quadrant.label());
            }
        });
    }
    if response.clicked() { response.interact_pointer_pos().and_then(card_at) } else { None }
}
