//! The Analysis view beside the canvas: the importance × performance matrix and the tables of
//! gaps, handoffs, owner coverage, metrics, computed heat and roll-ups, all read from the one
//! analysis of the shown map (`Editor::analysis`). Clicking a card in any of them selects it on
//! the canvas.

mod matrix;
mod rollups;
mod tables;

use super::editor::{Editor, Selection};
use crate::analysis::{Crosshairs, Settings};
use crate::layout::matrix::MatrixViews;
use crate::model::CardId;

/// The tabs of the Analysis view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    /// The importance × performance scatter.
    #[default]
    Matrix,
    /// Cards ranked by their gap.
    Gaps,
    /// Handoffs per owner pair.
    Handoffs,
    /// Owner × stage coverage.
    Coverage,
    /// Metrics against their targets.
    Metrics,
    /// Computed heat against the team's flags.
    Heat,
    /// Touchpoints' stated performance beside the one rolled up from their detail maps.
    RollUps,
}

impl Tab {
    const ALL: [Tab; 7] =
        [Self::Matrix, Self::Gaps, Self::Handoffs, Self::Coverage, Self::Metrics, Self::Heat, Self::RollUps];

    fn label(self) -> &'static str {
        match self {
            Self::Matrix => "Matrix",
            Self::Gaps => "Gaps",
            Self::Handoffs => "Handoffs",
            Self::Coverage => "Coverage",
            Self::Metrics => "Metrics",
            Self::Heat => "Heat",
            Self::RollUps => "Roll-ups",
        }
    }
}

/// What the Analysis view shows, remembered between runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct AnalysisPrefs {
    /// The open tab.
    pub tab: Tab,
    /// The views the matrix shows.
    pub views: MatrixViews,
    /// Crosshairs at the scale midpoint instead of the means.
    pub midpoint: bool,
}

impl AnalysisPrefs {
    /// The settings the analysis is made with.
    #[must_use]
    pub fn settings(&self) -> Settings {
        let view = match self.views {
            MatrixViews::Internal => crate::analysis::View::Internal,
            MatrixViews::Customer | MatrixViews::Both => crate::analysis::View::Customer,
        };
        Settings {
            view,
            crosshairs: if self.midpoint { Crosshairs::Midpoint } else { Crosshairs::Means },
            ..Settings::default()
        }
    }
}

/// Shows the Analysis view for the shown map.
pub(crate) fn show(ui: &mut egui::Ui, editor: &mut Editor, prefs: &mut AnalysisPrefs) {
    ui.horizontal(|ui| {
        ui.heading("Analysis");
    });
    ui.horizontal_wrapped(|ui| {
        for tab in Tab::ALL {
            ui.selectable_value(&mut prefs.tab, tab, tab.label());
        }
    });
    ui.separator();
    let settings = prefs.settings();
    let Some(analysis) = editor.analysis(&settings) else {
        ui.weak("This study has no map to analyse yet.");
        return;
    };
    let mut clicked: Option<CardId> = None;
    egui::ScrollArea::vertical().id_salt("analysis-scroll").auto_shrink([false, false]).show(ui, |ui| {
        clicked = match prefs.tab {
            Tab::Matrix => matrix::show(ui, editor, &analysis, prefs),
            Tab::Gaps => tables::gaps(ui, editor, &analysis),
            Tab::Handoffs => tables::handoffs(ui, editor, &analysis),
            Tab::Coverage => {
                tables::coverage(ui, editor, &analysis);
                None
            }
            Tab::Metrics => tables::metrics(ui, editor, &analysis),
            Tab::Heat => tables::heat(ui, editor, &analysis),
            Tab::RollUps => rollups::show(ui, editor, &analysis),
        };
    });
    if let Some(card) = clicked {
        editor.selection = Selection::of_card(card);
    }
}
