//! Writing results: CSV tables, PNG charts, and the staging folder that makes a run's output
//! appear whole or not at all.

pub mod charts;
pub mod staging;
pub mod tables;

pub use staging::Staging;
