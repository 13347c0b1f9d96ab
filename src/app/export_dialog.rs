//! The export dialog: map, format, paper, orientation and resolution, with a preview of the
//! page. It calls the same export code as the command line, on a background thread.

use super::editor::Editor;
use super::paint;
use crate::export::booklet::{BookletSettings, Section};
use crate::export::fit::{self, Plan};
use crate::export::{
    Arrangement, ExportFormat, Fit, Orientation, Paper, PosterFormat, PosterSettings, export_map,
};
use crate::io::write_atomically;
use crate::model::MapId;
use egui::emath::TSTransform;
use egui::{Color32, Rect, Vec2};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

type JobResult = Arc<Mutex<Option<Result<String, String>>>>;

/// How far a booklet in the making has come, and what it is doing.
type JobProgress = Arc<Mutex<(f32, String)>>;

/// The dialog's settings and any export in progress.
pub struct ExportDialog {
    open: bool,
    map: Option<MapId>,
    format: ExportFormat,
    paper: Paper,
    orientation: Orientation,
    dpi: u32,
    fit: Fit,
    allow_small: bool,
    panel: crate::layout::panel::Panel,
    path: String,
    job: Option<JobResult>,
    message: Option<Result<String, String>>,
    preview: Option<(PreviewKey, Arc<Result<Plan, String>>)>,
    /// The whole study as a booklet instead of one map.
    booklet: bool,
    booklet_paper: Paper,
    /// The maps left out of the booklet (all are in unless unticked).
    booklet_left_out: Vec<MapId>,
    booklet_sections: Vec<Section>,
    progress: Option<JobProgress>,
}

/// What the preview was planned for: the study's generation, the map and the paper settings.
type PreviewKey = (u64, MapId, Paper, Orientation, Fit, bool, crate::layout::panel::Panel);

impl Default for ExportDialog {
    fn default() -> Self {
        let settings = PosterSettings::default();
        Self {
            open: false,
            map: None,
            format: ExportFormat::Poster(settings.format),
            paper: settings.paper,
            orientation: settings.orientation,
            dpi: settings.dpi,
            fit: settings.fit,
            allow_small: settings.allow_small,
            panel: settings.panel,
            path: String::new(),
            job: None,
            message: None,
            preview: None,
            booklet: false,
            booklet_paper: Paper::A4,
            booklet_left_out: Vec::new(),
            booklet_sections: Section::ALL.to_vec(),
            progress: None,
        }
    }
}

impl ExportDialog {
    /// Opens the dialog on the editor's current map.
    pub fn open(&mut self, editor: &Editor) {
        self.open = true;
        self.map = editor.current_map().map(|m| m.id);
        self.message = None;
        if self.path.is_empty() {
            let folder =
                editor.doc.path().and_then(|p| p.parent()).map_or_else(|| PathBuf::from("."), PathBuf::from);
            let title = editor.current_map().map_or("poster", |m| m.title.as_str());
            let name = super::files::study_file_name(title).replace(".journey.ron", ".png");
            self.path = folder.join(name).display().to_string();
        }
    }

    /// Opens the dialog on the booklet of the whole study.
    pub fn open_booklet(&mut self, editor: &Editor) {
        self.open(editor);
        self.booklet = true;
    }

    fn settings(&self) -> PosterSettings {
        PosterSettings {
            format: PosterFormat::Png,
            paper: self.paper,
            orientation: self.orientation,
            dpi: self.dpi,
            fit: self.fit,
            allow_small: self.allow_small,
            panel: self.panel,
        }
    }

