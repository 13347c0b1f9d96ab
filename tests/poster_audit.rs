//! Posters of studies nobody here wrote, checked as a print shop would: every map of generated
//! studies, exported on A1, A3 and a page sized to the map with the default fit, either is
//! refused with a reason or prints every text at 9 pt or more (or says why not), keeps clear of
//! the 8 mm margin, and has no overlapping or overflowing text on any sheet. Studies whose
//! touchpoints have detail maps print their roll-ups under the same rules.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::checks::check_scene;
use proptest::prelude::*;
use wayline::export::fit::plan_with;
use wayline::export::{ExportError, Fit, Orientation, Paper};
use wayline::layout::LayoutOptions;
use wayline::layout::panel::Panel;
use wayline::model::Study;

/// The first way the map's posters fail the audit, if any.
fn audit(study: &Study) -> Result<(), String> {
    for map in &study.maps {
        for paper in [Paper::A1, Paper::A3, Paper::Fit] {
            let name = format!("{:?} on {paper}", map.title);
            // With the analysis panel on the larger papers, so it is audited too.
            let panel = if paper == Paper::A3 { Panel::default() } else { Panel::ALL };
            let options = LayoutOptions { panel, ..LayoutOptions::default() };
            let planned = match plan_with(study, map, paper, Orientation::Auto, Fit::Auto, false, options) {
                Ok(planned) => planned,
                Err(ExportError::TextTooSmall { message }) if !message.is_empty() => continue,
                Err(error) => return Err(format!("{name}: {error}")),
            };
            if planned.smallest_pt < 9.0 - 0.01 && !planned.warnings.iter().any(|w| w.contains("pt")) {
                return Err(format!("{name}: text at {:.1} pt with no warning", planned.smallest_pt));
            }
            for (index, sheet) in planned.sheets.iter().enumerate() {
                check_scene(&sheet.scene).map_err(|e| format!("{name}, sheet {}: {e}", index + 1))?;
                if paper == Paper::Fit {
                    continue;
                }
                if let Some((item, _)) = common::checks::in_margin(sheet) {
                    return Err(format!(
                        "{name}, sheet {}: {:?} reaches into the margin",
                        index + 1,
                        item.role
                    ));
                }
            }
        }
    }
    Ok(())
}

#[test]
fn the_bundled_studies_pass_the_audit() {
    for template in &wayline::templates::TEMPLATES {
        audit(&template.study().unwrap()).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn generated_studies_pass_the_audit(study in common::study()) {
        prop_assert!(audit(&study).is_ok(), "{}", audit(&study).unwrap_err());
    }

    #[test]
    fn generated_studies_with_detail_maps_pass_the_audit(study in common::study_with_details()) {
        prop_assert!(audit(&study).is_ok(), "{}", audit(&study).unwrap_err());
    }
}

#[test]
fn large_generated_studies_pass_the_audit() {
    for cards in [60, 400] {
        audit(&wayline::bench::generate_study(cards)).unwrap();
    }
}
