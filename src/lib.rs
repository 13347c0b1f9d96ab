//! Wayline: a desktop editor for B2B customer journey maps.
//!
//! The library holds everything the `wayline` binary does, so tests, the command line and the
//! editor share one implementation. Data flows one way: [`io`] reads a file into a
//! [`model::Study`], and everything else reads the model.

pub mod analysis;
pub mod app;
pub mod bench;
pub mod cli;
pub mod edit;
pub mod export;
pub mod fonts;
pub mod interop;
pub mod io;
pub mod layout;
pub mod model;
pub mod templates;
pub mod words;
