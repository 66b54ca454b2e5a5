//! PNG charts drawn with plotters: one file per kind of figure, one shared theme, an embedded
//! font. A chart function takes plain data and a path.

pub mod bar_chart;
pub mod collocates;
pub mod cooccurrence_network;
pub mod heatmap;
pub mod network;
pub mod terms_by_document;
pub mod theme;
pub mod top_terms;

pub use bar_chart::{Bar, BarChart};
pub use collocates::Collocate;
pub use heatmap::Heatmap;
pub use network::{Edge, Network, Node};
