//! The keyness measures beside G2, each a function of one term's 2x2 table (and, for the
//! log-odds, of the prior's counts):
//!
//! - `log_odds`, `log_odds_z`: Monroe, Colaresi & Quinn (2008) "Fightin' Words", the log-odds
//!   ratio with an informative Dirichlet prior ([`log_odds`]). The prior is the target and
//!   reference pooled (tidylo's empirical-Bayes choice), or a `--reference` corpus; its
//!   counts are multiplied by the prior scale s.
//! - `simple_maths`: Kilgarriff (2009), Sketch Engine's keyword score ([`simple_maths`]).
//! - `doc_log_likelihood`: text dispersion keyness (Egbert & Biber 2019), G2 with speeches in
//!   place of tokens; it is [`crate::stats::association::keyness_g2`] on speech counts, so it
//!   has no function here.
//!
//! `--rank-by` chooses which of them orders a target's listed terms ([`RankBy`]).

/// Where the log-odds' Dirichlet prior comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PriorSource {
    /// Target and reference together: alpha_w = s (a + b), alpha_0 = s (c + d).
    Pooled,
    /// The reference corpus alone: alpha_w = s b, alpha_0 = s d.
    Reference,
}

/// The options of the measures beside G2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct MeasureOptions {
    pub prior: PriorSource,
    /// s, the multiplier of the prior's counts (`--prior-scale`).
    pub prior_scale: f64,
    /// k of simple maths (`--smoothing`).
    pub smoothing: f64,
}

impl Default for MeasureOptions {
    fn default() -> MeasureOptions {
        MeasureOptions {
            prior: PriorSource::Pooled,
            prior_scale: 1.0,
            smoothing: 1.0,
        }
    }
}

/// The measure that orders the listed terms of each target (`--rank-by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RankBy {
    /// Signed G2 on token counts (the default).
    #[default]
    LogLikelihood,
    /// The z-score of the Fightin' Words log-odds.
    LogOddsZ,
    /// log2 of the ratio of relative frequencies.
    LogRatio,
    /// Kilgarriff's simple maths: over-used above 1, under-used below.
    SimpleMaths,
    /// G2 on speech counts (text dispersion keyness).
    DocLogLikelihood,
}

impl RankBy {
    /// The name `--rank-by` takes and the column of `keyness.csv` it orders by.
    pub fn name(self) -> &'static str {
        match self {
            RankBy::LogLikelihood => "log_likelihood",
            RankBy::LogOddsZ => "log_odds_z",
            RankBy::LogRatio => "log_ratio",
            RankBy::SimpleMaths => "simple_maths",
            RankBy::DocLogLikelihood => "doc_log_likelihood",
        }
    }

    /// How the measure reads in a chart's axis and captions.
    pub(crate) fn description(self) -> &'static str {
        match self {
            RankBy::LogLikelihood => "log-likelihood (G2), signed",
            RankBy::LogOddsZ => "log-odds z-score (Fightin' Words)",
            RankBy::LogRatio => "log ratio (log2 of the rates' ratio)",
            RankBy::SimpleMaths => "log2 of the simple maths score (0: as often as the reference)",
            RankBy::DocLogLikelihood => "log-likelihood on speech counts, signed",
        }
    }
}

/// The log-odds ratio of a term and its z-score: `a` of `c` tokens in the target, `b` of
/// `d` in the reference, `prior_w` of `prior_0` tokens in the prior corpus, scaled by `s`.
///
/// delta = ln((a + α_w) / (c + α_0 − a − α_w)) − ln((b + α_w) / (d + α_0 − b − α_w)),
/// var = 1 / (a + α_w) + 1 / (b + α_w), z = delta / sqrt(var), with α_w = s prior_w and
/// α_0 = s prior_0. NaN when α_w is 0 and a or b is too (a term the prior lacks).
pub(crate) fn log_odds(
    a: f64,
    b: f64,
    c: f64,
    d: f64,
    prior_w: f64,
    prior_0: f64,
    s: f64,
) -> (f64, f64) {
    let (alpha_w, alpha_0) = (s * prior_w, s * prior_0);
    let odds = |n: f64, size: f64| ((n + alpha_w) / (size + alpha_0 - n - alpha_w)).ln();
    let delta = odds(a, c) - odds(b, d);
    let variance = 1.0 / (a + alpha_w) + 1.0 / (b + alpha_w);
    (delta, delta / variance.sqrt())
}

/// Kilgarriff's simple maths: (fpm_target + k) / (fpm_reference + k), fpm the rate per
/// million tokens. 1 when both rates are 0.
pub(crate) fn simple_maths(a: f64, b: f64, c: f64, d: f64, k: f64) -> f64 {
    let per_million = |n: f64, size: f64| if size > 0.0 { n / size * 1e6 } else { 0.0 };
    (per_million(a, c) + k) / (per_million(b, d) + k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::association::keyness_g2;

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 5e-7,
            "{actual} is not {expected} to 6 decimals"
        );
    }

    /// STATISTICS.md's check F1: target a 3, b 1, c 1, d 0 (5 tokens); reference a 1, b 4,
    /// c 2, d 1 (8 tokens); the prior both together (13 tokens).
    #[test]
    fn fightin_words_check_f1() {
        let (target, reference) = ([3.0, 1.0, 1.0, 0.0], [1.0, 4.0, 2.0, 1.0]);
        let of = |term: usize, s: f64| {
            let (a, b) = (target[term], reference[term]);
            log_odds(a, b, 5.0, 8.0, a + b, 13.0, s)
        };
        let expected = [
            (0, 1.0, 0.711166, 1.214547),
            (1, 1.0, -0.405465, -0.769316),
            (3, 1.0, -0.581922, -0.475137),
            (0, 0.1, 1.889455, 1.881566),
        ];
        for (term, s, delta, z) in expected {
            let (got_delta, got_z) = of(term, s);
            close(got_delta, delta);
            close(got_z, z);
        }
    }

    #[test]
    fn simple_maths_check() {
        close(simple_maths(10.0, 20.0, 10_000.0, 100_000.0, 1.0), 4.980100);
        close(
            simple_maths(10.0, 20.0, 10_000.0, 100_000.0, 100.0),
            3.666667,
        );
    }

    /// Text dispersion keyness: G2 on (speeches of the target with the term, of the
    /// reference, speeches of the target, of the reference).
    #[test]
    fn text_dispersion_keyness_check() {
        close(keyness_g2(8.0, 10.0, 10.0, 90.0), 21.480872);
    }

    /// A term absent from the target is under-used by the log-odds whatever the sizes, and
    /// its z grows in size with its reference count: why the absent terms worth scoring are
    /// the reference's most frequent, as for G2.
    #[test]
    fn an_absent_term_s_z_is_negative_and_grows_with_its_reference_count() {
        for (c, d) in [(10.0, 1_000_000.0), (5_000.0, 50.0), (300.0, 300.0)] {
            for (prior, s) in [(PriorSource::Pooled, 1.0), (PriorSource::Reference, 0.1)] {
                let z = |b: f64| {
                    let prior_0 = match prior {
                        PriorSource::Pooled => c + d,
                        PriorSource::Reference => d,
                    };
                    log_odds(0.0, b, c, d, b, prior_0, s).1
                };
                let zs: Vec<f64> = [1.0, 2.0, 5.0, 20.0, 40.0].iter().map(|&b| z(b)).collect();
                assert!(zs.iter().all(|&z| z < 0.0), "{zs:?}");
                assert!(zs.windows(2).all(|w| w[1] < w[0]), "{zs:?}");
            }
        }
    }
}
