//! Property tests: any study survives a save and load unchanged, and no input, however broken,
//! makes the loader panic.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::study;
use proptest::prelude::*;
use wayline::io::{parse_study, parse_study_bytes, to_ron_string};
use wayline::model::{Date, review_warning, validate};

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_study_round_trips(study in study()) {
        let text = to_ron_string(&study).unwrap();
        let loaded = parse_study(&text, "generated.journey.ron").unwrap();
        prop_assert_eq!(&loaded, &study);
        prop_assert_eq!(to_ron_string(&loaded).unwrap(), text, "a second save is byte-identical");
    }

    #[test]
    fn validation_never_panics(study in study()) {
        let _ = validate(&study);
        let _ = review_warning(&study, Date::today());
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_study_bytes(&bytes, "random.bin");
    }

    #[test]
    fn arbitrary_text_never_panics_the_loader(text in ".{0,512}") {
        let _ = parse_study(&text, "random.txt");
    }

    #[test]
    fn mutated_examples_load_or_fail_cleanly(
        which in 0usize..3,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<u8>()), 1..8),
    ) {
        let mut bytes = wayline::templates::TEMPLATES[which].text.as_bytes().to_vec();
        for (at, kind, byte) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match kind {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                2 => bytes.insert(i, byte),
                _ => bytes.truncate(i),
            }
        }
        match parse_study_bytes(&bytes, "mutated.journey.ron") {
            Ok(study) => { let _ = validate(&study); }
            Err(error) => prop_assert!(error.to_string().starts_with("mutated.journey.ron")),
        }
    }
}
