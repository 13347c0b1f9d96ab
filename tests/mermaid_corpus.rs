//! The peer corpus of Mermaid journey diagrams (`../shared/peer/mermaid-journey`, beside the
//! repository): every file imports with the expected title, sections, tasks, scores and
//! actors, and the one invalid file is rejected. Skipped, with a message, when the corpus is
//! not there.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

use std::path::{Path, PathBuf};
use wayline::interop::{SourceFormat, load_any, read};

#[allow(clippy::print_stdout, reason = "a skipped test says why")]
fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/peer/mermaid-journey");
    if dir.join("EXPECTED.tsv").exists() {
        Some(dir)
    } else {
        println!("skipped: the Mermaid corpus is not at {}", dir.display());
        None
    }
}

#[test]
fn every_file_imports_with_the_expected_counts() {
    let Some(dir) = corpus() else { return };
    let tsv = std::fs::read_to_string(dir.join("EXPECTED.tsv")).unwrap();
    let mut checked = 0;
    for line in tsv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (file, title, sections, tasks, valid) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        let result = load_any(&dir.join(file));
        if valid == "no" {
            let error = result.expect_err(file);
            assert!(error.to_string().contains(file), "{error}");
            assert!(error.position().is_some(), "{file}: the error names a line");
            checked += 1;
            continue;
        }
        let imported = result.unwrap_or_else(|e| panic!("{file}: {e}"));
        let map = &imported.study.maps[0];
        if !title.is_empty() {
            assert_eq!(map.title, title, "{file}");
        }
        let loose = usize::from(map.stages.first().is_some_and(|s| s.name == "Before the first section"));
        assert_eq!(map.stages.len() - loose, sections.parse::<usize>().unwrap(), "{file}: sections");
        assert_eq!(map.card_count(), tasks.parse::<usize>().unwrap(), "{file}: tasks");
        checked += 1;
    }
    assert_eq!(checked, 25);
}

#[test]
fn every_file_imports_with_the_expected_tasks_scores_and_actors() {
    let Some(dir) = corpus() else { return };
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("EXPECTED.json")).unwrap()).unwrap();
    for entry in expected["files"].as_array().unwrap() {
        let file = entry["file"].as_str().unwrap();
        if entry["valid"] != true {
            continue;
        }
        let imported = load_any(&dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let study = &imported.study;
        let map = &study.maps[0];
        let sections: Vec<String> = entry["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| wayline::interop::mermaid::line_breaks(s.as_str().unwrap()))
            .collect();
        let stages: Vec<String> =
            map.stages.iter().map(|s| s.name.clone()).filter(|n| n != "Before the first section").collect();
        assert_eq!(stages, sections, "{file}: sections");
        let cards: Vec<_> = map.cards().collect();
        let tasks = entry["tasks"].as_array().unwrap();
        assert_eq!(cards.len(), tasks.len(), "{file}");
        for (card, task) in cards.iter().zip(tasks) {
            assert_eq!(card.title, task["task"].as_str().unwrap().trim(), "{file}");
            match task["score"].as_f64() {
                Some(score) => {
                    let clamped = score.clamp(1.0, 5.0);
                    assert_eq!(
                        card.emotion.elicited.map(f64::from),
                        Some(clamped - 3.0),
                        "{file}: {}",
                        card.title
                    );
                }
                None => assert_eq!(card.emotion.elicited, None, "{file}: {} has no score", card.title),
            }
            let actors: Vec<&str> = task["actors"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|a| a.as_str())
                .filter(|a| !a.is_empty())
                .collect();
            let owners: Vec<&str> =
                card.owners.iter().map(|id| study.owner(*id).unwrap().name.as_str()).collect();
            assert_eq!(owners, actors, "{file}: {}", card.title);
            assert!(study.owners.iter().all(|o| o.kind == wayline::model::OwnerKind::Person));
        }
        let acc_descr = entry["accDescr"].as_str().unwrap_or("");
        if !acc_descr.is_empty() {
            assert!(
                map.description.contains(acc_descr.lines().next().unwrap().trim()),
                "{file}: accDescr kept"
            );
        }
        let errors = wayline::model::validate(study)
            .into_iter()
            .filter(|p| p.severity == wayline::model::Severity::Error)
            .count();
        assert_eq!(errors, 0, "{file}: the imported study is valid");
    }
}

#[test]
fn a_non_numeric_score_is_a_warning_with_its_line() {
    let Some(dir) = corpus() else { return };
    let imported = load_any(&dir.join("022-e2e-title-styling-frontmatter.mmd")).unwrap();
    assert_eq!(imported.warnings.len(), 1);
    assert_eq!(imported.warnings[0].line, 21, "`size: 2rem` is on line 21");
}

#[test]
fn every_map_of_every_corpus_file_survives_mermaid_and_back() {
    let Some(dir) = corpus() else { return };
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Ok(imported) = load_any(&path) else { continue };
        if path.extension().is_none_or(|e| e != "mmd") {
            continue;
        }
        let study = &imported.study;
        let text = wayline::interop::mermaid::from_map(study, &study.maps[0]);
        let again = read(text.as_bytes(), SourceFormat::Mermaid, Path::new("again.mmd")).unwrap();
        let titles = |s: &wayline::model::Study| {
            s.maps[0].cards().map(|c| c.title.replace('\n', " ")).collect::<Vec<_>>()
        };
        assert_eq!(titles(&again.study), titles(study), "{}", path.display());
    }
}
