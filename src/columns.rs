//! The columns of every table, each a value with its name and meaning, in one place, so no
//! module mistypes a name and every description of a table (the data dictionary, the report,
//! `speechstat explain`, README.md) says the same; and how their numbers are printed. Which
//! table has which columns, and where a name means something else in one table, is in the
//! output catalogue (`crate::OUTPUTS`).

/// Significant digits of every float column. Statistics round sort keys to them
/// ([`crate::stats::as_printed`]), so rows are in order as printed.
pub const SIGNIFICANT_DIGITS: usize = 6;

/// A count as the summaries print it: `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A float rounded to [`SIGNIFICANT_DIGITS`] significant digits: `±digits × 10^(exponent − 5)`
/// with `digits` in 100000..=999999 (0 for zero), `exponent` the power of ten of the first
/// digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounded {
    pub negative: bool,
    pub digits: u32,
    pub exponent: i32,
}

/// Exact powers of ten: every one up to 10^22 is a double.
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `a × 10^shift` with one rounding, or NaN where 10^|shift| is not an exact double (the
/// caller then asks the general formatter).
fn scale(a: f64, shift: i32) -> f64 {
    match shift.unsigned_abs() as usize {
        s if s >= POWERS_OF_TEN.len() => f64::NAN,
        s if shift >= 0 => a * POWERS_OF_TEN[s],
        s => a / POWERS_OF_TEN[s],
    }
}

/// `floor(e × log10 2)` for the binary exponents of doubles, in integers: 78913 / 2^18 is
/// log10 2 close enough that no such exponent lands on the other side of an integer (a test
/// checks each one against the floating-point product).
fn floor_log10_of_power_of_two(e: i32) -> i32 {
    (e * 78_913) >> 18
}

impl Rounded {
    /// `v` rounded as `format!("{v:.5e}")` rounds (the exact binary value, ties to even);
    /// none for a value that is not finite. The quick way scales `v` by an exact power of ten
    /// (one rounding, an error far below a unit of the sixth digit) and rounds in integers;
    /// where that error could matter (near a half, a subnormal, or a first digit that is not
    /// where the binary exponent put it) the general formatter decides.
    pub fn of(v: f64) -> Option<Rounded> {
        if !v.is_finite() {
            return None;
        }
        let negative = v.is_sign_negative();
        let a = v.abs();
        if a == 0.0 {
            return Some(Rounded {
                negative,
                digits: 0,
                exponent: 0,
            });
        }
        // The power of ten of the first digit, from the binary exponent rather than a
        // logarithm (the tables print millions of numbers): 2^e2 <= a < 2^(e2 + 1) puts it at
        // floor(e2 log10 2) or one above, which the scaled value tells apart.
        let binary_exponent = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
        let mut exponent = floor_log10_of_power_of_two(binary_exponent);
        let mut scaled = scale(a, 5 - exponent);
        if scaled >= 1_000_000.0 {
            exponent += 1;
            scaled = scale(a, 5 - exponent);
        }
        if (100_000.0..999_999.5).contains(&scaled) {
            // Positive and below 2^32: truncating is flooring, in integers (no call to the
            // C library's floor and round).
            let whole = scaled as u32;
            let fraction = scaled - f64::from(whole);
            if (fraction - 0.5).abs() > 1e-9 {
                return Some(Rounded {
                    negative,
                    digits: whole + u32::from(fraction > 0.5),
                    exponent,
                });
            }
        }
        Some(Rounded::by_formatter(negative, a))
    }

    fn by_formatter(negative: bool, a: f64) -> Rounded {
        let text = format!("{a:.5e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        Rounded {
            negative,
            digits: mantissa.replace('.', "").parse().unwrap_or(0),
            exponent: exponent.parse().unwrap_or(0),
        }
    }

    /// The double nearest the rounded decimal, as parsing its text gives: `digits` and
    /// powers of ten up to 10^22 are exact, so one multiplication or division rounds once.
    /// Zero is +0, as it prints.
    pub fn value(self) -> f64 {
        if self.digits == 0 {
            return 0.0;
        }
        let shift = self.exponent - 5;
        let magnitude = match shift.unsigned_abs() as usize {
            s if s >= POWERS_OF_TEN.len() => format!("{}e{shift}", self.digits)
                .parse()
                .unwrap_or(f64::NAN),
            s if shift >= 0 => self.digits as f64 * POWERS_OF_TEN[s],
            s => self.digits as f64 / POWERS_OF_TEN[s],
        };
        if self.negative {
            -magnitude
        } else {
            magnitude
        }
    }

    /// Appends the number as C's `%.6g` (and Python's `format(v, ".6g")`) prints it: trailing
    /// zeros dropped, plain notation for exponents −4 to 5, `1.5e-07` style outside them;
    /// `decimal` is the decimal separator. Zero is `0`, whatever its sign.
    pub fn write(self, decimal: char, out: &mut String) {
        // Composed in bytes on the stack and appended once: tables print millions.
        let mut buffer = [0u8; 32];
        let mut len = 0;
        let mut put = |byte: u8| {
            buffer[len] = byte;
            len += 1;
        };
        let decimal = u8::try_from(decimal).unwrap_or(b'.');
        if self.digits == 0 {
            out.push('0');
            return;
        }
        if self.negative {
            put(b'-');
        }
        let mut digits = [0u8; SIGNIFICANT_DIGITS];
        let mut rest = self.digits;
        for d in digits.iter_mut().rev() {
            *d = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        let used = digits.iter().rposition(|&d| d != b'0').map_or(1, |i| i + 1);
        let digits = &digits[..used];
        let e = self.exponent;
        if (-4..SIGNIFICANT_DIGITS as i32).contains(&e) {
            if e < 0 {
                put(b'0');
                put(decimal);
                (0..-e - 1).for_each(|_| put(b'0'));
                digits.iter().for_each(|&d| put(d));
            } else {
                let whole = e as usize + 1;
                if digits.len() <= whole {
                    digits.iter().for_each(|&d| put(d));
                    (digits.len()..whole).for_each(|_| put(b'0'));
                } else {
                    digits[..whole].iter().for_each(|&d| put(d));
                    put(decimal);
                    digits[whole..].iter().for_each(|&d| put(d));
                }
            }
        } else {
            put(digits[0]);
            if digits.len() > 1 {
                put(decimal);
                digits[1..].iter().for_each(|&d| put(d));
            }
            put(b'e');
            put(if e < 0 { b'-' } else { b'+' });
            let magnitude = e.unsigned_abs();
            if magnitude >= 100 {
                put(b'0' + (magnitude / 100) as u8);
            }
            put(b'0' + (magnitude / 10 % 10) as u8);
            put(b'0' + (magnitude % 10) as u8);
        }
        // Only ASCII digits, signs, 'e' and an ASCII separator were put.
        out.push_str(std::str::from_utf8(&buffer[..len]).unwrap_or_default());
    }
}

/// A column of a table: its name as written and what it means. The catalogue of outputs lists
/// each table's columns as these values; where a name means something else in one table, its
/// entry overrides the meaning there ([`TableColumn::means`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableColumn {
    /// The name in the header; for a placeholder, how it is shown in the docs
    /// (`<metadata>`).
    pub name: &'static str,
    /// What a value of the column is: its formula where it has one, its convention or range.
    pub meaning: &'static str,
    /// Whether this is one column or a placeholder for columns named after the corpus or
    /// the options.
    pub stands_for: StandsFor,
}

/// What a declared column stands for in the header as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StandsFor {
    /// One column of this name.
    Itself,
    /// Every metadata column of the corpus.
    Metadata,
    /// The first `--group-by` column, named as in the metadata.
    GroupColumn,
    /// `doc_id`, or with `--group-by` the first grouping column.
    RowName,
    /// One column per term: the `--matrix-terms` most frequent, by label.
    MatrixTerms,
    /// One of these sets of columns: `doc_a`, `doc_b`, or with `--group-by` `group_by`,
    /// `group_a`, `group_b`.
    UnitPair(&'static [TableColumn]),
    /// The columns of the similarity measure in force: `cosine`, `jaccard`, or with
    /// `--similarity-measure style` `delta`.
    Scores(&'static [TableColumn]),
}

impl TableColumn {
    /// A column of its own name.
    pub const fn new(name: &'static str, meaning: &'static str) -> TableColumn {
        TableColumn {
            name,
            meaning,
            stands_for: StandsFor::Itself,
        }
    }

    const fn placeholder(
        name: &'static str,
        stands_for: StandsFor,
        meaning: &'static str,
    ) -> TableColumn {
        TableColumn {
            name,
            meaning,
            stands_for,
        }
    }

    /// The same column with the meaning it has in one table.
    pub const fn means(self, meaning: &'static str) -> TableColumn {
        TableColumn { meaning, ..self }
    }

    /// Whether this stands for columns named after the corpus or the options.
    pub fn is_placeholder(&self) -> bool {
        self.stands_for != StandsFor::Itself
    }

    /// Whether this stands for the two units of a pair.
    pub fn is_unit_pair(&self) -> bool {
        matches!(self.stands_for, StandsFor::UnitPair(_))
    }

    /// Whether this stands for one of a few sets of named columns (a unit pair's, a
    /// measure's), rather than for columns named after the corpus.
    pub fn is_named_set(&self) -> bool {
        matches!(
            self.stands_for,
            StandsFor::UnitPair(_) | StandsFor::Scores(_)
        )
    }

    /// This column if it is the one written as `name`, or the column of that name it
    /// stands for (one of a unit pair's); none otherwise, placeholders of corpus-named
    /// columns included.
    pub fn named(&self, name: &str) -> Option<TableColumn> {
        match self.stands_for {
            StandsFor::Itself => (self.name == name).then_some(*self),
            StandsFor::UnitPair(columns) | StandsFor::Scores(columns) => {
                columns.iter().find(|c| c.name == name).copied()
            }
            _ => None,
        }
    }

    /// The column as a list of columns says it: `` `count` ``, or in words for a placeholder
    /// ("every metadata column").
    pub fn in_words(&self) -> String {
        match self.stands_for {
            StandsFor::Itself => format!("`{}`", self.name),
            StandsFor::Metadata => "every metadata column".to_owned(),
            StandsFor::GroupColumn => "the `--group-by` column".to_owned(),
            StandsFor::RowName => {
                "`doc_id` (with `--group-by`: the `--group-by` column)".to_owned()
            }
            StandsFor::MatrixTerms => {
                "one per term: the `--matrix-terms` (100) most frequent, by label".to_owned()
            }
            StandsFor::UnitPair(_) => {
                "`doc_a`, `doc_b` (with `--group-by`: `group_by`, `group_a`, `group_b`)".to_owned()
            }
            StandsFor::Scores(_) => {
                "`cosine`, `jaccard` (with `--similarity-measure style`: `delta`)".to_owned()
            }
        }
    }
}

// Placeholders: columns named after the corpus or the options.

/// Every metadata column of the corpus.
pub const METADATA: TableColumn = TableColumn::placeholder(
    "<metadata>",
    StandsFor::Metadata,
    "Metadata of the speech from the corpus: a manifest or CSV column, or the speaker, \
     country_or_org and language_spoken of a UN speech heading (`## Speaker (Country) \
     (spoke in Language):`) where the corpus gives no such column.",
);
/// Those of `speaker`, `country_or_org`, `year` and `date` the corpus has.
/// The first `--group-by` column, named as in the metadata.
pub const GROUP_COLUMN: TableColumn = TableColumn::placeholder(
    "<group-by column>",
    StandsFor::GroupColumn,
    "The group: a value of the first --group-by column, after which the column is \
     named; (blank) for speeches without a value.",
);
/// What names a row: `doc_id`, or with `--group-by` the grouping column.
pub const ROW_NAME: TableColumn = TableColumn::placeholder(
    "<doc_id or the --group-by column>",
    StandsFor::RowName,
    "What the row is: a speech (doc_id) or, with --group-by, a group (a value of the \
     first grouping column, after which the column is named).",
);
/// One column per term: the `--matrix-terms` most frequent, by label.
pub const MATRIX_TERMS: TableColumn = TableColumn::placeholder(
    "<the --matrix-terms most frequent terms>",
    StandsFor::MatrixTerms,
    "The term's per_10k in the row: its count / n_tokens × 10,000. One column per term \
     of the --matrix-terms most frequent in the corpus, most frequent first, named by \
     its label.",
);

// Sizes and identities.

pub const DOC_ID: TableColumn = TableColumn::new(
    "doc_id",
    "The speech's id: its file name without extension (the relative path when two \
     files share a name, name:row for a CSV row), with #n for the n-th speech of a file \
     holding several.",
);
pub const SOURCE: TableColumn = TableColumn::new(
    "source",
    "The file the speech was read from (path:line for a CSV row).",
);
pub const ENCODING: TableColumn = TableColumn::new(
    "encoding",
    "How the file's bytes were decoded: utf-8, utf-8-bom, utf-16le, utf-16be, or \
     windows-1252 for a file that is not valid UTF-8 (the run warns).",
);
pub const N_DOCUMENTS: TableColumn = TableColumn::new("n_documents", "Speeches in the corpus.");
pub const N_TOKENS: TableColumn = TableColumn::new(
    "n_tokens",
    "Word tokens of the speech, stopwords included (punctuation is not a token); a \
     phrase joined by --phrases is one token. The denominator of every rate.",
);
pub const N_TYPES: TableColumn = TableColumn::new(
    "n_types",
    "Distinct lowercased word forms of the speech, stopwords included.",
);
pub const N_SENTENCES: TableColumn = TableColumn::new("n_sentences", "Sentences of the speech.");
pub const N_ANNOTATIONS: TableColumn = TableColumn::new(
    "n_annotations",
    "Bracketed annotations such as [Applause] taken out of the text before counting \
     (none with --keep-annotations).",
);
pub const N_FOOTER_LINES: TableColumn = TableColumn::new(
    "n_footer_lines",
    "Lines of page furniture in a printed record (a page number, a UN job number, a \
     meeting-record symbol) taken out before counting.",
);
pub const N_MOJIBAKE_REPAIRED: TableColumn = TableColumn::new(
    "n_mojibake_repaired",
    "Sequences of UTF-8 that had been read as Windows-1252 (â€” for —, Ã© for é) put back \
     before counting, where the repair is certain (the run warns).",
);
pub const N_APOSTROPHES_RESTORED: TableColumn = TableColumn::new(
    "n_apostrophes_restored",
    "Question marks, and â left of a garbled ’, standing for a lost apostrophe (Taliban?s, \
     don?t, d?Ivoire, todayâs) read as apostrophes before counting (the run warns).",
);
pub const N_TERMS: TableColumn = TableColumn::new(
    "n_terms",
    "Distinct terms counted at least once; stopwords are never terms.",
);
pub const MEAN_TOKENS: TableColumn = TableColumn::new(
    "mean_tokens",
    "Mean speech length in word tokens: n_tokens / n_documents.",
);
pub const MEDIAN_TOKENS: TableColumn = TableColumn::new(
    "median_tokens",
    "Median of the speeches' n_tokens; with an even number of speeches, the mean of \
     the two middle values.",
);

/// Metadata columns of a UN speech heading (not table columns of their own).
pub const SPEAKER: &str = "speaker";
pub const COUNTRY_OR_ORG: &str = "country_or_org";
pub const LANGUAGE_SPOKEN: &str = "language_spoken";

// Terms and their frequencies.

pub const TERM: TableColumn = TableColumn::new(
    "term",
    "What tokens are counted under: the Snowball stem of their lowercased form, or the \
     form itself with --no-stem; forms with a digit or / are never stemmed.",
);
pub const LABEL: TableColumn = TableColumn::new(
    "label",
    "The term's most frequent word form in the corpus (ties: the alphabetically \
     first), so a table reads trafficking, not traffick.",
);
pub const COUNT: TableColumn = TableColumn::new(
    "count",
    "Occurrences of the term in the corpus (non-stopword tokens).",
);
pub const DOC_FREQ: TableColumn = TableColumn::new(
    "doc_freq",
    "Speeches in which the term is counted at least once (its range).",
);
pub const PER_10K: TableColumn = TableColumn::new(
    "per_10k",
    "count / n_tokens × 10,000, n_tokens counting every word token of the corpus, \
     stopwords included.",
);
pub const TF_IDF: TableColumn = TableColumn::new(
    "tf_idf",
    "(count / n_tokens) × ln(N_docs / doc_freq), natural log, no smoothing (as \
     tidytext and NLTK): 0 for a term used in every speech.",
);

// Dispersion.

pub const RANGE: TableColumn =
    TableColumn::new("range", "Speeches of the group that use the term.");
pub const DP: TableColumn = TableColumn::new(
    "dp",
    "Gries' DP (deviation of proportions) = 0.5 × Σ |v_i / f − s_i| over the speeches, \
     v_i the term's count in speech i, f its total, s_i the speech's share of all word \
     tokens: 0 when spread as the speeches' sizes, near 1 when in one small speech.",
);
pub const DP_NORM: TableColumn = TableColumn::new(
    "dp_norm",
    "dp / (1 − the smallest s_i) (Lijffijt & Gries 2012), from 0 to 1; empty for a \
     corpus of one speech.",
);

// Tokens and lines in context.

pub const SENTENCE: TableColumn = TableColumn::new(
    "sentence",
    "0-based index of the token's sentence in the speech.",
);
pub const POSITION: TableColumn = TableColumn::new(
    "position",
    "0-based index of the token among the speech's word tokens.",
);
pub const TOKEN: TableColumn = TableColumn::new(
    "token",
    "The word form: the token lowercased (a joined phrase: two forms).",
);
pub const WORD: TableColumn = TableColumn::new(
    "word",
    "A word of the stopword list in force, lowercased: the built-in Snowball list of the \
     language, the --stopwords file, or none.",
);
pub const STOPWORD: TableColumn = TableColumn::new(
    "stopword",
    "true when the form is on the stopword list: counted in n_tokens, never as a term.",
);
pub const LEFT: TableColumn = TableColumn::new(
    "left",
    "Up to --width words before the keyword, cut from the speech's text (casing and \
     punctuation as written, white space as one space).",
);
pub const KEYWORD: TableColumn = TableColumn::new(
    "keyword",
    "The words that match the --kwic pattern, as written in the speech.",
);
pub const RIGHT: TableColumn = TableColumn::new(
    "right",
    "Up to --width words after the keyword, cut from the speech's text (casing and \
     punctuation as written, white space as one space).",
);

// Pairs of terms.

pub const TERM_1: TableColumn = TableColumn::new("term_1", "The pair's first term, in text order.");
pub const TERM_2: TableColumn =
    TableColumn::new("term_2", "The pair's second term, in text order.");
pub const TERM_A: TableColumn = TableColumn::new(
    "term_a",
    "One term of the pair: the alphabetically first (term_a < term_b).",
);
pub const TERM_B: TableColumn = TableColumn::new(
    "term_b",
    "The other term of the pair: the alphabetically second.",
);
pub const LABEL_A: TableColumn =
    TableColumn::new("label_a", "The label (most frequent word form) of term_a.");
pub const LABEL_B: TableColumn =
    TableColumn::new("label_b", "The label (most frequent word form) of term_b.");
pub const FOCUS: TableColumn = TableColumn::new("focus", "The --focus word, by its label.");
pub const COLLOCATE: TableColumn = TableColumn::new(
    "collocate",
    "A term that co-occurs with the focus word (the other term of the pair).",
);
pub const PHRASE: TableColumn = TableColumn::new(
    "phrase",
    "The phrase as written: the two most frequent word forms of the pair joined by a \
     space, counted as one term from then on.",
);
pub const PMI: TableColumn = TableColumn::new(
    "pmi",
    "Pointwise mutual information, log2(n_ii × n_xx / (n_ix × n_xi)) on the pair's 2×2 \
     table: 0 for independence, positive when the terms attract, negative when they \
     avoid each other.",
);
pub const NPMI: TableColumn = TableColumn::new(
    "npmi",
    "pmi / −log2(n_ii / n_xx) (Bouma 2009), from −1 to 1: 1 when the terms only occur \
     together, 0 for independence, negative when they avoid each other.",
);
pub const LOG_LIKELIHOOD: TableColumn = TableColumn::new(
    "log_likelihood",
    "Dunning's G² = 2 × Σ O × ln(O / E) over the four cells of the pair's 2×2 table (as \
     NLTK and AntConc): large for attraction and avoidance alike, pmi gives the \
     direction.",
);
pub const T_SCORE: TableColumn = TableColumn::new(
    "t_score",
    "(n_ii − n_ix × n_xi / n_xx) / √n_ii: observed minus expected, scaled.",
);
pub const CHI2: TableColumn = TableColumn::new(
    "chi2",
    "Pearson's chi-square of the pair's 2×2 table, without Yates' correction.",
);
pub const DICE: TableColumn = TableColumn::new("dice", "2 × n_ii / (n_ix + n_xi), from 0 to 1.");
pub const LOG_DICE: TableColumn =
    TableColumn::new("log_dice", "14 + log2(dice) (Rychlý 2008): at most 14.");

// Comparisons.

pub const GROUP_BY: TableColumn = TableColumn::new("group_by", "The --group-by column.");
pub const TARGET: TableColumn = TableColumn::new(
    "target",
    "The target: a speech id, a group (a value of group_by), or corpus.",
);
pub const REFERENCE: TableColumn = TableColumn::new(
    "reference",
    "What the target is compared with: rest of corpus, the other speech or group of \
     --compare, or the path of the --reference corpus.",
);
pub const COUNT_TARGET: TableColumn =
    TableColumn::new("count_target", "a: occurrences of the term in the target.");
pub const COUNT_REFERENCE: TableColumn = TableColumn::new(
    "count_reference",
    "b: occurrences of the term in the reference.",
);
pub const PER_10K_TARGET: TableColumn = TableColumn::new(
    "per_10k_target",
    "a / c × 10,000, c = the target's word tokens, stopwords included.",
);
pub const PER_10K_REFERENCE: TableColumn = TableColumn::new(
    "per_10k_reference",
    "b / d × 10,000, d = the reference's word tokens, stopwords included.",
);
pub const P_VALUE: TableColumn = TableColumn::new(
    "p_value",
    "The probability that a chi-square variable with 1 degree of freedom exceeds \
     |log_likelihood|, erfc(√(|G²| / 2)); not corrected for the number of terms tested \
     (see significant).",
);
pub const LOG_RATIO: TableColumn = TableColumn::new(
    "log_ratio",
    "log2((a / c) / (b / d)) (Hardie 2014), a zero count taken as 0.5: 1 means twice as \
     frequent in the target, −1 half as frequent.",
);
pub const PERCENT_DIFF: TableColumn = TableColumn::new(
    "percent_diff",
    "(a / c − b / d) / (b / d) × 100 (Gabrielatos & Marchi 2012); empty when b = 0.",
);
pub const RANGE_TARGET: TableColumn = TableColumn::new(
    "range_target",
    "Speeches of the target that use the term. An over-used term is listed only when this \
     reaches --min-range (2), or every speech of a smaller target.",
);
pub const SIGNIFICANT: TableColumn = TableColumn::new(
    "significant",
    "true when p_value < 0.05 / n (Bonferroni), n = the terms tested for this target \
     (those with a + b ≥ --min-count).",
);

pub const LOG_ODDS: TableColumn = TableColumn::new(
    "log_odds",
    "The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, \
     \"Fightin' Words\"): ln((a + α_w) / (c + α_0 − a − α_w)) − ln((b + α_w) / (d + α_0 − b − \
     α_w)), α_w = s × the term's count and α_0 = s × the tokens of the prior corpus (target \
     and reference together, or the --reference corpus), s = --prior-scale (1): positive \
     when over-used, empty for a term a --reference corpus lacks (no prior, no finite value).",
);
pub const LOG_ODDS_Z: TableColumn = TableColumn::new(
    "log_odds_z",
    "log_odds / sqrt(1 / (a + α_w) + 1 / (b + α_w)): the log-odds in units of its standard \
     error; |z| > 1.96 is the paper's line of a notable difference.",
);
pub const SIMPLE_MATHS: TableColumn = TableColumn::new(
    "simple_maths",
    "(a / c × 10^6 + k) / (b / d × 10^6 + k) (Kilgarriff 2009, Sketch Engine's keyword \
     score), k = --smoothing (1; 100 favours common words): above 1 over-used, below 1 \
     under-used.",
);
pub const DOC_LOG_LIKELIHOOD: TableColumn = TableColumn::new(
    "doc_log_likelihood",
    "Text dispersion keyness (Egbert & Biber 2019): the signed G² of the same formula on \
     speech counts, range_target of n_documents_target against range_reference of \
     n_documents_reference: a term many speeches use, not one speech many times.",
);
pub const RANGE_REFERENCE: TableColumn = TableColumn::new(
    "range_reference",
    "Speeches of the reference that use the term.",
);
pub const N_DOCUMENTS_TARGET: TableColumn =
    TableColumn::new("n_documents_target", "Speeches in the target.");
pub const N_DOCUMENTS_REFERENCE: TableColumn =
    TableColumn::new("n_documents_reference", "Speeches in the reference.");

pub const DOC_A: TableColumn = TableColumn::new(
    "doc_a",
    "The first speech of the pair: with all pairs, doc_a comes before doc_b in corpus \
     order; with nearest, the speech whose most similar are listed.",
);
pub const DOC_B: TableColumn = TableColumn::new(
    "doc_b",
    "The second speech of the pair; when method is nearest, one of doc_a's 10 most \
     similar.",
);
pub const GROUP_A: TableColumn = TableColumn::new(
    "group_a",
    "The first group of the pair (a value of group_by): with all pairs, before group_b in \
     group order; with nearest, the group whose most similar are listed.",
);
pub const GROUP_B: TableColumn = TableColumn::new(
    "group_b",
    "The second group of the pair (a value of group_by); when method is nearest, one of \
     group_a's 10 most similar.",
);
pub const COSINE: TableColumn = TableColumn::new(
    "cosine",
    "Cosine of the two tf-idf vectors (stopwords excluded; a group weighted as one long \
     speech with the corpus's idf), from 0 to 1; empty when a vector is all zeros.",
);
pub const JACCARD: TableColumn = TableColumn::new(
    "jaccard",
    "Terms used by both / terms used by either (stopwords excluded), from 0 to 1; empty \
     when neither uses any.",
);
pub const DELTA: TableColumn = TableColumn::new(
    "delta",
    "Burrows' Delta with --similarity-measure style: the mean over the --style-words most \
     frequent word forms (stopwords included) of |z_a − z_b|, z a word's rate as a z-score \
     over the speeches (or groups of the grouping); 0 for the same profile, lower is more alike.",
);
pub const METHOD: TableColumn = TableColumn::new(
    "method",
    "How the pairs were chosen: all pairs (every pair once; up to 1,000 speeches or \
     groups), nearest 10 (exact) (beyond 1,000 with --similarity exact: each one's 10 most \
     similar, every pair compared) or nearest 10 (approximate) (beyond 1,000 by default, \
     or with --similarity approximate: each one's most similar, at most 10, among \
     candidates from an index of its heaviest terms). Nearest rows list each unit's neighbours, most similar first, so a pair may \
     appear twice, once from each side.",
);

// Profiles: diversity and readability of speeches and groups.

pub const GROUP: TableColumn = TableColumn::new(
    "group",
    "The group: a value of the group_by column ((blank) for none).",
);
pub const TTR: TableColumn = TableColumn::new(
    "ttr",
    "Type-token ratio: distinct lowercased forms / word tokens (V / N).",
);
pub const MATTR: TableColumn = TableColumn::new(
    "mattr",
    "Moving-average TTR (Covington & McFall 2010): the mean TTR of every window of \
     --mattr-window consecutive tokens; the plain ttr for a shorter speech.",
);
pub const MATTR_SHORT: TableColumn = TableColumn::new(
    "mattr_short",
    "true when the speech is shorter than --mattr-window tokens, so its mattr is its \
     plain ttr.",
);
pub const MTLD: TableColumn = TableColumn::new(
    "mtld",
    "MTLD (McCarthy & Jarvis 2010): tokens per factor, a factor ending where the running \
     TTR drops below 0.72 (the rest counted in part), the mean of the forward and \
     backward passes; empty when no factor is counted.",
);
pub const YULES_K: TableColumn = TableColumn::new(
    "yules_k",
    "Yule's K = 10^4 × (Σ V(i) × (i / N)² − 1 / N), V(i) the forms seen exactly i \
     times: lower is more diverse.",
);
pub const HERDAN_C: TableColumn = TableColumn::new(
    "herdan_c",
    "Herdan's C = ln V / ln N; empty for a one-token speech.",
);
pub const GUIRAUD: TableColumn = TableColumn::new("guiraud", "Guiraud's R = V / √N.");
pub const STTR: TableColumn = TableColumn::new(
    "sttr",
    "Standardized TTR (WordSmith): the mean TTR of consecutive 1,000-token stretches of \
     the group's speeches in corpus order, the last incomplete one left out; empty \
     under 1,000 tokens.",
);
pub const TTR_MEAN: TableColumn =
    TableColumn::new("ttr_mean", "Mean of the ttr of the group's speeches.");
pub const TTR_MEDIAN: TableColumn =
    TableColumn::new("ttr_median", "Median of the ttr of the group's speeches.");
pub const MATTR_MEAN: TableColumn =
    TableColumn::new("mattr_mean", "Mean of the mattr of the group's speeches.");
pub const MATTR_MEDIAN: TableColumn = TableColumn::new(
    "mattr_median",
    "Median of the mattr of the group's speeches.",
);
pub const MTLD_MEAN: TableColumn = TableColumn::new(
    "mtld_mean",
    "Mean of the mtld of the group's speeches that have one.",
);
pub const MTLD_MEDIAN: TableColumn = TableColumn::new(
    "mtld_median",
    "Median of the mtld of the group's speeches that have one.",
);
pub const YULES_K_MEAN: TableColumn = TableColumn::new(
    "yules_k_mean",
    "Mean of the yules_k of the group's speeches.",
);
pub const YULES_K_MEDIAN: TableColumn = TableColumn::new(
    "yules_k_median",
    "Median of the yules_k of the group's speeches.",
);
pub const HERDAN_C_MEAN: TableColumn = TableColumn::new(
    "herdan_c_mean",
    "Mean of the herdan_c of the group's speeches that have one.",
);
pub const HERDAN_C_MEDIAN: TableColumn = TableColumn::new(
    "herdan_c_median",
    "Median of the herdan_c of the group's speeches that have one.",
);
pub const GUIRAUD_MEAN: TableColumn = TableColumn::new(
    "guiraud_mean",
    "Mean of the guiraud of the group's speeches.",
);
pub const GUIRAUD_MEDIAN: TableColumn = TableColumn::new(
    "guiraud_median",
    "Median of the guiraud of the group's speeches.",
);
pub const MEAN_SENTENCE_LENGTH: TableColumn = TableColumn::new(
    "mean_sentence_length",
    "Words per sentence, words being the word tokens that hold a letter; English only \
     (empty otherwise).",
);
pub const SYLLABLES_PER_WORD: TableColumn = TableColumn::new(
    "syllables_per_word",
    "Syllables per word, syllables counted by rule; English only (empty otherwise).",
);
pub const FLESCH_READING_EASE: TableColumn = TableColumn::new(
    "flesch_reading_ease",
    "206.835 − 1.015 × words per sentence − 84.6 × syllables per word (Flesch 1948): \
     higher is easier, 60–70 plain English, under 30 very hard; English only.",
);
pub const FLESCH_KINCAID_GRADE: TableColumn = TableColumn::new(
    "flesch_kincaid_grade",
    "0.39 × words per sentence + 11.8 × syllables per word − 15.59 (Kincaid et al. \
     1975): a US school grade; English only.",
);

// Periods.

pub const PERIOD: TableColumn = TableColumn::new(
    "period",
    "The period (--period): a year (1990), five years (1990-1994) or a decade (1990s); \
     a speech's year is the first four-digit number of its time column.",
);
pub const PERIOD_START: TableColumn = TableColumn::new("period_start", "The period's first year.");
pub const PERIOD_TOKENS: TableColumn = TableColumn::new(
    "period_tokens",
    "Word tokens of the period's speeches, stopwords included.",
);

// Dictionaries.

pub const DICTIONARY: TableColumn = TableColumn::new(
    "dictionary",
    "The --dictionary file the category comes from, by its file name.",
);
pub const CATEGORY: TableColumn = TableColumn::new(
    "category",
    "A category of the dictionary (a nested YAML one as parent.child).",
);
pub const SCORE: TableColumn = TableColumn::new(
    "score",
    "The sum of the weights of the category's matches; empty when the dictionary gives no weights.",
);

/// The two units of a pair: two speeches, or two groups of a grouping.
pub const UNIT_PAIR: TableColumn = TableColumn::placeholder(
    "<doc_a, doc_b or group_by, group_a, group_b>",
    StandsFor::UnitPair(&[
        DOC_A,
        DOC_B,
        GROUP_BY.means("The --group-by column whose groups are compared."),
        GROUP_A,
        GROUP_B,
    ]),
    "The two speeches compared (doc_a, doc_b) or, with --group-by, the grouping column \
     (group_by) and its two groups (group_a, group_b).",
);

/// The columns of the similarity measure in force.
pub const SIMILARITY_SCORES: TableColumn = TableColumn::placeholder(
    "<cosine, jaccard or delta>",
    StandsFor::Scores(&[COSINE, JACCARD, DELTA]),
    "The measure of --similarity-measure: cosine and jaccard for topic (the default), delta \
     for style.",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_integer_log10_of_powers_of_two_floors_as_the_float_product_does() {
        // Every binary exponent of a double, subnormals' included, and a margin.
        for e in -1100..=1100 {
            let float = (f64::from(e) * std::f64::consts::LOG10_2).floor() as i32;
            assert_eq!(floor_log10_of_power_of_two(e), float, "2^{e}");
        }
    }

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_048_576), "1,048,576");
    }
}
