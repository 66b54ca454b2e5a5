//! Association scores of a 2x2 contingency table: how much more often two events occur together
//! than chance predicts. Collocations and co-occurrences score word pairs with them; keyness
//! reuses [`g2`] and [`pearson_chi2`] on its target/reference table.
//!
//! A pair table is given in NLTK's marginal notation (`BigramAssocMeasures`): `n_ii` = joint
//! count, `n_ix` and `n_xi` = the two marginal counts, `n_xx` = the total. Its cells are
//! `[[n_ii, n_ix - n_ii], [n_xi - n_ii, n_xx - n_ix - n_xi + n_ii]]`. Every score follows NLTK
//! (nltk.metrics.association), docs/statistics.md gives the project's own account:
//!
//! - `pmi` = log2(n_ii * n_xx / (n_ix * n_xi)) (Church & Hanks 1990).
//! - `npmi` = pmi / -log2(n_ii / n_xx), in [-1, 1] (Bouma 2009).
//! - `log_likelihood` = G2 = 2 * sum over the 4 cells of O * ln(O / E), 0 * ln 0 = 0: the full
//!   "4-term" G2 of Dunning 1993, as NLTK, AntConc's default and quanteda without correction
//!   (UCREL's calculator uses 2 terms and gives smaller values). Unsigned here.
//! - `t_score` = (n_ii - n_ix * n_xi / n_xx) / sqrt(n_ii) (Church et al. 1991).
//! - `chi2` = n_xx * phi^2, Pearson's chi-square without Yates' correction.
//! - `dice` = 2 * n_ii / (n_ix + n_xi); `log_dice` = 14 + log2(dice) (Rychlý 2008).
//!
//! Counts are f64 because windowed co-occurrence spreads one pair over 2w positions, which
//! makes `n_ii` fractional.

/// A 2x2 table of a pair (x, y) in marginal notation. Invariants for meaningful scores:
/// `0 < n_ii <= min(n_ix, n_xi)` and `n_ix + n_xi - n_ii <= n_xx`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contingency {
    /// Joint count: how often x and y occur together.
    pub n_ii: f64,
    /// Count of x (with or without y).
    pub n_ix: f64,
    /// Count of y (with or without x).
    pub n_xi: f64,
    /// Total of the table: every unit that could hold x or y.
    pub n_xx: f64,
}

impl Contingency {
    pub fn new(n_ii: f64, n_ix: f64, n_xi: f64, n_xx: f64) -> Contingency {
        Contingency {
            n_ii,
            n_ix,
            n_xi,
            n_xx,
        }
    }

    /// The four cells `[[n_ii, n_io], [n_oi, n_oo]]` (o = "not").
    pub fn cells(&self) -> [[f64; 2]; 2] {
        [
            [self.n_ii, self.n_ix - self.n_ii],
            [
                self.n_xi - self.n_ii,
                self.n_xx - self.n_ix - self.n_xi + self.n_ii,
            ],
        ]
    }

    /// Pointwise mutual information in bits. Minus infinity when `n_ii` = 0.
    pub fn pmi(&self) -> f64 {
        // Two logs, as NLTK, so the last digits agree with it.
        (self.n_ii * self.n_xx).log2() - (self.n_ix * self.n_xi).log2()
    }

    /// Normalised PMI: 1 when x and y only occur together, 0 when independent, -1 in the limit
    /// of never together. When the pair fills every unit (`n_ii` = `n_xx`) the ratio is 0/0;
    /// that is the "only together" case, so it is 1.
    pub fn npmi(&self) -> f64 {
        let self_information = -(self.n_ii / self.n_xx).log2();
        if self_information > 0.0 {
            self.pmi() / self_information
        } else {
            1.0
        }
    }

    /// Dunning's log-likelihood ratio G2 over the four cells, unsigned.
    pub fn log_likelihood(&self) -> f64 {
        g2(self.cells())
    }

