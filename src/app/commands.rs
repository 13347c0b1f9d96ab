//! Every action of the editor, with its label, tooltip and shortcut, in one list: menus,
//! toolbar, context menus and keyboard all read it, so they never disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

/// An action the user can take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start a new study from the starter template.
    NewStudy,
    /// Open a study file.
    Open,
    /// Save the study.
    Save,
    /// Save the study under a new name.
    SaveAs,
    /// Export a poster.
    Export,
    /// Export the whole study as a PDF booklet.
    ExportBooklet,
    /// Import a Mermaid journey or a spreadsheet.
    Import,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Cut the selected cards.
    Cut,
    /// Copy the selected cards.
    Copy,
    /// Paste cards.
    Paste,
    /// Delete the selection.
    Delete,
    /// Duplicate the selected cards.
    Duplicate,
    /// Select every card of the map.
    SelectAll,
    /// Rename the selected card in place.
    Rename,
    /// Add a stage at the end of the spine.
    AddStage,
    /// Add a card to the selected card's stage, or the first stage.
    AddCard,
    /// Link the two selected cards.
    AddLink,
    /// Add a map.
    AddMap,
    /// Rename the shown map in place, on its tab.
    RenameMap,
    /// Duplicate the shown map.
    DuplicateMap,
    /// Delete the shown map.
    DeleteMap,
    /// Make a tactical map of the selected touchpoints, or open the one that details them.
    DetailTouchpoint,
    /// Make the performance-and-improvement map of the shown tactical map, or open it.
    MakePerformanceMap,
    /// Open the selected card's detail map.
    OpenDetail,
    /// Go up to the map the shown map details.
    GoUp,
    /// Clear the selection and the owner highlight.
    ClearSelection,
    /// Fit the journey (stages, touchpoints, lanes) to the window.
    ZoomFit,
    /// Fit the whole poster page to the window.
    ZoomPage,
    /// Zoom to the selection.
    ZoomSelection,
    /// Show the map at 100 %.
    Zoom100,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Show or hide the Analysis view.
    ToggleAnalysis,
    /// Switch between light and dark.
    ToggleTheme,
    /// Show or hide the owners and outline panel (docked, or over the canvas in a narrow
    /// window).
    ToggleOwners,
    /// Show or hide the inspector (docked, or over the canvas in a narrow window).
    ToggleInspector,
    /// Hide every menu, toolbar, panel and the status bar, or bring them back.
    FocusMode,
    /// Quit.
    Quit,
}

