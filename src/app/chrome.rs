//! How much of the window the chrome takes. In a wide window the side panels are docked beside
//! the canvas; below [`NARROW_WIDTH`] they fold into tabs on the window's edges and open over
//! the canvas, so the map keeps most of the window. Focus mode hides every menu, toolbar, panel
//! and the status bar. All of it is view state: it never touches the study.

use super::WaylineApp;
use super::commands::Command;
use egui::{Align2, Id, Key, Modifiers, Order, Pos2, Sense, Vec2};

/// Below this window width the side panels fold away.
pub const NARROW_WIDTH: f32 = 1200.0;
/// The width of the tab strips on the edges of a narrow window.
const STRIP: f32 = 26.0;

/// A side panel of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SidePanel {
    /// The owners and the outline, on the left.
    Owners,
    /// The inspector, on the right.
    Inspector,
    /// The Analysis view, on the right.
    Analysis,
}

impl SidePanel {
    /// The command that shows or hides it.
    #[must_use]
    pub fn command(self) -> Command {
        match self {
            Self::Owners => Command::ToggleOwners,
            Self::Inspector => Command::ToggleInspector,
            Self::Analysis => Command::ToggleAnalysis,
        }
    }

    fn on_left(self) -> bool {
        self == Self::Owners
    }

    /// Its width when it opens over the canvas.
    fn overlay_width(self) -> f32 {
        match self {
            Self::Owners => 280.0,
            Self::Inspector => 330.0,
            Self::Analysis => 420.0,
        }
    }
}

/// What of the chrome shows beyond the remembered preferences: never saved with the study.
#[derive(Clone, Debug, Default)]
pub struct ChromeState {
    /// Focus mode: the canvas alone.
    pub focus: bool,
    /// The side panels opened over the canvas of a narrow window.
    pub overlays: Vec<SidePanel>,
}

/// Whether a window of this context is narrow enough to fold its side panels.
#[must_use]
pub fn is_narrow(ctx: &egui::Context) -> bool {
    ctx.content_rect().width() < NARROW_WIDTH
}

impl WaylineApp {
    /// Whether a side panel shows: docked as the preferences say in a wide window, over the
    /// canvas when opened in a narrow one, never in focus mode.
    #[must_use]
    pub fn panel_shown(&self, ctx: &egui::Context, panel: SidePanel) -> bool {
        if self.chrome.focus {
            false
        } else if is_narrow(ctx) {
            self.chrome.overlays.contains(&panel)
        } else {
            match panel {
                SidePanel::Owners => self.prefs.show_owners,
                SidePanel::Inspector => self.prefs.show_inspector,
                SidePanel::Analysis => self.prefs.show_analysis,
            }
        }
    }

    /// Shows or hides a side panel; in focus mode, leaves it and shows the panel.
    pub(crate) fn toggle_panel(&mut self, ctx: &egui::Context, panel: SidePanel) {
        let show = !self.panel_shown(ctx, panel);
        self.chrome.focus = false;
        if is_narrow(ctx) {
            self.chrome.overlays.retain(|p| *p != panel);
            if show {
                self.chrome.overlays.push(panel);
            }
        } else {
            let pref = match panel {
                SidePanel::Owners => &mut self.prefs.show_owners,
                SidePanel::Inspector => &mut self.prefs.show_inspector,
                SidePanel::Analysis => &mut self.prefs.show_analysis,
            };
            *pref = show;
        }
    }

    /// Enters or leaves focus mode.
    pub(crate) fn toggle_focus(&mut self) {
        self.chrome.focus = !self.chrome.focus;
    }

    /// Escape leaves focus mode (before it clears the selection), unless a text field, a
    /// gesture or a popup has it.
    pub(crate) fn leave_focus_on_escape(&mut self, ctx: &egui::Context) {
        if !self.chrome.focus
            || ctx.egui_wants_keyboard_input()
            || self.canvas.is_busy()
            || egui::Popup::is_any_open(ctx)
        {
            return;
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            self.chrome.focus = false;
        }
    }

    /// The contents of a side panel.
    pub(crate) fn panel_contents(&mut self, ui: &mut egui::Ui, panel: SidePanel) {
        match panel {
            SidePanel::Owners => {
                if let Some(dialog) = super::owners::show(ui, &mut self.editor) {
                    self.dialog = Some(dialog);
                }
                ui.separator();
                super::outline::show(ui, &mut self.editor);
            }
            SidePanel::Inspector => super::inspector::show(ui, &mut self.editor),
            SidePanel::Analysis => super::analysis::show(ui, &mut self.editor, &mut self.prefs.analysis),
        }
    }

