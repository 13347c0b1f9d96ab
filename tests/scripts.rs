//! Text in scripts Inter lacks: Chinese, Japanese, Korean, Arabic, Hebrew, Thai and Devanagari
//! titles are measured with the bundled fallback faces, drawn by them (never as missing-glyph
//! boxes, never by a font of the machine), stay inside their cards, and right-to-left titles
//! are set against the right edge of their box.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

use resvg::usvg;
use std::path::Path;
use wayline::export::png::{font_database, parse_svg};
use wayline::export::{PosterFormat, PosterSettings, poster};
use wayline::io::load_study;
use wayline::layout::text::{is_right_to_left, uncovered_chars};
use wayline::layout::{Anchor, FontMeasure, LayoutOptions, Rect, Scene, Shape, TextMeasure, Weight, layout};
use wayline::model::Study;

/// Long titles, one per script, each several lines on a card.
const TITLES: [&str; 8] = [
    "查看运输时间和全包价格的在线报价并与采购部门确认每一条线路的交货期限",
    "見積もりを依頼して担当者と電話で話し、配送状況をポータルで毎日確認する",
    "견적을 요청하고 담당자와 통화한 다음 포털에서 배송 상태를 매일 확인합니다",
    "يتتبع الشحنة عبر البوابة الإلكترونية ويتصل بفريق خدمة العملاء عند التأخير",
    "מקבל הצעת מחיר מהספק (Acme GmbH) ומשווה אותה למחירים של השנה הקודמת",
    "ตรวจสอบใบแจ้งหนี้และเอกสารการขนส่งทุกฉบับก่อนส่งให้ฝ่ายบัญชีอนุมัติการชำระเงิน",
    "ग्राहक सेवा टीम से संपर्क करता है और शिपमेंट की स्थिति के बारे में पूछता है",
    "Confirms the delivery window with the Nordic carrier and the receiving warehouse",
];

/// An example study with its first map's card titles replaced by [`TITLES`], in turn.
fn study_with_script_titles() -> Study {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/saas.journey.ron");
    let mut study = load_study(&path).unwrap();
    let cards = study.maps[0].stages.iter_mut().flat_map(|stage| stage.cards.iter_mut());
    let mut titles = TITLES.iter().cycle();
    for card in cards {
        (*titles.next().unwrap()).clone_into(&mut card.title);
    }
    study
}

fn scene(study: &Study) -> Scene {
    layout(study, &study.maps[0], FontMeasure::shared(), &LayoutOptions::default())
}

/// The text nodes of `group` and its descendants, in document order.
fn text_nodes<'t>(group: &'t usvg::Group, out: &mut Vec<&'t usvg::Text>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(group) => text_nodes(group, out),
            usvg::Node::Text(text) => out.push(text),
            _ => {}
        }
    }
}

/// The exported poster parsed as resvg parses it, with the page it was placed on, and the text
/// runs of its scene in paint order, which is the order of the SVG's text elements.
struct Rendered {
    tree: usvg::Tree,
    page: wayline::export::Page,
    scene: Scene,
}

impl Rendered {
    fn of(study: &Study) -> Self {
        let settings = PosterSettings { format: PosterFormat::Svg, ..PosterSettings::default() };
        let sheet = poster(study, &study.maps[0], &settings).unwrap().sheets.remove(0);
        let tree = parse_svg(std::str::from_utf8(&sheet.bytes).unwrap()).unwrap();
        Self { tree, page: sheet.page, scene: scene(study) }
    }

