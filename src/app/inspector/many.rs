//! Several selected cards at once: flags, channel, owners and scores set on all of them. A
//! field where they differ shows as mixed and changes nothing until the user sets it.

use super::fields::{caption, name};
use crate::app::editor::Editor;
use crate::edit::{Edit, MergeKey, ops};
use crate::model::{Card, CardId, Flags, MapId};
use std::hash::{Hash, Hasher};

/// The value the cards share, or `None` when they differ.
fn common<T: PartialEq + Clone>(cards: &[Card], get: impl Fn(&Card) -> T) -> Option<T> {
    let first = get(cards.first()?);
    cards.iter().all(|c| get(c) == first).then_some(first)
}

/// A flag's label and where it is in [`Flags`].
type FlagField = (&'static str, fn(&mut Flags) -> &mut bool);

const FLAGS: [FlagField; 4] = [
    ("Pain point", |f| &mut f.pain_point),
    ("Moment of delight", |f| &mut f.moment_of_delight),
    ("Moment of truth", |f| &mut f.moment_of_truth),
    ("Bottleneck", |f| &mut f.bottleneck),
];

pub(super) fn show(ui: &mut egui::Ui, editor: &mut Editor, map: MapId, ids: &[CardId]) {
    let Some(current) = editor.study().map(map) else { return };
    let cards: Vec<Card> = ids.iter().filter_map(|id| current.card(*id).cloned()).collect();
    let noun = current.kind.card_noun();
    ui.heading(format!("{} {noun}s selected", cards.len()));
    ui.weak("Changes here apply to all of them; fields where they differ show as mixed.");
    ui.add_space(4.0);
    let mut edited = cards.clone();
    let mut typed = false;
    let mut clicked = false;
    let mut sealed = false;

    ui.horizontal_wrapped(|ui| {
        for (label, flag) in FLAGS {
            let on: Vec<bool> = cards.iter().map(|c| *flag(&mut c.flags.clone())).collect();
            let mut all = on.iter().all(|v| *v);
            let mixed = !all && on.iter().any(|v| *v);
            if ui.add(egui::Checkbox::new(&mut all, label).indeterminate(mixed)).changed() {
                for card in &mut edited {
                    *flag(&mut card.flags) = all;
                }
                clicked = true;
            }
        }
    });

    caption(ui, "Channel");
    let shared = common(&cards, |c| c.channel.clone());
    let mut channel = shared.clone().unwrap_or_default();
    let hint = if shared.is_none() { "mixed" } else { "" };
    let r = ui.add(egui::TextEdit::singleline(&mut channel).hint_text(hint).desired_width(f32::INFINITY));
    name(ui, &r, "Channel");
    if r.changed() {
        for card in &mut edited {
            card.channel.clone_from(&channel);
        }
        typed = true;
    }
    sealed |= r.lost_focus();

    let scores = super::scores::grid(ui, "many-scores", &mut edited);
    typed |= scores.changed;
    sealed |= scores.ended;

    let mut owner_edits = Vec::new();
    egui::CollapsingHeader::new("Owners").default_open(true).show(ui, |ui| {
        for owner in &editor.study().owners {
            let count = cards.iter().filter(|c| c.owners.contains(&owner.id)).count();
            let mut all = count == cards.len();
            let mixed = count > 0 && count < cards.len();
            let checkbox = egui::Checkbox::new(&mut all, &owner.name).indeterminate(mixed);
            if ui.add(checkbox).changed() {
                owner_edits = ops::assign_owner(editor.study(), map, ids, owner.id, all);
            }
        }
    });

    if !owner_edits.is_empty() {
        editor.apply(if owner_edits.len() == 1 { "Assign owner" } else { "Assign owners" }, owner_edits);
        return;
    }
    // Every card is replaced, changed or not, so that a step merged from several keystrokes
    // can always restore all of them.
    if (typed || clicked) && edited != cards {
        let edits: Vec<Edit> = edited.into_iter().map(|card| Edit::ReplaceCard { map, card }).collect();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        ids.hash(&mut hasher);
        let merge = (!clicked).then_some(MergeKey::Cards(hasher.finish()));
        editor.apply_merging(&format!("Edit {} {noun}s", cards.len()), edits, merge);
    }
    if sealed {
        editor.doc.seal();
    }
}