#[allow(clippy::unnecessary_wraps, reason = "shortcuts are optional; this keeps the table short")]
const fn shortcut(modifiers: Modifiers, key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(modifiers, key))
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 40] = [
        Self::NewStudy,
        Self::Open,
        Self::Save,
        Self::SaveAs,
        Self::Import,
        Self::Export,
        Self::ExportBooklet,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::Cut,
        Self::Copy,
        Self::Paste,
        Self::Duplicate,
        Self::Delete,
        Self::SelectAll,
        Self::Rename,
        Self::AddStage,
        Self::AddCard,
        Self::AddLink,
        Self::AddMap,
        Self::RenameMap,
        Self::DuplicateMap,
        Self::DeleteMap,
        Self::DetailTouchpoint,
        Self::MakePerformanceMap,
        Self::OpenDetail,
        Self::GoUp,
        Self::ClearSelection,
        Self::ZoomFit,
        Self::ZoomPage,
        Self::ZoomSelection,
        Self::Zoom100,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ToggleAnalysis,
        Self::ToggleTheme,
        Self::ToggleOwners,
        Self::ToggleInspector,
        Self::FocusMode,
    ];

    /// The menu label (sentence case, `…` when it opens a dialog).
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::NewStudy => "New study",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::Export => "Export…",
            Self::ExportBooklet => "Export booklet (PDF)…",
            Self::Import => "Import…",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Cut => "Cut",
            Self::Copy => "Copy",
            Self::Paste => "Paste",
            Self::Delete => "Delete",
            Self::Duplicate => "Duplicate",
            Self::SelectAll => "Select all",
            Self::Rename => "Rename",
            Self::AddStage => "Add stage",
            Self::AddCard => "Add card",
            Self::AddLink => "Link selected cards",
            Self::AddMap => "Add map",
            Self::RenameMap => "Rename map",
            Self::DuplicateMap => "Duplicate map",
            Self::DeleteMap => "Delete map",
            Self::DetailTouchpoint => "Detail this touchpoint",
            Self::MakePerformanceMap => "Make a performance map",
            Self::OpenDetail => "Open detail map",
            Self::GoUp => "Up to the map it details",
            Self::ClearSelection => "Select nothing",
            Self::ZoomFit => "Fit to window",
            Self::ZoomPage => "Whole page",
            Self::ZoomSelection => "Zoom to selection",
            Self::Zoom100 => "Actual size (100 %)",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ToggleAnalysis => "Analysis",
            Self::ToggleTheme => "Dark mode",
            Self::Quit => "Quit",
            Self::ToggleOwners => "Owners and outline",
            Self::ToggleInspector => "Inspector",
            Self::FocusMode => "Focus mode",
        }
    }

    /// One line on what the command does.
    #[must_use]
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::NewStudy => "Start a new study from the starter template",
            Self::Open => "Open a study file (.journey.ron)",
            Self::Save => "Save the study to its file",
            Self::SaveAs => "Save the study to a new file",
            Self::Export => "Export a map as a poster (SVG, PNG), a Mermaid journey or a spreadsheet (CSV)",
            Self::ExportBooklet => "Export the whole study as a PDF booklet for senior management",
            Self::Import => "Import a Mermaid journey (.mmd) or a spreadsheet (.csv) as a study or a map",
            Self::Undo => "Undo the last change",
            Self::Redo => "Redo the last undone change",
            Self::Cut => "Cut the selected cards to the clipboard",
            Self::Copy => "Copy the selected cards to the clipboard",
            Self::Paste => "Paste cards from the clipboard into the selected stage",
            Self::Delete => "Delete the selected cards and their links",
            Self::Duplicate => "Duplicate the selected cards",
            Self::SelectAll => "Select every card of the map",
            Self::Rename => "Rename the selected card or stage in place",
            Self::AddStage => "Add a stage at the end of the spine",
            Self::AddCard => "Add a card to the selected stage",
            Self::AddLink => "Link the first selected card to the second",
            Self::AddMap => "Add a map to the study",
            Self::RenameMap => "Rename the shown map on its tab",
            Self::DuplicateMap => "Add a copy of the shown map after it",
            Self::DeleteMap => "Delete the shown map (undo brings it back)",
            Self::DetailTouchpoint => {
                "Make a tactical map of the selected touchpoints (of one stage), step by step with their owners as lanes; opens it if there is one"
            }
            Self::MakePerformanceMap => {
                "Make the performance and improvement map of this tactical map's steps, with their owners and scores; opens it if there is one"
            }
            Self::OpenDetail => "Open the map that details the selected card (or double-click the card)",
            Self::GoUp => "Go back up to the map this one details, as you left it",
            Self::ClearSelection => "Clear the selection and the owner highlight",
            Self::ZoomFit => "Fit the stages and touchpoints to the window",
            Self::ZoomPage => "Show the whole poster page: title block, rows and legend too",
            Self::ZoomSelection => "Zoom to the selected cards",
            Self::Zoom100 => "Show the map at its printed size",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ToggleAnalysis => {
                "Show the analysis beside the map: matrix, gaps, handoffs, coverage, metrics and heat"
            }
            Self::ToggleTheme => "Switch the interface between light and dark",
            Self::Quit => "Close Wayline",
            Self::ToggleOwners => "Show or hide the owners and the outline (over the map in a narrow window)",
            Self::ToggleInspector => "Show or hide the inspector (over the map in a narrow window)",
            Self::FocusMode => {
                "Show the map alone, without menus, toolbar, panels or status bar (Escape returns)"
            }
        }
    }

    /// The keyboard shortcut, if any.
    #[must_use]
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let command = Modifiers::COMMAND;
        let shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        match self {
            Self::NewStudy => shortcut(command, Key::N),
            Self::Open => shortcut(command, Key::O),
            Self::Save => shortcut(command, Key::S),
            Self::SaveAs => shortcut(shift, Key::S),
            Self::Export => shortcut(command, Key::E),
            Self::ExportBooklet => shortcut(command | Modifiers::SHIFT, Key::E),
            Self::Import => shortcut(command, Key::I),
            Self::Undo => shortcut(command, Key::Z),
            Self::Redo => shortcut(shift, Key::Z),
            Self::Cut => shortcut(command, Key::X),
            Self::Copy => shortcut(command, Key::C),
            Self::Paste => shortcut(command, Key::V),
            Self::Delete => shortcut(Modifiers::NONE, Key::Delete),
            Self::Duplicate => shortcut(command, Key::D),
            Self::SelectAll => shortcut(command, Key::A),
            Self::Rename => shortcut(Modifiers::NONE, Key::F2),
            Self::AddCard => shortcut(Modifiers::NONE, Key::N),
            Self::AddLink => shortcut(Modifiers::NONE, Key::L),
            Self::ZoomFit => shortcut(Modifiers::SHIFT, Key::Num1),
            Self::ZoomSelection => shortcut(Modifiers::SHIFT, Key::Num2),
            Self::ZoomPage => shortcut(Modifiers::SHIFT, Key::Num3),
            Self::Zoom100 => shortcut(command, Key::Num0),
            Self::ZoomIn => shortcut(command, Key::Plus),
            Self::ZoomOut => shortcut(command, Key::Minus),
            Self::Quit => shortcut(command, Key::Q),
            Self::ClearSelection => shortcut(Modifiers::NONE, Key::Escape),
            Self::ToggleAnalysis => shortcut(shift, Key::A),
            Self::ToggleOwners => shortcut(shift, Key::O),
            Self::ToggleInspector => shortcut(shift, Key::I),
            Self::FocusMode => shortcut(Modifiers::NONE, Key::F11),
            Self::DetailTouchpoint => shortcut(shift, Key::D),
            Self::MakePerformanceMap => shortcut(shift, Key::P),
            Self::OpenDetail => shortcut(Modifiers::NONE, Key::Enter),
            Self::GoUp => shortcut(Modifiers::ALT, Key::ArrowLeft),
            Self::AddStage
            | Self::AddMap
            | Self::RenameMap
            | Self::DuplicateMap
            | Self::DeleteMap
            | Self::ToggleTheme => None,
        }
    }

    /// Extra keys that do the same (Ctrl+Y for redo, Backspace for delete).
    #[must_use]
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Self::Redo => shortcut(Modifiers::COMMAND, Key::Y),
            Self::ZoomIn => shortcut(Modifiers::COMMAND, Key::Equals),
            // Backspace deletes the selection, or with nothing selected goes up a map.
            Self::Delete | Self::GoUp => shortcut(Modifiers::NONE, Key::Backspace),
            _ => None,
        }
    }

    /// Whether the shortcut is a bare key, which must not fire while typing in a text field.
    #[must_use]
    pub fn is_bare_key(self) -> bool {
        self.shortcut().is_some_and(|s| s.modifiers.is_none() || s.modifiers == Modifiers::SHIFT)
    }

    /// Whether the shortcut names a key by its place on the keyboard rather than by what it
    /// types: Shift+1 types "!" on a US layout, "1" on a French one, and is the same key on
    /// both.
    #[must_use]
    pub fn is_physical(self) -> bool {
        matches!(self, Self::ZoomFit | Self::ZoomPage | Self::ZoomSelection)
    }
}
