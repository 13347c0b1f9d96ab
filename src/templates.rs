//! The example studies bundled into the binary, which double as templates for new studies.

use crate::io::{LoadError, parse_study};
use crate::model::{Date, Study};

/// A bundled study that a new study can start from.
#[derive(Clone, Copy, Debug)]
pub struct Template {
    /// The name the CLI and menus use, e.g. `logistics`.
    pub name: &'static str,
    /// One line on what the template holds.
    pub summary: &'static str,
    /// The study file's text.
    pub text: &'static str,
}

/// Every bundled template, the smallest first.
pub const TEMPLATES: [Template; 3] = [
    Template {
        name: "starter",
        summary: "A small, clean starting point: one typical map with the B2B stages",
        text: include_str!("../examples/starter.journey.ron"),
    },
    Template {
        name: "logistics",
        summary: "Freight provider serving B2B shippers: typical, tactical and performance maps",
        text: include_str!("../examples/logistics.journey.ron"),
    },
    Template {
        name: "saas",
        summary: "B2B software vendor: current-state and future-state journeys",
        text: include_str!("../examples/saas.journey.ron"),
    },
];

/// The template with this name (ignoring case).
#[must_use]
pub fn find(name: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.name.eq_ignore_ascii_case(name.trim()))
}

impl Template {
    /// The template's study exactly as bundled.
    ///
    /// # Errors
    /// Only if the bundled file is broken, which the test suite rules out.
    pub fn study(&self) -> Result<Study, LoadError> {
        parse_study(self.text, &format!("template {}", self.name))
    }

    /// A new study started from this template today: the content of the template, created
    /// `today` and not reviewed yet.
    ///
    /// # Errors
    /// Only if the bundled file is broken, which the test suite rules out.
    pub fn instantiate(&self, today: Date) -> Result<Study, LoadError> {
        let mut study = self.study()?;
        study.meta.created = Some(today);
        study.meta.last_reviewed = None;
        Ok(study)
    }
}
