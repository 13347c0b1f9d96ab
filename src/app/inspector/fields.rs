//! The inspector's widgets. Each one changes the value it is given only when the user acts on
//! it (typing, dragging, clicking): none of them clamps, rounds or fills in a value because it
//! was drawn, so a value nobody touched is saved exactly as it was read.

use egui::{Key, Modifiers, Response, Ui};
use std::ops::RangeInclusive;

/// Edits to a copy of one element in one frame: widgets change the copy and report their
/// responses; the copy is applied only when a widget says the user changed it.
pub(crate) struct Draft<T> {
    /// The copy the widgets edit.
    pub value: T,
    touched: bool,
    sealed: bool,
}

impl<T: Clone + PartialEq> Draft<T> {
    pub(crate) fn new(value: T) -> Self {
        Self { value, touched: false, sealed: false }
    }

    /// Notes a widget's response: a change by the user, and the end of a continuous edit
    /// (focus lost, drag released).
    pub(crate) fn track(&mut self, response: &Response) {
        self.touched |= response.changed();
        self.sealed |= response.lost_focus() || response.drag_stopped();
    }

    /// Notes the end of a continuous edit reported without a response.
    pub(crate) fn end_edit(&mut self) {
        self.sealed = true;
    }

    /// Notes a change made by a click that has no response to track.
    pub(crate) fn touch(&mut self) {
        self.touched = true;
    }

    /// The edited value, if the user changed something and it differs from `original`.
    pub(crate) fn changed_from(&self, original: &T) -> Option<&T> {
        (self.touched && self.value != *original).then_some(&self.value)
    }

    /// Whether the continuous edit ended this frame.
    pub(crate) fn sealed(&self) -> bool {
        self.sealed
    }
}

/// Gives a widget its accessible name (what a screen reader says and what tests find it by)
/// without a second node carrying the same name.
pub(crate) fn name(ui: &Ui, response: &Response, name: &str) {
    ui.ctx().accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// A caption over or beside a field. It is painted, not a widget of its own: the field itself
/// carries its full name (see [`name`]), so assistive technology and tests find one node.
pub(crate) fn caption(ui: &mut Ui, text: &str) {
    let colour = ui.visuals().weak_text_color();
    let font = egui::TextStyle::Small.resolve(ui.style());
    let galley = ui.painter().layout_no_wrap(text.to_owned(), font, colour);
    let (rect, _) = ui.allocate_exact_size(galley.size(), egui::Sense::hover());
    ui.painter().galley(rect.min, galley, colour);
}

/// A one-line text field named `accessible`, under a visible caption.
pub(crate) fn text_line(ui: &mut Ui, caption_text: &str, accessible: &str, value: &mut String) -> Response {
    caption(ui, caption_text);
    let response = ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY));
    name(ui, &response, accessible);
    response
}

/// A text field of several lines: Enter starts a new line; Ctrl+Enter, Escape or clicking away
/// ends the edit.
pub(crate) fn text_block(ui: &mut Ui, caption_text: &str, accessible: &str, value: &mut String) -> Response {
    caption(ui, caption_text);
    multiline(ui, accessible, value, 2, None)
}

/// The multi-line editor behind [`text_block`], also used with a hint.
pub(crate) fn multiline(
    ui: &mut Ui,
    accessible: &str,
    value: &mut String,
    rows: usize,
    hint: Option<&str>,
) -> Response {
    let mut edit = egui::TextEdit::multiline(value).desired_rows(rows).desired_width(f32::INFINITY);
    if let Some(hint) = hint {
        edit = edit.hint_text(hint);
    }
    let response = ui.add(edit);
    name(ui, &response, accessible);
    if response.has_focus() && ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Enter)) {
        response.surrender_focus();
    }
    response
}

/// A one-line box for renaming in place. On its first frame it takes the keyboard focus with
/// all its text selected, so typing replaces the old name.
pub(crate) fn rename_box(
    ui: &mut Ui,
    text: &mut String,
    width: f32,
    hint: &str,
    first_frame: bool,
) -> Response {
    let mut output = egui::TextEdit::singleline(text).desired_width(width).hint_text(hint).show(ui);
    if first_frame {
        output.response.response.request_focus();
        output.state.cursor.set_char_range(Some(egui::text_selection::CCursorRange::select_all_str(text)));
        output.state.store(ui.ctx(), output.response.response.id);
    }
    output.response.response
}

/// Rounds a value the user entered to the one decimal scores are kept with.
#[must_use]
pub(crate) fn one_decimal(value: f32) -> f32 {
    (value * 10.0).round() / 10.0
}

/// A score as the inspector shows it: one decimal, or two when the file has two (a survey
/// average such as 6.43 is not shown as 6.4).
#[must_use]
pub(crate) fn show_score(value: f64) -> String {
    let two = format!("{value:.2}");
    if two.ends_with('0') { format!("{value:.1}") } else { two }
}

/// Reads a number as people type it: a comma as the decimal mark, the Unicode minus, spaces.
#[must_use]
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '−' | '–' => '-',
            ',' => '.',
            c => c,
        })
        .collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// An optional score on a scale (importance, performance, emotion). A known score drags or
/// takes typing (double-click it) and has a button that makes it unknown again; an unknown
/// score is an empty box that stays unknown until the user types a number into it. Values the
/// user enters are kept with one decimal; a stored value is never rounded by being shown.
pub(crate) fn optional_score(
    ui: &mut Ui,
    accessible: &str,
    value: &mut Option<f32>,
    range: RangeInclusive<f32>,
) -> Response {
    score_field(ui, accessible, value, &range, false)
}

