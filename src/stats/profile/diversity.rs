//! Lexical diversity: how varied a speech's vocabulary is, on its lowercased word forms,
//! stopwords included (N = tokens, V = distinct forms).
//!
//! - `ttr` = V / N; `guiraud` = V / sqrt(N); `herdan_c` = ln V / ln N (natural logs; the ratio
//!   is the same in any base, so it equals quanteda's log10 version).
//! - `yules_k` = 10^4 x (sum over i of V(i) x (i / N)^2 - 1 / N), V(i) = forms seen i times
//!   (Yule 1944, as quanteda.textstats and koRpus).
//! - `mattr`: the mean TTR of every window of `window` consecutive tokens (Covington & McFall
//!   2010), computed by sliding the window, O(N). A speech shorter than the window gets its
//!   plain TTR and `mattr_short` (never a window shrunk for every speech, as quanteda does).
//! - `mtld` (McCarthy & Jarvis 2010): reading forwards, a factor ends when the running TTR of
//!   the current stretch drops below 0.72, and the stretch starts again; the stretch left at
//!   the end counts as (1 - TTR) / (1 - 0.72) of a factor; MTLD for the direction is
//!   N / factors. The same backwards, and MTLD is the mean of the two directions: the paper's
//!   definition, as Kyle's lexical_diversity (without its minimum factor length) and
//!   lexicalrichness compute it. koRpus instead divides N by the mean of the two factor
//!   counts, which gives slightly lower values (45.404750 against 46.934542 on the UN Charter
//!   preamble). Undefined (empty) when no factor at all is counted.

use crate::text::FormId;

/// The MTLD threshold of McCarthy & Jarvis (2010).
pub(crate) const MTLD_THRESHOLD: f64 = 0.72;

/// The diversity measures of one speech.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Diversity {
    pub ttr: Option<f64>,
    pub mattr: Option<f64>,
    /// The speech is shorter than the MATTR window: `mattr` is its plain TTR.
    pub mattr_short: bool,
    pub mtld: Option<f64>,
    pub yules_k: Option<f64>,
    pub herdan_c: Option<f64>,
    pub guiraud: Option<f64>,
}

/// Per-thread scratch: a count per form, reset by the list of forms touched.
pub(crate) struct Scratch {
    counts: Vec<u32>,
    touched: Vec<FormId>,
}

impl Scratch {
    pub fn new(n_forms: usize) -> Scratch {
        Scratch {
            counts: vec![0; n_forms],
            touched: Vec::new(),
        }
    }

    /// Adds one occurrence of `form`; returns its count before.
    fn add(&mut self, form: FormId) -> u32 {
        let count = &mut self.counts[form as usize];
        if *count == 0 {
            self.touched.push(form);
        }
        *count += 1;
        *count - 1
    }

    /// Removes one occurrence of `form`; returns its count after.
    fn remove(&mut self, form: FormId) -> u32 {
        let count = &mut self.counts[form as usize];
        *count -= 1;
        *count
    }

    /// Counts `form`; true when it is new since the last [`Scratch::forget`].
    pub fn count_once(&mut self, form: FormId) -> bool {
        self.add(form) == 0
    }

    /// Forgets every form counted.
    pub fn forget(&mut self) {
        self.clear();
    }

    fn clear(&mut self) {
        for &form in &self.touched {
            self.counts[form as usize] = 0;
        }
        self.touched.clear();
    }
}

/// Every measure of one speech's tokens.
pub(crate) fn diversity(forms: &[FormId], window: usize, scratch: &mut Scratch) -> Diversity {
    let n = forms.len();
    if n == 0 {
        return Diversity {
            ttr: None,
            mattr: None,
            mattr_short: false,
            mtld: None,
            yules_k: None,
            herdan_c: None,
            guiraud: None,
        };
    }
    // Frequency spectrum: V(i) for each count i, from the counts of the forms.
    for &form in forms {
        scratch.add(form);
    }
    let v = scratch.touched.len();
    let n_f = n as f64;
    // Yule's K as 10^4 x (sum of i^2 V(i) - N) / N^2: the difference in integers, so a speech
    // of distinct words gets exactly 0, not a rounding error of 1e-13.
    let sum_squares: u128 = scratch
        .touched
        .iter()
        .map(|&form| u128::from(scratch.counts[form as usize]).pow(2))
        .sum();
    let yules_k = 1e4 * (sum_squares - n as u128) as f64 / (n_f * n_f);
    scratch.clear();
    let ttr = v as f64 / n_f;
    let (mattr, mattr_short) = if n < window || window == 0 {
        (ttr, true)
    } else {
        (moving_average_ttr(forms, window, scratch), false)
    };
    Diversity {
        ttr: Some(ttr),
        mattr: Some(mattr),
        mattr_short,
        mtld: mtld(forms, scratch),
        yules_k: Some(yules_k),
        herdan_c: (n > 1).then(|| (v as f64).ln() / n_f.ln()),
        guiraud: Some(v as f64 / n_f.sqrt()),
    }
}

/// The mean TTR of every window of `window` tokens (`forms.len() >= window > 0`), sliding one
/// token at a time: O(N).
fn moving_average_ttr(forms: &[FormId], window: usize, scratch: &mut Scratch) -> f64 {
    let mut distinct = 0usize;
    for &form in &forms[..window] {
        if scratch.add(form) == 0 {
            distinct += 1;
        }
    }
    let mut sum = distinct as f64;
    for i in window..forms.len() {
        if scratch.remove(forms[i - window]) == 0 {
            distinct -= 1;
        }
        if scratch.add(forms[i]) == 0 {
            distinct += 1;
        }
        sum += distinct as f64;
    }
    scratch.clear();
    let windows = forms.len() - window + 1;
    sum / windows as f64 / window as f64
}

