//! The inspector: every field of the selected card (or stage, or the map and study when
//! nothing is selected). Each change is an edit; typing in one field is one undo step.

use super::editor::Editor;
use crate::edit::{Edit, MergeKey};
use crate::model::{
    Card, Duration, Emotion, MapId, Metric, Priority, Recommendation, Stage, Status, TimeUnit,
};

pub(crate) fn show(ui: &mut egui::Ui, editor: &mut Editor) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let Some(map) = editor.current_map() else {
            super::study_panel::show(ui, editor);
            return;
        };
        let map_id = map.id;
        match editor.selection.cards.as_slice() {
            [card] => {
                if let Some(card) = map.card(*card).cloned() {
                    card_ui(ui, editor, map_id, card);
                }
            }
            [] => {
                if let Some(stage) = editor.selection.stage.and_then(|s| map.stage(s)).cloned() {
                    stage_ui(ui, editor, map_id, stage);
                } else {
                    super::study_panel::show(ui, editor);
                }
            }
            many => {
                ui.heading(format!("{} cards selected", many.len()));
                ui.label("Assign owners to all of them in the owners panel, or drag them to another stage.");
            }
        }
    });
}

/// Tracks edits to a copy of an element and applies them as one merged step.
struct Fields<T: Clone + PartialEq> {
    value: T,
    original: T,
    sealed: bool,
}

impl<T: Clone + PartialEq> Fields<T> {
    fn new(value: T) -> Self {
        Self { original: value.clone(), value, sealed: false }
    }

    /// Notes a widget's response: losing focus ends the continuous edit.
    fn track(&mut self, response: &egui::Response) {
        if response.lost_focus() || response.drag_stopped() {
            self.sealed = true;
        }
    }

    fn changed(&self) -> bool {
        self.value != self.original
    }
}

fn text_field(ui: &mut egui::Ui, label: &str, value: &mut String, multiline: bool) -> egui::Response {
    let label = ui.label(label);
    if multiline {
        ui.add(egui::TextEdit::multiline(value).desired_rows(2).desired_width(f32::INFINITY))
    } else {
        ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
    }
    .labelled_by(label.id)
}

/// An optional score on a scale: a checkbox for "known" and a slider.
fn optional_score(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<f32>,
    range: std::ops::RangeInclusive<f32>,
) -> egui::Response {
    ui.horizontal(|ui| {
        let mut known = value.is_some();
        let toggle = ui.checkbox(&mut known, label);
        if toggle.changed() {
            *value = if known { Some(f32::midpoint(*range.start(), *range.end())) } else { None };
        }
        if let Some(v) = value {
            let slider = ui.add(egui::Slider::new(v, range).step_by(0.5)).labelled_by(toggle.id);
            toggle.union(slider)
        } else {
            ui.weak("unknown");
            toggle
        }
    })
    .inner
}

fn scores_ui(ui: &mut egui::Ui, fields: &mut Fields<Card>) {
    egui::CollapsingHeader::new("Scores").default_open(true).show(ui, |ui| {
        let card = &mut fields.value;
        let mut responses = Vec::new();
        ui.label("Importance");
        responses.push(optional_score(ui, "Internal view", &mut card.importance.internal, 1.0..=10.0));
        responses.push(optional_score(ui, "Customer view", &mut card.importance.customer, 1.0..=10.0));
        ui.label("Performance");
        responses.push(optional_score(ui, "Internal view", &mut card.performance.internal, 1.0..=10.0));
        responses.push(optional_score(ui, "Customer view", &mut card.performance.customer, 1.0..=10.0));
        if let Some(gap) = card.performance.gap() {
            ui.weak(format!("Perception gap: {gap:+.1} (internal minus customer)"));
        }
        ui.label("Emotion");
        responses.push(optional_score(ui, "Elicited", &mut card.emotion.elicited, -2.0..=2.0));
        responses.push(optional_score(ui, "Desired", &mut card.emotion.desired, -2.0..=2.0));
        for response in &responses {
            fields.track(response);
        }
    });
}

fn flags_ui(ui: &mut egui::Ui, card: &mut Card) {
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut card.flags.pain_point, "Pain point");
        ui.checkbox(&mut card.flags.moment_of_delight, "Moment of delight");
        ui.checkbox(&mut card.flags.moment_of_truth, "Moment of truth");
        ui.checkbox(&mut card.flags.bottleneck, "Bottleneck");
    });
}

