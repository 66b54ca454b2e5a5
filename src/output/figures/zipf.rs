//! `zipf.png`: the terms' frequencies against their rank, both on log scales, with the
//! least-squares line of log10(count) on log10(rank) over ranks [`FIT_FROM`] to [`FIT_TO`]
//! (the head, a few function-like words, and the long tail of hapaxes bend away from a power
//! law), its slope and R-squared in the legend. Zipf's law predicts a slope near -1.

use crate::output::charts::theme::format_number;
use crate::output::charts::{Fit, LogLogChart};
use crate::stats::counts::CountTables;

/// First rank of the fit.
pub(crate) const FIT_FROM: usize = 10;
/// Last rank of the fit (or the last rank, if fewer).
pub(crate) const FIT_TO: usize = 1_000;

/// The rank-frequency chart of the counted terms.
pub(crate) fn figure(counts: &CountTables, stemmed: bool) -> LogLogChart {
    let mut frequencies: Vec<u64> = counts
        .counted_terms()
        .map(|t| counts.term_count[t as usize])
        .collect();
    frequencies.sort_unstable_by(|a, b| b.cmp(a));
    let points: Vec<(f64, f64)> = frequencies
        .iter()
        .enumerate()
        .map(|(i, &f)| ((i + 1) as f64, f as f64))
        .collect();
    let to = FIT_TO.min(points.len());
    let fit = (to >= FIT_FROM + 2).then(|| {
        let (slope, intercept, r2) = least_squares(&points[FIT_FROM - 1..to]);
        Fit {
            slope,
            intercept,
            x_from: FIT_FROM as f64,
            x_to: to as f64,
            legend: format!(
                "least squares over ranks {FIT_FROM}-{}: slope {:.2}, R² {:.3}",
                format_number(to as f64, 0),
                slope,
                r2
            ),
        }
    });
    let unit = if stemmed {
        "terms (stems)"
    } else {
        "word forms"
    };
    LogLogChart {
        title: "Rank and frequency of terms (Zipf)".into(),
        subtitle: format!(
            "{} {unit}, stopwords left out; both axes logarithmic",
            format_number(points.len() as f64, 0)
        ),
        x_label: "rank".into(),
        y_label: "occurrences".into(),
        points,
        fit,
    }
}

/// Slope, intercept and R-squared of log10(y) on log10(x).
fn least_squares(points: &[(f64, f64)]) -> (f64, f64, f64) {
    let logs: Vec<(f64, f64)> = points
        .iter()
        .map(|&(x, y)| (x.log10(), y.log10()))
        .collect();
    let n = logs.len() as f64;
    let mean_x = logs.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = logs.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = logs.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = logs.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let syy: f64 = logs.iter().map(|p| (p.1 - mean_y).powi(2)).sum();
    let slope = sxy / sxx;
    let r2 = if syy > 0.0 {
        sxy * sxy / (sxx * syy)
    } else {
        1.0
    };
    (slope, mean_y - slope * mean_x, r2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_power_law_has_its_slope_and_r_squared_one() {
        let points: Vec<(f64, f64)> = (1..=100).map(|r| (r as f64, 1e6 / r as f64)).collect();
        let (slope, intercept, r2) = least_squares(&points);
        assert!((slope + 1.0).abs() < 1e-12);
        assert!((intercept - 6.0).abs() < 1e-9);
        assert!((r2 - 1.0).abs() < 1e-12);
    }
}
