//! What each command does, and the menu bar, toolbar and status bar that offer them.

use super::chrome::SidePanel;
use super::commands::Command;
use super::dialogs::{Dialog, Then};
use super::{WaylineApp, clipboard, files};
use crate::edit::{Document, ops};
use crate::io::{load_study, save_study};
use crate::model::{Date, LinkKind, MapKind};
use crate::templates::TEMPLATES;
use crate::words;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

impl WaylineApp {
    /// Runs a command.
    #[allow(clippy::too_many_lines, reason = "one arm per command")]
    pub(crate) fn run(&mut self, ctx: &egui::Context, command: Command) {
        let map = self.editor.current_map().map(|m| m.id);
        match command {
            Command::NewStudy => self.guard_unsaved(Then::New("starter")),
            Command::Open => self.guard_unsaved(Then::OpenDialog),
            Command::Save => self.save(),
            Command::SaveAs => self.save_as(),
            Command::Export => self.export.open(&self.editor),
            Command::ExportBooklet => self.export.open_booklet(&self.editor),
            Command::Import => match files::pick_import() {
                files::Choice::Chosen(path) => self.import_path(&path),
                files::Choice::Cancelled => {}
                files::Choice::Unavailable => self.dialog = Some(Dialog::ImportPath { text: String::new() }),
            },
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => self.editor.undo(),
            Command::Redo => self.editor.redo(),
            Command::Copy | Command::Cut => {
                let Some(map) = self.editor.current_map() else { return };
                if let Some(text) =
                    clipboard::copy_cards(self.editor.study(), map, &self.editor.selection.cards)
                {
                    ctx.copy_text(text);
                    if command == Command::Cut {
                        let edits =
                            ops::delete_cards(self.editor.study(), map.id, &self.editor.selection.cards);
                        let note = self.deletion_note(&edits);
                        if self.editor.apply("Cut", edits) && !note.is_empty() {
                            self.status = note;
                        }
                    }
                }
            }
            Command::Paste => {
                // The text arrives as a paste event on the next frame.
                ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste);
            }
            Command::Delete => {
                let Some(map) = map else { return };
                if !self.editor.selection.cards.is_empty() {
                    let count = self.editor.selection.cards.len();
                    let edits = ops::delete_cards(self.editor.study(), map, &self.editor.selection.cards);
                    let note = self.deletion_note(&edits);
                    if self.editor.apply(if count == 1 { "Delete card" } else { "Delete cards" }, edits)
                        && !note.is_empty()
                    {
                        self.status = note;
                    }
                } else if let Some(stage) = self.editor.selection.stage {
                    let edits = ops::delete_stage(self.editor.study(), map, stage);
                    let note = self.deletion_note(&edits);
                    if self.editor.apply("Delete stage", edits) {
                        self.status = note;
                    }
                } else if let Some(link) = self.editor.selection.link {
                    self.editor.apply("Delete link", vec![crate::edit::Edit::RemoveLink { map, link }]);
                }
            }
            Command::Duplicate => {
                let Some(map) = map else { return };
                let (edits, copies) =
                    ops::duplicate_cards(self.editor.study(), map, &self.editor.selection.cards);
                if self.editor.apply("Duplicate", edits) {
                    self.editor.selection.cards = copies;
                }
            }
            Command::SelectAll => {
                if let Some(map) = self.editor.current_map() {
                    let cards = map.cards().map(|c| c.id).collect();
                    self.editor.selection = super::editor::Selection::of_cards(cards);
                }
            }
            Command::Rename => {
                let Some(map) = self.editor.current_map() else { return };
                if let [card] = self.editor.selection.cards.as_slice()
                    && let Some(card) = map.card(*card)
                {
                    self.canvas.start_rename(card.id, &card.title);
                } else if let Some(stage) = self.editor.selection.stage.and_then(|s| map.stage(s)) {
                    self.canvas.start_stage_rename(stage.id, &stage.name);
                }
            }
            Command::AddStage => {
                let Some(map) = self.editor.current_map() else { return };
                let index = self
                    .editor
                    .selection
                    .stage
                    .and_then(|s| map.stages.iter().position(|x| x.id == s))
                    .map_or(map.stages.len(), |i| i + 1);
                let (edits, stage) = ops::add_stage(self.editor.study(), map.id, index, "New stage");
                if self.editor.apply("Add stage", edits) {
                    self.editor.selection = super::editor::Selection::of_stage(stage);
                    self.canvas.request_reveal_stage(stage);
                    self.canvas.start_stage_rename(stage, "New stage");
                }
            }
            Command::AddCard => self.add_card(),
            Command::AddLink => {
                let Some(map) = map else { return };
                if let [from, to] = self.editor.selection.cards.as_slice() {
                    let (edits, _) = ops::add_link(self.editor.study(), map, *from, *to, LinkKind::Flow);
                    if edits.is_empty() {
                        self.say("Those cards are already linked");
                    }
                    self.editor.apply("Link cards", edits);
                } else {
                    self.say("Select two cards to link them, or drag from a card's handle to another card");
                }
            }
            Command::AddMap => {
                let (edits, id) = ops::add_map(self.editor.study(), MapKind::Typical, "New map");
                if self.editor.apply("Add map", edits) {
                    self.editor.show_map(id);
                    self.canvas.request_fit();
                    self.canvas.start_map_rename(id, "New map");
                }
            }
            Command::RenameMap => {
                if let Some(map) = self.editor.current_map() {
                    self.canvas.start_map_rename(map.id, &map.title.clone());
                }
            }
            Command::DuplicateMap => {
                let Some(map) = map else { return };
                let (edits, copy) = ops::duplicate_map(self.editor.study(), map);
                if self.editor.apply("Duplicate map", edits)
                    && let Some(copy) = copy
                {
                    self.editor.show_map(copy);
                    self.canvas.request_fit();
                }
            }
            Command::DeleteMap => {
                let Some(map) = map else { return };
                let edits = ops::delete_map(self.editor.study(), map);
                let note = self.deletion_note(&edits);
                if self.editor.apply("Delete map", edits) {
                    self.status = note;
                }
            }
            Command::DetailTouchpoint => self.detail_touchpoint(),
            Command::MakePerformanceMap => self.make_performance_map(),
            Command::OpenDetail => self.open_detail(),
            Command::GoUp => self.go_up(),
            Command::ClearSelection => {
                self.editor.selection = super::editor::Selection::default();
                self.editor.highlight = None;
            }
            Command::ZoomFit => self.canvas.request_fit(),
            Command::ZoomPage => self.canvas.request_fit_page(),
            Command::ZoomSelection => self.canvas.request_zoom_to_selection(),
            Command::Zoom100 => self.canvas.request_zoom_100(),
            Command::ZoomIn => {
                if let Some(map) = map {
                    self.canvas.zoom_by(map, 1.25);
                }
            }
            Command::ZoomOut => {
                if let Some(map) = map {
                    self.canvas.zoom_by(map, 0.8);
                }
            }
            Command::ToggleAnalysis => self.toggle_panel(ctx, super::chrome::SidePanel::Analysis),
            Command::ToggleOwners => self.toggle_panel(ctx, super::chrome::SidePanel::Owners),
            Command::ToggleInspector => self.toggle_panel(ctx, super::chrome::SidePanel::Inspector),
            Command::FocusMode => self.toggle_focus(),
            Command::ToggleTheme => {
                self.prefs.dark = !self.prefs.dark;
                ctx.set_theme(if self.prefs.dark { egui::Theme::Dark } else { egui::Theme::Light });
            }
        }
    }

    /// Shows a message in the status bar.
    fn say(&mut self, text: &str) {
        text.clone_into(&mut self.status);
    }

    /// Where new or pasted cards go in `stage`: after the last selected card in it, else at
    /// its end.
    fn insertion_index(&self, stage: crate::model::StageId) -> Option<usize> {
        let cards = self.editor.current_map()?.stage(stage)?.cards.as_slice();
        self.editor
            .selection
            .cards
            .iter()
            .rev()
            .find_map(|c| cards.iter().position(|x| x.id == *c))
            .map(|i| i + 1)
    }

    /// What deleting with `edits` takes along and repairs, for the status bar: the deleted
    /// element, its cards and links, and the references other maps lose.
    fn deletion_note(&self, edits: &[crate::edit::Edit]) -> String {
        use crate::edit::Edit;
        let study = self.editor.study();
        let mut what = String::new();
        let mut cards = 0;
        let mut links = 0;
        let mut refs = Vec::new();
        let mut cards_named: Vec<String> = Vec::new();
        for edit in edits {
            match edit {
                Edit::RemoveStage { map, stage } => {
                    let stage = study.map(*map).and_then(|m| m.stage(*stage));
                    cards += stage.map_or(0, |s| s.cards.len());
                    what = format!("stage “{}”", stage.map_or("", |s| s.name.as_str()));
                }
                Edit::RemoveMap(map) => {
                    let map = study.map(*map);
                    cards += map.map_or(0, crate::model::JourneyMap::card_count);
                    links += map.map_or(0, |m| m.links.len());
                    what = format!("map “{}”", map.map_or("", |m| m.title.as_str()));
                }
                Edit::RemoveCard { map, card } => {
                    cards_named.extend(study.map(*map).and_then(|m| m.card(*card)).map(|c| c.title.clone()));
                }
                Edit::RemoveLink { .. } => links += 1,
                Edit::SetMapInfo { map, info } => {
                    let title = study.map(*map).map_or("", |m| m.title.as_str());
                    refs.push(if info.focus.is_some() {
                        format!("“{title}” details fewer touchpoints")
                    } else {
                        format!("“{title}” no longer details another map")
                    });
                }
                Edit::ReplaceCard { card, .. } => refs.push(format!("“{}” loses its detail map", card.title)),
                _ => {}
            }
        }
        if what.is_empty() {
            // Deleting cards: only worth a message when other maps lost a reference to them.
            if refs.is_empty() {
                return String::new();
            }
            what = match cards_named.as_slice() {
                [one] => format!("“{one}”"),
                _ => words::count(cards_named.len(), "card"),
            };
            links = 0;
        }
        let mut note = format!("Deleted {what}");
        let parts: Vec<String> = [(cards, "card"), (links, "link")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, w)| words::count(*n, w))
            .collect();
        if !parts.is_empty() {
            let _ = write!(note, " with {}", parts.join(" and "));
        }
        if !refs.is_empty() {
            let _ = write!(note, "; {}", refs.join("; "));
        }
        note.push_str(" (Undo restores it)");
        note
    }

    /// Adds a card to the selected stage (after the selected card), or the first stage.
    fn add_card(&mut self) {
        let Some(map) = self.editor.current_map() else { return };
        let Some(stage) = self.editor.selected_stage().or_else(|| map.stages.first().map(|s| s.id)) else {
            self.say("Add a stage first: cards hang under stages");
            return;
        };
        let stage_cards = map.stage(stage).map(|s| s.cards.as_slice()).unwrap_or_default();
        let index = self
            .editor
            .selection
            .cards
            .last()
            .and_then(|c| stage_cards.iter().position(|x| x.id == *c))
            .map_or(stage_cards.len(), |i| i + 1);
        let (edits, card) = ops::add_card(self.editor.study(), map.id, stage, index, "New card");
        if self.editor.apply("Add card", edits) {
            self.editor.selection = super::editor::Selection::of_card(card);
            self.canvas.start_rename(card, "New card");
        }
    }

    /// Pastes cards copied from Wayline, or a Mermaid journey as a new map; otherwise says
    /// why nothing was pasted.
    pub(crate) fn paste_text(&mut self, _ctx: &egui::Context, text: &str) {
        if let Some(map) = self.editor.current_map()
            && let Some(stage) = self.editor.selected_stage().or_else(|| map.stages.first().map(|s| s.id))
            && let Some((edits, cards)) =
                clipboard::paste_cards(self.editor.study(), map.id, stage, self.insertion_index(stage), text)
        {
            if self.editor.apply("Paste", edits) {
                self.editor.selection = super::editor::Selection::of_cards(cards);
            }
            return;
        }
        // Pasted text is read exactly as an imported file is, so what import refuses, paste
        // refuses too.
        let source = Path::new("Pasted journey.mmd");
        match crate::interop::read(text.as_bytes(), crate::interop::SourceFormat::Mermaid, source) {
            Ok(imported) => {
                let source = imported.study;
                let Some(map) = source.maps.first() else { return };
                let (edits, id) = ops::add_map_from(self.editor.study(), &source, map);
                if self.editor.apply("Paste Mermaid journey", edits) {
                    self.editor.show_map(id);
                    self.canvas.request_fit();
                    let note = if imported.warnings.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", words::count(imported.warnings.len(), "adjustment"))
                    };
                    self.status = format!("Pasted the Mermaid journey as a new map{note}");
                }
            }
            Err(error) if text.to_lowercase().contains("journey") => {
                let at = error
                    .position()
                    .map_or_else(String::new, |(line, column)| format!(" (line {line}, column {column})"));
                self.status = format!(
                    "The pasted text is not a Mermaid journey Wayline can read{at}: {}",
                    error.reason()
                );
            }
            Err(_) => self.say("The clipboard holds neither Wayline cards nor a Mermaid journey"),
        }
    }

    /// Runs `then` now if there are no unsaved changes, else asks first.
    pub(crate) fn guard_unsaved(&mut self, then: Then) {
        if self.editor.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved { then });
        } else {
            self.proceed(then);
        }
    }

    /// Does what was waiting on the unsaved-changes question.
    pub(crate) fn proceed(&mut self, then: Then) {
        match then {
            Then::New(template) => {
                if let Some(template) = crate::templates::find(template)
                    && let Ok(study) = template.instantiate(Date::today())
                {
                    self.replace_document(Document::new(study, None));
                    self.status = format!("New study from the {} template", template.name);
                }
            }
            Then::OpenDialog => {
                let folder = self.editor.doc.path().and_then(Path::parent).map(Path::to_path_buf);
                match files::pick_study_to_open(folder.as_deref()) {
                    files::Choice::Chosen(path) => self.open_path(&path),
                    files::Choice::Cancelled => {}
                    files::Choice::Unavailable => {
                        self.dialog = Some(Dialog::OpenPath { text: String::new() });
                    }
                }
            }
            Then::Open(path) => self.open_path(&path),
            Then::Close => self.close_confirmed = true,
            Then::Study(study) => {
                self.replace_document(Document::new(*study, None));
                self.say("Imported as a new study: save it to keep it");
            }
        }
    }

    /// Reads a Mermaid journey or a spreadsheet and asks what to do with it; on failure shows
    /// the error (with its line or rows) and changes nothing.
    pub fn import_path(&mut self, path: &Path) {
        match crate::interop::load_any(path) {
            Ok(imported) => {
                // A spreadsheet's warnings count rows, a Mermaid file's lines.
                let unit = if crate::interop::SourceFormat::of_path(path) == crate::interop::SourceFormat::Csv
                {
                    "row"
                } else {
                    "line"
                };
                let warnings =
                    imported.warnings.iter().map(|w| format!("{unit} {}: {}", w.line, w.message)).collect();
                self.dialog = Some(Dialog::Imported {
                    source: path.to_path_buf(),
                    study: Box::new(imported.study),
                    warnings,
                });
            }
            Err(error) => {
                self.dialog = Some(Dialog::Error {
                    title: "Cannot import the file".to_owned(),
                    message: error.to_string(),
                });
            }
        }
    }

    /// Opens a study; on failure shows the error and keeps the open study as it was.
    pub fn open_path(&mut self, path: &Path) {
        match load_study(path) {
            Ok(study) => {
                self.replace_document(Document::new(study, Some(path.to_path_buf())));
                self.remember_recent(path.to_path_buf());
                self.status = format!("Opened {}", path.display());
            }
            Err(error) => {
                self.dialog = Some(Dialog::Error {
                    title: "Cannot open the study".to_owned(),
                    message: error.to_string(),
                });
            }
        }
    }

    /// Saves to the study's file, or asks for one. A read-only file is not replaced: Save as
    /// is offered instead. A file that changed on disk since it was read is not overwritten
    /// silently: the user chooses between their version and the one on disk.
    pub fn save(&mut self) {
        match self.editor.doc.path().map(Path::to_path_buf) {
            Some(_) if self.disk.read_only => {
                self.say("This study is read-only: choose where to save your copy");
                self.save_as();
            }
            Some(path) if self.disk.path() == Some(path.as_path()) && self.disk.changed_since_known() => {
                self.file_question = Some(super::file_safety::Question::ChangedOnDisk { before_save: true });
            }
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    pub(crate) fn save_as(&mut self) {
        let name = files::study_file_name(&self.editor.study().meta.title);
        let folder = self.editor.doc.path().and_then(Path::parent).map(Path::to_path_buf);
        match files::pick_save_path("Save study", &name, ("Journey study", &["ron"]), folder.as_deref()) {
            files::Choice::Chosen(path) => self.save_to(&path),
            files::Choice::Cancelled => {}
            files::Choice::Unavailable => self.dialog = Some(Dialog::SavePath { text: name }),
        }
    }

    /// Saves the study to `path` (atomically, keeping a backup).
    pub fn save_to(&mut self, path: &Path) {
        match save_study(self.editor.study(), path) {
            Ok(_) => {
                let renamed = self.editor.doc.path() != Some(path);
                self.editor.doc.mark_saved(path.to_path_buf());
                if renamed {
                    // A new file: watch its folder instead, and journal under its name.
                    self.disk = super::disk::Disk::follow(Some(path), self.ctx.as_ref());
                    self.recovery.attach(&self.editor.doc);
                } else {
                    // The same file, as just written: what is on disk is ours now.
                    self.disk.accept_disk_version();
                }
                self.remember_recent(path.to_path_buf());
                self.status = format!("Saved {}", path.display());
                if let Some(Dialog::Unsaved { then }) = self.dialog.take() {
                    self.proceed(then);
                }
            }
            Err(error) => {
                self.dialog = Some(Dialog::Error {
                    title: "Cannot save the study".to_owned(),
                    message: format!(
                        "{}: {error}. The study is still open; try another folder.",
                        path.display()
                    ),
                });
            }
        }
    }

    pub(crate) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.guard_unsaved(Then::Open(path));
        }
    }

    pub(crate) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.close_confirmed
            && self.editor.doc.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved { then: super::dialogs::Then::Close });
        }
        if self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    pub(crate) fn command_button(&mut self, ui: &mut egui::Ui, command: Command) {
        let shortcut = command.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default();
        let enabled = self.is_enabled(command);
        let button = egui::Button::new(command.label()).shortcut_text(shortcut);
        if ui.add_enabled(enabled, button).on_hover_text(command.tooltip()).clicked() {
            self.run(&ui.ctx().clone(), command);
            ui.close();
        }
    }

    fn is_enabled(&self, command: Command) -> bool {
        let has_map = self.editor.current_map().is_some();
        let cards = self.editor.selection.cards.len();
        match command {
            Command::Undo => self.editor.doc.history().undo_label().is_some(),
            Command::Redo => self.editor.doc.history().redo_label().is_some(),
            Command::Cut | Command::Copy | Command::Duplicate | Command::ZoomSelection => cards > 0,
            Command::Rename => cards == 1 || (cards == 0 && self.editor.selection.stage.is_some()),
            Command::AddLink => cards == 2,
            Command::Delete => !self.editor.selection.is_empty(),
            Command::AddStage
            | Command::AddCard
            | Command::Paste
            | Command::SelectAll
            | Command::Export
            | Command::ExportBooklet
            | Command::RenameMap
            | Command::DuplicateMap
            | Command::DeleteMap => has_map,
            Command::ClearSelection => !self.editor.selection.is_empty() || self.editor.highlight.is_some(),
            Command::DetailTouchpoint => {
                cards > 0 && self.editor.current_map().is_some_and(|m| m.kind == MapKind::Typical)
            }
            Command::MakePerformanceMap => {
                self.editor.current_map().is_some_and(|m| m.kind == MapKind::Tactical)
            }
            Command::OpenDetail => {
                let map = self.editor.current_map();
                let card = self.editor.selection.cards.first().and_then(|c| map.and_then(|m| m.card(*c)));
                cards == 1
                    && card.is_some_and(|c| c.detail.is_some_and(|d| self.editor.study().map(d).is_some()))
            }
            Command::GoUp => self
                .editor
                .current_map()
                .is_some_and(|m| crate::edit::detail::parent(self.editor.study(), m.id).is_some()),
            _ => true,
        }
    }

    pub(crate) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                ui.menu_button("New from template", |ui| {
                    for template in &TEMPLATES {
                        if ui.button(template.name).on_hover_text(template.summary).clicked() {
                            self.guard_unsaved(Then::New(template.name));
                            ui.close();
                        }
                    }
                });
                for command in [Command::NewStudy, Command::Open] {
                    self.command_button(ui, command);
                }
                ui.menu_button("Open recent", |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label("No recent studies");
                    }
                    for path in self.prefs.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.guard_unsaved(Then::Open(path));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                for command in
                    [Command::Save, Command::SaveAs, Command::Import, Command::Export, Command::ExportBooklet]
                {
                    self.command_button(ui, command);
                }
                ui.separator();
                self.command_button(ui, Command::Quit);
            });
            ui.menu_button("Edit", |ui| {
                let undo =
                    self.editor.doc.history().undo_label().map(|l| format!("Undo {}", l.to_lowercase()));
                let redo =
                    self.editor.doc.history().redo_label().map(|l| format!("Redo {}", l.to_lowercase()));
                for (command, label) in [(Command::Undo, undo), (Command::Redo, redo)] {
                    let shortcut =
                        command.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default();
                    let text = label.unwrap_or_else(|| command.label().to_owned());
                    let button = egui::Button::new(text).shortcut_text(shortcut);
                    if ui.add_enabled(self.is_enabled(command), button).clicked() {
                        self.run(&ui.ctx().clone(), command);
                        ui.close();
                    }
                }
                ui.separator();
                for command in [
                    Command::Cut,
                    Command::Copy,
                    Command::Paste,
                    Command::Duplicate,
                    Command::Delete,
                    Command::SelectAll,
                    Command::ClearSelection,
                    Command::Rename,
                ] {
                    self.command_button(ui, command);
                }
            });
            ui.menu_button("Map", |ui| {
                for command in [Command::AddStage, Command::AddCard, Command::AddLink] {
                    self.command_button(ui, command);
                }
                ui.separator();
                for command in
                    [Command::AddMap, Command::RenameMap, Command::DuplicateMap, Command::DeleteMap]
                {
                    self.command_button(ui, command);
                }
                ui.separator();
                self.hierarchy_menu(ui);
            });
            ui.menu_button("View", |ui| {
                for command in [
                    Command::ZoomFit,
                    Command::ZoomPage,
                    Command::ZoomSelection,
                    Command::Zoom100,
                    Command::ZoomIn,
                    Command::ZoomOut,
                ] {
                    self.command_button(ui, command);
                }
                ui.separator();
                for panel in [SidePanel::Owners, SidePanel::Inspector] {
                    self.panel_checkbox(ui, panel);
                }
                ui.checkbox(&mut self.prefs.show_table, "Scores table");
                self.panel_checkbox(ui, SidePanel::Analysis);
                self.command_button(ui, Command::FocusMode);
                ui.separator();
                let mut dark = self.prefs.dark;
                if ui.checkbox(&mut dark, Command::ToggleTheme.label()).changed() {
                    self.run(&ui.ctx().clone(), Command::ToggleTheme);
                }
            });
        });
    }

    /// A View menu check box that shows or hides a side panel through its command.
    fn panel_checkbox(&mut self, ui: &mut egui::Ui, panel: SidePanel) {
        let command = panel.command();
        let mut shown = self.panel_shown(ui.ctx(), panel);
        let shortcut = command.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default();
        let tip = format!("{} ({shortcut})", command.tooltip());
        if ui.checkbox(&mut shown, command.label()).on_hover_text(tip).changed() {
            self.run(&ui.ctx().clone(), command);
            ui.close();
        }
    }

    pub(crate) fn toolbar(&mut self, ui: &mut egui::Ui) {
        // Wraps rather than cutting off the last buttons in a narrow window.
        ui.horizontal_wrapped(|ui| {
            for command in [Command::Undo, Command::Redo] {
                let button = egui::Button::new(command.label());
                if ui.add_enabled(self.is_enabled(command), button).on_hover_text(command.tooltip()).clicked()
                {
                    self.run(&ui.ctx().clone(), command);
                }
            }
            ui.separator();
            // A narrow window keeps one row: linking and deleting stay in the menus and keys.
            let edits: &[Command] = if super::chrome::is_narrow(ui.ctx()) {
                &[Command::AddStage, Command::AddCard]
            } else {
                &[Command::AddStage, Command::AddCard, Command::AddLink, Command::Delete]
            };
            for &command in edits {
                let button = egui::Button::new(command.label());
                if ui.add_enabled(self.is_enabled(command), button).on_hover_text(command.tooltip()).clicked()
                {
                    self.run(&ui.ctx().clone(), command);
                }
            }
            ui.separator();
            if ui.button(Command::ZoomFit.label()).on_hover_text(Command::ZoomFit.tooltip()).clicked() {
                self.run(&ui.ctx().clone(), Command::ZoomFit);
            }
            if ui.button("100 %").on_hover_text(Command::Zoom100.tooltip()).clicked() {
                self.run(&ui.ctx().clone(), Command::Zoom100);
            }
            let focus = egui::Button::new(Command::FocusMode.label());
            let shortcut =
                Command::FocusMode.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default();
            let tip = format!("{} ({shortcut})", Command::FocusMode.tooltip());
            if ui.add(focus).on_hover_text(tip).clicked() {
                self.run(&ui.ctx().clone(), Command::FocusMode);
            }
            ui.separator();
            self.heat_choice(ui);
            ui.separator();
            if ui.button(Command::Export.label()).on_hover_text(Command::Export.tooltip()).clicked() {
                self.run(&ui.ctx().clone(), Command::Export);
            }
        });
    }

    /// The heat-map overlay's choice, named for assistive technology.
    fn heat_choice(&mut self, ui: &mut egui::Ui) {
        use super::canvas::heat::HeatOverlay;
        let combo = egui::ComboBox::new("heat-overlay", "").selected_text(self.canvas.heat.label()).show_ui(
            ui,
            |ui| {
                for overlay in HeatOverlay::ALL {
                    ui.selectable_value(&mut self.canvas.heat, overlay, overlay.label());
                }
            },
        );
        ui.ctx().accesskit_node_builder(combo.response.id, |node| node.set_label("Heat map"));
        combo.response.on_hover_text("Tint the cards by flags, computed heat, customer performance or gap");
    }

    pub(crate) fn status_bar(&mut self, ui: &mut egui::Ui) {
        if let Some(error) = self.editor.last_error.take() {
            self.status = error;
        }
        self.expire_status(ui.ctx());
        ui.horizontal(|ui| {
            let problems = self.editor.problems();
            let errors = problems.iter().filter(|p| p.severity == crate::model::Severity::Error).count();
            let warnings = problems.len() - errors;
            ui.label(match self.editor.current_map() {
                Some(map) => format!(
                    "{} · {} · {}",
                    map.kind.label(),
                    words::count(map.stages.len(), "stage"),
                    words::count(map.card_count(), map.kind.card_noun())
                ),
                None => "No map".to_owned(),
            });
            ui.separator();
            let check = format!("{}, {}", words::count(errors, "error"), words::count(warnings, "warning"));
            let counter = ui
                .add(egui::Button::new(check).frame(false))
                .on_hover_text(if problems.is_empty() { "No problems" } else { "Show the list of problems" });
            if counter.clicked() {
                self.problems_open = !self.problems_open;
            }
            if let Some(zoom) = self.editor.map.and_then(|m| self.canvas.zoom(m)) {
                ui.separator();
                ui.label(format!("{:.0} %", zoom * 100.0));
            }
            if !self.status.is_empty() {
                ui.separator();
                ui.label(&self.status);
            }
        });
    }

    /// Clears the status message a few seconds after it first showed.
    fn expire_status(&mut self, ctx: &egui::Context) {
        const SHOWN_FOR_SECONDS: f64 = 6.0;
        if self.status.is_empty() {
            self.status_shown = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        match &self.status_shown {
            Some((text, since)) if *text == self.status => {
                if now - since >= SHOWN_FOR_SECONDS {
                    self.status.clear();
                    self.status_shown = None;
                } else {
                    #[allow(clippy::cast_possible_truncation, reason = "a few seconds")]
                    let left = (SHOWN_FOR_SECONDS - (now - since)) as f32;
                    ctx.request_repaint_after(std::time::Duration::from_secs_f32(left.max(0.05)));
                }
            }
            _ => {
                self.status_shown = Some((self.status.clone(), now));
                #[allow(clippy::cast_possible_truncation, reason = "a few seconds")]
                ctx.request_repaint_after(std::time::Duration::from_secs_f32(SHOWN_FOR_SECONDS as f32));
            }
        }
    }
}
