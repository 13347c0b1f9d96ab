//! Bringing studies written in older format versions up to date.
//!
//! Each step takes a study from one version to the next; [`migrate`] runs the steps from the
//! file's version to [`FORMAT_VERSION`]. Fields added since a version need no step: they are
//! filled with defaults while reading. Steps are for changes of meaning.
//!
//! | version | what it is |
//! |---|---|
//! | 0 | a study written by hand or by a script, without `format_version`: ids may be left out |
//! | 1 | the current format: every element has its id |

use crate::model::{FORMAT_VERSION, Study};

/// Migrates `study`, read as version `study.format_version`, to [`FORMAT_VERSION`].
pub fn migrate(study: &mut Study) {
    if study.format_version < 1 {
        assign_missing_ids(study);
    }
    study.format_version = FORMAT_VERSION;
}

/// Version 0 → 1: gives every element without an id (id 0) a fresh one. Ids that are present
/// are kept, so references written by hand still point where they did.
fn assign_missing_ids(study: &mut Study) {
    let mut ids = study.id_allocator();
    for owner in &mut study.owners {
        if !owner.id.is_assigned() {
            owner.id = ids.owner();
        }
    }
    for persona in &mut study.personas {
        if !persona.id.is_assigned() {
            persona.id = ids.persona();
        }
    }
    for map in &mut study.maps {
        if !map.id.is_assigned() {
            map.id = ids.map();
        }
        for stage in &mut map.stages {
            if !stage.id.is_assigned() {
                stage.id = ids.stage();
            }
            for card in &mut stage.cards {
                if !card.id.is_assigned() {
                    card.id = ids.card();
                }
            }
        }
        for link in &mut map.links {
            if !link.id.is_assigned() {
                link.id = ids.link();
            }
        }
    }
}
