//! The syllable counter against the CMU Pronouncing Dictionary. Ignored by default: the
//! dictionary is not in the repository. `bench/syllables.py` writes it as TSV files
//! (`word<TAB>count[,count...][<TAB>tokens]`) and runs this test with SPEECHSTAT_CMUDICT
//! (every alphabetic word) and SPEECHSTAT_CMUDICT_FREQUENT (the most frequent words of a
//! corpus, with their number of tokens) naming them.

use std::collections::HashMap;
use std::path::Path;

use speechstat::internals::syllables;

/// How often the counter agrees with one TSV file of the dictionary.
struct Agreement {
    words: u64,
    exact: u64,
    tokens: u64,
    exact_tokens: u64,
    /// (counted - the dictionary's nearest count, the word's last three letters) -> words
    errors: HashMap<(i64, String), Vec<String>>,
}

impl Agreement {
    fn share(&self) -> f64 {
        100.0 * self.exact as f64 / self.words.max(1) as f64
    }

    fn token_share(&self) -> f64 {
        100.0 * self.exact_tokens as f64 / self.tokens.max(1) as f64
    }
}

fn measure(path: &Path) -> Agreement {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut agreement = Agreement {
        words: 0,
        exact: 0,
        tokens: 0,
        exact_tokens: 0,
        errors: HashMap::new(),
    };
    for (n, line) in text.lines().enumerate() {
        let mut fields = line.split('\t');
        let (Some(word), Some(counts)) = (fields.next(), fields.next()) else {
            panic!(
                "{}:{}: not word<TAB>counts: {line:?}",
                path.display(),
                n + 1
            );
        };
        let counts: Vec<i64> = counts
            .split(',')
            .map(|c| c.parse().expect("a syllable count"))
            .collect();
        let tokens: u64 = fields
            .next()
            .map_or(1, |t| t.parse().expect("a token count"));
        let counted = i64::from(syllables(word));
        agreement.words += 1;
        agreement.tokens += tokens;
        if counts.contains(&counted) {
            agreement.exact += 1;
            agreement.exact_tokens += tokens;
        } else {
            let nearest = counts
                .iter()
                .min_by_key(|&&c| (c - counted).abs())
                .expect("at least one count");
            let chars: Vec<char> = word.chars().collect();
            let ending: String = chars[chars.len().saturating_sub(3)..].iter().collect();
            agreement
                .errors
                .entry((counted - nearest, ending))
                .or_default()
                .push(word.to_owned());
        }
    }
    agreement
}

fn report(label: &str, agreement: &Agreement, weighted: bool) {
    println!(
        "{label}: {} words, {} exact ({:.2}%)",
        agreement.words,
        agreement.exact,
        agreement.share()
    );
    if weighted {
        println!(
            "  weighted by tokens: {} tokens, {} counted right ({:.2}%)",
            agreement.tokens,
            agreement.exact_tokens,
            agreement.token_share()
        );
    }
    let mut by_difference: HashMap<i64, usize> = HashMap::new();
    for ((difference, _), words) in &agreement.errors {
        *by_difference.entry(*difference).or_default() += words.len();
    }
    let mut differences: Vec<(i64, usize)> = by_difference.into_iter().collect();
    differences.sort_by_key(|&(d, n)| (std::cmp::Reverse(n), d));
    let differences: Vec<String> = differences
        .iter()
        .map(|(d, n)| format!("off by {d:+}: {n}"))
        .collect();
    println!("  errors: {}", differences.join(", "));
    let mut kinds: Vec<(&(i64, String), &Vec<String>)> = agreement.errors.iter().collect();
    kinds.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    println!("  the 20 most common kinds of error:");
    for ((difference, ending), words) in kinds.into_iter().take(20) {
        let examples: Vec<&str> = words.iter().take(6).map(String::as_str).collect();
        println!(
            "    {difference:+} on -{ending}: {} ({})",
            words.len(),
            examples.join(", ")
        );
    }
}

#[test]
#[ignore = "needs the CMU Pronouncing Dictionary: run bench/syllables.py"]
fn syllables_agree_with_the_cmu_dictionary() {
    let Some(full) = std::env::var_os("SPEECHSTAT_CMUDICT") else {
        panic!("SPEECHSTAT_CMUDICT is not set: run bench/syllables.py, which sets it");
    };
    let all = measure(Path::new(&full));
    report("all alphabetic CMU words", &all, false);
    if let Some(frequent) = std::env::var_os("SPEECHSTAT_CMUDICT_FREQUENT") {
        let frequent = measure(Path::new(&frequent));
        report("the most frequent corpus words CMU knows", &frequent, true);
    }
    assert!(
        all.words > 100_000,
        "only {} words: not the whole dictionary",
        all.words
    );
    assert!(
        all.share() >= 90.0,
        "{:.2}% of the dictionary's words counted right, below 90%",
        all.share()
    );
}
