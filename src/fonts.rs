//! The one bundled font family, Inter (regular and bold, SIL Open Font License), used by the
//! layout's text measurement, the canvas and every export, so a poster matches the screen.

/// The family name every export writes and registers.
pub const FAMILY: &str = "Inter";

/// Inter Regular (OpenType, CFF outlines).
pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/Inter-Regular.otf");

/// Inter Bold (OpenType, CFF outlines).
pub const BOLD: &[u8] = include_bytes!("../assets/fonts/Inter-Bold.otf");
