//! The editor: an eframe app around an [`editor::Editor`]. The window has a menu bar and
//! toolbar, map tabs, the canvas, the owners and outline panel on the left, the inspector on
//! the right and the scores table below. Every action is a [`commands::Command`]; every change
//! to the study is an edit applied through the editor, so it can be undone.

mod actions;
pub mod analysis;
mod breadcrumb;
pub mod canvas;
pub mod chrome;
pub mod clipboard;
pub mod commands;
mod dialogs;
mod disk;
pub mod editor;
mod export_dialog;
mod file_safety;
pub mod files;
mod fonts;
mod hierarchy;
pub use fonts::install as install_fonts;
mod inspector;
mod outline;
mod owners;
pub mod paint;
mod problems;
mod recovery;
mod study_panel;
mod table;
mod tabs;

use crate::edit::Document;
use crate::model::Study;
use canvas::CanvasState;
use commands::Command;
use dialogs::Dialog;
use editor::Editor;
use std::path::PathBuf;

/// Preferences remembered between runs.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[allow(clippy::struct_excessive_bools, reason = "independent switches of the View menu")]
#[serde(default)]
pub struct Prefs {
    /// Recently opened or saved studies, newest first.
    pub recent: Vec<PathBuf>,
    /// Dark interface.
    pub dark: bool,
    /// Show the owners and outline panel.
    pub show_owners: bool,
    /// Show the inspector.
    pub show_inspector: bool,
    /// Show the scores table.
    pub show_table: bool,
    /// Show the Analysis view beside the canvas.
    pub show_analysis: bool,
    /// What the Analysis view shows.
    pub analysis: analysis::AnalysisPrefs,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            dark: false,
            show_owners: true,
            show_inspector: true,
            show_table: false,
            show_analysis: false,
            analysis: analysis::AnalysisPrefs::default(),
        }
    }
}

const PREFS_KEY: &str = "wayline-prefs";
const MAX_RECENT: usize = 8;

/// The Wayline editor.
pub struct WaylineApp {
    /// The document and what is shown of it.
    pub editor: Editor,
    /// The canvas's view and gesture state.
    pub canvas: CanvasState,
    /// Remembered preferences.
    pub prefs: Prefs,
    /// What of the chrome shows: side panels over a narrow window's canvas, focus mode.
    pub chrome: chrome::ChromeState,
    dialog: Option<Dialog>,
    export: export_dialog::ExportDialog,
    status: String,
    /// When the status message was first shown (seconds of egui time), to let it expire.
    status_shown: Option<(String, f64)>,
    problems_open: bool,
    close_confirmed: bool,
    title: String,
    pending_paste: Option<String>,
    /// The context of the window, when there is one (to wake it from the file watch).
    ctx: Option<egui::Context>,
    /// The study's file on disk.
    disk: disk::Disk,
    /// The journal of unsaved work.
    recovery: recovery::Recovery,
    /// Work earlier sessions left unsaved, still to offer.
    leftovers: Vec<crate::io::journal::Leftover>,
    /// Other running editors with the same file open.
    other_editors: Vec<u32>,
    others_dismissed: bool,
    /// An open question about the file (changed on disk, recovery).
    file_question: Option<file_safety::Question>,
}

impl WaylineApp {
    /// The app, editing `study` (loaded from `path`, or unsaved when `path` is `None`).
    pub fn new(cc: &eframe::CreationContext<'_>, study: Study, path: Option<PathBuf>) -> Self {
        fonts::install(&cc.egui_ctx);
        let prefs: Prefs = cc.storage.and_then(|s| eframe::get_value(s, PREFS_KEY)).unwrap_or_default();
        cc.egui_ctx.set_theme(if prefs.dark { egui::Theme::Dark } else { egui::Theme::Light });
        let mut app = Self::headless(study, path);
        app.prefs = prefs;
        app.ctx = Some(cc.egui_ctx.clone());
        app.disk = disk::Disk::follow(app.editor.doc.path(), app.ctx.as_ref());
        if let Some(path) = app.editor.doc.path().map(std::path::Path::to_path_buf) {
            app.remember_recent(path);
        }
        app
    }

