//! The `speechstat` binary: parse the command line, run the library, print warnings, a
//! summary and errors, and choose the exit code (2 usage, 1 bad input or failure).

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use cli::{Cli, Command, InputArgs, KwicArgs};
use speechstat::{Concordance, Config, Progress, Summary};

/// Warnings printed one by one; beyond this only their number.
const MAX_WARNINGS_SHOWN: usize = 50;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => run(&args.input, &args.to_config()),
        Command::Freq(args) => run(&args.input, &args.to_config()),
        Command::Kwic(args) => kwic(&args),
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

/// `speechstat kwic`: the lines of a pattern, aligned on a terminal, tab-separated otherwise.
fn kwic(args: &KwicArgs) -> anyhow::Result<()> {
    if let Some(threads) = args.input.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global()?;
    }
    let config = args.input.to_config(std::path::Path::new("output"));
    let progress = TerminalProgress::new(!args.input.quiet && std::io::stderr().is_terminal());
    let concordance =
        speechstat::concordance(&config, &args.kwic.to_options(&args.pattern), &progress)?;
    if args.input.timings {
        progress.print_timings();
    }
    let mut stderr = std::io::stderr().lock();
    for warning in concordance.corpus.warnings.iter().take(MAX_WARNINGS_SHOWN) {
        let _ = writeln!(stderr, "warning: {warning}");
    }
    let stdout = std::io::stdout();
    let aligned = stdout.is_terminal();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if aligned {
        print_aligned(&concordance, &mut out)
    } else {
        print_tab_separated(&concordance, &mut out)
    };
    // A closed pipe (`| head`) is not an error.
    let _ = written.and_then(|()| out.flush());
    if !args.input.quiet {
        let speeches: std::collections::BTreeSet<usize> =
            concordance.lines.iter().map(|l| l.hit.doc).collect();
        let _ = writeln!(
            stderr,
            "{} lines in {} of {} speeches.",
            concordance.lines.len(),
            speeches.len(),
            concordance.corpus.documents.len()
        );
    }
    Ok(())
}

/// Widest left and right contexts shown on a terminal, in characters.
const CONTEXT_CHARS: usize = 50;

/// AntConc-like lines: the speech, the left context right-aligned, the keyword, the right
/// context; long contexts cut at the outer end with "…".
fn print_aligned(concordance: &Concordance, out: &mut impl Write) -> std::io::Result<()> {
    let docs = &concordance.corpus.documents;
    let chars = |s: &str| s.chars().count();
    let id_width = concordance
        .lines
        .iter()
        .map(|l| chars(&docs[l.hit.doc].id))
        .max()
        .unwrap_or(0);
    let left_width = concordance
        .lines
        .iter()
        .map(|l| chars(&l.left).min(CONTEXT_CHARS))
        .max()
        .unwrap_or(0);
    let keyword_width = concordance
        .lines
        .iter()
        .map(|l| chars(&l.keyword))
        .max()
        .unwrap_or(0);
    for line in &concordance.lines {
        let left = keep_end(&line.left, CONTEXT_CHARS);
        let right = keep_start(&line.right, CONTEXT_CHARS);
        writeln!(
            out,
            "{:<id_width$}  {:>left_width$}  {:<keyword_width$}  {}",
            docs[line.hit.doc].id, left, line.keyword, right
        )?;
    }
    Ok(())
}

/// doc_id, sentence, position, left, keyword, right: one line each, tabs in the text made
/// spaces.
fn print_tab_separated(concordance: &Concordance, out: &mut impl Write) -> std::io::Result<()> {
    let clean = |s: &str| s.replace('\t', " ");
    for line in &concordance.lines {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            clean(&concordance.corpus.documents[line.hit.doc].id),
            line.hit.sentence,
            line.hit.position,
            clean(&line.left),
            clean(&line.keyword),
            clean(&line.right)
        )?;
    }
    Ok(())
}

/// The last `n` characters of `text`, "…" first when cut.
fn keep_end(text: &str, n: usize) -> String {
    let count = text.chars().count();
    if count <= n {
        return text.to_owned();
    }
    let kept: String = text.chars().skip(count - (n - 1)).collect();
    format!("…{kept}")
}

/// The first `n` characters of `text`, "…" last when cut.
fn keep_start(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        return text.to_owned();
    }
    let kept: String = text.chars().take(n - 1).collect();
    format!("{kept}…")
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
                let _ = writeln!(stderr, "{name:>17}: {:7.3} s", took.as_secs_f64());
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
