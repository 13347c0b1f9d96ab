//! The bundled fonts, used by the layout's text measurement, the canvas and every export, so a
//! poster matches the screen and is the same on every machine.
//!
//! Inter (regular and bold, SIL Open Font License) sets Latin, Greek and Cyrillic text. Text in
//! the other main business scripts falls back, character by character, to open-licensed faces
//! bundled beside it: Noto Sans Arabic, Hebrew, Thai and Devanagari (SIL Open Font License,
//! regular and bold) and Droid Sans Fallback (Apache 2.0) for Chinese, Japanese and Korean. The
//! CJK face comes in regular only: a bold CJK face would more than double the bundle, so bold
//! CJK text is set in the regular face.

// The font bytes are statics, not constants: a constant would put a copy of them into the
// binary at every place that uses it.

/// The family name every export writes and registers.
pub const FAMILY: &str = "Inter";

/// Inter Regular (OpenType, CFF outlines).
pub static REGULAR: &[u8] = include_bytes!("../assets/fonts/Inter-Regular.otf");

/// Inter Bold (OpenType, CFF outlines).
pub static BOLD: &[u8] = include_bytes!("../assets/fonts/Inter-Bold.otf");

/// A bundled face for scripts Inter lacks.
#[derive(Clone, Copy, Debug)]
pub struct Fallback {
    /// The family name the face registers under (as in its `name` table).
    pub family: &'static str,
    /// The regular face.
    pub regular: &'static [u8],
    /// The bold face, when the family has one; bold text uses the regular face otherwise.
    pub bold: Option<&'static [u8]>,
}

impl Fallback {
    /// The face that sets text in `bold` or regular weight.
    #[must_use]
    pub fn face(&self, bold: bool) -> &'static [u8] {
        if bold { self.bold.unwrap_or(self.regular) } else { self.regular }
    }
}

/// The fallback faces, in the order they are tried after Inter. The scripts do not overlap
/// except for punctuation and digits, which Inter has; so the order only matters for the few
/// shared marks, where the script fonts come before the large CJK face.
pub static FALLBACKS: [Fallback; 5] = [
    Fallback {
        family: "Noto Sans Arabic",
        regular: include_bytes!("../assets/fonts/NotoSansArabic-Regular.ttf"),
        bold: Some(include_bytes!("../assets/fonts/NotoSansArabic-Bold.ttf")),
    },
    Fallback {
        family: "Noto Sans Hebrew",
        regular: include_bytes!("../assets/fonts/NotoSansHebrew-Regular.ttf"),
        bold: Some(include_bytes!("../assets/fonts/NotoSansHebrew-Bold.ttf")),
    },
    Fallback {
        family: "Noto Sans Thai",
        regular: include_bytes!("../assets/fonts/NotoSansThai-Regular.ttf"),
        bold: Some(include_bytes!("../assets/fonts/NotoSansThai-Bold.ttf")),
    },
    Fallback {
        family: "Noto Sans Devanagari",
        regular: include_bytes!("../assets/fonts/NotoSansDevanagari-Regular.ttf"),
        bold: Some(include_bytes!("../assets/fonts/NotoSansDevanagari-Bold.ttf")),
    },
    Fallback {
        family: "Droid Sans Fallback",
        regular: include_bytes!("../assets/fonts/DroidSansFallback.ttf"),
        bold: None,
    },
];

/// The `font-family` list a document names: Inter, then every fallback family, then the
/// generic family, so a renderer that has the fonts falls back per character in this order.
#[must_use]
pub fn family_list() -> String {
    let mut list = FAMILY.to_owned();
    for fallback in &FALLBACKS {
        list.push_str(", '");
        list.push_str(fallback.family);
        list.push('\'');
    }
    list.push_str(", sans-serif");
    list
}