    /// The sheets the export will print, planned as the export plans them (cached).
    fn plan(&mut self, editor: &Editor, map: MapId) -> Option<Arc<Result<Plan, String>>> {
        let key = (
            editor.doc.generation(),
            map,
            self.paper,
            self.orientation,
            self.fit,
            self.allow_small,
            self.panel,
        );
        if let Some((cached, plan)) = &self.preview
            && *cached == key
        {
            return Some(plan.clone());
        }
        let study = editor.study();
        let options =
            crate::layout::LayoutOptions { panel: self.panel, ..crate::layout::LayoutOptions::default() };
        let planned = fit::plan_with(
            study,
            study.map(map)?,
            self.paper,
            self.orientation,
            self.fit,
            self.allow_small,
            options,
        )
        .map_err(|error| error.to_string());
        let plan = Arc::new(planned);
        self.preview = Some((key, plan.clone()));
        Some(plan)
    }

    /// Shows the dialog when open.
    #[allow(clippy::too_many_lines, reason = "the dialog's controls, top to bottom")]
    pub fn show(&mut self, ctx: &egui::Context, editor: &Editor, status: &mut String) {
        if let Some(job) = &self.job {
            let finished = job.lock().ok().and_then(|mut r| r.take());
            if let Some(result) = finished {
                if let Ok(message) = &result {
                    status.clone_from(message);
                }
                self.message = Some(result);
                self.job = None;
                self.progress = None;
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
        if !self.open {
            return;
        }
        let mut open = self.open;
        egui::Window::new("Export map").open(&mut open).resizable(true).default_width(560.0).show(
            ctx,
            |ui| {
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.booklet, false, "One map");
                    ui.radio_value(&mut self.booklet, true, "Booklet (PDF)");
                });
                ui.separator();
                if self.booklet {
                    self.booklet_ui(ui, editor);
                    return;
                }
                let maps: Vec<(MapId, String)> =
                    editor.study().maps.iter().map(|m| (m.id, m.title.clone())).collect();
                let Some(map) =
                    self.map.filter(|m| maps.iter().any(|(id, _)| id == m)).or(maps.first().map(|m| m.0))
                else {
                    ui.label("The study has no maps to export.");
                    return;
                };
                self.map = Some(map);
                egui::Grid::new("export-settings").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                    let label = ui.label("Map");
                    let title =
                        maps.iter().find(|(id, _)| *id == map).map_or(String::new(), |(_, t)| t.clone());
                    let combo =
                        egui::ComboBox::from_id_salt("export-map").selected_text(title).show_ui(ui, |ui| {
                            for (id, title) in &maps {
                                ui.selectable_value(&mut self.map, Some(*id), title);
                            }
                        });
                    let _ = combo.response.labelled_by(label.id);
                    ui.end_row();
                    ui.label("Format");
                    ui.horizontal_wrapped(|ui| {
                        for format in ExportFormat::ALL {
                            ui.radio_value(&mut self.format, format, format.label());
                        }
                    });
                    ui.end_row();
                    let label = ui.label("Paper");
                    let combo = egui::ComboBox::from_id_salt("export-paper")
                        .selected_text(self.paper.name().to_uppercase())
                        .show_ui(ui, |ui| {
                            for paper in Paper::ALL {
                                ui.selectable_value(&mut self.paper, paper, paper.name().to_uppercase());
                            }
                        });
                    let _ = combo.response.labelled_by(label.id);
                    ui.end_row();
                    ui.label("Orientation");
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.orientation, Orientation::Auto, "Follow the map");
                        ui.radio_value(&mut self.orientation, Orientation::Landscape, "Landscape");
                        ui.radio_value(&mut self.orientation, Orientation::Portrait, "Portrait");
                    });
                    ui.end_row();
                    if matches!(self.format, ExportFormat::Poster(_)) && self.paper != Paper::Fit {
                        ui.label("When text is under 9 pt");
                        ui.vertical(|ui| {
                            ui.horizontal_wrapped(|ui| {
                                for fit in Fit::ALL {
                                    ui.radio_value(&mut self.fit, fit, fit.label());
                                }
                            });
                            ui.checkbox(&mut self.allow_small, "Print even below 6 pt");
                        });
                        ui.end_row();
                    }
                    if matches!(self.format, ExportFormat::Poster(_)) {
                        ui.label("Analysis panel");
                        ui.horizontal(|ui| {
                            ui.checkbox(&mut self.panel.matrix, "Importance × performance matrix");
                            ui.checkbox(&mut self.panel.gaps, "Top gaps");
                            ui.checkbox(&mut self.panel.handoffs, "Handoffs");
                        });
                        ui.end_row();
                    }
                    if self.format == ExportFormat::Poster(PosterFormat::Png) {
                        ui.label("Resolution");
                        ui.add(egui::DragValue::new(&mut self.dpi).range(1..=1200).suffix(" dpi"));
                        ui.end_row();
                    }
                    let label = ui.label("Save to");
                    ui.horizontal(|ui| {
                        ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(320.0))
                            .labelled_by(label.id);
                        if ui.button("Browse…").clicked() {
                            let filter = (self.format.label(), &[self.format.extension()][..]);
                            let name = PathBuf::from(&self.path)
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            if let super::files::Choice::Chosen(path) =
                                super::files::pick_save_path("Export", &name, filter, None)
                            {
                                self.path = path.display().to_string();
                            }
                        }
                    });
                    ui.end_row();
                });
                let path = PathBuf::from(self.path.trim()).with_extension(self.format.extension());

                // The preview: the sheets the export will print, placed as it will place them.
                let poster = matches!(self.format, ExportFormat::Poster(_));
                let Some(plan) = self.plan(editor, map) else { return };
                let (available, _) =
                    ui.allocate_exact_size(Vec2::new(ui.available_width(), 260.0), egui::Sense::hover());
                let summary = match plan.as_ref() {
                    Ok(plan) => {
                        paint_sheets(ui, available, plan);
                        describe(plan, self.format, self.dpi)
                    }
                    Err(error) => error.clone(),
                };
                ui.label(summary);
                if poster && let Ok(plan) = plan.as_ref() {
                    for warning in &plan.warnings {
                        ui.colored_label(Color32::from_rgb(0x9A, 0x5B, 0x00), warning);
                    }
                }
                ui.separator();
                ui.horizontal(|ui| {
                    let busy = self.job.is_some();
                    if ui.add_enabled(!busy, egui::Button::new("Export")).clicked() {
                        let study = editor.study().clone();
                        let settings = self.settings();
                        let format = self.format;
                        let result: JobResult = Arc::new(Mutex::new(None));
                        let sink = result.clone();
                        let ctx = ctx.clone();
                        std::thread::spawn(move || {
                            let outcome = study
                                .map(map)
                                .ok_or_else(|| "the map no longer exists".to_owned())
                                .and_then(|m| {
                                    export_map(&study, m, format, &settings).map_err(|e| e.to_string())
                                })
                                .and_then(|exported| write_all(&exported, &path));
                            if let Ok(mut slot) = sink.lock() {
                                *slot = Some(outcome);
                            }
                            ctx.request_repaint();
                        });
                        self.job = Some(result);
                        self.message = None;
                    }
                    if busy {
                        ui.spinner();
                        ui.label("Rendering…");
                    }
                    match &self.message {
                        Some(Ok(message)) => {
                            ui.label(message);
                        }
                        Some(Err(error)) => {
                            ui.colored_label(
                                Color32::from_rgb(0xC6, 0x28, 0x28),
                                format!("Export failed: {error}"),
                            );
                        }
                        None => {}
                    }
                });
            },
        );
        self.open = open;
    }
}

