//! From statistics to chart data: the one place where numbers become what a chart shows.
//!
//! The convention: each module is one figure and has one function, `figure(...)`, that takes
//! statistics (count tables, pair counts, and the rankings of `stats`, which decide what is
//! shown) and returns plain chart data ([`BarChart`](super::charts::BarChart),
//! [`Heatmap`](super::charts::Heatmap), [`Network`](super::charts::Network)) with its title,
//! subtitle and labels written out. It counts nothing, ranks nothing and draws nothing: the
//! chart modules draw the data to a path, and a test can check a figure's data without a
//! picture.

pub(crate) mod chart_targets;
pub(crate) mod collocates;
pub(crate) mod cooccurrence_network;
pub(crate) mod dictionary;
pub(crate) mod dispersion;
pub(crate) mod funnel;
pub(crate) mod keyness;
pub(crate) mod similarity_heatmap;
pub(crate) mod speech_measure;
pub(crate) mod term_trends;
pub(crate) mod terms_by_document;
pub(crate) mod top_terms;
pub(crate) mod zipf;

use crate::output::charts::theme::format_number;

/// "1 speech", "2 speeches", "5,684 speeches": for titles and subtitles.
pub(crate) fn speeches(n: usize) -> String {
    format!(
        "{} speech{}",
        format_number(n as f64, 0),
        if n == 1 { "" } else { "es" }
    )
}
