//! Installs the bundled font into egui: the canvas draws with it, and so does the interface.

use super::paint::{BOLD_FAMILY, REGULAR_FAMILY};
use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// Makes Inter the proportional font and adds the named regular and bold families the canvas
/// uses. egui's default fonts stay behind them as fallbacks for symbols and emoji.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(REGULAR_FAMILY.to_owned(), Arc::new(FontData::from_static(crate::fonts::REGULAR)));
    fonts.font_data.insert(BOLD_FAMILY.to_owned(), Arc::new(FontData::from_static(crate::fonts::BOLD)));
    let fallbacks = fonts.families.get(&FontFamily::Proportional).cloned().unwrap_or_default();
    let mut regular = vec![REGULAR_FAMILY.to_owned()];
    regular.extend(fallbacks.iter().cloned());
    let mut bold = vec![BOLD_FAMILY.to_owned()];
    bold.extend(regular.iter().cloned());
    fonts.families.insert(FontFamily::Proportional, regular.clone());
    fonts.families.insert(FontFamily::Name(REGULAR_FAMILY.into()), regular);
    fonts.families.insert(FontFamily::Name(BOLD_FAMILY.into()), bold);
    ctx.set_fonts(fonts);
}
