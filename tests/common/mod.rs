//! Helpers shared by the integration tests: study generators and the command line run in
//! process.

#![allow(dead_code, reason = "each test crate uses a different part")]

pub mod app;
pub mod checks;
pub mod cli;
mod generate;

#[allow(unused_imports, reason = "only the property tests generate studies")]
pub use generate::*;
