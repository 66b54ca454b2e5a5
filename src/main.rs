//! The `speechstat` binary: parse the command line (with its `--config` file), run the
//! library, print warnings, a summary and errors, and choose the exit code: 0 done, 1 bad
//! input, 2 usage (the table is in `cli/mod.rs`, where `--help` states it).

mod cli;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use cli::{
    Command, CountArgs, ExplainArgs, InputArgs, KwicArgs, MergeArgs, Refusal, StopwordsArgs,
    BAD_INPUT, USAGE,
};
use speechstat::{thousands, Concordance, Config, Progress, Summary};

/// Warnings printed one by one; beyond this only their number.
const MAX_WARNINGS_SHOWN: usize = 50;

fn main() -> ExitCode {
    limit_heap_arenas();
    let typed: Vec<OsString> = std::env::args_os().collect();
    let cli = match cli::parse(&typed) {
        Ok(cli) => cli,
        Err(Refusal::Usage(err)) => {
            // A usage error, or the help or version asked for.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { USAGE } else { 0 });
        }
        Err(Refusal::ConfigFile(message)) => {
            eprintln!("error: {message}");
            return ExitCode::from(BAD_INPUT);
        }
    };
    // run.json records the command line as typed, before the config file's options.
    let command_line: Vec<String> = typed
        .iter()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let result = match cli.command {
        Command::Analyze(args) => run(
            &args.input,
            &Config {
                command_line,
                ..args.to_config()
            },
        ),
        Command::Freq(args) => run(
            &args.input,
            &Config {
                command_line,
                ..args.to_config()
            },
        ),
        Command::Kwic(args) => kwic(&args),
        Command::Count(args) => count(&args),
        Command::Merge(args) => merge(&args),
        Command::Score(args) => match args.to_config() {
            Ok(config) => run_with(
                &args.analyze.input,
                &Config {
                    command_line,
                    ..config
                },
                speechstat::score_shard,
            ),
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::from(USAGE);
            }
        },
        Command::Explain(args) => {
            explain(&args);
            Ok(())
        }
        Command::Stopwords(args) => {
            print_stopwords(&args);
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // The library's errors already end with what the system said: their chain
            // would say it twice.
            match err.downcast_ref::<speechstat::Error>() {
                Some(err) => eprintln!("error: {err}"),
                None => eprintln!("error: {err:#}"),
            }
            ExitCode::from(BAD_INPUT)
        }
    }
}

/// `speechstat explain`: a statistic's sections of docs/statistics.md, a table or chart of
/// the catalogue, or the names. A closed pipe is not an error.
fn explain(args: &ExplainArgs) {
    let text = match args.topic {
        Some(topic) => cli::explain(topic),
        None => cli::statistics_index(),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// `speechstat stopwords`: the built-in list, one word per line, as the tables sort words
/// (the command line checked that the language has one). A closed pipe is not an error.
fn print_stopwords(args: &StopwordsArgs) {
    let list = speechstat::Stopwords::builtin(args.language).unwrap_or_default();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = list
        .sorted()
        .iter()
        .try_for_each(|word| writeln!(out, "{word}"));
    let _ = written.and_then(|()| out.flush());
}

/// Runs one subcommand's analysis with the shared options: threads, progress, warnings and
/// the closing summary.
fn run(args: &InputArgs, config: &Config) -> anyhow::Result<()> {
    run_with(args, config, speechstat::run)
}

/// [`run`] of the analysis `analysis` (`speechstat::run`, or `score_shard`).
fn run_with(
    args: &InputArgs,
    config: &Config,
    analysis: fn(&Config, &dyn Progress) -> speechstat::Result<Summary>,
) -> anyhow::Result<()> {
    if let Some(threads) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads as usize)
            .build_global()?;
    }
    let started = Instant::now();
    let progress = TerminalProgress::new(!args.quiet && std::io::stderr().is_terminal());
    let summary = analysis(config, &progress)?;
    if args.timings {
        progress.print_timings();
    }
    print_warnings(&summary);
    if !args.quiet {
        print_summary(&summary, &config.out, started.elapsed().as_secs_f64());
    }
    Ok(())
}

