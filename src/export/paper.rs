//! Paper sizes, orientation, and how a scene is placed on a page.

use std::fmt;
use std::str::FromStr;

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// The paper a poster is printed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Paper {
    /// ISO A0, 841 × 1189 mm.
    A0,
    /// ISO A1, 594 × 841 mm.
    A1,
    /// ISO A2, 420 × 594 mm.
    A2,
    /// ISO A3, 297 × 420 mm.
    A3,
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// US Tabloid, 11 × 17 in.
    Tabloid,
    /// Sized to the content plus its margins.
    Fit,
}

impl Paper {
    /// Every paper, as the CLI lists them.
    pub const ALL: [Paper; 8] =
        [Self::A0, Self::A1, Self::A2, Self::A3, Self::A4, Self::Letter, Self::Tabloid, Self::Fit];

    /// The ISO sizes from the smallest up: what a legibility warning suggests.
    pub const ISO_UP: [Paper; 5] = [Self::A4, Self::A3, Self::A2, Self::A1, Self::A0];

    /// Short side and long side in millimetres (`None` for [`Paper::Fit`]).
    #[must_use]
    pub fn size_mm(self) -> Option<(f32, f32)> {
        Some(match self {
            Self::A0 => (841.0, 1189.0),
            Self::A1 => (594.0, 841.0),
            Self::A2 => (420.0, 594.0),
            Self::A3 => (297.0, 420.0),
            Self::A4 => (210.0, 297.0),
            Self::Letter => (215.9, 279.4),
            Self::Tabloid => (279.4, 431.8),
            Self::Fit => return None,
        })
    }

    /// The name the CLI uses.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::A0 => "a0",
            Self::A1 => "a1",
            Self::A2 => "a2",
            Self::A3 => "a3",
            Self::A4 => "a4",
            Self::Letter => "letter",
            Self::Tabloid => "tabloid",
            Self::Fit => "fit",
        }
    }
}

impl fmt::Display for Paper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Paper {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|p| p.name() == wanted).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|p| p.name()).collect();
            format!("unknown paper {text:?}; choose one of {}", names.join(", "))
        })
    }
}

/// Which way round the paper is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Wider than tall.
    Landscape,
    /// Taller than wide.
    Portrait,
    /// Whichever matches the map's shape.
    Auto,
}

/// A page: its size in points and where the scene sits on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Page {
    /// Page width in points.
    pub width_pt: f32,
    /// Page height in points.
    pub height_pt: f32,
    /// Map units to points.
    pub scale: f32,
    /// Left offset of the scene on the page, in points.
    pub offset_x: f32,
    /// Top offset of the scene on the page, in points.
    pub offset_y: f32,
    /// The paper, for messages.
    pub paper: Paper,
}

/// The printer-safe margin on fixed paper, in millimetres (the scene brings its own margin too).
pub const PRINT_MARGIN_MM: f32 = 8.0;

impl Page {
    /// The page for a scene of `width` × `height` map units on `paper`.
    #[must_use]
    pub fn place(width: f32, height: f32, paper: Paper, orientation: Orientation) -> Page {
        let Some((short, long)) = paper.size_mm() else {
            return Page {
                width_pt: width,
                height_pt: height,
                scale: 1.0,
                offset_x: 0.0,
                offset_y: 0.0,
                paper,
            };
        };
        let landscape = match orientation {
            Orientation::Landscape => true,
            Orientation::Portrait => false,
            Orientation::Auto => width >= height,
        };
        let (w_mm, h_mm) = if landscape { (long, short) } else { (short, long) };
        let (width_pt, height_pt) = (w_mm * PT_PER_MM, h_mm * PT_PER_MM);
        let margin = PRINT_MARGIN_MM * PT_PER_MM;
        let scale = ((width_pt - 2.0 * margin) / width).min((height_pt - 2.0 * margin) / height);
        Page {
            width_pt,
            height_pt,
            scale,
            offset_x: (width_pt - width * scale) / 2.0,
            offset_y: (height_pt - height * scale) / 2.0,
            paper,
        }
    }

    /// The same page with the scene drawn at `scale` (no larger than the scale that fits) in
    /// the top left corner inside the margin: the pages of a map split across sheets share one
    /// scale, so a card is the same size on every page, and one corner, so the title block
    /// and the spine are in the same place on every page.
    #[must_use]
    pub fn at_scale(self, scale: f32) -> Page {
        if self.paper == Paper::Fit {
            return self;
        }
        let margin = PRINT_MARGIN_MM * PT_PER_MM;
        Page { scale: scale.min(self.scale), offset_x: margin, offset_y: margin, ..self }
    }

    /// The page for a scene on `paper`: with [`Orientation::Auto`], whichever way round prints
    /// it larger (rather than the one that matches the scene's shape, as [`Page::place`] does).
    #[must_use]
    pub fn place_largest(width: f32, height: f32, paper: Paper, orientation: Orientation) -> Page {
        if orientation != Orientation::Auto {
            return Page::place(width, height, paper, orientation);
        }
        let landscape = Page::place(width, height, paper, Orientation::Landscape);
        let portrait = Page::place(width, height, paper, Orientation::Portrait);
        if portrait.scale > landscape.scale { portrait } else { landscape }
    }

    /// The pixel size of the page at `dpi`.
    #[must_use]
    pub fn pixels(&self, dpi: u32) -> (u32, u32) {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to 1..=u32::MAX first"
        )]
        let px =
            |pt: f32| (f64::from(pt) / 72.0 * f64::from(dpi)).round().clamp(1.0, f64::from(u32::MAX)) as u32;
        (px(self.width_pt), px(self.height_pt))
    }

    /// The smallest ISO paper on which text of `size` map units prints at `minimum_pt` or more,
    /// for a scene of `width` × `height`. `None` when not even A0 is big enough.
    #[must_use]
    pub fn smallest_legible(
        width: f32,
        height: f32,
        size: f32,
        minimum_pt: f32,
        orientation: Orientation,
    ) -> Option<Paper> {
        Paper::ISO_UP
            .into_iter()
            .find(|paper| Page::place(width, height, *paper, orientation).scale * size >= minimum_pt)
    }
}
