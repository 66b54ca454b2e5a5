//! Progress reporting from the library to whoever runs it. The library never prints: the CLI
//! passes a progress bar, tests and library users pass [`Silent`].

/// Receives progress of long stages. Implementations must be cheap and thread-safe: stages
/// call `advance` from worker threads.
pub trait Progress: Sync {
    /// A stage begins: `total` steps, or 0 when its length is not known in advance (the
    /// command line then shows a spinner with the elapsed time, not a bar).
    fn start(&self, _stage: &'static str, _total: u64) {}
    /// `steps` more steps of the current stage are done.
    fn advance(&self, _steps: u64) {}
    /// The current stage is done.
    fn finish(&self) {}
    /// Within the current stage, the output `path` (a table or chart) took `seconds` to
    /// build and write.
    fn output_done(&self, _path: &str, _seconds: f64) {}
}

/// Reports nothing.
pub struct Silent;

impl Progress for Silent {}
