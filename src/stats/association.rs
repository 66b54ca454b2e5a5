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
//!
//! G2 near independence is a small number made of large ones: summed as O * ln(O / E) over
//! the cells it is a difference of logarithms that cancel to a few digits, and the last printed
//! digits were noise. [`g2`] takes every cell's O - E exactly instead (all four are plus or
//! minus (n11 * n22 - n12 * n21) / N, the cross products split without rounding) and sums
//! O * ln(O / E) - (O - E), each term non-negative and, near O = E, computed from a series that
//! starts at (O - E)^2 / (O + E). The result is within 1e-14 of the exact G2, relative, at
//! any distance from independence (within 5e-16 on the tables of the tests).

/// A 2x2 table of a pair (x, y) in marginal notation. Invariants for meaningful scores:
/// `0 < n_ii <= min(n_ix, n_xi)` and `n_ix + n_xi - n_ii <= n_xx`.
///
/// A table built from counts also keeps its joint count whole: `n_ii = joint / spread`, where
/// `spread` is the number of positions a windowed count is spread over (2w), 1 otherwise.
/// Multiplied by `spread` the cells are whole numbers, exact in f64, and G2 is taken there.
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
    /// `n_ii * spread`: the joint count as counted, a whole number for counts.
    joint: f64,
    /// The number of positions the joint count is spread over: 2w in a window, else 1.
    spread: f64,
}

impl Contingency {
    /// The table of a joint count `n_ii` (whole or not) and the margins.
    pub fn new(n_ii: f64, n_ix: f64, n_xi: f64, n_xx: f64) -> Contingency {
        Contingency::spread_over(n_ii, 1.0, n_ix, n_xi, n_xx)
    }

