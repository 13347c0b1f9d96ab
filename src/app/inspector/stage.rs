//! One selected stage: name, customer goal, emotion, metrics and recommendations. The metric
//! and recommendation lists are shared with the card inspector.

use super::fields::{Draft, name, optional_amount, optional_score, text_block, text_line};
use crate::app::editor::Editor;
use crate::edit::{Edit, MergeKey};
use crate::model::scales::EMOTION_RANGE;
use crate::model::{MapId, Metric, Priority, Recommendation, Stage, Status};

pub(super) fn show(ui: &mut egui::Ui, editor: &mut Editor, map: MapId, stage: &Stage) {
    ui.heading("Stage");
    let original = Stage { cards: Vec::new(), ..stage.clone() };
    let mut draft = Draft::new(original.clone());
    let r = text_line(ui, "Name", "Stage name", &mut draft.value.name);
    draft.track(&r);
    let r = text_block(ui, "Customer goal", "Customer goal", &mut draft.value.goal);
    draft.track(&r);
    ui.label("Emotion across the stage");
    egui::Grid::new("stage-emotion").num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
        ui.weak("Elicited");
        ui.weak("Desired");
        ui.end_row();
        let emotion = &mut draft.value.emotion;
        let a = optional_score(ui, "Emotion elicited", &mut emotion.elicited, EMOTION_RANGE);
        let b = optional_score(ui, "Emotion desired", &mut emotion.desired, EMOTION_RANGE);
        ui.end_row();
        draft.track(&a);
        draft.track(&b);
    });
    metrics_ui(ui, &mut draft, |s: &mut Stage| &mut s.metrics);
    recommendations_ui(ui, editor, &mut draft, |s: &mut Stage| &mut s.recommendations);
    if let Some(changed) = draft.changed_from(&original) {
        editor.apply_merging(
            "Edit stage",
            vec![Edit::ReplaceStage { map, stage: changed.clone() }],
            Some(MergeKey::Stage(stage.id)),
        );
    }
    if draft.sealed() {
        editor.doc.seal();
    }
}

/// The metrics of a card or stage: name, value, target, unit and direction.
pub(super) fn metrics_ui<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    draft: &mut Draft<T>,
    list: impl Fn(&mut T) -> &mut Vec<Metric>,
) {
    let count = list(&mut draft.value).len();
    egui::CollapsingHeader::new(format!("Metrics ({count})")).show(ui, |ui| {
        let mut remove = None;
        let mut responses = Vec::new();
        let mut clicked = false;
        for (index, metric) in list(&mut draft.value).iter_mut().enumerate() {
            ui.push_id(index, |ui| {
                ui.horizontal(|ui| {
                    let r = ui.add(
                        egui::TextEdit::singleline(&mut metric.name).hint_text("Metric").desired_width(140.0),
                    );
                    name(ui, &r, "Metric name");
                    responses.push(r);
                    if ui.small_button("Remove").on_hover_text("Remove this metric").clicked() {
                        remove = Some(index);
                    }
                });
                ui.horizontal(|ui| {
                    ui.weak("Value");
                    responses.push(optional_amount(ui, "Metric value", &mut metric.value));
                    ui.weak("Target");
                    responses.push(optional_amount(ui, "Metric target", &mut metric.target));
                });
                ui.horizontal(|ui| {
                    let r = ui.add(
                        egui::TextEdit::singleline(&mut metric.unit).hint_text("unit").desired_width(60.0),
                    );
                    name(ui, &r, "Metric unit");
                    responses.push(r);
                    clicked |= ui.checkbox(&mut metric.higher_is_better, "Higher is better").changed();
                });
                ui.separator();
            });
        }
        if let Some(index) = remove {
            list(&mut draft.value).remove(index);
            clicked = true;
        }
        if ui.button("Add metric").clicked() {
            list(&mut draft.value).push(Metric { name: "New metric".to_owned(), ..Metric::default() });
            clicked = true;
        }
        for response in &responses {
            draft.track(response);
        }
        if clicked {
            draft.touch();
        }
    });
}

/// The recommendations of a card or stage: what to do, who, how urgent, how far along.
pub(super) fn recommendations_ui<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    editor: &Editor,
    draft: &mut Draft<T>,
    list: impl Fn(&mut T) -> &mut Vec<Recommendation>,
) {
    let count = list(&mut draft.value).len();
    egui::CollapsingHeader::new(format!("Recommendations ({count})")).default_open(count > 0).show(
        ui,
        |ui| {
            let mut remove = None;
            let mut responses = Vec::new();
            let mut clicked = false;
            for (index, recommendation) in list(&mut draft.value).iter_mut().enumerate() {
                ui.push_id(index, |ui| {
                    responses.push(super::fields::multiline(
                        ui,
                        "Recommendation",
                        &mut recommendation.text,
                        2,
                        Some("What should be done"),
                    ));
                    ui.horizontal(|ui| {
                        egui::ComboBox::new("priority", "Priority")
                            .selected_text(recommendation.priority.label())
                            .show_ui(ui, |ui| {
                                for p in Priority::ALL {
                                    clicked |= ui
                                        .selectable_value(&mut recommendation.priority, p, p.label())
                                        .changed();
                                }
                            });
                        egui::ComboBox::new("status", "Status")
                            .selected_text(recommendation.status.label())
                            .show_ui(ui, |ui| {
                                for s in Status::ALL {
                                    clicked |= ui
                                        .selectable_value(&mut recommendation.status, s, s.label())
                                        .changed();
                                }
                            });
                    });
                    let owner_name = recommendation
                        .owner
                        .and_then(|o| editor.study().owner(o))
                        .map_or("No owner".to_owned(), |o| o.name.clone());
                    ui.horizontal(|ui| {
                        egui::ComboBox::new("owner", "Owner").selected_text(owner_name).show_ui(ui, |ui| {
                            clicked |=
                                ui.selectable_value(&mut recommendation.owner, None, "No owner").changed();
                            for owner in &editor.study().owners {
                                clicked |= ui
                                    .selectable_value(&mut recommendation.owner, Some(owner.id), &owner.name)
                                    .changed();
                            }
                        });
                        if ui.small_button("Remove").on_hover_text("Remove this recommendation").clicked() {
                            remove = Some(index);
                        }
                    });
                    clicked |= super::fields::date_field(ui, "Due", &mut recommendation.due);
                    ui.separator();
                });
            }
            if let Some(index) = remove {
                list(&mut draft.value).remove(index);
                clicked = true;
            }
            if ui.button("Add recommendation").clicked() {
                list(&mut draft.value).push(Recommendation::default());
                clicked = true;
            }
            for response in &responses {
                draft.track(response);
            }
            if clicked {
                draft.touch();
            }
        },
    );
}