/// MTLD, the mean of the forward and backward values; none when a direction counts no factor.
fn mtld(forms: &[FormId], scratch: &mut Scratch) -> Option<f64> {
    let forward = mtld_one_way(forms.iter().copied(), forms.len(), scratch)?;
    let backward = mtld_one_way(forms.iter().rev().copied(), forms.len(), scratch)?;
    Some((forward + backward) / 2.0)
}

fn mtld_one_way(
    forms: impl Iterator<Item = FormId>,
    n: usize,
    scratch: &mut Scratch,
) -> Option<f64> {
    let mut factors = 0.0;
    let (mut tokens, mut types) = (0usize, 0usize);
    let mut ttr = 1.0;
    for form in forms {
        tokens += 1;
        if scratch.add(form) == 0 {
            types += 1;
        }
        ttr = types as f64 / tokens as f64;
        if ttr < MTLD_THRESHOLD {
            factors += 1.0;
            tokens = 0;
            types = 0;
            ttr = 1.0;
            scratch.clear();
        }
    }
    scratch.clear();
    if tokens > 0 {
        factors += (1.0 - ttr) / (1.0 - MTLD_THRESHOLD);
    }
    (factors > 0.0).then(|| n as f64 / factors)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Form ids of space-separated words, by first occurrence.
    fn ids(text: &str) -> (Vec<FormId>, usize) {
        let mut seen: Vec<&str> = Vec::new();
        let forms = text
            .split_whitespace()
            .map(|w| match seen.iter().position(|s| *s == w) {
                Some(i) => i as FormId,
                None => {
                    seen.push(w);
                    (seen.len() - 1) as FormId
                }
            })
            .collect();
        (forms, seen.len())
    }

    fn measure(text: &str, window: usize) -> Diversity {
        let (forms, n_forms) = ids(text);
        diversity(&forms, window, &mut Scratch::new(n_forms))
    }

    fn close(actual: Option<f64>, expected: f64, tolerance: f64) {
        let actual = actual.expect("a value");
        assert!(
            (actual - expected).abs() < tolerance,
            "{actual} != {expected}"
        );
    }

    /// The UN Charter preamble of STATISTICS.md as lowercase [a-z]+ words (96 tokens, 62 types).
    const PREAMBLE: &str = "we the peoples of the united nations determined to save succeeding \
        generations from the scourge of war which twice in our lifetime has brought untold \
        sorrow to mankind and to reaffirm faith in fundamental human rights in the dignity and \
        worth of the human person in the equal rights of men and women and of nations large \
        and small and to establish conditions under which justice and respect for the \
        obligations arising from treaties and other sources of international law can be \
        maintained and to promote social progress and better standards of life in larger \
        freedom";

    #[test]
    fn yules_k_matches_the_worked_numbers() {
        close(measure("a b c d d e e f f f", 100).yules_k, 1000.0, 1e-9);
        close(
            measure("a b c d d e e f f f g g g g", 100).yules_k,
            1122.449,
            5e-4,
        );
        close(measure(PREAMBLE, 100).yules_k, 243.055556, 5e-7);
        // Every word once: sum of i^2 V(i) = N, so K is exactly 0.
        assert_eq!(measure("a b c d e f g h i j", 100).yules_k, Some(0.0));
    }

    #[test]
    fn mattr_matches_the_worked_numbers_and_flags_short_speeches() {
        let text = "one one two one one two one";
        close(measure(text, 2).mattr, 0.8333333, 5e-7);
        close(measure(text, 3).mattr, 0.6666667, 5e-7);
        close(measure(text, 4).mattr, 0.5, 1e-12);
        let short = measure(text, 100);
        assert!(short.mattr_short);
        assert_eq!(short.mattr, short.ttr);
        assert!(!measure(text, 7).mattr_short);
        close(measure(PREAMBLE, 10).mattr, 0.920690, 5e-7);
        close(measure(PREAMBLE, 50).mattr, 0.680851, 5e-7);
    }

    #[test]
    fn mtld_matches_the_worked_numbers() {
        close(measure(PREAMBLE, 100).mtld, 46.934542, 5e-7);
        // 20 tokens "a a b b ... j j": both directions 2 factors' worth (lexicalrichness 2.0).
        let pairs: Vec<String> = "abcdefghij".chars().map(|c| format!("{c} {c}")).collect();
        close(measure(&pairs.join(" "), 100).mtld, 2.0, 1e-9);
    }

    #[test]
    fn the_simple_ratios() {
        let preamble = measure(PREAMBLE, 100);
        close(preamble.ttr, 0.645833, 5e-7);
        close(preamble.guiraud, 6.327849, 5e-7);
        close(preamble.herdan_c, 0.904211, 5e-7);
        let text = "one one two one one two one";
        close(measure(text, 100).ttr, 2.0 / 7.0, 1e-12);
        assert_eq!(measure("", 100).ttr, None);
        assert_eq!(measure("alone", 100).herdan_c, None);
        // Every token new: no MTLD factor in either direction.
        assert_eq!(measure("a b c", 100).mtld, None);
    }
}
