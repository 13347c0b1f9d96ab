//! Nothing is lost in the editor: unsaved work is journalled and offered back after a crash,
//! a file changed by someone else is noticed and never overwritten silently, and a read-only
//! file is not replaced. Driven through `egui_kittest` on the real app.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail by panicking")]

mod common;

use common::app::{click, harness_with_path, study, template};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use wayline::app::WaylineApp;
use wayline::io::{load_study, save_study, to_ron_string};

fn journals(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".journey.ron"))
                .collect()
        })
        .unwrap_or_default()
}

/// Runs frames for about `tenths` tenths of a second of the app's time.
fn wait(harness: &mut Harness<'_, WaylineApp>, tenths: u16) {
    let frames_per_tenth = 6; // at 60 frames a second
    for _ in 0..u32::from(tenths) * frames_per_tenth {
        harness.step();
    }
    harness.run_ok();
}

fn opened(dir: &Path, name: &str) -> (PathBuf, Harness<'static, WaylineApp>) {
    let path = dir.join(name);
    save_study(&template("starter"), &path).unwrap();
    let harness = harness_with_path(load_study(&path).unwrap(), Some(path.clone()));
    (path, harness)
}

#[test]
fn unsaved_work_is_journalled_after_a_pause_and_removed_by_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let (path, mut harness) = opened(dir.path(), "workshop.journey.ron");
    harness.state_mut().enable_recovery(Some(recovery.clone()));
    harness.run_ok();
    assert!(journals(&recovery).is_empty(), "nothing unsaved, nothing journalled");

    click(&mut harness, "Add stage");
    harness.key_press(Key::Escape);
    harness.run_ok();
    wait(&mut harness, 15);
    let written = journals(&recovery);
    assert_eq!(written.len(), 1, "the edit is journalled a second after it");
    assert_eq!(load_study(&written[0]).unwrap(), study(&harness), "the journal is a study file");
    assert_ne!(load_study(&path).unwrap(), study(&harness), "never into the user's own file");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_ok();
    wait(&mut harness, 2);
    assert!(journals(&recovery).is_empty(), "a save removes the journal");
}

#[test]
fn work_left_by_a_killed_editor_is_offered_and_recovered_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let (path, mut harness) = opened(dir.path(), "workshop.journey.ron");
    harness.state_mut().enable_recovery(Some(recovery.clone()));
    click(&mut harness, "Add stage");
    harness.key_press(Key::Escape);
    harness.run_ok();
    // The session ends as a logout ends it: the journal is flushed at once, and kept.
    harness.state_mut().terminate();
    harness.run_ok();
    let edited = study(&harness);
    let written = journals(&recovery);
    assert_eq!(written.len(), 1);
    // The process is gone: its lease with it.
    for entry in std::fs::read_dir(&recovery).unwrap() {
        let entry = entry.unwrap().path();
        if entry.extension().is_some_and(|e| e == "lease") {
            std::fs::remove_file(entry).unwrap();
        }
    }

    let mut next = harness_with_path(load_study(&path).unwrap(), Some(path.clone()));
    next.state_mut().enable_recovery(Some(recovery.clone()));
    next.run_ok();
    next.get_by_label("Recover unsaved work?");
    click(&mut next, "Compare with the saved file");
    next.get_by_label_contains("Compared with the saved file");
    click(&mut next, "Recover");
    assert_eq!(study(&next), edited);
    assert!(next.state().editor.doc.is_dirty(), "recovered changes are unsaved");
    assert_eq!(next.state().editor.doc.path(), Some(path.as_path()));
    assert_eq!(load_study(&path).unwrap(), template("starter"), "the file is untouched until saved");
}

#[test]
fn discarding_recovered_work_deletes_it() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    std::fs::create_dir_all(&recovery).unwrap();
    let text =
        format!("// Wayline recovery of: (unsaved study)\n{}", to_ron_string(&template("saas")).unwrap());
    std::fs::write(recovery.join("untitled-00ff-999999.journey.ron"), text).unwrap();
    let mut harness = common::app::harness(template("starter"));
    harness.state_mut().enable_recovery(Some(recovery.clone()));
    harness.run_ok();
    click(&mut harness, "Discard");
    assert!(journals(&recovery).is_empty());
    assert_eq!(study(&harness), template("starter"));
}

#[test]
fn a_file_changed_on_disk_reloads_when_clean_and_asks_when_not() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut harness) = opened(dir.path(), "shared.journey.ron");
    let mut theirs = template("starter");
    theirs.meta.title = "Their edit".to_owned();
    save_study(&theirs, &path).unwrap();
    harness.state_mut().on_disk_change();
    harness.run_ok();
    assert_eq!(study(&harness).meta.title, "Their edit", "no unsaved edits: it reloads");
    assert!(harness.state().status_text().contains("changed on disk"));

    click(&mut harness, "Add stage");
    harness.key_press(Key::Escape);
    harness.run_ok();
    theirs.meta.title = "Their second edit".to_owned();
    save_study(&theirs, &path).unwrap();
    harness.state_mut().on_disk_change();
    harness.run_ok();
    harness.get_by_label("shared.journey.ron changed on disk");
    click(&mut harness, "Keep mine");
    assert_eq!(study(&harness).meta.title, "Their edit", "mine is kept");
    assert!(harness.state().editor.doc.is_dirty());
}

#[test]
fn save_never_overwrites_a_newer_file_silently() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut harness) = opened(dir.path(), "shared.journey.ron");
    click(&mut harness, "Add stage");
    harness.key_press(Key::Escape);
    harness.run_ok();
    let mut theirs = template("starter");
    theirs.meta.title = "Saved by a colleague".to_owned();
    save_study(&theirs, &path).unwrap();
    // The watch may or may not have fired yet: the save checks again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_ok();
    assert_eq!(load_study(&path).unwrap(), theirs, "their file is not replaced");
    harness.get_by_label("shared.journey.ron changed on disk");
    click(&mut harness, "Reload theirs");
    assert_eq!(study(&harness), theirs);
    assert!(!harness.state().editor.doc.is_dirty());
}

#[test]
fn a_read_only_study_says_so_and_save_offers_save_as() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.journey.ron");
    save_study(&template("starter"), &path).unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut harness = harness_with_path(load_study(&path).unwrap(), Some(path.clone()));
    harness.get_by_label_contains("is read-only");
    click(&mut harness, "Add stage");
    harness.key_press(Key::Escape);
    harness.run_ok();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_ok();
    assert_eq!(std::fs::read(&path).unwrap(), before, "the read-only file is untouched");
    // No desktop portal here: Save as asks for a path.
    harness.get_by_role_and_label(Role::TextInput, "Type the path to save the study to:");
}
