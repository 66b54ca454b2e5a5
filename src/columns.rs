//! Column names of every table, in one place, so no module mistypes one, and how their
//! numbers are printed. The meaning of each column is documented in README.md and
//! docs/statistics.md; which table has which columns, in the output list (`crate::OUTPUTS`).

/// Significant digits of every float column. Statistics round sort keys to them
/// ([`crate::stats::as_printed`]), so rows are in order as printed.
pub const SIGNIFICANT_DIGITS: usize = 6;

/// A count as the summaries print it: `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
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
        let mut exponent = (f64::from(binary_exponent) * std::f64::consts::LOG10_2).floor() as i32;
        let mut scaled = scale(a, 5 - exponent);
        if scaled >= 1_000_000.0 {
            exponent += 1;
            scaled = scale(a, 5 - exponent);
        }
        let fraction = scaled - scaled.floor();
        if (100_000.0..999_999.5).contains(&scaled) && (fraction - 0.5).abs() > 1e-9 {
            return Some(Rounded {
                negative,
                digits: scaled.round() as u32,
                exponent,
            });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_048_576), "1,048,576");
    }
}