impl ExportDialog {
    /// Makes the booklet on a background thread, reporting its progress to the dialog.
    fn start_booklet(
        &mut self,
        study: crate::model::Study,
        settings: BookletSettings,
        path: PathBuf,
        ctx: egui::Context,
    ) {
        let result: JobResult = Arc::new(Mutex::new(None));
        let progress: JobProgress = Arc::new(Mutex::new((0.0, "Starting".to_owned())));
        let (sink, shown) = (result.clone(), progress.clone());
        std::thread::spawn(move || {
            let mut report = |fraction: f32, what: &str| {
                if let Ok(mut slot) = shown.lock() {
                    *slot = (fraction, what.to_owned());
                }
                ctx.request_repaint();
            };
            let outcome = crate::export::booklet::booklet(&study, &settings, &mut report)
                .map_err(|e| e.to_string())
                .and_then(|made| {
                    write_atomically(&path, &made.bytes, false)
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    let mut message = format!(
                        "Exported {} ({})",
                        path.display(),
                        crate::words::count(made.composed.pages.len(), "page")
                    );
                    for warning in &made.warnings {
                        message.push_str("\nWarning: ");
                        message.push_str(warning);
                    }
                    Ok(message)
                });
            if let Ok(mut slot) = sink.lock() {
                *slot = Some(outcome);
            }
            ctx.request_repaint();
        });
        self.job = Some(result);
        self.progress = Some(progress);
        self.message = None;
    }

