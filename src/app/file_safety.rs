//! Keeping the user's work: the questions and banners about the study's file (changed on
//! disk, read-only, open in another window), the offer of work recovered after a crash, and
//! ending cleanly when the session is asked to end (logout, shutdown).

use super::WaylineApp;
use super::disk::{Change, Disk};
use super::recovery::{Recovery, differences};
use crate::edit::Document;
use crate::io::journal::Leftover;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

/// A question about the study's file.
#[derive(Clone, Debug)]
pub(crate) enum Question {
    /// Someone else changed the file while the study has unsaved changes (or just before a
    /// save): reload theirs, keep mine, or save mine as a copy.
    ChangedOnDisk {
        /// Asked because the user saved.
        before_save: bool,
    },
    /// Work left by a session that did not end normally: recover, compare or discard.
    Recover {
        /// The journal offered.
        leftover: Leftover,
        /// The work it holds (read once), or why it cannot be read.
        study: Result<Box<crate::model::Study>, String>,
        /// The differences from the saved file, once the user asked to compare.
        compared: Option<Vec<String>>,
    },
}

/// What the user's answer to a question does to it.
enum Answer {
    /// Not answered yet: keep asking.
    Waiting,
    /// Answered: close the question.
    Done,
    /// Ask this instead (the same question with more shown).
    Ask(Question),
}

impl WaylineApp {
    /// Turns crash recovery on, with journals in `folder` (the user's data folder in the real
    /// app; a temporary one in tests), and offers the work earlier sessions left behind.
    pub fn enable_recovery(&mut self, folder: Option<PathBuf>) {
        self.recovery = Recovery::new(folder);
        self.recovery.attach(&self.editor.doc);
        self.leftovers = self.recovery.leftovers();
        self.look_for_other_editors();
    }

    /// Ends the session like a logout or shutdown does (SIGTERM, SIGHUP): unsaved work is
    /// journalled and offered next time, and the window closes without asking.
    pub fn terminate(&mut self) {
        self.recovery.terminate.store(true, Ordering::SeqCst);
    }

    /// Replaces the open document (open, new, import, recover), following its file.
    pub(crate) fn replace_document(&mut self, doc: Document) {
        self.editor.replace_document(doc);
        self.canvas = super::canvas::CanvasState::default();
        self.disk = Disk::follow(self.editor.doc.path(), self.ctx.as_ref());
        self.recovery.attach(&self.editor.doc);
        self.file_question = None;
        self.look_for_other_editors();
    }

    fn look_for_other_editors(&mut self) {
        self.other_editors =
            self.editor.doc.path().map(|p| self.recovery.other_editors(p)).unwrap_or_default();
    }

