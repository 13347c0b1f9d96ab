//! Reading and writing study files (`NAME.journey.ron`).
//!
//! - [`format`] turns a study into canonical RON text and back, refusing files from newer
//!   versions and migrating older ones ([`migrate`]).
//! - `quick` reads the canonical layout Wayline writes several times faster than the general
//!   RON reader, which takes over for anything else.
//! - [`atomic`] writes files so that a crash at any moment leaves the old file or the new one.
//!
//! Loading returns a new [`Study`] or an error and touches nothing else, so a failed load can
//! never damage the study a caller already has open.

pub mod atomic;
pub mod format;
pub mod journal;
pub mod migrate;
mod quick;

use crate::model::Study;
use std::path::{Path, PathBuf};

pub use atomic::{backup_path, write_atomically};
pub use format::{LoadError, parse_study, parse_study_bytes, to_ron_string};

/// A hash of file content or a path that stays the same across builds and platforms (FNV-1a;
/// the standard library's hasher may change between Rust versions): tells a changed file from
/// a touched one, and names journals.
#[must_use]
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Reads and parses the study file at `path`.
///
/// # Errors
/// A [`LoadError`] naming the file when it cannot be read, is not UTF-8 text, has a syntax
/// error (with line and column) or was written by a newer version.
pub fn load_study(path: &Path) -> Result<Study, LoadError> {
    let bytes =
        std::fs::read(path).map_err(|source| LoadError::Read { path: path.display().to_string(), source })?;
    format::parse_study_bytes(&bytes, &path.display().to_string())
}

/// What a save did besides writing the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// Where the previous version of the file was kept, if there was one.
    pub backup: Option<PathBuf>,
}

/// Writes `study` to `path` atomically, keeping the last three versions as `PATH.bak`,
/// `PATH.bak.1` and `PATH.bak.2`.
///
/// # Errors
/// An I/O error when the folder is not writable or the disk is full; the target file is then
/// left exactly as it was.
pub fn save_study(study: &Study, path: &Path) -> std::io::Result<Saved> {
    let text = to_ron_string(study).map_err(std::io::Error::other)?;
    let backup = write_atomically(path, text.as_bytes(), true)?;
    Ok(Saved { backup })
}
