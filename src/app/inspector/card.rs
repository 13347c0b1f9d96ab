//! One selected card: title, channel, description, flags, duration, owners, scores, metrics,
//! recommendations and notes.

use super::fields::{Draft, name, text_block, text_line};
use crate::app::editor::Editor;
use crate::edit::{Edit, MergeKey};
use crate::model::{Card, Duration, Flags, MapId, TimeUnit};

pub(super) fn show(ui: &mut egui::Ui, editor: &mut Editor, map: MapId, card: &Card) {
    let noun = editor.current_map().map_or("card", |m| m.kind.card_noun());
    ui.heading(format!("{}{}", noun[..1].to_uppercase(), &noun[1..]));
    let mut draft = Draft::new(card.clone());
    let r = text_line(ui, "Title", "Title", &mut draft.value.title);
    draft.track(&r);
    let r = text_line(ui, "Channel", "Channel", &mut draft.value.channel);
    draft.track(&r);
    let r = text_block(ui, "Description", "Description", &mut draft.value.description);
    draft.track(&r);
    ui.add_space(4.0);
    if flags_ui(ui, &mut draft.value.flags) {
        draft.touch();
    }
    duration_ui(ui, &mut draft);
    owners_ui(ui, editor, &mut draft);
    scores_ui(ui, &mut draft);
    super::rollup::show(ui, editor, card);
    super::stage::metrics_ui(ui, &mut draft, |c: &mut Card| &mut c.metrics);
    super::stage::recommendations_ui(ui, editor, &mut draft, |c: &mut Card| &mut c.recommendations);
    let r = text_block(ui, "Notes", "Notes", &mut draft.value.notes);
    draft.track(&r);
    super::detail::show(ui, editor, map, card);
    if let Some(changed) = draft.changed_from(card) {
        editor.apply_merging(
            "Edit card",
            vec![Edit::ReplaceCard { map, card: changed.clone() }],
            Some(MergeKey::Card(card.id)),
        );
    }
    if draft.sealed() {
        editor.doc.seal();
    }
}

/// The four heat-map flags; returns whether the user changed one.
pub(super) fn flags_ui(ui: &mut egui::Ui, flags: &mut Flags) -> bool {
    ui.horizontal_wrapped(|ui| {
        let mut changed = false;
        changed |= ui.checkbox(&mut flags.pain_point, "Pain point").changed();
        changed |= ui.checkbox(&mut flags.moment_of_delight, "Moment of delight").changed();
        changed |= ui.checkbox(&mut flags.moment_of_truth, "Moment of truth").changed();
        changed |= ui.checkbox(&mut flags.bottleneck, "Bottleneck").changed();
        changed
    })
    .inner
}

/// How long the step takes: unknown, or an amount and a unit.
fn duration_ui(ui: &mut egui::Ui, draft: &mut Draft<Card>) {
    ui.horizontal(|ui| {
        let mut changed = false;
        let mut amount = None;
        let duration = &mut draft.value.duration;
        let mut known = duration.is_some();
        if ui.checkbox(&mut known, "Duration").changed() {
            *duration = known.then_some(Duration { amount: 1.0, unit: TimeUnit::Days });
            changed = true;
        }
        if let Some(d) = duration {
            let r = ui
                .add(
                    egui::DragValue::new(&mut d.amount)
                        .range(0.0..=10_000.0)
                        .clamp_existing_to_range(false)
                        .speed(0.5),
                )
                .on_hover_text("How long");
            name(ui, &r, "Duration amount");
            amount = Some(r);
            let unit = egui::ComboBox::from_id_salt("duration-unit")
                .selected_text(d.unit.abbreviation())
                .show_ui(ui, |ui| {
                    for unit in TimeUnit::ALL {
                        changed |= ui.selectable_value(&mut d.unit, unit, unit.abbreviation()).changed();
                    }
                });
            name(ui, &unit.response, "Duration unit");
        }
        if let Some(r) = amount {
            draft.track(&r);
        }
        if changed {
            draft.touch();
        }
    });
}

/// Which owners the card has and which one is accountable.
fn owners_ui(ui: &mut egui::Ui, editor: &Editor, draft: &mut Draft<Card>) {
    egui::CollapsingHeader::new("Owners").default_open(true).show(ui, |ui| {
        let card = &mut draft.value;
        let mut changed = false;
        for owner in &editor.study().owners {
            ui.horizontal(|ui| {
                let mut assigned = card.owners.contains(&owner.id);
                let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, crate::app::paint::colour(owner.colour));
                if ui.checkbox(&mut assigned, &owner.name).changed() {
                    changed = true;
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
                    let radio = ui
                        .radio(accountable, "accountable")
                        .on_hover_text("The one owner accountable for this card");
                    name(ui, &radio, &format!("{} is accountable", owner.name));
                    if radio.clicked() && !accountable {
                        card.accountable = Some(owner.id);
                        changed = true;
                    }
                }
            });
        }
        if editor.study().owners.is_empty() {
            ui.weak("Add owners in the owners panel");
        }
        if changed {
            draft.touch();
        }
    });
}

/// Importance and performance from both views, their gaps, and the emotion.
fn scores_ui(ui: &mut egui::Ui, draft: &mut Draft<Card>) {
    egui::CollapsingHeader::new("Scores").default_open(true).show(ui, |ui| {
        let edited = super::scores::grid(ui, "card-scores", std::slice::from_mut(&mut draft.value));
        if edited.changed {
            draft.touch();
        }
        if edited.ended {
            draft.end_edit();
        }
    });
}
