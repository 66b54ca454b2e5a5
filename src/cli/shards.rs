//! The subcommands of counting on many machines: `count` (a part of the corpus into a shard),
//! `merge` (shards into one) and `score` (every output of `analyze` from a merged shard).

use std::path::PathBuf;

use clap::Args;

use super::{AnalyzeArgs, ContextArg, InputArgs, UnitArg, MAX_WINDOW};
use speechstat::{Config, DEFAULT_WINDOW};

/// The README's section on counting on many machines, shortened.
pub const COUNT_EXAMPLES: &str = concat!(
    "Examples:
  speechstat count --manifest corpus/part1.csv --part 1 --out shards/1
  speechstat count --manifest corpus/part2.csv --part 2 --out shards/2
      Two consecutive runs of corpus/manifest.csv's rows (part1.csv and part2.csv beside
      it, so each speech keeps its path), each on its own machine.
  speechstat merge shards/1 shards/2 --out merged
  speechstat score merged --out output --group-by party
      Every table and chart of `speechstat analyze` of the whole corpus.

The merged corpus is part 1's speeches, then part 2's, ...: cut the corpus into consecutive
runs of its speeches (manifest rows, or sorted files) and number the parts in that order.
Language, stemming, stopwords, reading options and the co-occurrence context (--context,
--window) are recorded in the shard; shards of different settings are not merged. The
shard's files (settings, speeches, tokens, speech_terms, forms, pairs: Parquet) can be merged
by an engine instead: see the README's SQL.

",
    exit_codes!()
);

/// Options of `speechstat count`.
#[derive(Debug, Args)]
#[command(after_help = COUNT_EXAMPLES)]
pub struct CountArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Folder for the shard (created if missing; only speechstat's own files are replaced).
    #[arg(short, long, value_name = "SHARD_DIR")]
    pub out: PathBuf,

    /// This shard's place in the corpus, 1 or more: the merged corpus is part 1's speeches,
    /// then part 2's, ...
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub part: u32,

    /// Co-occurrence window the shard's pairs are counted in (as analyze's --window);
    /// recorded in the shard, for `score`.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_WINDOW, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_WINDOW)))]
    pub window: u32,

    /// What counts as co-occurring in the shard's pair counts (as analyze's --context);
    /// recorded in the shard, for `score`.
    #[arg(long, value_enum, default_value_t = ContextArg::Window)]
    pub context: ContextArg,
}

/// Options of `speechstat merge`.
#[derive(Debug, Args)]
#[command(after_help = COUNT_EXAMPLES)]
pub struct MergeArgs {
    /// Shard folders written by `speechstat count` (or merged before), in any order.
    #[arg(value_name = "SHARD", required = true)]
    pub shards: Vec<PathBuf>,

    /// Folder for the merged shard.
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,

    /// Print no summary (errors still go to stderr).
    #[arg(short, long)]
    pub quiet: bool,
}

/// Options of `speechstat score`: the shard folder as the input, then analyze's options.
#[derive(Debug, Args)]
#[command(mut_arg("inputs", |input| input
    .value_name("SHARD")
    .help("A shard folder written by `speechstat count` or `speechstat merge`")))]
pub struct ScoreArgs {
    #[command(flatten)]
    pub analyze: AnalyzeArgs,
}

impl CountArgs {
    /// The library configuration of reading the inputs into the shard folder.
    pub fn to_config(&self) -> Config {
        Config {
            context: self.context.with_window(self.window),
            ..self.input.to_config(&self.out)
        }
    }
}

impl ScoreArgs {
    /// The library configuration of scoring, or the reading option given that `score` takes
    /// from the shard instead.
    pub fn to_config(&self) -> Result<Config, String> {
        let input = &self.analyze.input;
        let given = [
            ("--manifest", input.manifest.is_some()),
            ("--text-column", input.text_column.is_some()),
            ("--id-column", input.id_column.is_some()),
            ("--delimiter", input.delimiter.is_some()),
            ("--metadata", input.metadata.is_some()),
            ("--where", !input.conditions.is_empty()),
            ("--keep-annotations", input.keep_annotations),
            ("--stopwords", input.stopwords.is_some()),
            ("--stopwords-add", !input.stopwords_add.is_empty()),
            ("--no-stem", input.no_stem),
            ("--language", input.language.code != "en"),
            ("--unit", input.unit != UnitArg::Speech),
            // The pairs are counted by `count`, in the context it records.
            ("--context", self.analyze.context != ContextArg::Window),
            ("--window", self.analyze.window != DEFAULT_WINDOW),
        ];
        if let Some((option, _)) = given.iter().find(|(_, given)| *given) {
            return Err(format!(
                "{option}: score takes the reading options, language, stemming, stopwords \
                 and co-occurrence context from the shard; give it to `speechstat count`"
            ));
        }
        if input.inputs.len() != 1 {
            return Err(format!(
                "score takes one shard folder, not {}; merge the shards first (speechstat \
                 merge SHARD... --out MERGED)",
                input.inputs.len()
            ));
        }
        Ok(self.analyze.to_config())
    }
}