    /// The app without a window context (for tests and benchmarks).
    #[must_use]
    pub fn headless(study: Study, path: Option<PathBuf>) -> Self {
        let disk = disk::Disk::follow(path.as_deref(), None);
        Self {
            editor: Editor::new(Document::new(study, path)),
            canvas: CanvasState::default(),
            prefs: Prefs::default(),
            chrome: chrome::ChromeState::default(),
            dialog: None,
            export: export_dialog::ExportDialog::default(),
            status: String::new(),
            status_shown: None,
            problems_open: false,
            close_confirmed: false,
            title: String::new(),
            pending_paste: None,
            ctx: None,
            disk,
            recovery: recovery::Recovery::default(),
            leftovers: Vec::new(),
            other_editors: Vec::new(),
            others_dismissed: false,
            file_question: None,
        }
    }

    /// The message in the status bar.
    #[must_use]
    pub fn status_text(&self) -> &str {
        &self.status
    }

    /// Where a card of the shown map is on screen (for tests that drag cards by position).
    pub fn card_on_screen(&mut self, card: crate::model::CardId) -> Option<egui::Rect> {
        let scene = self.editor.scene()?;
        let map = self.editor.current_map()?.id;
        self.canvas.card_on_screen(&scene, map, card)
    }

    /// Where a point of the shown map (in map units) is on screen.
    pub fn map_to_screen(&mut self, point: crate::layout::Point) -> Option<egui::Pos2> {
        let map = self.editor.current_map()?.id;
        self.canvas.map_to_screen(map, point)
    }

    /// Where a stage's chevron of the shown map is on screen.
    pub fn stage_on_screen(&mut self, stage: crate::model::StageId) -> Option<egui::Rect> {
        let scene = self.editor.scene()?;
        let map = self.editor.current_map()?.id;
        self.canvas.stage_on_screen(&scene, map, stage)
    }

    fn remember_recent(&mut self, path: PathBuf) {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        self.prefs.recent.retain(|p| *p != path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    /// The window title: the file, and a dot while there are unsaved changes.
    fn window_title(&self) -> String {
        let name = self
            .editor
            .doc
            .path()
            .and_then(|p| p.file_name())
            .map_or_else(|| "Untitled study".to_owned(), |n| n.to_string_lossy().into_owned());
        let dirty = if self.editor.doc.is_dirty() { " ●" } else { "" };
        let read_only =
            if self.disk.read_only && self.editor.doc.path().is_some() { " (read-only)" } else { "" };
        format!("{name}{dirty}{read_only} — Wayline")
    }

    /// Runs the keyboard shortcuts of every command. Bare keys (N, L, Delete, F2, Escape) do
    /// not fire while a text field has focus, a gesture or rename is under way, or a dialog or
    /// menu is open (Escape closes those first).
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input()
            || self.canvas.is_busy()
            || self.dialog.is_some()
            || self.file_question.is_some()
            || egui::Popup::is_any_open(ctx);
        let mut run = Vec::new();
        let nothing_selected = self.editor.selection.is_empty();
        // egui matches shortcuts "logically" (Ctrl+Z also matches Ctrl+Shift+Z), so the ones
        // with more modifiers must get their chance first.
        let mut commands = Command::ALL;
        commands.sort_by_key(|c| {
            std::cmp::Reverse(c.shortcut().map_or(0, |s| {
                u8::from(s.modifiers.shift)
                    + u8::from(s.modifiers.alt)
                    + u8::from(s.modifiers.command || s.modifiers.ctrl)
            }))
        });
        ctx.input_mut(|input| {
            for command in commands {
                if typing
                    && (command.is_bare_key()
                        || matches!(
                            command,
                            Command::Undo | Command::Redo | Command::SelectAll | Command::GoUp
                        ))
                {
                    continue;
                }
                for shortcut in [command.shortcut(), command.alternative_shortcut()].into_iter().flatten() {
                    // Backspace deletes the selection, or with nothing selected goes up a map.
                    if shortcut.logical_key == egui::Key::Backspace
                        && (command == Command::Delete) == nothing_selected
                    {
                        continue;
                    }
                    let pressed = if command.is_physical() {
                        consume_physical_key(input, shortcut)
                    } else {
                        input.consume_shortcut(&shortcut)
                    };
                    if pressed {
                        run.push(command);
                    }
                }
            }
            if !typing {
                for event in &input.events {
                    match event {
                        egui::Event::Copy => run.push(Command::Copy),
                        egui::Event::Cut => run.push(Command::Cut),
                        egui::Event::Paste(text) => self.canvas_paste(text.clone()),
                        _ => {}
                    }
                }
            }
        });
        for command in run {
            self.run(ctx, command);
        }
    }

    fn canvas_paste(&mut self, text: String) {
        self.pending_paste = Some(text);
    }
}

/// Consumes a press of the key at the place `shortcut` names, whatever the layout makes it
/// type, with exactly its modifiers.
fn consume_physical_key(input: &mut egui::InputState, shortcut: egui::KeyboardShortcut) -> bool {
    let mut found = false;
    input.events.retain(|event| {
        let matches = matches!(
            event,
            egui::Event::Key { key, physical_key, pressed: true, modifiers, .. }
                if physical_key.unwrap_or(*key) == shortcut.logical_key
                    && modifiers.matches_exact(shortcut.modifiers)
        );
        found |= matches;
        !matches
    });
    found
}

impl eframe::App for WaylineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.recovery.on_exit(&self.editor.doc);
    }
}

