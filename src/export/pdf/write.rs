//! Assembles pages of placed scenes into one PDF: links between pages, bookmarks, page labels
//! and the document's metadata, written as PDF/A-2b (krilla checks the rules as it writes).

use super::paint::{Fonts, paint_scene};
use crate::layout::{Rect, Scene};
use krilla::Document;
use krilla::annotation::{LinkAnnotation, Target};
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use std::sync::Arc;

/// A scene on a page: drawn at `scale` points per map unit with its origin at `offset`,
/// optionally clipped to a rectangle of the page (a tile of a large map).
#[derive(Clone, Debug)]
pub struct Placed {
    /// What to draw (shared between the tiles of one map).
    pub scene: Arc<Scene>,
    /// Points per map unit.
    pub scale: f32,
    /// Where the scene's origin lands on the page, in points from the top left.
    pub offset: (f32, f32),
    /// The part of the page the scene may draw on, in points.
    pub clip: Option<Rect>,
}

/// A link from a rectangle of a page to a place in the document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageLink {
    /// Where on the page (points from the top left).
    pub rect: Rect,
    /// The page it leads to (from 0).
    pub target_page: usize,
    /// How far down that page, in points.
    pub target_y: f32,
}

/// One page of a document.
#[derive(Clone, Debug)]
pub struct PdfPage {
    /// Width in points.
    pub width_pt: f32,
    /// Height in points.
    pub height_pt: f32,
    /// The scenes drawn on it, in paint order.
    pub layers: Vec<Placed>,
    /// Its links.
    pub links: Vec<PageLink>,
}

/// A bookmark in the document's outline, and the bookmarks under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    /// What the reader sees.
    pub title: String,
    /// The page it opens (from 0).
    pub page: usize,
    /// How far down that page, in points.
    pub y: f32,
    /// Its children.
    pub children: Vec<Bookmark>,
}

/// The document's metadata.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentInfo {
    /// Title.
    pub title: String,
    /// Authors.
    pub author: String,
    /// What it is about.
    pub subject: String,
    /// The language of its text (a BCP 47 tag such as `en`).
    pub language: String,
    /// The day it was made.
    pub date: Option<crate::model::Date>,
}

/// A written PDF and, per page, every line of text painted on it (in paint order): what a
/// reader can search for and copy.
#[derive(Debug)]
pub struct Written {
    /// The file.
    pub bytes: Vec<u8>,
    /// The text of each page.
    pub page_texts: Vec<Vec<String>>,
}

/// Writes `pages` as one PDF with `bookmarks` and `info`.
///
/// # Errors
/// A message when krilla refuses the document (a font it cannot read, say).
pub fn write_pdf(pages: &[PdfPage], bookmarks: &[Bookmark], info: &DocumentInfo) -> Result<Written, String> {
    match write_with(pages, bookmarks, info, true) {
        Ok(written) => Ok(written),
        // PDF/A forbids some things a study can hold (characters no embedded face has, say):
        // then the file is written as plain PDF, which every reader opens just the same.
        Err(_) => write_with(pages, bookmarks, info, false),
    }
}

fn write_with(
    pages: &[PdfPage],
    bookmarks: &[Bookmark],
    info: &DocumentInfo,
    archival: bool,
) -> Result<Written, String> {
    let mut settings = krilla::SerializeSettings::default();
    if archival {
        settings.configuration = ConfigurationBuilder::new()
            .with_archival_validator(Archival::A2_B)
            .finish()
            .map_err(|error| format!("{error:?}"))?;
    }
    let mut document = Document::new_with(settings);
    let mut fonts = Fonts::default();
    let mut page_texts = Vec::with_capacity(pages.len());
    for (index, page) in pages.iter().enumerate() {
        let label = krilla::page::PageLabel::new(
            Some(krilla::page::NumberingStyle::Arabic),
            None,
            std::num::NonZeroU32::new(u32::try_from(index + 1).unwrap_or(u32::MAX)),
        );
        let Some(page_settings) = PageSettings::from_wh(page.width_pt, page.height_pt) else {
            return Err(format!("page {} has no size", index + 1));
        };
        let mut pdf_page = document.start_page_with(page_settings.with_page_label(label));
        let mut texts = Vec::new();
        {
            let mut surface = pdf_page.surface();
            for layer in &page.layers {
                let clip = layer.clip.and_then(|r| {
                    krilla::geom::Rect::from_xywh(r.min.x, r.min.y, r.width(), r.height()).and_then(|rect| {
                        let mut builder = krilla::geom::PathBuilder::new();
                        builder.push_rect(rect);
                        builder.finish()
                    })
                });
                if let Some(clip) = &clip {
                    surface.push_clip_path(clip, &krilla::paint::FillRule::NonZero);
                }
                // The part of the scene the clip lets through, in map units.
                let visible = layer.clip.map(|r| {
                    let (x, y) = layer.offset;
                    let s = layer.scale.max(f32::MIN_POSITIVE);
                    Rect::from_xywh((r.min.x - x) / s, (r.min.y - y) / s, r.width() / s, r.height() / s)
                });
                paint_scene(
                    &mut surface,
                    &layer.scene,
                    (layer.scale, layer.offset),
                    visible,
                    &mut fonts,
                    &mut texts,
                );
                if clip.is_some() {
                    surface.pop();
                }
            }
            surface.finish();
        }
        for link in &page.links {
            let Some(rect) = krilla::geom::Rect::from_xywh(
                link.rect.min.x,
                link.rect.min.y,
                link.rect.width(),
                link.rect.height(),
            ) else {
                continue;
            };
            let destination = XyzDestination::new(link.target_page, Point::from_xy(0.0, link.target_y));
            pdf_page
                .add_annotation(LinkAnnotation::new(rect, Target::Destination(destination.into())).into());
        }
        pdf_page.finish();
        page_texts.push(texts);
    }
    let mut outline = Outline::new();
    for bookmark in bookmarks {
        outline.push_child(node(bookmark));
    }
    document.set_outline(outline);
    let mut metadata = Metadata::new()
        .title(info.title.clone())
        .description(info.subject.clone())
        .language(if info.language.is_empty() { "en".to_owned() } else { info.language.clone() })
        .creator(format!("Wayline {}", env!("CARGO_PKG_VERSION")));
    if !info.author.is_empty() {
        metadata = metadata.authors(vec![info.author.clone()]);
    }
    if let Some(date) = info.date {
        let year = u16::try_from(date.year().clamp(0, 9999)).unwrap_or(2000);
        metadata =
            metadata.creation_date(krilla::metadata::DateTime::new(year).month(date.month()).day(date.day()));
    }
    document.set_metadata(metadata);
    let bytes = document.finish().map_err(|error| format!("cannot write the PDF: {error:?}"))?;
    Ok(Written { bytes, page_texts })
}

fn node(bookmark: &Bookmark) -> OutlineNode {
    let mut node = OutlineNode::new(
        bookmark.title.clone(),
        XyzDestination::new(bookmark.page, Point::from_xy(0.0, bookmark.y)),
    );
    for child in &bookmark.children {
        node.push_child(self::node(child));
    }
    node
}
