//! The `speechstat` binary: parse the command line, run the library, print warnings, a
//! summary and errors, and choose the exit code (2 usage, 1 bad input or failure).

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use cli::{Cli, Command, InputArgs};
use speechstat::{Config, Progress, Summary};

/// Warnings printed one by one; beyond this only their number.
const MAX_WARNINGS_SHOWN: usize = 50;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => run(&args.input, &args.to_config()),
        Command::Freq(args) => run(&args.input, &args.to_config()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}

/// Runs one subcommand's analysis with the shared options: threads, progress, warnings and
/// the closing summary.
fn run(args: &InputArgs, config: &Config) -> anyhow::Result<()> {
    if let Some(threads) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global()?;
    }
    let started = Instant::now();
    let progress = TerminalProgress::new(!args.quiet && std::io::stderr().is_terminal());
    let summary = speechstat::run(config, &progress)?;
    if args.timings {
        progress.print_timings();
    }
    print_warnings(&summary);
    if !args.quiet {
        print_summary(&summary, &config.out, started.elapsed().as_secs_f64());
    }
    Ok(())
}

fn print_warnings(summary: &Summary) {
    let mut stderr = std::io::stderr().lock();
    for warning in summary.warnings.iter().take(MAX_WARNINGS_SHOWN) {
        let _ = writeln!(stderr, "warning: {warning}");
    }
    if summary.warnings.len() > MAX_WARNINGS_SHOWN {
        let _ = writeln!(
            stderr,
            "warning: {} more warnings not shown",
            summary.warnings.len() - MAX_WARNINGS_SHOWN
        );
    }
}

/// The closing summary, on stdout. A closed pipe is not an error.
fn print_summary(summary: &Summary, out: &std::path::Path, seconds: f64) {
    let mut stdout = std::io::stdout().lock();
    let megabytes = summary.text_bytes as f64 / 1e6;
    let _ = writeln!(
        stdout,
        "Analysed {} documents: {} tokens, {} types, {} terms, {} sentences ({megabytes:.1} MB of text) in {seconds:.1} s.",
        summary.documents, summary.tokens, summary.types, summary.terms, summary.sentences
    );
    let names = |folder: &str| -> Vec<String> {
        summary
            .outputs
            .iter()
            .filter(|p| {
                p.parent()
                    .and_then(|d| d.file_name())
                    .is_some_and(|d| d == folder)
            })
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect()
    };
    for folder in ["tables", "charts"] {
        let files = names(folder);
        if !files.is_empty() {
            let _ = writeln!(
                stdout,
                "{folder}: {} ({})",
                out.join(folder).display(),
                files.join(", ")
            );
        }
    }
    if !summary.warnings.is_empty() {
        let _ = writeln!(stdout, "{} warnings (see above).", summary.warnings.len());
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal; it also notes how long
/// each stage took.
struct TerminalProgress {
    bar: ProgressBar,
    stages: Mutex<Vec<(&'static str, Instant, Option<Duration>)>>,
}

impl TerminalProgress {
    fn new(visible: bool) -> TerminalProgress {
        let target = if visible {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(0), target);
        if let Ok(style) =
            ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} documents ({eta})")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        TerminalProgress {
            bar,
            stages: Mutex::new(Vec::new()),
        }
    }

    fn print_timings(&self) {
        let Ok(stages) = self.stages.lock() else {
            return;
        };
        let mut stderr = std::io::stderr().lock();
        for (name, _, took) in stages.iter() {
            if let Some(took) = took {
                let _ = writeln!(stderr, "{name:>12}: {:7.3} s", took.as_secs_f64());
            }
        }
    }
}

impl Progress for TerminalProgress {
    fn start(&self, stage: &'static str, total: u64) {
        if let Ok(mut stages) = self.stages.lock() {
            stages.push((stage, Instant::now(), None));
        }
        self.bar.reset();
        self.bar.set_length(total);
        self.bar.set_message(stage);
    }

    fn advance(&self, steps: u64) {
        self.bar.inc(steps);
    }

    fn finish(&self) {
        if let Ok(mut stages) = self.stages.lock() {
            if let Some((_, started, took @ None)) = stages.last_mut() {
                *took = Some(started.elapsed());
            }
        }
        self.bar.finish_and_clear();
    }
}