fn owners_ui(ui: &mut egui::Ui, editor: &Editor, card: &mut Card) {
    egui::CollapsingHeader::new("Owners").default_open(true).show(ui, |ui| {
        for owner in &editor.study().owners {
            ui.horizontal(|ui| {
                let mut assigned = card.owners.contains(&owner.id);
                let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, super::paint::colour(owner.colour));
                if ui.checkbox(&mut assigned, &owner.name).changed() {
                    if assigned {
                        card.owners.push(owner.id);
                        card.accountable = card.accountable.or(Some(owner.id));
                    } else {
                        card.owners.retain(|o| *o != owner.id);
                        if card.accountable == Some(owner.id) {
                            card.accountable = card.owners.first().copied();
                        }
                    }
                }
                if assigned {
                    let accountable = card.accountable == Some(owner.id);
                    if ui
                        .radio(accountable, "accountable")
                        .on_hover_text("The one owner accountable for this card")
                        .clicked()
                    {
                        card.accountable = Some(owner.id);
                    }
                }
            });
        }
        if editor.study().owners.is_empty() {
            ui.weak("Add owners in the owners panel");
        }
    });
}

fn duration_ui(ui: &mut egui::Ui, duration: &mut Option<Duration>) {
    ui.horizontal(|ui| {
        let mut known = duration.is_some();
        let toggle = ui.checkbox(&mut known, "Duration");
        if toggle.changed() {
            *duration = known.then_some(Duration { amount: 1.0, unit: TimeUnit::Days });
        }
        if let Some(d) = duration {
            ui.add(egui::DragValue::new(&mut d.amount).range(0.0..=10_000.0).speed(0.5))
                .on_hover_text("How long");
            egui::ComboBox::new("duration-unit", "unit").selected_text(d.unit.abbreviation()).show_ui(
                ui,
                |ui| {
                    for unit in TimeUnit::ALL {
                        ui.selectable_value(&mut d.unit, unit, unit.abbreviation());
                    }
                },
            );
        }
    });
}

fn metrics_ui(ui: &mut egui::Ui, metrics: &mut Vec<Metric>, fields_sealed: &mut bool) {
    egui::CollapsingHeader::new(format!("Metrics ({})", metrics.len())).show(ui, |ui| {
        let mut remove = None;
        for (index, metric) in metrics.iter_mut().enumerate() {
            ui.push_id(index, |ui| {
                ui.horizontal(|ui| {
                    let r = ui.add(
                        egui::TextEdit::singleline(&mut metric.name).hint_text("Metric").desired_width(120.0),
                    );
                    *fields_sealed |= r.lost_focus();
                    if ui.small_button("Remove").clicked() {
                        remove = Some(index);
                    }
                });
                ui.horizontal(|ui| {
                    let mut value = metric.value.unwrap_or(0.0);
                    let label = ui.label("Value");
                    if ui.add(egui::DragValue::new(&mut value)).labelled_by(label.id).changed() {
                        metric.value = Some(value);
                    }
                    let mut target = metric.target.unwrap_or(0.0);
                    let label = ui.label("Target");
                    if ui.add(egui::DragValue::new(&mut target)).labelled_by(label.id).changed() {
                        metric.target = Some(target);
                    }
                    ui.add(
                        egui::TextEdit::singleline(&mut metric.unit).hint_text("unit").desired_width(40.0),
                    );
                });
                ui.checkbox(&mut metric.higher_is_better, "Higher is better");
                ui.separator();
            });
        }
        if let Some(index) = remove {
            metrics.remove(index);
        }
        if ui.button("Add metric").clicked() {
            metrics.push(Metric { name: "New metric".to_owned(), ..Metric::default() });
        }
    });
}

