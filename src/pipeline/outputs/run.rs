//! The files that describe a run, next to its tables and charts: the data dictionary, the
//! report pages and the provenance record. They are written last, from what was written
//! (`src/pipeline/describe.rs`, `src/pipeline/record.rs`).

use super::{description, OutputInfo};

pub(crate) const DATA_DICTIONARY: &str = "tables/README.md";
pub(crate) const REPORT_HTML: &str = "report.html";
pub(crate) const REPORT_MARKDOWN: &str = "report.md";
pub(crate) const RUN_JSON: &str = "run.json";

pub(super) const FILES: &[OutputInfo] = &[
    OutputInfo {
        path: DATA_DICTIONARY,
        in_word_count: true,
        what: "the data dictionary: every column of every table written, its meaning and formula, the options that shaped it",
        ..description()
    },
    OutputInfo {
        path: REPORT_HTML,
        in_word_count: true,
        what: "one page to open offline: what stands out (key terms, similar and dissimilar speeches, rising and falling terms, extremes), every chart with its caption, the first rows of every table, then the options and inputs",
        ..description()
    },
    OutputInfo {
        path: REPORT_MARKDOWN,
        in_word_count: true,
        what: "the report in Markdown, to paste into documents",
        ..description()
    },
    OutputInfo {
        path: RUN_JSON,
        in_word_count: true,
        what: "provenance: version, command line, every effective option, each input file with its size and sha256, counts, time of each stage",
        ..description()
    },
];