impl WaylineApp {
    /// One frame of the whole window. The eframe app calls it; so does the benchmark, on a
    /// context without a window.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.keep_work_safe(&ctx);
        self.leave_focus_on_escape(&ctx);
        self.shortcuts(&ctx);
        if let Some(text) = self.pending_paste.take() {
            self.paste_text(&ctx, &text);
        }
        self.handle_dropped_files(&ctx);
        self.handle_close_request(&ctx);

        let focus = self.chrome.focus;
        let docked = !focus && !chrome::is_narrow(&ctx);
        if !focus {
            egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
            egui::Panel::top("toolbar").show(ui, |ui| self.toolbar(ui));
        }
        self.banners(ui);
        if !focus {
            egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        }
        if !focus && self.prefs.show_table {
            egui::Panel::bottom("scores-table").resizable(true).default_size(220.0).show(ui, |ui| {
                table::show(ui, &mut self.editor);
            });
        }
        if !focus && !docked {
            self.edge_tabs(ui);
        }
        if docked && self.prefs.show_owners {
            egui::Panel::left("owners").resizable(true).default_size(250.0).show(ui, |ui| {
                self.panel_contents(ui, chrome::SidePanel::Owners);
            });
        }
        if docked && self.prefs.show_inspector {
            egui::Panel::right("inspector").resizable(true).default_size(320.0).show(ui, |ui| {
                self.panel_contents(ui, chrome::SidePanel::Inspector);
            });
        }
        self.canvas.analysis_settings = self.prefs.analysis.settings();
        if docked && self.prefs.show_analysis {
            egui::Panel::right("analysis").resizable(true).default_size(420.0).show(ui, |ui| {
                self.panel_contents(ui, chrome::SidePanel::Analysis);
            });
        }
        if !focus {
            egui::Panel::top("map-tabs").show(ui, |ui| tabs::show(ui, &mut self.editor, &mut self.canvas));
            if breadcrumb::wanted(&self.editor) {
                egui::Panel::top("breadcrumb").show(ui, |ui| {
                    self.canvas.pending.extend(breadcrumb::show(ui, &mut self.editor));
                });
            }
        }
        egui::CentralPanel::no_frame().show(ui, |ui| canvas::show(ui, &mut self.editor, &mut self.canvas));
        if focus {
            self.focus_exit_button(&ctx);
        } else if !docked {
            self.overlays(&ctx);
        }
        for command in self.canvas.take_pending() {
            self.run(&ctx, command);
        }
        self.export.show(&ctx, &self.editor, &mut self.status);
        problems::window(&ctx, &mut self.problems_open, &mut self.editor, &mut self.canvas);
        self.show_dialog(&ctx);
        if self.dialog.is_none() {
            self.show_file_question(&ctx);
        }

        // A continuous edit (typing in a field, dragging a slider) is one undo step; it ends as
        // soon as the user is neither typing nor holding the pointer down.
        if !ctx.egui_wants_keyboard_input() && !ctx.input(|i| i.pointer.any_down()) {
            self.editor.doc.seal();
        }

        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// Opens the editor window on `study`.
///
/// # Errors
/// When no window can be opened (no display).
pub fn run_window(study: Study, path: Option<PathBuf>) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Wayline")
            .with_app_id("wayline")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Wayline",
        options,
        Box::new(move |cc| {
            let mut app = WaylineApp::new(cc, study, path);
            app.enable_recovery(crate::io::journal::default_folder());
            file_safety::listen_for_termination(app.recovery.terminate.clone(), cc.egui_ctx.clone());
            Ok(Box::new(app))
        }),
    )
}
