//! Column names of every table, in one place, so no module mistypes one, and how their
//! numbers are printed. The meaning of each column is documented in README.md and
//! docs/statistics.md; which table has which columns, in the output list (`crate::OUTPUTS`).

/// Decimal places of every float column. Statistics round sort keys to it
/// ([`crate::stats::as_printed`]), so rows are in order as printed.
pub const FLOAT_DECIMALS: usize = 6;

/// 10^FLOAT_DECIMALS: one printed unit is 1 / PRINTED_SCALE.
pub const PRINTED_SCALE: f64 = 1e6;

/// `v` in printed units (10^-FLOAT_DECIMALS) and its sign, rounded as `format!("{v:.6}")`
/// rounds (the exact binary value, ties to even), without the general formatter: `v * 10^6`
/// rounded in integers gives the same digits unless the product sits within its rounding
/// error of a half. There, and beyond 10^15 units or for a value that is not finite, none:
/// the general formatter must decide.
pub fn printed_units(v: f64) -> Option<(bool, u64)> {
    let scaled = v.abs() * PRINTED_SCALE;
    let fraction = scaled - scaled.floor();
    // The product carries a rounding error of at most half an ulp: near a half, or where
    // that error could reach one, the integer rounding might differ from the exact one.
    if scaled.is_nan() || scaled >= 1e15 || (fraction - 0.5).abs() <= 1e-6 + scaled * 4e-16 {
        return None;
    }
    Some((v.is_sign_negative(), scaled.round() as u64))
}

pub const DOC_ID: &str = "doc_id";
pub const SOURCE: &str = "source";
pub const ENCODING: &str = "encoding";
pub const N_TOKENS: &str = "n_tokens";
pub const N_TYPES: &str = "n_types";
pub const N_SENTENCES: &str = "n_sentences";
pub const N_ANNOTATIONS: &str = "n_annotations";
pub const N_FOOTER_LINES: &str = "n_footer_lines";
pub const N_DOCUMENTS: &str = "n_documents";
pub const N_TERMS: &str = "n_terms";
pub const MEAN_TOKENS: &str = "mean_tokens";
pub const MEDIAN_TOKENS: &str = "median_tokens";

pub const SPEAKER: &str = "speaker";
pub const COUNTRY_OR_ORG: &str = "country_or_org";
pub const LANGUAGE_SPOKEN: &str = "language_spoken";

pub const TERM: &str = "term";
pub const LABEL: &str = "label";
pub const COUNT: &str = "count";
pub const DOC_FREQ: &str = "doc_freq";
pub const PER_10K: &str = "per_10k";
pub const TF_IDF: &str = "tf_idf";

pub const SENTENCE: &str = "sentence";
pub const POSITION: &str = "position";
pub const TOKEN: &str = "token";
pub const STOPWORD: &str = "stopword";

pub const TERM_1: &str = "term_1";
pub const TERM_2: &str = "term_2";
pub const TERM_A: &str = "term_a";
pub const TERM_B: &str = "term_b";
pub const LABEL_A: &str = "label_a";
pub const LABEL_B: &str = "label_b";
pub const PMI: &str = "pmi";
pub const NPMI: &str = "npmi";
pub const LOG_LIKELIHOOD: &str = "log_likelihood";
pub const T_SCORE: &str = "t_score";
pub const CHI2: &str = "chi2";
pub const DICE: &str = "dice";
pub const LOG_DICE: &str = "log_dice";
pub const FOCUS: &str = "focus";
pub const COLLOCATE: &str = "collocate";
pub const PHRASE: &str = "phrase";

pub const GROUP_BY: &str = "group_by";
pub const TARGET: &str = "target";
pub const REFERENCE: &str = "reference";
pub const COUNT_TARGET: &str = "count_target";
pub const COUNT_REFERENCE: &str = "count_reference";
pub const PER_10K_TARGET: &str = "per_10k_target";
pub const PER_10K_REFERENCE: &str = "per_10k_reference";
pub const P_VALUE: &str = "p_value";
pub const LOG_RATIO: &str = "log_ratio";
pub const PERCENT_DIFF: &str = "percent_diff";
pub const RANGE_TARGET: &str = "range_target";
pub const SIGNIFICANT: &str = "significant";

pub const DOC_A: &str = "doc_a";
pub const DOC_B: &str = "doc_b";
pub const GROUP_A: &str = "group_a";
pub const GROUP_B: &str = "group_b";
pub const COSINE: &str = "cosine";
pub const JACCARD: &str = "jaccard";

pub const LEFT: &str = "left";
pub const KEYWORD: &str = "keyword";
pub const RIGHT: &str = "right";

pub const GROUP: &str = "group";
pub const RANGE: &str = "range";
pub const DP: &str = "dp";
pub const DP_NORM: &str = "dp_norm";

pub const TTR: &str = "ttr";
pub const MATTR: &str = "mattr";
pub const MATTR_SHORT: &str = "mattr_short";
pub const MTLD: &str = "mtld";
pub const YULES_K: &str = "yules_k";
pub const HERDAN_C: &str = "herdan_c";
pub const GUIRAUD: &str = "guiraud";
pub const STTR: &str = "sttr";
pub const MEAN_SENTENCE_LENGTH: &str = "mean_sentence_length";
pub const SYLLABLES_PER_WORD: &str = "syllables_per_word";
pub const FLESCH_READING_EASE: &str = "flesch_reading_ease";
pub const FLESCH_KINCAID_GRADE: &str = "flesch_kincaid_grade";

pub const PERIOD: &str = "period";
pub const PERIOD_START: &str = "period_start";
pub const PERIOD_TOKENS: &str = "period_tokens";
