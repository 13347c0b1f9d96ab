//! The choices an analysis is made with. The defaults are the method's notes; where a rule is
//! ours and not the method's (large gap, heat thresholds, load), it is settable here.

/// Which view's scores a matrix or a ranking reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The team's own workshop assessment.
    Internal,
    /// Interviews and surveys: what customers say.
    #[default]
    Customer,
}

impl View {
    /// The view's name in sentence case.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Internal => "Internal view",
            Self::Customer => "Customer view",
        }
    }

    /// The view's machine name, as reports spell it.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Internal => "internal",
            Self::Customer => "customer",
        }
    }
}

/// Where the importance × performance matrix puts its crosshairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Crosshairs {
    /// At the means of the points on the map (the data-centred variant).
    #[default]
    Means,
    /// At the middle of the 1–10 scale, 5.5.
    Midpoint,
}

/// The middle of the 1–10 scale.
pub const SCALE_MIDPOINT: f32 = 5.5;

/// Thresholds and choices for one analysis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// The view the matrix and the quadrants read.
    pub view: View,
    /// Where the crosshairs sit.
    pub crosshairs: Crosshairs,
    /// A gap at least this large (either way) is large.
    pub large_gap: f32,
    /// Computed pain: customer performance at most this…
    pub pain_performance: f32,
    /// …or elicited emotion at most this.
    pub pain_emotion: f32,
    /// Computed delight: customer performance at least this…
    pub delight_performance: f32,
    /// …or elicited emotion at least this.
    pub delight_emotion: f32,
    /// Computed moment of truth: customer importance at least this.
    pub truth_importance: f32,
    /// An owner is overloaded when accountable for more than this share of a map's cards…
    pub load_share: f32,
    /// …and for at least this many cards.
    pub load_minimum: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            view: View::Customer,
            crosshairs: Crosshairs::Means,
            large_gap: super::LARGE_GAP,
            pain_performance: 4.0,
            pain_emotion: -1.0,
            delight_performance: 8.0,
            delight_emotion: 1.5,
            truth_importance: 8.0,
            load_share: 0.25,
            load_minimum: 5,
        }
    }
}
