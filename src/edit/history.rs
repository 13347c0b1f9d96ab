//! Undo and redo. A step is what the user thinks of as one change: one command, one drag,
//! one text edit from focus to blur. Selection is not part of the history.

use super::apply::{Edit, EditError, apply_all};
use crate::model::{CardId, LinkId, MapId, OwnerId, PersonaId, StageId, Study};

/// Identifies the element a continuous edit (typing in a field, dragging a slider) changes.
/// Consecutive steps with the same key merge into one until the history is sealed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MergeKey {
    /// The study's meta data.
    Meta,
    /// A map's own fields.
    Map(MapId),
    /// A stage's own fields.
    Stage(StageId),
    /// A card.
    Card(CardId),
    /// Several cards edited together, identified by a hash of their ids.
    Cards(u64),
    /// A link.
    Link(LinkId),
    /// An owner.
    Owner(OwnerId),
    /// A persona.
    Persona(PersonaId),
}

#[derive(Clone, Debug)]
struct Step {
    id: u64,
    label: String,
    /// The edits that take the study back to before the step, in the order to apply them.
    edits: Vec<Edit>,
    merge: Option<MergeKey>,
    open: bool,
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_id: u64,
}

impl History {
    /// Records a step whose undo edits are `inverses`. With a merge key equal to the open top
    /// step's, the two become one step: the top step already knows how to restore the state
    /// from before both (merge keys are only used for edits that replace one whole element).
    pub fn record(&mut self, label: &str, inverses: Vec<Edit>, merge: Option<MergeKey>) {
        self.redo.clear();
        if let (Some(key), Some(top)) = (merge, self.undo.last_mut())
            && top.open
            && top.merge == Some(key)
        {
            return;
        }
        self.seal();
        self.next_id += 1;
        self.undo.push(Step {
            id: self.next_id,
            label: label.to_owned(),
            edits: inverses,
            merge,
            open: merge.is_some(),
        });
    }

    /// Closes the top step: the next edit starts a new step even if it has the same merge key.
    /// Called when a text field loses focus or a gesture ends.
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.open = false;
        }
    }

    /// Undoes the last step.
    ///
    /// # Errors
    /// Only if the history no longer matches the study, which [`Document`](super::Document)
    /// prevents.
    pub fn undo(&mut self, study: &mut Study) -> Result<bool, EditError> {
        let Some(step) = self.undo.pop() else { return Ok(false) };
        let redo = apply_all(study, step.edits.clone()).inspect_err(|_| self.undo.push(step.clone()))?;
        self.redo.push(Step { edits: redo, open: false, ..step });
        Ok(true)
    }

    /// Redoes the last undone step.
    ///
    /// # Errors
    /// Only if the history no longer matches the study.
    pub fn redo(&mut self, study: &mut Study) -> Result<bool, EditError> {
        let Some(step) = self.redo.pop() else { return Ok(false) };
        let undo = apply_all(study, step.edits.clone()).inspect_err(|_| self.redo.push(step.clone()))?;
        self.undo.push(Step { edits: undo, open: false, ..step });
        Ok(true)
    }

    /// The label of the step undo would undo.
    #[must_use]
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// The label of the step redo would redo.
    #[must_use]
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// An id for the current position in the history: equal ids mean equal studies.
    #[must_use]
    pub fn position(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.id)
    }

    /// How many steps can be undone.
    #[must_use]
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }
}
