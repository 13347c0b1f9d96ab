//! Editing a study: every change is an [`Edit`], applied in one place ([`apply`]), which
//! returns the edit that undoes it. [`History`] groups edits into undoable steps, and
//! [`Document`] ties a study to its file, its history and whether it has unsaved changes.
//!
//! The user interface never changes a study directly: it builds edits (usually through the
//! helpers in [`ops`]) and hands them to the document.

mod apply;
pub mod detail;
mod document;
mod history;
pub mod lanes;
pub mod ops;

pub use apply::{Edit, EditError, MapInfo, apply, apply_all};
pub use document::Document;
pub use history::{History, MergeKey};