/// `speechstat count`: a part of the corpus into a shard folder.
fn count(args: &CountArgs) -> anyhow::Result<()> {
    if let Some(threads) = args.input.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads as usize)
            .build_global()?;
    }
    let started = Instant::now();
    let progress = TerminalProgress::new(!args.input.quiet && std::io::stderr().is_terminal());
    let shard = speechstat::count_shard(&args.to_config(), args.part, &progress)?;
    if args.input.timings {
        progress.print_timings();
    }
    if !args.input.quiet {
        print_shard(
            &shard,
            "Counted",
            &args.out,
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(())
}

/// `speechstat merge`: shard folders into one.
fn merge(args: &MergeArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let shard = speechstat::merge_shards(&args.shards, &args.out)?;
    if !args.quiet {
        print_shard(&shard, "Merged", &args.out, started.elapsed().as_secs_f64());
    }
    Ok(())
}

fn print_shard(shard: &speechstat::ShardSummary, done: &str, out: &std::path::Path, seconds: f64) {
    let bytes: u64 = shard
        .files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let _ = writeln!(
        std::io::stdout().lock(),
        "{done} {}, {} into {} ({:.1} MB) in {seconds:.1} s.",
        counted(shard.speeches, "speech", "speeches"),
        counted(shard.tokens as usize, "word token", "word tokens"),
        out.display(),
        bytes as f64 / 1e6
    );
}

/// `speechstat kwic`: the lines of a pattern, aligned on a terminal, tab-separated otherwise.
fn kwic(args: &KwicArgs) -> anyhow::Result<()> {
    if let Some(threads) = args.input.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads as usize)
            .build_global()?;
    }
    let config = args.input.to_config(std::path::Path::new("output"));
    let progress = TerminalProgress::new(!args.input.quiet && std::io::stderr().is_terminal());
    let mut concordance =
        speechstat::concordance(&config, &args.kwic.to_options(&args.pattern), &progress)?;
    speechstat::sort_lines(&mut concordance.lines, args.sort.order());
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
            "{} in {} of {}.",
            counted(concordance.lines.len(), "line", "lines"),
            thousands(speeches.len() as u64),
            counted(concordance.corpus.documents.len(), "speech", "speeches")
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

/// A header line, then doc_id, sentence, position, left, keyword, right: one line each, tabs
/// in the text made spaces.
fn print_tab_separated(concordance: &Concordance, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "doc_id\tsentence\tposition\tleft\tkeyword\tright")?;
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
        "Analysed {}: {}, {}, {}, {} ({megabytes:.1} MB of text) in {seconds:.1} s.",
        match &summary.subset {
            Some(subset) => format!(
                "{} (of {} read, where {})",
                counted(summary.documents, "document", "documents"),
                thousands(subset.read as u64),
                subset.conditions.join(" and ")
            ),
            None => counted(summary.documents, "document", "documents"),
        },
        counted(summary.tokens, "token", "tokens"),
        counted(summary.types, "type", "types"),
        counted(summary.terms, "term", "terms"),
        counted(summary.sentences, "sentence", "sentences"),
    );
    for target in &summary.targets {
        let _ = writeln!(
            stdout,
            "Target {}: {} against {}.",
            target.name,
            counted(target.speeches as u64, "speech", "speeches"),
            target.reference
        );
    }
    let names = |folder: &std::path::Path| -> Vec<String> {
        summary
            .outputs
            .iter()
            .filter(|p| p.parent() == Some(folder))
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect()
    };
    for folder in ["tables", "charts"] {
        let files = names(&out.join(folder));
        if !files.is_empty() {
            let _ = writeln!(
                stdout,
                "{folder}: {} ({})",
                out.join(folder).display(),
                files.join(", ")
            );
        }
    }
    // The files about the run sit beside the folders; the report is the one to open.
    let mut about = names(out);
    if let Some(at) = about.iter().position(|name| name == "report.html") {
        let report = about.remove(at);
        let also = match about.is_empty() {
            true => String::new(),
            false => format!(" (also {})", about.join(", ")),
        };
        let _ = writeln!(stdout, "report: {}{also}", out.join(report).display());
    } else if !about.is_empty() {
        let _ = writeln!(stdout, "files: {} ({})", out.display(), about.join(", "));
    }
    if !summary.warnings.is_empty() {
        let _ = writeln!(
            stdout,
            "{} (see above).",
            counted(summary.warnings.len(), "warning", "warnings")
        );
    }
}

/// Returns the memory a stage freed to the system. glibc keeps freed blocks of the worker
/// threads' heaps for reuse; between stages, which allocate differently, they would only
/// add to the peak. A few milliseconds per stage. (Also lowering glibc's mmap threshold to
/// 1 MB took the UN General Debate peak from about 357 to 299 MB, but cost a second of
/// page faults on that corpus and 15% on small ones: not kept.)
fn give_freed_memory_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Keeps glibc to one heap (arena) per core, at least two. By default it opens up to eight
/// per core as threads allocate at once, and memory freed in one arena is reused only by
/// allocations made in it: the writer threads, rayon's workers and the main thread each kept
/// their own freed blocks. On 2 cores, with the General Debate repeated ten times, this took
/// the peak of `analyze` from 534 to 490 MB and of `freq` from 272 to 248 MB, in the same
/// time (1x: unchanged).
fn limit_heap_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = libc::c_int::try_from(cores.max(2)).unwrap_or(libc::c_int::MAX);
        // SAFETY: called first thing in main, before any other thread exists; mallopt only
        // changes where glibc places later allocations.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas);
        }
    }
}

/// The process's resident memory now and its peak so far, in KiB (Linux's `VmRSS` and
/// `VmHWM`); none elsewhere.
fn memory_kb() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// `n` with thousands separators and the noun that agrees with it: "1 speech",
/// "12,345 tokens".
fn counted(n: impl TryInto<u64>, one: &str, many: &str) -> String {
    let n = n.try_into().unwrap_or(u64::MAX);
    let noun = if n == 1 { one } else { many };
    format!("{} {noun}", thousands(n))
}

