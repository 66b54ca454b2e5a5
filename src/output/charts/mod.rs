//! PNG charts drawn with plotters: one file per kind of chart, one shared theme, an embedded
//! font. A chart function takes plain chart data (made by [`super::figures`]) and a path.

pub(crate) mod bar_chart;
pub(crate) mod heatmap;
pub(crate) mod network;
pub(crate) mod theme;

pub(crate) use bar_chart::{Bar, BarChart};
pub(crate) use heatmap::Heatmap;
pub(crate) use network::{Edge, Network, Node};