    /// The booklet's choices: paper, maps, sections, where to save; then the export, run on a
    /// background thread with its progress shown.
    fn booklet_ui(&mut self, ui: &mut egui::Ui, editor: &Editor) {
        let study = editor.study();
        egui::Grid::new("booklet-settings").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            ui.label("Paper");
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.booklet_paper, Paper::A4, "A4");
                ui.radio_value(&mut self.booklet_paper, Paper::Letter, "Letter");
            });
            ui.end_row();
            ui.label("Maps");
            ui.vertical(|ui| {
                for map in &study.maps {
                    let mut shown = !self.booklet_left_out.contains(&map.id);
                    if ui.checkbox(&mut shown, &map.title).changed() {
                        if shown {
                            self.booklet_left_out.retain(|id| *id != map.id);
                        } else {
                            self.booklet_left_out.push(map.id);
                        }
                    }
                }
            });
            ui.end_row();
            ui.label("Sections");
            ui.vertical(|ui| {
                for section in Section::ALL {
                    let mut shown = self.booklet_sections.contains(&section);
                    if ui.checkbox(&mut shown, section.label()).changed() {
                        if shown {
                            self.booklet_sections.push(section);
                        } else {
                            self.booklet_sections.retain(|s| *s != section);
                        }
                    }
                }
            });
            ui.end_row();
            let label = ui.label("Save to");
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(320.0)).labelled_by(label.id);
                if ui.button("Browse…").clicked() {
                    let name = PathBuf::from(&self.path)
                        .with_extension("pdf")
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    if let super::files::Choice::Chosen(path) =
                        super::files::pick_save_path("Export booklet", &name, ("PDF", &["pdf"][..]), None)
                    {
                        self.path = path.display().to_string();
                    }
                }
            });
            ui.end_row();
        });
        let maps: Vec<usize> = study
            .maps
            .iter()
            .enumerate()
            .filter(|(_, m)| !self.booklet_left_out.contains(&m.id))
            .map(|(i, _)| i)
            .collect();
        let sections: Vec<Section> =
            Section::ALL.into_iter().filter(|s| self.booklet_sections.contains(s)).collect();
        let nothing = maps.is_empty() || sections.is_empty();
        if nothing {
            ui.label("Tick at least one map and one section.");
        }
        ui.separator();
        let path = PathBuf::from(self.path.trim()).with_extension("pdf");
        ui.horizontal(|ui| {
            let busy = self.job.is_some();
            if ui.add_enabled(!busy && !nothing, egui::Button::new("Export booklet")).clicked() {
                let settings = BookletSettings { paper: self.booklet_paper, maps, sections };
                self.start_booklet(study.clone(), settings, path, ui.ctx().clone());
            }
            if busy
                && let Some((fraction, what)) =
                    self.progress.as_ref().and_then(|p| p.lock().ok().map(|g| g.clone()))
            {
                ui.add(egui::ProgressBar::new(fraction).desired_width(220.0).text(what));
            }
        });
        match &self.message {
            Some(Ok(message)) => {
                ui.label(message);
            }
            Some(Err(error)) => {
                ui.colored_label(Color32::from_rgb(0xC6, 0x28, 0x28), format!("Export failed: {error}"));
            }
            None => {}
        }
    }
}

