//! Predicates for `skip_serializing_if`: fields at their default value are left out of the file,
//! so a card with three filled-in fields takes three lines and diffs stay small. Loading fills
//! them back in with `#[serde(default)]`.

/// Whether a value equals its type's default.
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}