    /// Once a frame, before the panels: journal, watch the file, end when asked to.
    pub(crate) fn keep_work_safe(&mut self, ctx: &egui::Context) {
        if self.recovery.terminate.load(Ordering::SeqCst) {
            self.recovery.keep_on_exit = true;
            self.recovery.flush(&self.editor.doc);
            self.close_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if self.recovery.tick(ctx, &self.editor.doc) {
            // Every lease refresh, look again: an editor that opened the file after this one
            // is seen here too, not only by itself.
            let before = self.other_editors.len();
            self.look_for_other_editors();
            if self.other_editors.len() > before {
                self.others_dismissed = false;
            }
        }
        if self.disk.poked() {
            self.on_disk_change();
        }
        if self.file_question.is_none()
            && self.dialog.is_none()
            && let Some(leftover) = self.leftovers.first().cloned()
        {
            self.leftovers.remove(0);
            let study = leftover.study().map(Box::new).map_err(|e| e.to_string());
            self.file_question = Some(Question::Recover { leftover, study, compared: None });
        }
    }

    /// Looks at the file on disk now (the watch saw something, or a test asks).
    pub fn on_disk_change(&mut self) {
        let name = self.file_name();
        match self.disk.check() {
            Change::None => {}
            Change::Rewritten(study) => {
                if self.editor.doc.is_dirty() {
                    self.file_question = Some(Question::ChangedOnDisk { before_save: false });
                } else {
                    self.reload(*study);
                    self.status = format!("Reloaded {name}: it was changed on disk");
                }
            }
            Change::Unreadable(error) => {
                self.status = format!(
                    "{name} was changed on disk and cannot be read ({error}); the open study is kept"
                );
            }
            Change::Deleted => {
                self.status = format!("{name} was deleted or moved on disk; Save writes it again");
            }
        }
    }

    fn file_name(&self) -> String {
        self.editor
            .doc
            .path()
            .and_then(|p| p.file_name())
            .map_or_else(|| "The study".to_owned(), |n| n.to_string_lossy().into_owned())
    }

    /// Replaces the study with the version on disk, keeping the view and the selection.
    fn reload(&mut self, study: crate::model::Study) {
        let path = self.editor.doc.path().map(std::path::Path::to_path_buf);
        self.editor.reload_document(Document::new(study, path));
        self.disk.accept_disk_version();
        self.recovery.attach(&self.editor.doc);
    }

    /// The banners under the toolbar: read-only file, another window on the same file.
    pub(crate) fn banners(&mut self, ui: &mut egui::Ui) {
        let read_only = self.disk.read_only && self.editor.doc.path().is_some();
        let others = !self.other_editors.is_empty() && !self.others_dismissed;
        if !read_only && !others {
            return;
        }
        let fill = egui::Color32::from_rgb(0xFF, 0xF4, 0xCE);
        let ink = egui::Color32::from_rgb(0x5C, 0x45, 0x00);
        egui::Panel::top("file-banners").frame(egui::Frame::new().fill(fill).inner_margin(6.0)).show(ui, |ui| {
            if read_only {
                ui.horizontal(|ui| {
                    ui.colored_label(ink, format!("{} is read-only: your changes can be saved as a copy.", self.file_name()));
                    if ui.button("Save as…").clicked() {
                        self.save_as();
                    }
                });
            }
            if others {
                ui.horizontal(|ui| {
                    let pids: Vec<String> = self.other_editors.iter().map(ToString::to_string).collect();
                    ui.colored_label(
                        ink,
                        format!(
                            "{} is also open in another Wayline window (process {}): saving in both overwrites one with the other.",
                            self.file_name(),
                            pids.join(", ")
                        ),
                    );
                    if ui.small_button("Dismiss").clicked() {
                        self.others_dismissed = true;
                    }
                });
            }
        });
    }

    /// The question about the file, if one is open.
    pub(crate) fn show_file_question(&mut self, ctx: &egui::Context) {
        let Some(question) = self.file_question.clone() else { return };
        let mut answer = Answer::Waiting;
        egui::Modal::new(egui::Id::unique("file-question")).show(ctx, |ui| {
            ui.set_width(480.0);
            match question {
                Question::ChangedOnDisk { before_save } => answer = self.changed_on_disk_ui(ui, before_save),
                Question::Recover { leftover, study, compared } => {
                    answer = self.recover_ui(ui, &leftover, &study, compared.as_deref());
                }
            }
        });
        match answer {
            Answer::Waiting => {}
            Answer::Done => self.file_question = None,
            Answer::Ask(question) => self.file_question = Some(question),
        }
    }

    fn changed_on_disk_ui(&mut self, ui: &mut egui::Ui, before_save: bool) -> Answer {
        ui.heading(format!("{} changed on disk", self.file_name()));
        ui.label(if before_save {
            "Someone else saved a newer version of this file since you opened it. Saving now would replace their changes."
        } else {
            "Someone else saved a newer version of this file, and you have changes that are not saved."
        });
        ui.add_space(8.0);
        let mut next = Answer::Waiting;
        ui.horizontal(|ui| {
            if ui
                .button("Reload theirs")
                .on_hover_text("Open the version on disk; your unsaved changes are lost")
                .clicked()
            {
                match self.editor.doc.path().map(crate::io::load_study) {
                    Some(Ok(study)) => {
                        self.reload(study);
                        self.status = format!("Reloaded {} from disk", self.file_name());
                    }
                    Some(Err(error)) => self.status = format!("Cannot reload: {error}"),
                    None => {}
                }
                next = Answer::Done;
            }
            if ui
                .button("Keep mine")
                .on_hover_text("Keep your version open; the next save replaces theirs")
                .clicked()
            {
                self.disk.accept_disk_version();
                next = Answer::Done;
                if before_save && let Some(path) = self.editor.doc.path().map(std::path::Path::to_path_buf) {
                    self.save_to(&path);
                }
            }
            if ui
                .button("Save mine as a copy…")
                .on_hover_text("Save your version under another name")
                .clicked()
            {
                self.disk.accept_disk_version();
                next = Answer::Done;
                self.save_as();
            }
        });
        next
    }

    fn recover_ui(
        &mut self,
        ui: &mut egui::Ui,
        leftover: &Leftover,
        recovered: &Result<Box<crate::model::Study>, String>,
        compared: Option<&[String]>,
    ) -> Answer {
        ui.heading("Recover unsaved work?");
        let whose = leftover
            .file
            .as_ref()
            .map_or_else(|| "a study that was never saved".to_owned(), |p| p.display().to_string());
        let when = leftover
            .written
            .and_then(|t| t.elapsed().ok())
            .map_or_else(String::new, |age| format!(", written {} ago", describe_age(age)));
        ui.label(format!("Wayline did not close normally. It kept the unsaved changes to {whose}{when}."));
        if let Ok(study) = recovered {
            ui.weak(format!("“{}”: {}", study.meta.title, crate::words::count(study.maps.len(), "map")));
        }
        if let Some(lines) = compared {
            ui.add_space(6.0);
            ui.strong("Compared with the saved file");
            egui::ScrollArea::vertical().max_height(200.0).show(ui, |ui| {
                for line in lines {
                    ui.label(format!("• {line}"));
                }
            });
        }
        ui.add_space(8.0);
        let mut next = Answer::Waiting;
        ui.horizontal(|ui| {
            let can_recover = recovered.is_ok();
            if ui
                .add_enabled(can_recover, egui::Button::new("Recover"))
                .on_hover_text("Open the recovered work, with its changes unsaved")
                .clicked()
                && let Ok(study) = recovered
            {
                self.replace_document(Document::recovered(study.as_ref().clone(), leftover.file.clone()));
                leftover.remove();
                "Recovered unsaved work: save it to keep it".clone_into(&mut self.status);
                next = Answer::Done;
            }
            let can_compare =
                compared.is_none() && leftover.file.as_ref().is_some_and(|f| f.exists()) && can_recover;
            if ui.add_enabled(can_compare, egui::Button::new("Compare with the saved file")).clicked()
                && let (Some(file), Ok(study)) = (&leftover.file, recovered)
            {
                let lines = match crate::io::load_study(file) {
                    Ok(saved) => differences(&saved, study),
                    Err(error) => vec![format!("The saved file cannot be read: {error}")],
                };
                next = Answer::Ask(Question::Recover {
                    leftover: leftover.clone(),
                    study: recovered.clone(),
                    compared: Some(lines),
                });
            }
            if ui.button("Discard").on_hover_text("Delete the recovered work for good").clicked() {
                leftover.remove();
                next = Answer::Done;
            }
        });
        if let Err(error) = recovered {
            ui.colored_label(
                egui::Color32::from_rgb(0xC6, 0x28, 0x28),
                format!("The recovered work cannot be read: {error}"),
            );
        }
        next
    }
}

/// "12 seconds", "5 minutes", "3 hours", "2 days".
fn describe_age(age: std::time::Duration) -> String {
    let seconds = age.as_secs();
    let (amount, unit) = match seconds {
        0..60 => (seconds, "second"),
        60..3600 => (seconds / 60, "minute"),
        3600..86_400 => (seconds / 3600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    crate::words::count(usize::try_from(amount).unwrap_or(usize::MAX), unit)
}

/// Listens for the signals a session end sends (SIGTERM, SIGHUP; SIGINT too) and asks the
/// editor to journal its work and close. If the editor cannot (it is stuck), the process
/// ends after a few seconds anyway.
#[cfg(unix)]
pub(crate) fn listen_for_termination(
    flag: std::sync::Arc<std::sync::atomic::AtomicBool>,
    ctx: egui::Context,
) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else { return };
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            flag.store(true, Ordering::SeqCst);
            ctx.request_repaint();
            std::thread::sleep(std::time::Duration::from_secs(5));
            std::process::exit(1);
        }
    });
}

/// Elsewhere the platform closes the window through the normal close request.
#[cfg(not(unix))]
pub(crate) fn listen_for_termination(
    _flag: std::sync::Arc<std::sync::atomic::AtomicBool>,
    _ctx: egui::Context,
) {
}
