//! The scores table: every card of the map with its importance, performance, gap and emotion,
//! sortable by any column and editable in place.

use super::editor::{Editor, Selection};
use crate::edit::{Edit, MergeKey};
use crate::model::{Card, CardId};
use egui_extras::{Column, TableBuilder};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum SortBy {
    #[default]
    Journey,
    Title,
    ImportanceInternal,
    ImportanceCustomer,
    PerformanceInternal,
    PerformanceCustomer,
    Gap,
    Emotion,
}

#[derive(Clone, Copy, Debug, Default)]
struct Sort {
    by: SortBy,
    descending: bool,
}

fn key(card: &Card, by: SortBy) -> Option<f32> {
    match by {
        SortBy::ImportanceInternal => card.importance.internal,
        SortBy::ImportanceCustomer => card.importance.customer,
        SortBy::PerformanceInternal => card.performance.internal,
        SortBy::PerformanceCustomer => card.performance.customer,
        SortBy::Gap => card.performance.gap(),
        SortBy::Emotion => card.emotion.elicited,
        SortBy::Journey | SortBy::Title => None,
    }
}

/// Column titles and what clicking them sorts by (the flags column does not sort).
const HEADERS: [(&str, Option<SortBy>); 9] = [
    ("Stage", Some(SortBy::Journey)),
    ("Card", Some(SortBy::Title)),
    ("Importance (internal)", Some(SortBy::ImportanceInternal)),
    ("Importance (customer)", Some(SortBy::ImportanceCustomer)),
    ("Performance (internal)", Some(SortBy::PerformanceInternal)),
    ("Performance (customer)", Some(SortBy::PerformanceCustomer)),
    ("Gap", Some(SortBy::Gap)),
    ("Emotion felt", Some(SortBy::Emotion)),
    ("Flags", None),
];

fn score_cell(ui: &mut egui::Ui, value: &mut Option<f32>, range: std::ops::RangeInclusive<f32>) -> bool {
    match value {
        Some(v) => ui.add(egui::DragValue::new(v).range(range).speed(0.1).max_decimals(1)).changed(),
        None => {
            if ui.small_button("–").on_hover_text("Unknown: click to set").clicked() {
                *value = Some(f32::midpoint(*range.start(), *range.end()));
                true
            } else {
                false
            }
        }
    }
}

fn sort_rows(rows: &mut [(String, Card)], sort: Sort) {
    match sort.by {
        SortBy::Journey => {}
        SortBy::Title => rows.sort_by_key(|a| a.1.title.to_lowercase()),
        by => rows.sort_by(|a, b| {
            // Unknown values sort last either way.
            match (key(&a.1, by), key(&b.1, by)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        }),
    }
    if sort.descending {
        rows.reverse();
    }
}

pub(crate) fn show(ui: &mut egui::Ui, editor: &mut Editor) {
    let Some(map) = editor.current_map() else { return };
    let map_id = map.id;
    let sort_id = egui::Id::unique("scores-table-sort");
    let mut sort: Sort = ui.data(|d| d.get_temp(sort_id)).unwrap_or_default();
    let mut rows: Vec<(String, Card)> =
        map.stages.iter().flat_map(|s| s.cards.iter().map(move |c| (s.name.clone(), c.clone()))).collect();
    sort_rows(&mut rows, sort);
    let mut changed: Option<Card> = None;
    let mut select: Option<CardId> = None;
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .column(Column::auto().at_least(90.0))
        .column(Column::remainder().at_least(160.0))
        .columns(Column::auto().at_least(70.0), 6)
        .column(Column::auto().at_least(60.0))
        .header(22.0, |mut header| {
            for (title, by) in HEADERS {
                header.col(|ui| {
                    let Some(by) = by else {
                        ui.strong(title);
                        return;
                    };
                    let arrow = match (sort.by == by, sort.descending) {
                        (true, false) => " ▲",
                        (true, true) => " ▼",
                        (false, _) => "",
                    };
                    if ui.button(format!("{title}{arrow}")).on_hover_text("Sort by this column").clicked() {
                        sort = if sort.by == by {
                            Sort { by, descending: !sort.descending }
                        } else {
                            Sort { by, descending: false }
                        };
                    }
                });
            }
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let (stage, card) = &rows[row.index()];
                let mut edited = card.clone();
                row.col(|ui| {
                    ui.label(stage);
                });
                row.col(|ui| {
                    if ui.link(&card.title).clicked() {
                        select = Some(card.id);
                    }
                });
                let mut any = false;
                row.col(|ui| any |= score_cell(ui, &mut edited.importance.internal, 1.0..=10.0));
                row.col(|ui| any |= score_cell(ui, &mut edited.importance.customer, 1.0..=10.0));
                row.col(|ui| any |= score_cell(ui, &mut edited.performance.internal, 1.0..=10.0));
                row.col(|ui| any |= score_cell(ui, &mut edited.performance.customer, 1.0..=10.0));
                row.col(|ui| {
                    ui.label(edited.performance.gap().map_or_else(|| "–".to_owned(), |g| format!("{g:+.1}")));
                });
                row.col(|ui| any |= score_cell(ui, &mut edited.emotion.elicited, -2.0..=2.0));
                row.col(|ui| {
                    let f = card.flags;
                    let marks: Vec<&str> = [
                        (f.pain_point, "Pain"),
                        (f.moment_of_delight, "Delight"),
                        (f.moment_of_truth, "Truth"),
                        (f.bottleneck, "Bottleneck"),
                    ]
                    .into_iter()
                    .filter_map(|(on, name)| on.then_some(name))
                    .collect();
                    ui.label(marks.join(", "));
                });
                if any {
                    changed = Some(edited);
                }
            });
        });
    ui.data_mut(|d| d.insert_temp(sort_id, sort));
    if let Some(card) = changed {
        let id = card.id;
        editor.apply_merging(
            "Edit scores",
            vec![Edit::ReplaceCard { map: map_id, card }],
            Some(MergeKey::Card(id)),
        );
    }
    if ui.input(|i| i.pointer.any_released()) {
        editor.doc.seal();
    }
    if let Some(card) = select {
        editor.selection = Selection { cards: vec![card], stage: None };
    }
}