fn recommendations_ui(
    ui: &mut egui::Ui,
    editor: &Editor,
    list: &mut Vec<Recommendation>,
    fields_sealed: &mut bool,
) {
    egui::CollapsingHeader::new(format!("Recommendations ({})", list.len()))
        .default_open(!list.is_empty())
        .show(ui, |ui| {
            let mut remove = None;
            for (index, recommendation) in list.iter_mut().enumerate() {
                ui.push_id(index, |ui| {
                    let r = ui.add(
                        egui::TextEdit::multiline(&mut recommendation.text)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY)
                            .hint_text("What should be done"),
                    );
                    *fields_sealed |= r.lost_focus();
                    ui.horizontal(|ui| {
                        egui::ComboBox::new("priority", "Priority")
                            .selected_text(recommendation.priority.label())
                            .show_ui(ui, |ui| {
                                for p in Priority::ALL {
                                    ui.selectable_value(&mut recommendation.priority, p, p.label());
                                }
                            });
                        egui::ComboBox::new("status", "Status")
                            .selected_text(recommendation.status.label())
                            .show_ui(ui, |ui| {
                                for s in Status::ALL {
                                    ui.selectable_value(&mut recommendation.status, s, s.label());
                                }
                            });
                    });
                    let owner_name = recommendation
                        .owner
                        .and_then(|o| editor.study().owner(o))
                        .map_or("No owner".to_owned(), |o| o.name.clone());
                    ui.horizontal(|ui| {
                        egui::ComboBox::new("owner", "Owner").selected_text(owner_name).show_ui(ui, |ui| {
                            ui.selectable_value(&mut recommendation.owner, None, "No owner");
                            for owner in &editor.study().owners {
                                ui.selectable_value(&mut recommendation.owner, Some(owner.id), &owner.name);
                            }
                        });
                        if ui.small_button("Remove").clicked() {
                            remove = Some(index);
                        }
                    });
                    ui.separator();
                });
            }
            if let Some(index) = remove {
                list.remove(index);
            }
            if ui.button("Add recommendation").clicked() {
                list.push(Recommendation { text: String::new(), ..Recommendation::default() });
            }
        });
}

fn card_ui(ui: &mut egui::Ui, editor: &mut Editor, map: MapId, card: Card) {
    let noun = editor.current_map().map_or("card", |m| m.kind.card_noun());
    ui.heading(format!("{}{}", noun[..1].to_uppercase(), &noun[1..]));
    let mut fields = Fields::new(card);
    let mut sealed = false;
    let r = text_field(ui, "Title", &mut fields.value.title, false);
    fields.track(&r);
    let r = text_field(ui, "Channel", &mut fields.value.channel, false);
    fields.track(&r);
    let r = text_field(ui, "Description", &mut fields.value.description, true);
    fields.track(&r);
    ui.add_space(4.0);
    flags_ui(ui, &mut fields.value);
    duration_ui(ui, &mut fields.value.duration);
    owners_ui(ui, editor, &mut fields.value);
    scores_ui(ui, &mut fields);
    metrics_ui(ui, &mut fields.value.metrics, &mut sealed);
    recommendations_ui(ui, editor, &mut fields.value.recommendations, &mut sealed);
    let r = text_field(ui, "Notes", &mut fields.value.notes, true);
    fields.track(&r);
    if fields.changed() {
        let id = fields.value.id;
        editor.apply_merging(
            "Edit card",
            vec![Edit::ReplaceCard { map, card: fields.value.clone() }],
            Some(MergeKey::Card(id)),
        );
    }
    if fields.sealed || sealed {
        editor.doc.seal();
    }
}

fn stage_ui(ui: &mut egui::Ui, editor: &mut Editor, map: MapId, stage: Stage) {
    ui.heading("Stage");
    let mut fields = Fields::new(Stage { cards: Vec::new(), ..stage });
    let mut sealed = false;
    let r = text_field(ui, "Name", &mut fields.value.name, false);
    fields.track(&r);
    let r = text_field(ui, "Customer goal", &mut fields.value.goal, true);
    fields.track(&r);
    ui.label("Emotion across the stage");
    let mut emotion: Emotion = fields.value.emotion;
    let a = optional_score(ui, "Elicited", &mut emotion.elicited, -2.0..=2.0);
    let b = optional_score(ui, "Desired", &mut emotion.desired, -2.0..=2.0);
    fields.value.emotion = emotion;
    fields.track(&a);
    fields.track(&b);
    metrics_ui(ui, &mut fields.value.metrics, &mut sealed);
    recommendations_ui(ui, editor, &mut fields.value.recommendations, &mut sealed);
    if fields.changed() {
        let id = fields.value.id;
        editor.apply_merging(
            "Edit stage",
            vec![Edit::ReplaceStage { map, stage: fields.value.clone() }],
            Some(MergeKey::Stage(id)),
        );
    }
    if fields.sealed || sealed {
        editor.doc.seal();
    }
}
