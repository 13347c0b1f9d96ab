//! Modal questions and messages: unsaved changes, errors, typed paths where no native file
//! dialog exists, and deleting an owner.

use super::{WaylineApp, files};
use crate::edit::ops;
use crate::model::OwnerId;
use std::path::PathBuf;

/// What waits on the unsaved-changes question.
#[derive(Clone, Debug)]
pub enum Then {
    /// Start a new study from a template.
    New(&'static str),
    /// Show the open dialog.
    OpenDialog,
    /// Open this file.
    Open(PathBuf),
    /// Close the window.
    Close,
    /// Open this (imported) study, unsaved.
    Study(Box<crate::model::Study>),
}

/// A modal dialog.
#[derive(Clone, Debug)]
pub enum Dialog {
    /// The study has unsaved changes: save, discard or cancel.
    Unsaved { then: Then },
    /// Something failed; the message says what and where.
    Error { title: String, message: String },
    /// Type the path of a study to open.
    OpenPath { text: String },
    /// Type the path to save the study to.
    SavePath { text: String },
    /// Delete an owner: what happens to its cards.
    DeleteOwner { owner: OwnerId, replacement: Option<OwnerId> },
    /// Type the path of a file to import.
    ImportPath { text: String },
    /// An import succeeded: open it as a study, or add its map to the open study.
    Imported { source: PathBuf, study: Box<crate::model::Study>, warnings: Vec<String> },
}

impl WaylineApp {
    #[allow(clippy::too_many_lines, reason = "one arm per dialog")]
    pub(crate) fn show_dialog(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.dialog.clone() else { return };
        let mut keep = true;
        let mut replaced = false;
        let modal = egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
            ui.set_width(420.0);
            match dialog {
                Dialog::Unsaved { then } => {
                    ui.heading("Save changes?");
                    ui.label("The study has changes that are not saved. They are lost if you go on without saving.");
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            // Saving goes on with `then` once the file is written, or asks for a
                            // path, or reports an error: each leaves `self.dialog` as it needs.
                            replaced = true;
                            self.save();
                            return;
                        }
                        if ui.button("Don't save").clicked() {
                            // The action may open the next dialog: leave `self.dialog` to it.
                            replaced = true;
                            self.dialog = None;
                            self.proceed(then.clone());
                        }
                        if ui.button("Cancel").clicked() {
                            keep = false;
                        }
                    });
                }
                Dialog::Error { title, message } => {
                    ui.heading(title);
                    ui.label(message);
                    ui.add_space(8.0);
                    if ui.button("OK").clicked() {
                        keep = false;
                    }
                }
                Dialog::OpenPath { mut text } => {
                    let prompt = PathPrompt {
                        heading: "Open study",
                        label: "Type the path of a study file (.journey.ron):",
                        hint: "~/studies/shippers.journey.ron",
                        button: "Open",
                        extension: "",
                    };
                    match prompt.show(ui, &mut text, &self.prefs.recent) {
                        Prompted::Path(path) => {
                            replaced = true;
                            self.dialog = None;
                            self.open_path(&path);
                        }
                        Prompted::Cancel => keep = false,
                        Prompted::Waiting => self.dialog = Some(Dialog::OpenPath { text }),
                    }
                }
                Dialog::SavePath { mut text } => {
                    let prompt = PathPrompt {
                        heading: "Save study",
                        label: "Type the path to save the study to:",
                        hint: "~/studies/shippers.journey.ron",
                        button: "Save",
                        extension: ".journey.ron",
                    };
                    match prompt.show(ui, &mut text, &[]) {
                        Prompted::Path(path) => {
                            replaced = true;
                            self.dialog = None;
                            self.save_to(&path);
                        }
                        Prompted::Cancel => keep = false,
                        Prompted::Waiting => self.dialog = Some(Dialog::SavePath { text }),
                    }
                }
                Dialog::ImportPath { mut text } => {
                    let prompt = PathPrompt {
                        heading: "Import a journey or a spreadsheet",
                        label: "Type the path of a Mermaid journey (.mmd) or a spreadsheet (.csv):",
                        hint: "~/workshop/journey.mmd",
                        button: "Import",
                        extension: "",
                    };
                    match prompt.show(ui, &mut text, &[]) {
                        Prompted::Path(path) => {
                            replaced = true;
                            self.dialog = None;
                            self.import_path(&path);
                        }
                        Prompted::Cancel => keep = false,
                        Prompted::Waiting => self.dialog = Some(Dialog::ImportPath { text }),
                    }
                }
                Dialog::Imported { source, study, warnings } => {
                    let map = &study.maps[0];
                    ui.heading(format!("Import {}", source.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())));
                    ui.label(format!(
                        "{}: {}, {}, {}.",
                        map.title,
                        crate::words::count(map.stages.len(), "stage"),
                        crate::words::count(map.card_count(), "card"),
                        crate::words::count(study.owners.len(), "owner")
                    ));
                    if !warnings.is_empty() {
                        ui.label(format!("{}:", crate::words::count(warnings.len(), "adjustment")));
                        egui::ScrollArea::vertical().max_height(120.0).show(ui, |ui| {
                            for warning in &warnings {
                                ui.weak(warning);
                            }
                        });
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Add as a map to this study").clicked() {
                            keep = false;
                            let (edits, id) = ops::add_map_from(self.editor.study(), &study, map);
                            if self.editor.apply("Import map", edits) {
                                self.editor.show_map(id);
                                self.canvas.request_fit();
                            }
                        }
                        if ui.button("Open as a new study").clicked() {
                            // The action may open the next dialog: leave `self.dialog` to it.
                            replaced = true;
                            self.dialog = None;
                            self.guard_unsaved(Then::Study(study.clone()));
                            return;
                        }
                        if ui.button("Cancel").clicked() {
                            keep = false;
                        }
                    });
                }
                Dialog::DeleteOwner { owner, mut replacement } => {
                    let study = self.editor.study();
                    let name = study.owner(owner).map_or_else(String::new, |o| o.name.clone());
                    let cards = study.cards().filter(|c| c.owners.contains(&owner)).count();
                    ui.heading(format!("Delete {name}?"));
                    ui.label(format!("{name} owns {}. What should happen to them?", crate::words::count(cards, "card")));
                    ui.radio_value(&mut replacement, None, "Remove the owner from its cards");
                    for other in study.owners.iter().filter(|o| o.id != owner) {
                        ui.radio_value(&mut replacement, Some(other.id), format!("Give them to {}", other.name));
                    }
                    ui.horizontal(|ui| {
                        if ui.button("Delete owner").clicked() {
                            keep = false;
                            let edits = ops::delete_owner(self.editor.study(), owner, replacement);
                            self.editor.apply("Delete owner", edits);
                            if self.editor.highlight == Some(owner) {
                                self.editor.highlight = None;
                            }
                        }
                        if ui.button("Cancel").clicked() {
                            keep = false;
                        }
                    });
                    if keep && !replaced {
                        self.dialog = Some(Dialog::DeleteOwner { owner, replacement });
                    }
                }
            }
        });
        if modal.should_close() {
            keep = false;
        }
        if !keep && !replaced {
            self.dialog = None;
        }
    }
}