    /// The tab strips on the edges of a narrow window: one tab per side panel, named as its
    /// command, which opens it over the canvas.
    pub(crate) fn edge_tabs(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        for (id, left) in [("left-tabs", true), ("right-tabs", false)] {
            let panel = if left { egui::Panel::left(id) } else { egui::Panel::right(id) };
            panel.exact_size(STRIP).resizable(false).show(ui, |ui| {
                ui.add_space(6.0);
                for side in [SidePanel::Owners, SidePanel::Inspector, SidePanel::Analysis] {
                    if side.on_left() != left {
                        continue;
                    }
                    let open = self.panel_shown(&ctx, side);
                    if edge_tab(ui, side.command(), open).clicked() {
                        self.toggle_panel(&ctx, side);
                    }
                    ui.add_space(4.0);
                }
            });
        }
    }

    /// The side panels opened over the canvas of a narrow window, at its edges.
    pub(crate) fn overlays(&mut self, ctx: &egui::Context) {
        let Some(canvas) = self.canvas.viewport() else { return };
        let mut right_edge = canvas.right();
        for panel in self.chrome.overlays.clone() {
            let width = panel.overlay_width().min(canvas.width() - 40.0).max(160.0);
            let (pos, anchor) = if panel.on_left() {
                (canvas.left_top(), Align2::LEFT_TOP)
            } else {
                let pos = Pos2::new(right_edge, canvas.top());
                right_edge -= width;
                (pos, Align2::RIGHT_TOP)
            };
            let id = Id::unique(("side-overlay", panel.command().label()));
            egui::Area::new(id).order(Order::Middle).fixed_pos(pos).pivot(anchor).show(ctx, |ui| {
                egui::Frame::side_top_panel(ui.style()).shadow(ui.style().visuals.popup_shadow).show(
                    ui,
                    |ui| {
                        ui.set_width(width - 16.0);
                        ui.set_height(canvas.height() - 12.0);
                        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                            self.panel_contents(ui, panel);
                        });
                    },
                );
            });
        }
    }

    /// In focus mode, a quiet button in the canvas's corner that brings the chrome back.
    pub(crate) fn focus_exit_button(&mut self, ctx: &egui::Context) {
        let Some(canvas) = self.canvas.viewport() else { return };
        let pos = canvas.right_top() + Vec2::new(-10.0, 10.0);
        egui::Area::new(Id::unique("leave-focus"))
            .order(Order::Middle)
            .fixed_pos(pos)
            .pivot(Align2::RIGHT_TOP)
            .show(ctx, |ui| {
                let shortcut =
                    Command::FocusMode.shortcut().map(|s| ctx.format_shortcut(&s)).unwrap_or_default();
                let button = egui::Button::new(format!("Leave focus mode ({shortcut} or Esc)"));
                if ui
                    .add(button)
                    .on_hover_text("Bring back the menus, toolbar, panels and status bar")
                    .clicked()
                {
                    self.chrome.focus = false;
                }
            });
    }
}

/// A tab on a window edge: the command's label written upwards, highlighted when its panel is
/// open, named for assistive technology.
fn edge_tab(ui: &mut egui::Ui, command: Command, open: bool) -> egui::Response {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let text_colour = ui.visuals().text_color();
    let galley = ui.painter().layout_no_wrap(command.label().to_owned(), font, text_colour);
    let size = Vec2::new(STRIP - 4.0, galley.size().x + 16.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let visuals = ui.style().interact_selectable(&response, open);
    if open || response.hovered() {
        ui.painter().rect_filled(rect, 3.0, visuals.weak_bg_fill);
    }
    // Turned a quarter to the left: the text reads upwards and its top faces the left.
    let at = Pos2::new(rect.center().x - galley.size().y / 2.0, rect.bottom() - 8.0);
    let text = egui::epaint::TextShape::new(at, galley, visuals.text_color())
        .with_angle(-std::f32::consts::FRAC_PI_2);
    ui.painter().add(text);
    let label = command.label();
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, open, label));
    let shortcut = command.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default();
    response.on_hover_text(format!("{} ({shortcut})", command.tooltip()))
}