    /// The table of a joint count spread over `spread` positions, n_ii = joint / spread (a
    /// window of w words on each side counts a pair once per position pair; NLTK's convention
    /// spreads that over the 2w positions). Keeping `joint` whole keeps G2 exact.
    pub fn spread_over(joint: f64, spread: f64, n_ix: f64, n_xi: f64, n_xx: f64) -> Contingency {
        Contingency {
            n_ii: joint / spread,
            n_ix,
            n_xi,
            n_xx,
            joint,
            spread,
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

    /// The cells times `spread`: whole numbers for a table of counts below 2^53, so exact,
    /// where [`Contingency::cells`] carries the rounding of a spread `n_ii` (count / 10 is not
    /// a binary fraction).
    fn whole_cells(&self) -> [[f64; 2]; 2] {
        let k = self.spread;
        let (n_ii, n_ix, n_xi, n_xx) = (self.joint, k * self.n_ix, k * self.n_xi, k * self.n_xx);
        [
            [n_ii, n_ix - n_ii],
            [n_xi - n_ii, n_xx - n_ix - n_xi + n_ii],
        ]
    }

    /// Dunning's log-likelihood ratio G2 over the four cells, unsigned.
    pub fn log_likelihood(&self) -> f64 {
        // G2 is homogeneous of degree one: every cell times k multiplies it by k.
        g2(self.whole_cells()) / self.spread
    }

    /// Do the two occur together more often than independence predicts (n_ii above its
    /// expected value n_ix * n_xi / n_xx, i.e. pmi > 0)? G2 is large for avoidance too.
    /// Decided on the exact sign of n_ii * n_xx - n_ix * n_xi.
    pub fn attracts(&self) -> bool {
        cross_difference(&self.whole_cells()) > 0.0
    }

    /// G2 with the sign of the association: negative when the pair avoids each other.
    pub fn signed_log_likelihood(&self) -> f64 {
        signed_g2(self.whole_cells()) / self.spread
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
    let (rows, columns, n) = margins(observed);
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

/// Row totals, column totals and N of a 2x2 table. Each is summed in an order that swapping
/// the rows or the columns does not change, so a mirrored table gets bit-identical margins.
fn margins(observed: &[[f64; 2]; 2]) -> ([f64; 2], [f64; 2], f64) {
    let rows = [
        observed[0][0] + observed[0][1],
        observed[1][0] + observed[1][1],
    ];
    let columns = [
        observed[0][0] + observed[1][0],
        observed[0][1] + observed[1][1],
    ];
    (rows, columns, rows[0] + rows[1])
}

/// `a * b` as the rounded product and its rounding error, `a * b = product + error` exactly
/// (Dekker's two-product with a fused multiply-add).
fn two_product(a: f64, b: f64) -> (f64, f64) {
    let product = a * b;
    (product, a.mul_add(b, -product))
}

/// n11 * n22 - n12 * n21 of a 2x2 table: positive when the diagonal is over-represented
/// (attraction; in a keyness table, a word commoner in the target). Both products are split
/// exactly into value and error and the pieces subtracted apart (Cornea, Harrison and Tang's
/// scheme), which leaves at most 2 units in the last place of the result however close the
/// products are (Jeannerod 2016), where plain `a * d - b * c` can lose every digit. Mirroring
/// the table (swapping rows or columns) negates the result exactly.
fn cross_difference(observed: &[[f64; 2]; 2]) -> f64 {
    let (diagonal, diagonal_error) = two_product(observed[0][0], observed[1][1]);
    let (off_diagonal, off_diagonal_error) = two_product(observed[0][1], observed[1][0]);
    (diagonal - off_diagonal) + (diagonal_error - off_diagonal_error)
}

/// One cell's share of G2 / 2: O * ln(O / E) - (O - E), given `d` = O - E. The four cells'
/// d add up to 0, so the shares add up to the textbook sum of O * ln(O / E); unlike its
/// terms, every share is non-negative, and near O = E it comes from a series instead of a
/// difference of logarithms. 0 * ln 0 = 0 leaves E for an empty cell. Cells must be
/// non-negative; an impossible E <= 0 under O > 0 contributes nothing.
fn deviance(o: f64, e: f64, d: f64) -> f64 {
    if o <= 0.0 {
        return e.max(0.0);
    }
    if e <= 0.0 {
        return 0.0;
    }
    let v = d / (o + e);
    if v.abs() < 0.1 {
        deviance_near_expected(o, d, v)
    } else {
        // O / E is at least 1.22 or at most 0.82 here: the logarithm keeps its digits and
        // the subtraction loses at most one.
        o * (o / e).ln() - d
    }
}

/// 1/3, 1/5, ..., 1/17: the coefficients of (atanh(v) - v) / v^3 as a polynomial in v^2.
const ODD_RECIPROCALS: [f64; 8] = [
    1.0 / 3.0,
    1.0 / 5.0,
    1.0 / 7.0,
    1.0 / 9.0,
    1.0 / 11.0,
    1.0 / 13.0,
    1.0 / 15.0,
    1.0 / 17.0,
];

/// O * ln(O / E) - (O - E) for |v| < 0.1, v = (O - E) / (O + E), as Loader's bd0 (R's
/// dbinom): ln(O / E) = 2 atanh(v) = 2 (v + v^3 / 3 + v^5 / 5 + ...) and 2 O v - (O - E) =
/// (O - E) v, so the share is (O - E) v + 2 O v^3 (1/3 + v^2 / 5 + ...). The first term is
/// exact up to two roundings given an exact O - E, and the rest adds at most |v| / 3 of it,
/// so the share keeps full precision. The series stops where the next term would be below
/// 1e-18 of the share: after v^17 / 17 up to |v| = 0.1, after v^7 / 7 below |v| = 0.001
/// (most cells of a large table). A fixed polynomial, not a loop until the sum stops
/// changing: G2 is computed for millions of pairs, and this halves its extra cost.
fn deviance_near_expected(o: f64, d: f64, v: f64) -> f64 {
    let v_squared = v * v;
    let terms = if v.abs() < 1e-3 {
        3
    } else {
        ODD_RECIPROCALS.len()
    };
    let tail = ODD_RECIPROCALS[..terms]
        .iter()
        .rev()
        .fold(0.0, |sum, &c| sum * v_squared + c);
    d * v + 2.0 * o * v * v_squared * tail
}

/// G2 of a 2x2 table signed by [`cross_difference`]: negative when the diagonal cells are
/// rarer than independence predicts. See [`g2`].
fn signed_g2(observed: [[f64; 2]; 2]) -> f64 {
    let (_, _, n) = margins(&observed);
    if n <= 0.0 {
        return 0.0;
    }
    let expected = expected(&observed);
    // Every cell is D = (n11 * n22 - n12 * n21) / N above its expected count on the diagonal
    // and D below it off the diagonal.
    let excess = cross_difference(&observed) / n;
    let share = |i: usize, j: usize, d: f64| deviance(observed[i][j], expected[i][j], d);
    // Paired by diagonal, so that a mirrored table sums the same numbers in the same order.
    let sum =
        (share(0, 0, excess) + share(1, 1, excess)) + (share(0, 1, -excess) + share(1, 0, -excess));
    // Also keeps -0.0 and NaN (cells that are not numbers) out of tables.
    let g2 = if sum > 0.0 { 2.0 * sum } else { 0.0 };
    if excess < 0.0 && g2 > 0.0 {
        -g2
    } else {
        g2
    }
}

/// G2 = 2 * sum over the four cells of O * ln(O / E), E = row total * column total / N, with
/// 0 * ln 0 = 0: the full 4-term log-likelihood (Dunning 1993). Unsigned; a caller that
/// wants a direction signs it. Cells must be non-negative counts. Never negative: 0 for an
/// independent table.
///
/// Computed without the cancellation of that sum near independence (see the module docs):
/// O - E exactly, then the non-negative shares of [`deviance`]. Relative error below 1e-14
/// for whole-number cells below 2^53 (any other cells: the same for the doubles
/// given, whose own rounding it cannot undo).
pub fn g2(observed: [[f64; 2]; 2]) -> f64 {
    signed_g2(observed).abs()
}

/// Keyness G2 of a word with `a` occurrences in a target of `c` tokens and `b` in a reference
/// of `d` tokens: G2 of the table [[a, b], [c - a, d - b]], negative when the word is rarer
/// in the target (a/c < b/d, decided exactly). No continuity correction, as AntConc's default.
pub fn keyness_g2(a: f64, b: f64, c: f64, d: f64) -> f64 {
    signed_g2([[a, b], [c - a, d - b]])
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

    /// G2 near and far from independence against 50-digit values (mpmath, exact rational
    /// cells: bench/g2_reference.py prints them; here the nearest doubles). The bound 1e-12
    /// is a million times finer than a unit in the sixth printed digit (at least 1e-6 of the
    /// value), so a printed digit can only come out wrong for a value within 1e-12 of a
    /// rounding boundary. The old sum of O * ln(O / E) was 5e-4 off on (constitut, countri),
    /// 0 for "pair near 1" and 25 times the exact value on the 1e10-token window.
    #[test]
    fn g2_matches_50_digit_values_near_and_far_from_independence() {
        let pair = |n_ii: f64, n_ix: f64, n_xi: f64, n_xx: f64| {
            Contingency::new(n_ii, n_ix, n_xi, n_xx).log_likelihood()
        };
        let window = |count: f64, spread: f64, n_ix: f64, n_xi: f64, n_xx: f64| {
            Contingency::spread_over(count, spread, n_ix, n_xi, n_xx).log_likelihood()
        };
        let cases = [
            // (constitut, countri) on the 13 Security Council meetings: count 7, w = 5.
            (
                "constitut countri",
                window(7.0, 10.0, 126.0, 732.0, 131_803.0),
                7.500896862401915e-08,
            ),
            (
                "window 3/10",
                window(3.0, 10.0, 40.0, 1000.0, 133_333.0),
                1.8897420103347384e-12,
            ),
            (
                "window 1234/4",
                window(1234.0, 4.0, 8000.0, 20_000.0, 518_000.0),
                0.0004948928525046573,
            ),
            (
                "window 5/2",
                window(5.0, 2.0, 7.0, 4.0, 40.0),
                4.678157669825517,
            ),
            (
                "pair near 1",
                pair(7.0, 2000.0, 3500.0, 1_000_001.0),
                7.038653967159671e-12,
            ),
            (
                "pair near 2",
                pair(50.0, 1000.0, 5000.0, 100_001.0),
                5.316247989563703e-09,
            ),
            (
                "keyness near",
                keyness_g2(1000.0, 1999.0, 100_000.0, 199_901.0),
                1.6848960786975656e-08,
            ),
            (
                "keyness near, small",
                keyness_g2(3.0, 7.0, 1000.0, 2331.0),
                -2.1087120253838738e-06,
            ),
            (
                "N 1e9",
                pair(1.0, 40_000.0, 25_000.0, 1_000_000_001.0),
                1.0000650018916812e-18,
            ),
            (
                "N 1e10, window",
                window(123_457.0, 10.0, 111_111.0, 1_111_111_111.0, 1e10),
                1.0125864675040137e-07,
            ),
            (
                "N 1e7 keyness",
                keyness_g2(5000.0, 5001.0, 5_000_000.0, 5_000_999.0),
                -1.000700970962751e-10,
            ),
            (
                "N 1e9, far",
                pair(5000.0, 100_000.0, 200_000.0, 1e9),
                45631.968689552225,
            ),
            ("K1", keyness_g2(7.0, 2.0, 10.0, 9.0), 4.534939332256224),
            (
                "Dunning's cells",
                g2([[10.0, 0.0], [3.0, 31_764.0]]),
                167.22980391051678,
            ),
            (
                "NLTK 110",
                pair(110.0, 2552.0, 221.0, 31_777.0),
                270.72187693623255,
            ),
            ("NLTK 8", pair(8.0, 13.0, 32.0, 31_777.0), 95.2857589409448),
            ("small N", pair(2.0, 2.0, 3.0, 96.0), 15.623759963055168),
            (
                "series edge, v = 0.091",
                pair(20.0, 100.0, 100.0, 600.0),
                0.9230865305851174,
            ),
            (
                "past the series edge, v = 0.115",
                pair(21.0, 100.0, 100.0, 600.0),
                1.5436247442833217,
            ),
        ];
        for (name, actual, exact) in cases {
            let relative = ((actual - exact) / exact).abs();
            assert!(
                relative < 1e-12,
                "{name}: {actual:e}, exact {exact:e}, relative error {relative:e}"
            );
        }
    }

    /// The cell share O ln(O/E) - (O - E) of the series, for O = E (1 + v) / (1 - v).
    fn share_by_series(v: f64) -> (f64, f64, f64) {
        let e = 1000.0;
        let o = e * (1.0 + v) / (1.0 - v);
        let d = o - e;
        (deviance_near_expected(o, d, d / (o + e)), o, e)
    }

    #[test]
    fn the_series_agrees_with_the_logarithm_where_they_meet() {
        // Near |v| = 0.1 the logarithm loses only a digit or two to the subtraction, so the
        // two forms must agree closely; a wrong coefficient would show as v^3 or more.
        for v in [0.0999, 0.05, 0.02, -0.02, -0.05, -0.0999] {
            let (series, o, e) = share_by_series(v);
            let logarithm = o * (o / e).ln() - (o - e);
            let relative = ((series - logarithm) / logarithm).abs();
            assert!(relative < 1e-12, "v = {v}: {series} vs {logarithm}");
        }
        // Below |v| = 0.001 (the short series) the logarithm is off by 2e-11 and the series
        // matches 50-digit arithmetic: O = 1001.9819621425212, E = 1000.
        let (series, _, _) = share_by_series(0.00099);
        let exact = 0.001962790669541132;
        assert!(((series - exact) / exact).abs() < 1e-15, "{series}");
    }

    #[test]
    fn the_sign_of_g2_is_exact_where_the_cross_products_round_alike() {
        // n_ii * n_xx = 3 * (2^53 - 1) is one more than n_ix * n_xi = 4 * 6755399441055743,
        // but both round to the same double: compared plainly, the pair looked independent.
        let (n_ix, n_xi, n_xx) = (4.0, 6_755_399_441_055_743.0, 9_007_199_254_740_991.0);
        let table = Contingency::new(3.0, n_ix, n_xi, n_xx);
        assert_eq!(3.0 * n_xx, n_ix * n_xi);
        assert!(table.attracts());
        assert!(table.signed_log_likelihood() > 0.0);
        // The same cells as a keyness table, and mirrored: exactly the other sign.
        let keyness = keyness_g2(3.0, 1.0, n_xi, n_xx - n_xi);
        assert!(keyness > 0.0);
        assert_eq!(keyness_g2(1.0, 3.0, n_xx - n_xi, n_xi), -keyness);
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