/// Writes every file of an export (one, or `NAME-1.png`, `NAME-2.png`… for pages); the message
/// names them and repeats the export's warnings.
fn write_all(exported: &crate::export::Exported, path: &std::path::Path) -> Result<String, String> {
    let paths = exported.paths(path);
    for (file, path) in exported.files.iter().zip(&paths) {
        write_atomically(path, &file.bytes, false)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let mut message = format!("Exported {}", names.join(", "));
    for warning in &exported.warnings {
        message.push_str("\nWarning: ");
        message.push_str(warning);
    }
    Ok(message)
}

/// Paints the plan's sheets side by side in `area`, each page white with a shadow.
fn paint_sheets(ui: &egui::Ui, area: Rect, plan: &Plan) {
    let gap = 12.0;
    let count = plan.sheets.len().max(1) as f32;
    let total_width: f32 = plan.sheets.iter().map(|s| s.page.width_pt).sum();
    let tallest = plan.sheets.iter().map(|s| s.page.height_pt).fold(1.0, f32::max);
    let fit = ((area.width() - gap * (count - 1.0)) / total_width.max(1.0)).min(area.height() / tallest);
    let row_width = total_width * fit + gap * (count - 1.0);
    let mut left = area.center().x - row_width / 2.0;
    let painter = ui.painter_at(area);
    for sheet in &plan.sheets {
        let page = &sheet.page;
        let size = Vec2::new(page.width_pt, page.height_pt) * fit;
        let rect = Rect::from_min_size(egui::pos2(left, area.center().y - size.y / 2.0), size);
        painter.rect_filled(rect.translate(Vec2::splat(2.0)), 0.0, Color32::from_black_alpha(50));
        painter.rect_filled(rect, 0.0, Color32::WHITE);
        let transform = TSTransform::new(
            rect.min.to_vec2() + Vec2::new(page.offset_x, page.offset_y) * fit,
            page.scale * fit,
        );
        paint::paint_scene(&painter, &sheet.scene, transform, rect);
        left += size.x + gap;
    }
}

/// One line about what the export will write: pages, size and the smallest text.
fn describe(plan: &Plan, format: ExportFormat, dpi: u32) -> String {
    let Some(first) = plan.sheets.first() else { return String::new() };
    let page = &first.page;
    let arranged = match plan.arrangement {
        Arrangement::Whole | Arrangement::Shrunk => String::new(),
        Arrangement::Bands(rows) => format!("stages wrapped into {rows} rows · "),
        Arrangement::Pages(pages) if format == ExportFormat::Poster(PosterFormat::Pdf) => {
            format!("{pages} pages · ")
        }
        Arrangement::Pages(pages) => format!("{pages} pages (NAME-1, NAME-2…) · "),
    };
    let smallest = if plan.smallest_pt.is_finite() {
        format!(" · smallest text prints at {:.1} pt", plan.smallest_pt)
    } else {
        String::new()
    };
    match format {
        ExportFormat::Poster(PosterFormat::Png) => {
            let (w, h) = page.pixels(dpi);
            format!("{arranged}{w} × {h} pixels{smallest}")
        }
        ExportFormat::Poster(PosterFormat::Pdf) => format!(
            "{} in one PDF · {:.0} × {:.0} mm{smallest}",
            crate::words::count(plan.sheets.len(), "page"),
            page.width_pt / 72.0 * 25.4,
            page.height_pt / 72.0 * 25.4
        ),
        ExportFormat::Poster(PosterFormat::Svg) => format!(
            "{arranged}{:.0} × {:.0} mm{smallest}",
            page.width_pt / 72.0 * 25.4,
            page.height_pt / 72.0 * 25.4
        ),
        ExportFormat::Mermaid => {
            "A Mermaid journey: stages, cards, felt emotion as a 1–5 score, owners as actors".to_owned()
        }
        ExportFormat::Csv => {
            "One row per card, with owners, flags, scores, metrics and recommendations".to_owned()
        }
    }
}
