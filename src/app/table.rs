//! The scores table: every card of the map with its importance, performance, gap and emotion,
//! sortable by any column and editable in place.

use super::editor::{Editor, Selection};
use crate::edit::{Edit, MergeKey};
use crate::model::scales::{EMOTION_RANGE, SCORE_RANGE};
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

/// The editable score shown in a column of the table, with its scale (the gap column has
/// none: it is computed).
fn score_of(card: &mut Card, column: usize) -> Option<(&mut Option<f32>, std::ops::RangeInclusive<f32>)> {
    match column {
        2 => Some((&mut card.importance.internal, SCORE_RANGE)),
        3 => Some((&mut card.importance.customer, SCORE_RANGE)),
        4 => Some((&mut card.performance.internal, SCORE_RANGE)),
        5 => Some((&mut card.performance.customer, SCORE_RANGE)),
        7 => Some((&mut card.emotion.elicited, EMOTION_RANGE)),
        _ => None,
    }
}

/// A score cell: the inspector's score field, named after its column and card so it can be
/// found; returns the response when the user changed it.
fn score_cell(
    ui: &mut egui::Ui,
    column: &str,
    card: &str,
    value: &mut Option<f32>,
    range: std::ops::RangeInclusive<f32>,
    sealed: &mut bool,
) -> bool {
    let response = super::inspector::optional_score(ui, &format!("{column} of {card}"), value, range);
    *sealed |= response.lost_focus() || response.drag_stopped();
    response.changed()
}

fn sort_rows(rows: &mut [(String, Card)], sort: Sort) {
    match sort.by {
        SortBy::Journey => {}
        SortBy::Title => rows.sort_by_key(|a| a.1.title.to_lowercase()),
        by => {
            // Unknown values sort last in both directions; equal values keep journey order.
            rows.sort_by(|a, b| match (key(&a.1, by), key(&b.1, by)) {
                (Some(x), Some(y)) if sort.descending => y.total_cmp(&x),
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
            return;
        }
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
    let mut sealed = false;
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .column(Column::auto().at_least(90.0))
        .column(Column::remainder().at_least(160.0))
        .columns(Column::auto().at_least(110.0), 6)
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
                for (column, (header, _)) in HEADERS.iter().enumerate().take(8).skip(2) {
                    row.col(|ui| {
                        if let Some((value, range)) = score_of(&mut edited, column) {
                            any |= score_cell(ui, header, &card.title, value, range, &mut sealed);
                        } else {
                            let gap = edited.performance.gap();
                            ui.label(gap.map_or_else(|| "–".to_owned(), |g| format!("{g:+.1}")));
                        }
                    });
                }
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
    if sealed {
        editor.doc.seal();
    }
    if let Some(card) = select {
        editor.selection = Selection::of_card(card);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(title: &str, importance: Option<f32>) -> (String, Card) {
        let mut card = Card { title: title.to_owned(), ..Card::default() };
        card.importance.internal = importance;
        ("Stage".to_owned(), card)
    }

    fn titles(rows: &[(String, Card)]) -> Vec<&str> {
        rows.iter().map(|r| r.1.title.as_str()).collect()
    }

    #[test]
    fn unknown_values_sort_last_in_both_directions() {
        let mut rows = vec![
            row("a", None),
            row("b", Some(6.4)),
            row("c", Some(2.0)),
            row("d", None),
            row("e", Some(9.0)),
        ];
        sort_rows(&mut rows, Sort { by: SortBy::ImportanceInternal, descending: false });
        assert_eq!(titles(&rows), ["c", "b", "e", "a", "d"]);
        sort_rows(&mut rows, Sort { by: SortBy::ImportanceInternal, descending: true });
        assert_eq!(titles(&rows), ["e", "b", "c", "a", "d"]);
    }
}