/// [`optional_score`] for several cards at once: `mixed` when they differ (shown empty, with
/// "mixed" in the box and a button that clears them all).
pub(crate) fn score_field(
    ui: &mut Ui,
    accessible: &str,
    value: &mut Option<f32>,
    range: &RangeInclusive<f32>,
    mixed: bool,
) -> Response {
    ui.horizontal(|ui| {
        let mut response = if let Some(current) = *value {
            let mut edited = current;
            let response = ui.add(
                egui::DragValue::new(&mut edited)
                    .range(range.clone())
                    .clamp_existing_to_range(false)
                    .speed(0.05)
                    .custom_formatter(|value, _| show_score(value))
                    .custom_parser(parse_number),
            );
            name(ui, &response, accessible);
            if response.changed() {
                *value = Some(one_decimal(edited).clamp(*range.start(), *range.end()));
            }
            response
        } else {
            let (mut response, committed) = unknown_number(ui, accessible, if mixed { "mixed" } else { "–" });
            if !commit_score(value, committed, range) {
                response.flags.remove(egui::response::Flags::CHANGED);
            }
            response
        };
        if value.is_some() || mixed {
            let clear = ui.small_button("×").on_hover_text("Clear: make this score unknown");
            name(ui, &clear, &format!("Clear {accessible}"));
            if clear.clicked() {
                *value = None;
                response.mark_changed();
            }
        }
        response
    })
    .inner
}

/// An empty box for an unknown number: typing a number and pressing Enter (or clicking away)
/// commits it, returned with the response; anything else leaves it unknown.
fn unknown_number(ui: &mut Ui, accessible: &str, hint: &str) -> (Response, Option<f64>) {
    let text_id = ui.scope_id().with(("unknown-number", accessible));
    let mut text: String = ui.data(|d| d.get_temp(text_id)).unwrap_or_default();
    let mut response = ui.add(egui::TextEdit::singleline(&mut text).desired_width(60.0).hint_text(hint));
    name(ui, &response, accessible);
    // Typing is not a change yet: only a committed number is.
    response.flags.remove(egui::response::Flags::CHANGED);
    let mut committed = None;
    if response.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(text_id));
        if !ui.input(|i| i.key_pressed(Key::Escape)) {
            committed = parse_number(&text);
        }
    } else if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(text_id, text));
    }
    if committed.is_some() {
        response.mark_changed();
    }
    (response, committed)
}

/// Sets an unknown score from a committed number, if it lies on the scale.
fn commit_score(value: &mut Option<f32>, number: Option<f64>, range: &RangeInclusive<f32>) -> bool {
    #[allow(clippy::cast_possible_truncation, reason = "a number on a 1-10 or -2..2 scale")]
    let number = number.map(|n| n as f32).filter(|n| range.contains(n));
    if let Some(number) = number {
        *value = Some(one_decimal(number));
    }
    number.is_some()
}

/// An optional number without a scale (a metric's value or target): empty for none.
pub(crate) fn optional_amount(ui: &mut Ui, accessible: &str, value: &mut Option<f64>) -> Response {
    if let Some(current) = *value {
        let mut edited = current;
        let mut response = ui.add(egui::DragValue::new(&mut edited).speed(0.1).max_decimals(3));
        name(ui, &response, accessible);
        if response.changed() {
            *value = Some(edited);
        }
        let clear = ui.small_button("×").on_hover_text("Clear this value");
        name(ui, &clear, &format!("Clear {accessible}"));
        if clear.clicked() {
            *value = None;
            response.mark_changed();
        }
        response
    } else {
        let (response, committed) = unknown_number(ui, accessible, "–");
        if committed.is_some() {
            *value = committed;
        }
        response
    }
}

/// A date field: empty for none; a typed date is applied once it reads as `YYYY-MM-DD`, and
/// "Today" sets today's date. Returns whether the user changed the value.
pub(crate) fn date_field(ui: &mut Ui, label: &str, value: &mut Option<crate::model::Date>) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let label = ui.label(label);
        let id = egui::Id::unique(("date-field", label.id));
        let mut text: String = ui
            .data(|d| d.get_temp::<String>(id))
            .unwrap_or_else(|| value.map_or_else(String::new, |d| d.to_string()));
        let response = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(100.0).hint_text("YYYY-MM-DD"))
            .labelled_by(label.id);
        if response.changed() {
            let typed = if text.trim().is_empty() { Some(None) } else { text.parse().ok().map(Some) };
            if let Some(typed) = typed
                && typed != *value
            {
                *value = typed;
                changed = true;
            }
        }
        if response.has_focus() {
            ui.data_mut(|d| d.insert_temp(id, text));
        } else {
            ui.data_mut(|d| d.remove::<String>(id));
        }
        if ui.small_button("Today").on_hover_text("Set to today's date").clicked() {
            let today = Some(crate::model::Date::today());
            changed |= *value != today;
            *value = today;
        }
    });
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_type_them() {
        assert_eq!(parse_number("6.4"), Some(6.4));
        assert_eq!(parse_number(" 6,4 "), Some(6.4));
        assert_eq!(parse_number("−1.5"), Some(-1.5));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn scores_show_one_decimal_or_the_two_the_file_has() {
        assert_eq!(show_score(5.5), "5.5");
        assert_eq!(show_score(6.0), "6.0");
        assert_eq!(show_score(6.43), "6.43");
        assert_eq!(show_score(f64::from(6.4_f32)), "6.4");
    }

    #[test]
    fn entered_scores_keep_one_decimal() {
        assert!((one_decimal(6.44) - 6.4).abs() < 1e-6);
        assert!((one_decimal(7.85) - 7.9).abs() < 1e-6 || (one_decimal(7.85) - 7.8).abs() < 1e-6);
        assert!((one_decimal(-1.26) + 1.3).abs() < 1e-6);
    }
}
