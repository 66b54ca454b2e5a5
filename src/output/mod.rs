//! Writing results: CSV tables, the figures (statistics made into chart data), PNG charts,
//! and the staging folder that makes a run's output appear whole or not at all.

pub(crate) mod charts;
pub(crate) mod figures;
pub(crate) mod json;
pub(crate) mod report;
pub(crate) mod rows;
pub(crate) mod staging;
pub(crate) mod tables;

pub(crate) use staging::Staging;