/// A path typed where no native file dialog can open.
struct PathPrompt {
    heading: &'static str,
    label: &'static str,
    hint: &'static str,
    button: &'static str,
    /// Added to the typed path when missing.
    extension: &'static str,
}

/// What the user did with a [`PathPrompt`].
enum Prompted {
    /// Submitted this path.
    Path(PathBuf),
    /// Cancelled.
    Cancel,
    /// Still typing.
    Waiting,
}

impl PathPrompt {
    /// Shows the prompt in a modal; `recent` paths are offered as links that fill the field.
    fn show(&self, ui: &mut egui::Ui, text: &mut String, recent: &[PathBuf]) -> Prompted {
        ui.heading(self.heading);
        let label = ui.label(self.label);
        let field = egui::TextEdit::singleline(text).desired_width(400.0).hint_text(self.hint);
        let response = ui.add(field).labelled_by(label.id);
        for path in recent {
            if ui.link(path.display().to_string()).clicked() {
                *text = path.display().to_string();
            }
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let mut outcome = Prompted::Waiting;
        ui.horizontal(|ui| {
            if (ui.button(self.button).clicked() || enter)
                && let Some(path) = files::typed_path(text, self.extension)
            {
                outcome = Prompted::Path(path);
            }
            if ui.button("Cancel").clicked() {
                outcome = Prompted::Cancel;
            }
        });
        outcome
    }
}
