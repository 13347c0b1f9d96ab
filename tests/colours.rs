//! Owner colours: the defaults show on paper and stay apart, and `check` warns about colours
//! that do not (too pale on white, or too close to another owner's).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::cli::wayline;
use std::path::Path;
use std::time::Instant;
use wayline::cli::ExitStatus;
use wayline::io::{load_study, save_study};
use wayline::model::{
    Colour, DistinctColours, NEAR_IDENTICAL, Owner, OwnerId, Problem, Severity, Study, delta_e,
    shows_on_paper, validate,
};

const WHITE: Colour = Colour::rgb(0xFF, 0xFF, 0xFF);

fn starter() -> Study {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/starter.journey.ron");
    load_study(&path).unwrap()
}

/// The starter study with its owners' colours replaced by `colours`, in order.
fn with_colours(colours: &[Colour]) -> Study {
    let mut study = starter();
    assert!(study.owners.len() >= colours.len());
    for (owner, colour) in study.owners.iter_mut().zip(colours) {
        owner.colour = *colour;
    }
    study
}

/// The starter study with one owner per colour, all of them owners of its first card.
fn owners_on_one_card(colours: &[Colour]) -> Study {
    let mut study = starter();
    study.owners = colours
        .iter()
        .enumerate()
        .map(|(index, colour)| Owner {
            id: OwnerId(u32::try_from(index).unwrap() + 1),
            name: format!("Owner {index}"),
            colour: *colour,
            ..Owner::default()
        })
        .collect();
    for card in study.maps.iter_mut().flat_map(|m| m.stages.iter_mut()).flat_map(|s| s.cards.iter_mut()) {
        card.owners.clear();
        card.accountable = None;
    }
    let card = &mut study.maps[0].stages[0].cards[0];
    card.owners = study.owners.iter().map(|o| o.id).collect();
    card.accountable = Some(OwnerId(1));
    study
}

fn colour_warnings(study: &Study) -> Vec<Problem> {
    validate(study)
        .into_iter()
        .filter(|p| p.message.contains("colour"))
        .inspect(|p| assert_eq!(p.severity, Severity::Warning, "{p}"))
        .collect()
}

#[test]
fn the_default_palette_shows_on_paper_and_stays_apart() {
    for colour in Colour::OWNER_PALETTE {
        assert!(colour.contrast_ratio(WHITE) >= 3.0, "{colour}: {:.2}:1", colour.contrast_ratio(WHITE));
    }
    for (i, a) in Colour::OWNER_PALETTE.iter().enumerate() {
        for b in &Colour::OWNER_PALETTE[..i] {
            assert!(delta_e(*a, *b) >= NEAR_IDENTICAL, "{a} and {b}: ΔE {:.1}", delta_e(*a, *b));
        }
    }
}

#[test]
fn generated_colours_show_on_paper_and_the_first_ones_stay_apart() {
    let mut source = DistinctColours::new([]);
    let colours: Vec<Colour> = (0..200).map(|_| source.next_colour()).collect();
    for colour in &colours {
        assert!(shows_on_paper(*colour), "{colour}: {:.2}:1", colour.contrast_ratio(WHITE));
    }
    // The palette and as many colours again are told apart by colour alone (the range of
    // colours dark enough for paper holds about twenty that far apart); the first fifty are
    // still clearly different.
    for (i, a) in colours[..50].iter().enumerate() {
        for b in &colours[..i] {
            let least = if i < 16 { NEAR_IDENTICAL } else { NEAR_IDENTICAL / 2.0 };
            assert!(delta_e(*a, *b) >= least, "{a} and {b}: ΔE {:.1}", delta_e(*a, *b));
        }
    }
    // Nor do they trigger the check's own warnings, all on one card.
    let study = owners_on_one_card(&colours[..16]);
    assert!(colour_warnings(&study).is_empty(), "{:#?}", colour_warnings(&study));
}

#[test]
fn the_examples_have_no_colour_warnings() {
    for name in ["starter", "logistics", "saas"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("examples/{name}.journey.ron"));
        let study = load_study(&path).unwrap();
        assert!(colour_warnings(&study).is_empty(), "{name}: {:#?}", colour_warnings(&study));
    }
}

