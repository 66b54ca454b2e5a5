//! Charts drawn with plotters, as PNG or SVG: one file per kind of chart, one shared theme, an
//! embedded font. A chart's `draw` takes plain chart data (made by [`super::figures`]) and a
//! [`Canvas`]: the file, its format, its size and its resolution.

pub(crate) mod bar_chart;
pub(crate) mod canvas;
pub(crate) mod clustered_heatmap;
pub(crate) mod diverging_bars;
pub(crate) mod funnel;
pub(crate) mod heatmap;
pub(crate) mod line_chart;
pub(crate) mod loglog;
pub(crate) mod network;
pub(crate) mod small_multiples;
pub(crate) mod theme;
pub(crate) mod xray;

pub(crate) use bar_chart::{Bar, BarChart};
pub(crate) use canvas::{Canvas, ChartFormat};
pub(crate) use clustered_heatmap::{ClusteredHeatmap, Merge};
pub(crate) use diverging_bars::{DivergingBar, DivergingBars};
pub(crate) use heatmap::Heatmap;
pub(crate) use line_chart::{LineChart, Series};
pub(crate) use loglog::{Fit, LogLogChart};
pub(crate) use network::{Edge, Network, Node};
pub(crate) use small_multiples::{Panel, SmallMultiples};
pub(crate) use xray::{XRay, XRayRow};