    /// Do the two occur together more often than independence predicts (n_ii above its
    /// expected value n_ix * n_xi / n_xx, i.e. pmi > 0)? G2 is large for avoidance too.
    pub fn attracts(&self) -> bool {
        self.n_ii * self.n_xx > self.n_ix * self.n_xi
    }

    /// G2 with the sign of the association: negative when the pair avoids each other.
    pub fn signed_log_likelihood(&self) -> f64 {
        if self.attracts() {
            self.log_likelihood()
        } else {
            -self.log_likelihood()
        }
    }

    /// Observed minus expected joint count, over the square root of the observed. Requires
    /// `n_ii` > 0 (a scored pair has been seen).
    pub fn t_score(&self) -> f64 {
        (self.n_ii - self.n_ix * self.n_xi / self.n_xx) / self.n_ii.sqrt()
    }

    /// Pearson's chi-square as `n_xx * phi^2`, no continuity correction; 0 when a margin is
    /// empty or full (phi is then undefined and there is nothing to test).
    pub fn chi2(&self) -> f64 {
        let [[n_ii, n_io], [n_oi, n_oo]] = self.cells();
        let denominator = (n_ii + n_io) * (n_ii + n_oi) * (n_io + n_oo) * (n_oi + n_oo);
        if denominator == 0.0 {
            return 0.0;
        }
        let phi_squared = (n_ii * n_oo - n_io * n_oi).powi(2) / denominator;
        self.n_xx * phi_squared
    }

    /// Dice coefficient, in [0, 1].
    pub fn dice(&self) -> f64 {
        2.0 * self.n_ii / (self.n_ix + self.n_xi)
    }

    /// 14 + log2(dice): at most 14, independent of corpus size (Rychlý 2008).
    pub fn log_dice(&self) -> f64 {
        14.0 + self.dice().log2()
    }
}

/// Expected counts of a 2x2 table under independence: row total * column total / N.
fn expected(observed: &[[f64; 2]; 2]) -> [[f64; 2]; 2] {
    let rows = [
        observed[0][0] + observed[0][1],
        observed[1][0] + observed[1][1],
    ];
    let columns = [
        observed[0][0] + observed[1][0],
        observed[0][1] + observed[1][1],
    ];
    let n = rows[0] + rows[1];
    let mut out = [[0.0; 2]; 2];
    if n > 0.0 {
        for (i, row) in out.iter_mut().enumerate() {
            for (j, cell) in row.iter_mut().enumerate() {
                *cell = rows[i] * columns[j] / n;
            }
        }
    }
    out
}

/// G2 = 2 * sum over the four cells of O * ln(O / E), E = row total * column total / N, with
/// 0 * ln 0 = 0: the full 4-term log-likelihood (Dunning 1993). Unsigned; a caller that
/// wants a direction signs it. Cells must be non-negative counts (a cell at or below 0
/// contributes nothing). Never negative: rounding below zero on an independent table gives 0.
pub fn g2(observed: [[f64; 2]; 2]) -> f64 {
    let expected = expected(&observed);
    let mut sum = 0.0;
    for (o_row, e_row) in observed.iter().zip(&expected) {
        for (&o, &e) in o_row.iter().zip(e_row) {
            // E = 0 forces O = 0 for non-negative cells, so the guard on O covers both.
            if o > 0.0 && e > 0.0 {
                sum += o * (o / e).ln();
            }
        }
    }
    // Also keeps -0.0 out of tables.
    if sum > 0.0 {
        2.0 * sum
    } else {
        0.0
    }
}

/// Keyness G2 of a word with `a` occurrences in a target of `c` tokens and `b` in a reference
/// of `d` tokens: G2 of the table [[a, b], [c - a, d - b]], negative when the word is rarer
/// in the target (a/c < b/d). No continuity correction, as AntConc's default.
pub fn keyness_g2(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let g2 = g2([[a, b], [c - a, d - b]]);
    if a * d < b * c {
        -g2
    } else {
        g2
    }
}

