//! Installs the bundled fonts into egui: the canvas draws with them, and so does the interface.

use super::paint::{BOLD_FAMILY, REGULAR_FAMILY};
use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// Makes Inter the proportional font and adds the named regular and bold families the canvas
/// uses. Behind Inter come the bundled faces for Arabic, Hebrew, Thai, Devanagari and CJK (the
/// order the layout measures in), then egui's default fonts for symbols and emoji. egui reads a
/// face's glyphs only when it first draws them, so the large CJK face costs nothing at startup.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(REGULAR_FAMILY.to_owned(), Arc::new(FontData::from_static(crate::fonts::REGULAR)));
    fonts.font_data.insert(BOLD_FAMILY.to_owned(), Arc::new(FontData::from_static(crate::fonts::BOLD)));
    let mut regular_fallbacks = Vec::new();
    let mut bold_fallbacks = Vec::new();
    for fallback in &crate::fonts::FALLBACKS {
        let name = fallback.family.to_owned();
        fonts.font_data.insert(name.clone(), Arc::new(FontData::from_static(fallback.regular)));
        regular_fallbacks.push(name.clone());
        match fallback.bold {
            Some(bold) => {
                let bold_name = format!("{name} Bold");
                fonts.font_data.insert(bold_name.clone(), Arc::new(FontData::from_static(bold)));
                bold_fallbacks.push(bold_name);
            }
            None => bold_fallbacks.push(name),
        }
    }
    let defaults = fonts.families.get(&FontFamily::Proportional).cloned().unwrap_or_default();
    let mut regular = vec![REGULAR_FAMILY.to_owned()];
    regular.extend(regular_fallbacks);
    regular.extend(defaults.iter().cloned());
    let mut bold = vec![BOLD_FAMILY.to_owned()];
    bold.extend(bold_fallbacks);
    bold.extend(regular.iter().cloned());
    fonts.families.insert(FontFamily::Proportional, regular.clone());
    fonts.families.insert(FontFamily::Name(REGULAR_FAMILY.into()), regular);
    fonts.families.insert(FontFamily::Name(BOLD_FAMILY.into()), bold);
    ctx.set_fonts(fonts);
}