#[test]
fn a_pale_colour_is_a_warning_naming_the_owner_and_the_ratio() {
    let study = with_colours(&[Colour::rgb(0xF0, 0xE4, 0x42)]);
    let warnings = colour_warnings(&study);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    let name = &study.owners[0].name;
    assert!(warnings[0].message.contains(&format!("{name:?}")), "{}", warnings[0].message);
    assert!(warnings[0].message.contains("1.3:1"), "{}", warnings[0].message);
    assert!(warnings[0].message.contains("3:1"), "{}", warnings[0].message);
    assert_eq!(warnings[0].location.owner, Some(study.owners[0].id));
}

#[test]
fn a_ratio_just_under_the_limit_never_reads_as_the_limit() {
    // #8A8A8A has a contrast of about 3.45:1; #959595 about 2.99:1.
    let study = with_colours(&[Colour::rgb(0x95, 0x95, 0x95)]);
    let warnings = colour_warnings(&study);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(warnings[0].message.contains("2.9:1"), "{}", warnings[0].message);
}

#[test]
fn identical_and_near_identical_colours_are_warnings_naming_both_owners() {
    let blue = Colour::rgb(0x00, 0x72, 0xB2);
    let near_blue = Colour::rgb(0x05, 0x78, 0xB8);
    let study = with_colours(&[blue, Colour::rgb(0xD5, 0x5E, 0x00), blue, near_blue]);
    let warnings = colour_warnings(&study);
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    let names: Vec<&str> = study.owners.iter().map(|o| o.name.as_str()).collect();
    assert!(warnings[0].message.contains("the same colour"), "{}", warnings[0].message);
    assert!(warnings[0].message.contains(&format!("{:?}", names[2])), "{}", warnings[0].message);
    assert!(warnings[0].message.contains(&format!("{:?}", names[0])), "{}", warnings[0].message);
    assert!(warnings[1].message.contains("ΔE"), "{}", warnings[1].message);
    assert!(warnings[1].message.contains(&format!("{:?}", names[3])), "{}", warnings[1].message);
    assert!(warnings[1].message.contains("#0578B8"), "{}", warnings[1].message);
    assert!(delta_e(blue, near_blue) < NEAR_IDENTICAL);
}

#[test]
fn colours_just_far_enough_apart_are_not_warned_about() {
    let study = with_colours(&Colour::OWNER_PALETTE[..5]);
    assert!(colour_warnings(&study).is_empty(), "{:#?}", colour_warnings(&study));
}

#[test]
fn check_prints_colour_warnings_and_still_calls_the_study_valid() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pale.journey.ron");
    let study = with_colours(&[Colour::rgb(0xF0, 0xE4, 0x42), Colour::rgb(0xF0, 0xE4, 0x42)]);
    save_study(&study, &path).unwrap();
    let outcome = wayline(&["check", path.to_str().unwrap()]);
    assert_eq!(outcome.status, ExitStatus::Success, "{}", outcome.stdout);
    assert!(outcome.stdout.contains("valid (0 errors, 3 warnings)"), "{}", outcome.stdout);
    assert!(outcome.stdout.contains("against white"), "{}", outcome.stdout);
    assert!(outcome.stdout.contains("the same colour"), "{}", outcome.stdout);
}

#[test]
fn owners_that_never_share_a_map_may_look_alike() {
    // A large organisation has more owners than colours far apart; only owners shown together
    // must be told apart.
    let blue = Colour::rgb(0x00, 0x72, 0xB2);
    let mut study = owners_on_one_card(&[blue, blue]);
    assert_eq!(colour_warnings(&study).len(), 1);
    study.maps[0].stages[0].cards[0].owners = vec![OwnerId(1)];
    study.maps[0].stages[1].cards[0].owners.clear();
    assert!(colour_warnings(&study).is_empty(), "{:#?}", colour_warnings(&study));
    // On another card of the same map they must differ again.
    study.maps[0].stages[1].cards[0].accountable = Some(OwnerId(2));
    assert_eq!(colour_warnings(&study).len(), 1);
}

#[test]
fn many_owners_are_checked_in_linear_time() {
    // Forty thousand owners with similar colours on one card: every one is compared with a few
    // neighbours, not with all the others.
    let colours: Vec<Colour> = (0..40_000_u32)
        .map(|i| {
            let [_, _, g, b] = i.to_be_bytes();
            Colour::rgb(0x20, g / 4, b)
        })
        .collect();
    let study = owners_on_one_card(&colours);
    let start = Instant::now();
    let warnings = colour_warnings(&study);
    assert!(warnings.len() > 1000);
    assert!(start.elapsed().as_secs_f32() < 20.0, "took {:?}", start.elapsed());
}