/// Pearson's chi-square of a 2x2 table, sum of (O - E)^2 / E, without Yates' correction.
/// Unsigned; 0 when a row or column is empty (cells with E = 0 contribute nothing).
pub fn pearson_chi2(observed: [[f64; 2]; 2]) -> f64 {
    let expected = expected(&observed);
    let mut sum = 0.0;
    for (o_row, e_row) in observed.iter().zip(&expected) {
        for (&o, &e) in o_row.iter().zip(e_row) {
            if e > 0.0 {
                sum += (o - e).powi(2) / e;
            }
        }
    }
    sum
}

/// The probability that a chi-square variable with one degree of freedom exceeds `x`: the
/// p-value of a G2 or chi-square statistic of a 2x2 table. P(X > x) = erfc(sqrt(x / 2)).
pub fn p_value_1df(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    libm::erfc((x.max(0.0) / 2.0).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attraction_and_avoidance_have_the_same_g2_and_opposite_signs() {
        // "united nations" in the preamble: 2 together, 2 and 3 apart, 96 tokens.
        let attracting = Contingency::new(2.0, 2.0, 3.0, 96.0);
        assert!(attracting.attracts() && attracting.pmi() > 0.0);
        assert_eq!(
            attracting.signed_log_likelihood(),
            attracting.log_likelihood()
        );
        // 1 together where 7 * 7 / 14 = 3.5 are expected.
        let avoiding = Contingency::new(1.0, 7.0, 7.0, 14.0);
        assert!(!avoiding.attracts() && avoiding.pmi() < 0.0);
        assert!(avoiding.log_likelihood() > 0.0);
        assert_eq!(avoiding.signed_log_likelihood(), -avoiding.log_likelihood());
    }

    #[test]
    fn p_values_are_the_chi_square_upper_tail() {
        // STATISTICS.md K1: p(G2 = 4.534939) = 0.033210; the textbook 3.841459 is p = 0.05.
        assert!((p_value_1df(4.534939) - 0.033210).abs() < 5e-7);
        assert!((p_value_1df(3.841459) - 0.05).abs() < 1e-7);
        assert_eq!(p_value_1df(0.0), 1.0);
        assert!(p_value_1df(200.0) > 0.0 && p_value_1df(200.0) < 1e-40);
    }

    #[test]
    fn keyness_g2_matches_the_worked_numbers_and_is_signed() {
        // STATISTICS.md K1, K3, K4, K5 (a, b, c, d).
        let cases = [
            ((7.0, 2.0, 10.0, 9.0), 4.534939),
            ((100.0, 50.0, 10_000.0, 20_000.0), 69.691919),
            ((10.0, 0.0, 10_000.0, 20_000.0), 21.978915),
            ((3.0, 7.0, 10.0, 9.0), -4.534939),
        ];
        for ((a, b, c, d), expected) in cases {
            let g2 = keyness_g2(a, b, c, d);
            assert!((g2 - expected).abs() < 5e-7, "{a} {b} {c} {d}: {g2}");
            // Target and reference swapped: the same magnitude, the other sign.
            assert_eq!(keyness_g2(b, a, d, c), -g2);
        }
    }

    fn table(n_ii: f64, (n_ix, n_xi): (f64, f64), n_xx: f64) -> Contingency {
        Contingency::new(n_ii, n_ix, n_xi, n_xx)
    }

    /// Checks `actual` against a value printed with `decimals` decimals.
    fn assert_printed(actual: f64, printed: f64, decimals: i32) {
        let tolerance = 0.5 * 10f64.powi(-decimals);
        assert!(
            (actual - printed).abs() < tolerance,
            "{actual} is not {printed} to {decimals} decimals"
        );
    }

    #[test]
    fn scores_match_the_worked_numbers_of_statistics_md() {
        type Score = fn(&Contingency) -> f64;
        let cases: [(&str, Contingency, Score, f64, i32); 6] = [
            (
                "likelihood_ratio",
                table(110.0, (2552.0, 221.0), 31777.0),
                Contingency::log_likelihood,
                270.72,
                2,
            ),
            (
                "likelihood_ratio",
                table(8.0, (13.0, 32.0), 31777.0),
                Contingency::log_likelihood,
                95.29,
                2,
            ),
            (
                "student_t",
                table(20.0, (42.0, 20.0), 14307668.0),
                Contingency::t_score,
                4.4721,
                4,
            ),
            (
                "pmi",
                table(20.0, (42.0, 20.0), 14307668.0),
                Contingency::pmi,
                18.38,
                2,
            ),
            (
                "chi_sq",
                table(59.0, (67.0, 65.0), 571007.0),
                Contingency::chi2,
                456400.0,
                0,
            ),
            (
                "dice",
                table(20.0, (42.0, 20.0), 14307668.0),
                Contingency::dice,
                0.645161,
                6,
            ),
        ];
        for (name, t, score, printed, decimals) in cases {
            let actual = score(&t);
            assert!(
                (actual - printed).abs() < 0.5 * 10f64.powi(-decimals),
                "{name}{t:?} = {actual}, expected {printed}"
            );
        }
    }

    #[test]
    fn scores_match_nltks_own_doctest_numbers() {
        let t = table(8.0, (15828.0, 4675.0), 14307668.0);
        assert_printed(t.t_score(), 0.9999, 4);
        assert_printed(t.chi2(), 1.55, 2);
        assert_printed(table(20.0, (15019.0, 15629.0), 14307668.0).pmi(), 0.29, 2);
    }

    #[test]
    fn g2_and_chi2_of_a_keyness_table_match_k1() {
        // K1 (a, b, c, d) = (7, 2, 10, 9) as the table [[a, b], [c - a, d - b]].
        let (a, b, c, d) = (7.0, 2.0, 10.0, 9.0);
        let observed = [[a, b], [c - a, d - b]];
        assert_printed(g2(observed), 4.534939, 6);
        assert_printed(pearson_chi2(observed), 4.337160, 6);
    }

    #[test]
    fn g2_of_dunnings_cells_is_167_23() {
        // Dunning 1993's example gives the four cells themselves, not (a, b, c, d).
        let observed = [[10.0, 0.0], [3.0, 31764.0]];
        assert_printed(g2(observed), 167.23, 2);
    }

    #[test]
    fn chi2_from_phi_equals_pearson_on_the_cells() {
        for t in [
            table(110.0, (2552.0, 221.0), 31777.0),
            table(1.0, (1.0, 2.0), 96.0),
            table(2.5, (7.0, 4.0), 40.0),
        ] {
            assert!((t.chi2() - pearson_chi2(t.cells())).abs() < 1e-6 * t.chi2());
        }
    }

    #[test]
    fn independent_tables_score_zero() {
        let t = table(1.0, (10.0, 10.0), 100.0);
        assert_eq!(t.pmi(), 0.0);
        assert_eq!(t.npmi(), 0.0);
        assert_eq!(t.log_likelihood(), 0.0);
        assert_eq!(t.t_score(), 0.0);
        assert_eq!(t.chi2(), 0.0);
    }

    #[test]
    fn degenerate_tables_give_finite_documented_values() {
        // x and y in every unit: npmi is "only together", chi2 has nothing to test.
        let everywhere = table(3.0, (3.0, 3.0), 3.0);
        assert_eq!(everywhere.npmi(), 1.0);
        assert_eq!(everywhere.chi2(), 0.0);
        assert_eq!(everywhere.log_likelihood(), 0.0);
        assert_eq!(pearson_chi2([[0.0, 0.0], [0.0, 0.0]]), 0.0);
        assert_eq!(g2([[0.0, 0.0], [0.0, 0.0]]), 0.0);
        // Only together: npmi = 1, log_dice = 14.
        let only_together = table(2.0, (2.0, 2.0), 10.0);
        assert!((only_together.npmi() - 1.0).abs() < 1e-12);
        assert_eq!(only_together.log_dice(), 14.0);
    }
}