/// Progress on stderr, drawn only when stderr is a terminal: a bar for a stage of known
/// length, a spinner with the elapsed time for one of unknown length (total 0). It also
/// notes how long each stage took.
struct TerminalProgress {
    visible: bool,
    /// The current stage's bar: a new one per stage, so that no stage is ever drawn with the
    /// look or the counts of the one before.
    bar: Mutex<Option<ProgressBar>>,
    stages: Mutex<Vec<Stage>>,
    /// Each table and chart written: the stage it was written in, its path, seconds, and
    /// the process's peak memory so far once written (KiB).
    outputs: Mutex<Vec<OutputDone>>,
}

/// A table or chart written: its stage, path, seconds, and the peak memory so far (KiB).
type OutputDone = (&'static str, String, f64, Option<u64>);

/// A stage: its name, when it started, and once finished how long it took and the
/// process's memory then and at its peak so far (KiB).
type Stage = (
    &'static str,
    Instant,
    Option<(Duration, Option<(u64, u64)>)>,
);

/// How often a spinner turns.
const SPIN: Duration = Duration::from_millis(120);

impl TerminalProgress {
    fn new(visible: bool) -> TerminalProgress {
        TerminalProgress {
            visible,
            bar: Mutex::new(None),
            stages: Mutex::new(Vec::new()),
            outputs: Mutex::new(Vec::new()),
        }
    }

    /// A bar for stage `stage` of `total` steps.
    fn bar(&self, stage: &'static str, total: u64) -> ProgressBar {
        let target = if self.visible {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let style = if total == 0 {
            ProgressStyle::with_template("{msg:>17} {spinner} {elapsed}")
                .map(|style| style.tick_chars("|/-\\ "))
        } else {
            ProgressStyle::with_template(
                "{msg:>17} [{bar:40}] {human_pos}/{human_len} documents ({eta})",
            )
            .map(|style| style.progress_chars("=> "))
        };
        let bar = ProgressBar::with_draw_target(Some(total), target).with_message(stage);
        match style {
            Ok(style) => bar.with_style(style),
            Err(_) => bar,
        }
    }

    fn print_timings(&self) {
        let Ok(stages) = self.stages.lock() else {
            return;
        };
        let mut stderr = std::io::stderr().lock();
        let outputs = self.outputs.lock().map(|o| o.clone()).unwrap_or_default();
        for (name, _, finished) in stages.iter() {
            if let Some((took, memory)) = finished {
                let mb = |kb: u64| kb * 1024 / 1_000_000;
                let peak = memory.map_or(String::new(), |(now, peak)| {
                    format!(
                        "   memory {:>5} MB, peak so far {:>5} MB",
                        mb(now),
                        mb(peak)
                    )
                });
                let _ = writeln!(stderr, "{name:>17}: {:7.3} s{peak}", took.as_secs_f64());
                // An output that raised the peak says to what: where memory goes.
                let mut peak_before = None;
                for (stage, path, seconds, peak) in outputs.iter() {
                    let raised = match (peak, peak_before) {
                        (Some(p), Some(before)) if *p > before => {
                            format!("   peak so far {:>5} MB", mb(*p))
                        }
                        _ => String::new(),
                    };
                    peak_before = peak.or(peak_before);
                    if stage == name {
                        let _ = writeln!(stderr, "{:>19}{seconds:7.3} s  {path}{raised}", "");
                    }
                }
            }
        }
    }
}

impl Progress for TerminalProgress {
    fn start(&self, stage: &'static str, total: u64) {
        if let Ok(mut stages) = self.stages.lock() {
            stages.push((stage, Instant::now(), None));
        }
        let bar = self.bar(stage, total);
        if total == 0 && self.visible {
            // A spinner turns by itself: nothing advances a stage of unknown length.
            bar.enable_steady_tick(SPIN);
        } else {
            bar.tick();
        }
        if let Ok(mut current) = self.bar.lock() {
            if let Some(previous) = current.replace(bar) {
                previous.finish_and_clear();
            }
        }
    }

    fn output_done(&self, path: &str, seconds: f64) {
        let stage = self
            .stages
            .lock()
            .ok()
            .and_then(|stages| stages.last().map(|s| s.0));
        if let (Some(stage), Ok(mut outputs)) = (stage, self.outputs.lock()) {
            outputs.push((
                stage,
                path.to_owned(),
                seconds,
                memory_kb().map(|(_, peak)| peak),
            ));
        }
    }

    fn advance(&self, steps: u64) {
        if let Ok(current) = self.bar.lock() {
            if let Some(bar) = current.as_ref() {
                bar.inc(steps);
            }
        }
    }

    fn finish(&self) {
        give_freed_memory_back();
        if let Ok(mut stages) = self.stages.lock() {
            if let Some((_, started, finished @ None)) = stages.last_mut() {
                *finished = Some((started.elapsed(), memory_kb()));
            }
        }
        if let Ok(mut current) = self.bar.lock() {
            if let Some(bar) = current.take() {
                bar.finish_and_clear();
            }
        }
    }
}
