//! End-to-end tests: run the `speechstat` binary on corpus/ and on small inputs of our own
//! making, and check the tables it writes. One test binary, so polars is linked once.

mod helpers;

mod analyze_corpus;
mod architecture;
mod bad_input;
mod cli;
mod compare;
mod dictionaries;
mod faults;
mod formats;
mod fuzz_corpus;
mod golden;
mod hostile;
mod inputs;
mod keyness_measures;
mod noise;
mod outputs;
mod properties;
mod shards;
mod subsets;
mod syllables;
mod targets;