    /// Each text run of the scene with the box resvg drew its glyphs in, in map units.
    fn runs(&self) -> Vec<(wayline::layout::TextRun, Rect, &usvg::Text)> {
        let mut nodes = Vec::new();
        text_nodes(self.tree.root(), &mut nodes);
        let runs: Vec<_> = self
            .scene
            .items
            .iter()
            .filter_map(|item| match &item.shape {
                Shape::Text(run) => Some(run.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(runs.len(), nodes.len(), "one text element per run");
        // usvg works in pixels (the SVG's size is in points): back to points, then map units.
        let px_per_pt = self.tree.size().width() / self.page.width_pt;
        let (scale, dx, dy) =
            (self.page.scale * px_per_pt, self.page.offset_x * px_per_pt, self.page.offset_y * px_per_pt);
        runs.into_iter()
            .zip(nodes)
            .map(|(run, node)| {
                let ink = node.abs_bounding_box();
                let in_map = Rect::from_xywh(
                    (ink.left() - dx) / scale,
                    (ink.top() - dy) / scale,
                    ink.width() / scale,
                    ink.height() / scale,
                );
                (run, in_map, node)
            })
            .collect()
    }
}

fn contains_any_title(text: &str) -> bool {
    TITLES.iter().any(|title| title.contains(text.trim()))
}

#[test]
fn every_title_character_is_in_a_bundled_face() {
    let scene = scene(&study_with_script_titles());
    assert!(uncovered_chars(&scene).is_empty(), "{:?}", uncovered_chars(&scene));
    let measure = FontMeasure::shared();
    for title in TITLES {
        for ch in title.chars() {
            assert!(measure.covers(ch, Weight::Bold), "{ch:?} U+{:04X}", u32::from(ch));
            assert!(measure.covers(ch, Weight::Regular), "{ch:?} U+{:04X}", u32::from(ch));
        }
    }
}

#[test]
fn characters_no_bundled_face_has_are_listed_and_warned_about_once() {
    let mut study = study_with_script_titles();
    study.maps[0].stages[0].cards[0].title = "Truck 🚚 and 🚚 again, and runes ᚠᚢ".to_owned();
    let uncovered = uncovered_chars(&scene(&study));
    assert_eq!(uncovered.into_iter().collect::<String>(), "ᚠᚢ🚚");
    let settings = PosterSettings { format: PosterFormat::Svg, ..PosterSettings::default() };
    let warnings = poster(&study, &study.maps[0], &settings).unwrap().warnings;
    let about_fonts: Vec<_> = warnings.iter().filter(|w| w.contains("no bundled font")).collect();
    assert_eq!(about_fonts.len(), 1, "{warnings:#?}");
    assert!(about_fonts[0].contains("🚚 (U+1F69A)"), "{}", about_fonts[0]);
    // A study in the bundled scripts draws everything itself.
    let clean = study_with_script_titles();
    let warnings = poster(&clean, &clean.maps[0], &settings).unwrap().warnings;
    assert!(!warnings.iter().any(|w| w.contains("no bundled font")), "{warnings:#?}");
}

#[test]
fn the_renderer_draws_every_glyph_with_a_bundled_face() {
    let rendered = Rendered::of(&study_with_script_titles());
    let database = font_database();
    let mut scripted = 0;
    for (run, _, node) in rendered.runs() {
        for span in node.layouted() {
            for glyph in &span.positioned_glyphs {
                assert_ne!(glyph.id.0, 0, "a missing glyph in {:?} ({:?})", run.text, glyph.text);
                let face = database.face(glyph.font).unwrap();
                assert!(
                    matches!(face.source, usvg::fontdb::Source::Binary(_)),
                    "{:?} in {:?} drawn by a font of this machine: {:?}",
                    glyph.text,
                    run.text,
                    face.families
                );
            }
        }
        scripted += usize::from(!run.text.is_ascii() && contains_any_title(&run.text));
    }
    assert!(scripted >= 14, "only {scripted} lines of the titles were drawn");
}

#[test]
fn measured_widths_hold_the_drawn_text_and_cards_hold_their_titles() {
    let rendered = Rendered::of(&study_with_script_titles());
    let scene = &rendered.scene;
    let mut checked = 0;
    for (run, ink, _) in rendered.runs() {
        if ink.width() <= 0.0 {
            continue;
        }
        // The measured box holds the drawn glyphs across (kerning and shaping only narrow
        // them; a little slack for glyphs whose ink overhangs their advance).
        let measured = run.bounds();
        let slack = 0.1 * run.size;
        assert!(
            ink.min.x >= measured.min.x - slack && ink.max.x <= measured.max.x + slack,
            "{:?}: drawn {:.1}..{:.1}, measured {:.1}..{:.1}",
            run.text,
            ink.min.x,
            ink.max.x,
            measured.min.x,
            measured.max.x
        );
        // A line of a card lies inside the card.
        if let Some(card) = scene.card_at(measured.centre()) {
            let rect = scene.card_rect(card).unwrap();
            assert!(
                rect.contains_rect(&ink, 0.0),
                "{:?} ({ink:?}) spills out of its card {rect:?}",
                run.text
            );
            checked += usize::from(contains_any_title(&run.text));
        }
    }
    assert!(checked >= 20, "only {checked} title lines checked");
}

#[test]
fn right_to_left_titles_are_set_against_the_right_edge_of_their_box() {
    let rendered = Rendered::of(&study_with_script_titles());
    let scene = &rendered.scene;
    let (mut rtl, mut ltr) = (0, 0);
    for (run, ink, _) in rendered.runs() {
        let Some(card) = scene.card_at(run.bounds().centre()) else { continue };
        if !contains_any_title(&run.text) || ink.width() <= 0.0 {
            continue;
        }
        let rect = scene.card_rect(card).unwrap();
        let slack = 0.1 * run.size;
        if run.right_to_left {
            // Anchored at its end, drawn up to the anchor, in the right part of the card.
            assert_eq!(run.anchor, Anchor::End, "{:?}", run.text);
            assert!(
                (ink.max.x - run.origin.x).abs() < slack,
                "{:?}: ink ends at {:.1}, anchor {:.1}",
                run.text,
                ink.max.x,
                run.origin.x
            );
            assert!(
                run.origin.x > rect.centre().x + rect.width() / 4.0,
                "{:?} is not at the right",
                run.text
            );
            rtl += 1;
        } else {
            assert_ne!(run.anchor, Anchor::End, "{:?}", run.text);
            assert!(ink.min.x - rect.min.x < 20.0, "{:?} is far from the left edge", run.text);
            ltr += 1;
        }
    }
    assert!(rtl >= 4 && ltr >= 4, "{rtl} right-to-left and {ltr} left-to-right lines");
}

#[test]
fn right_to_left_runs_are_isolated_in_the_svg() {
    let study = study_with_script_titles();
    let settings = PosterSettings { format: PosterFormat::Svg, ..PosterSettings::default() };
    let svg =
        String::from_utf8(poster(&study, &study.maps[0], &settings).unwrap().sheets.remove(0).bytes).unwrap();
    let isolated = svg.matches('\u{2067}').count();
    assert!(isolated >= 2, "{isolated} isolated runs");
    assert_eq!(isolated, svg.matches('\u{2069}').count());
    // The document names the fallback families, so browsers fall back as resvg does.
    for family in wayline::fonts::FALLBACKS.map(|f| f.family) {
        assert!(svg.contains(&format!("'{family}'")), "{family}");
    }
}

#[test]
fn direction_follows_the_first_strong_character() {
    assert!(is_right_to_left("שלום (Acme)"));
    assert!(is_right_to_left("2026: تقرير"));
    assert!(!is_right_to_left("Acme שלום"));
    assert!(!is_right_to_left("查看"));
    assert!(!is_right_to_left("123 …"));
}

#[test]
fn fallback_scripts_are_measured_with_their_own_faces() {
    let measure = FontMeasure::shared();
    // Hebrew letters are narrower than the generous estimate for unknown scripts (0.75 em).
    let hebrew = "שלום";
    assert!(measure.width(hebrew, 10.0, Weight::Regular) < 4.0 * 7.5 - 1.0);
    // A CJK ideograph is a full em in Droid Sans Fallback.
    assert!((measure.width("中", 10.0, Weight::Regular) - 10.0).abs() < 0.5);
    // Bold Arabic is measured with the bold face, and is wider.
    let arabic = "الشحنة";
    assert!(measure.width(arabic, 10.0, Weight::Bold) > measure.width(arabic, 10.0, Weight::Regular));
    // Latin is unchanged: Inter's own widths.
    assert!(
        measure.width("iiii", 10.0, Weight::Regular) < measure.width("MMMM", 10.0, Weight::Regular) / 2.0
    );
}
