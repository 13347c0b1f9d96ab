//! The editor's state around the document: which map is shown, what is selected, and the
//! cached scene of the shown map. Selection and view are not part of the undo history.

use crate::edit::{Document, Edit, MergeKey};
use crate::layout::{FontMeasure, LayoutOptions, Scene, layout};
use crate::model::{CardId, JourneyMap, LinkId, MapId, OwnerId, Problem, StageId, Study};
use std::sync::Arc;

/// What is selected on the canvas: cards, or one stage, or one link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Selected cards, in the order they were selected.
    pub cards: Vec<CardId>,
    /// A selected stage (clicked on the spine).
    pub stage: Option<StageId>,
    /// A selected link (clicked on its connector).
    pub link: Option<LinkId>,
}

impl Selection {
    /// Whether nothing is selected.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty() && self.stage.is_none() && self.link.is_none()
    }

    /// These cards and nothing else.
    #[must_use]
    pub fn of_cards(cards: Vec<CardId>) -> Self {
        Self { cards, ..Self::default() }
    }

    /// This one card.
    #[must_use]
    pub fn of_card(card: CardId) -> Self {
        Self::of_cards(vec![card])
    }

    /// This stage.
    #[must_use]
    pub fn of_stage(stage: StageId) -> Self {
        Self { stage: Some(stage), ..Self::default() }
    }

    /// This link.
    #[must_use]
    pub fn of_link(link: LinkId) -> Self {
        Self { link: Some(link), ..Self::default() }
    }
}

/// The open document and what the user is looking at.
pub struct Editor {
    /// The study being edited, with its history.
    pub doc: Document,
    /// The map shown on the canvas.
    pub map: Option<MapId>,
    /// The selection on that map.
    pub selection: Selection,
    /// An owner whose cards are highlighted.
    pub highlight: Option<OwnerId>,
    /// The last error an edit produced, for the status bar.
    pub last_error: Option<String>,
    cache: Option<(u64, MapId, Arc<Scene>)>,
    problems: Option<(u64, Arc<Vec<Problem>>)>,
    analysis: Option<(u64, MapId, crate::analysis::Settings, Arc<crate::analysis::MapAnalysis>)>,
}

impl Editor {
    /// An editor showing the first map of `doc`.
    #[must_use]
    pub fn new(doc: Document) -> Self {
        let map = doc.study().maps.first().map(|m| m.id);
        Self {
            doc,
            map,
            selection: Selection::default(),
            highlight: None,
            last_error: None,
            cache: None,
            problems: None,
            analysis: None,
        }
    }

    /// The study.
    #[must_use]
    pub fn study(&self) -> &Study {
        self.doc.study()
    }

    /// The shown map, if the study has one.
    #[must_use]
    pub fn current_map(&self) -> Option<&JourneyMap> {
        self.map.and_then(|id| self.study().map(id)).or_else(|| self.study().maps.first())
    }

    /// The scene of the shown map, laid out again only when the study changed.
    pub fn scene(&mut self) -> Option<Arc<Scene>> {
        let map = self.current_map()?;
        let (generation, id) = (self.doc.generation(), map.id);
        if let Some((g, m, scene)) = &self.cache
            && *g == generation
            && *m == id
        {
            return Some(scene.clone());
        }
        let scene = Arc::new(layout(self.study(), map, FontMeasure::shared(), &LayoutOptions::default()));
        self.cache = Some((generation, id, scene.clone()));
        Some(scene)
    }

    /// The analysis of the shown map, made again only when the study, the map or the settings
    /// changed.
    pub fn analysis(
        &mut self,
        settings: &crate::analysis::Settings,
    ) -> Option<Arc<crate::analysis::MapAnalysis>> {
        let map = self.current_map()?;
        let (generation, id) = (self.doc.generation(), map.id);
        if let Some((g, m, s, analysis)) = &self.analysis
            && *g == generation
            && *m == id
            && s == settings
        {
            return Some(analysis.clone());
        }
        let analysis = Arc::new(crate::analysis::analyse(self.study(), map, settings));
        self.analysis = Some((generation, id, *settings, analysis.clone()));
        Some(analysis)
    }

    /// Every problem of the study, validated again only when the study changed.
    pub fn problems(&mut self) -> Arc<Vec<Problem>> {
        let generation = self.doc.generation();
        if let Some((g, problems)) = &self.problems
            && *g == generation
        {
            return problems.clone();
        }
        let problems = Arc::new(crate::model::validate(self.study()));
        self.problems = Some((generation, problems.clone()));
        problems
    }

    /// Applies edits as one undo step; a failure is shown in the status bar, not lost.
    pub fn apply(&mut self, label: &str, edits: Vec<Edit>) -> bool {
        self.apply_merging(label, edits, None)
    }

    /// Applies edits, merging with the open step of the same key (continuous edits).
    pub fn apply_merging(&mut self, label: &str, edits: Vec<Edit>, merge: Option<MergeKey>) -> bool {
        match self.doc.apply_merging(label, edits, merge) {
            Ok(()) => {
                self.after_change();
                true
            }
            Err(error) => {
                self.last_error = Some(error.to_string());
                false
            }
        }
    }

    /// Undoes the last step.
    pub fn undo(&mut self) {
        if self.doc.undo() {
            self.after_change();
        }
    }

    /// Redoes the last undone step.
    pub fn redo(&mut self) {
        if self.doc.redo() {
            self.after_change();
        }
    }

    /// Shows another map and clears the selection.
    pub fn show_map(&mut self, map: MapId) {
        if self.map != Some(map) {
            self.map = Some(map);
            self.selection = Selection::default();
        }
    }

    /// Replaces the document (after New or Open).
    pub fn replace_document(&mut self, doc: Document) {
        *self = Self::new(doc);
    }

    /// Replaces the document with a new version of the same study (it changed on disk),
    /// keeping the shown map, the selection and the highlight where they still exist.
    pub fn reload_document(&mut self, doc: Document) {
        let (map, selection, highlight) = (self.map, self.selection.clone(), self.highlight);
        *self = Self::new(doc);
        if map.is_some_and(|id| self.study().map(id).is_some()) {
            self.map = map;
        }
        self.selection = selection;
        self.highlight = highlight.filter(|id| self.study().owner(*id).is_some());
        self.after_change();
    }

    /// Drops selected elements that no longer exist and keeps the shown map valid.
    fn after_change(&mut self) {
        if self.map.and_then(|id| self.study().map(id)).is_none() {
            self.map = self.study().maps.first().map(|m| m.id);
        }
        let Some(map) = self.current_map() else {
            self.selection = Selection::default();
            return;
        };
        let cards: Vec<CardId> =
            self.selection.cards.iter().copied().filter(|id| map.card(*id).is_some()).collect();
        let stage = self.selection.stage.filter(|id| map.stage(*id).is_some());
        let link = self.selection.link.filter(|id| map.links.iter().any(|l| l.id == *id));
        self.selection = Selection { cards, stage, link };
    }

    /// The stage the selection is in: the selected stage, or the first selected card's stage.
    #[must_use]
    pub fn selected_stage(&self) -> Option<StageId> {
        let map = self.current_map()?;
        self.selection.stage.or_else(|| {
            let card = *self.selection.cards.first()?;
            map.stages.iter().find(|s| s.cards.iter().any(|c| c.id == card)).map(|s| s.id)
        })
    }
}
