//! PDF documents drawn from scenes with krilla: a painter of the layout's [`Scene`] beside the
//! SVG one ([`paint`]), and a writer that assembles pages, links, bookmarks and metadata into
//! one file ([`write`]). Text stays text: set in the bundled faces (the same face per character
//! as the layout measured with), embedded as subsets, selectable and searchable.

pub mod paint;
pub mod write;

pub use write::{Bookmark, DocumentInfo, PageLink, PdfPage, Placed, Written, write_pdf};
