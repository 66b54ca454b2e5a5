"""A plain Python + NLTK version of speechstat's counting, the baseline for `speechstat analyze`.

Usage: nltk_pipeline.py FILE_LIST STOPWORDS OUT_DIR

For each file named in FILE_LIST (read as utf-8-sig, undecodable bytes replaced): split
sentences with a regex (., ! or ? followed by whitespace and a capital), find words with a
regex that keeps hyphenated words and contractions, lowercase them, drop the stopwords of
STOPWORDS (a Snowball-format list: `|` starts a comment, every word before it counts), stem
the rest with NLTK's Snowball stemmer (one stem computation per distinct word), and count:
terms per document and in the corpus, and co-occurrences (unordered pairs of different terms
at most 5 positions apart in a sentence's stopword-free stream).

Writes OUT_DIR/terms.csv (term,count,doc_freq), OUT_DIR/term_frequency.csv (doc_id,term,count)
and OUT_DIR/cooccurrence.csv (term_a,term_b,count; pairs seen at least 3 times, speechstat's
default --min-count).
"""

import csv
import os
import re
import sys
from collections import Counter

from nltk.stem.snowball import SnowballStemmer

WINDOW = 5
MIN_PAIR_COUNT = 3
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def read_stopwords(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            words.update(line.split("|", 1)[0].split())
    return words


def main():
    list_path, stopword_path, out_dir = sys.argv[1:4]
    with open(list_path, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    stopwords = read_stopwords(stopword_path)
    stemmer = SnowballStemmer("english")
    stems = {}  # word -> stem, so each distinct word is stemmed once

    corpus_counts = Counter()
    doc_freq = Counter()
    doc_counts = []  # (doc_id, Counter) per document
    pairs = Counter()

    for path in paths:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            text = f.read()
        counts = Counter()
        for sentence in SENTENCE_BREAK.split(text):
            terms = []
            for word in WORD.findall(sentence):
                word = word.lower().replace("’", "'")
                if word in stopwords:
                    continue
                stem = stems.get(word)
                if stem is None:
                    stem = stems[word] = stemmer.stem(word)
                terms.append(stem)
            counts.update(terms)
            for i, a in enumerate(terms):
                for b in terms[i + 1 : i + 1 + WINDOW]:
                    if a != b:
                        pairs[(a, b) if a < b else (b, a)] += 1
        doc_id = os.path.splitext(os.path.basename(path))[0]
        doc_counts.append((doc_id, counts))
        corpus_counts.update(counts)
        doc_freq.update(counts.keys())

    os.makedirs(out_dir, exist_ok=True)
    by_count = lambda item: (-item[1], item[0])  # noqa: E731
    with open(os.path.join(out_dir, "terms.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["term", "count", "doc_freq"])
        for term, count in sorted(corpus_counts.items(), key=by_count):
            writer.writerow([term, count, doc_freq[term]])
    with open(os.path.join(out_dir, "term_frequency.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["doc_id", "term", "count"])
        for doc_id, counts in doc_counts:
            for term, count in sorted(counts.items(), key=by_count):
                writer.writerow([doc_id, term, count])
    with open(os.path.join(out_dir, "cooccurrence.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["term_a", "term_b", "count"])
        kept = [(pair, count) for pair, count in pairs.items() if count >= MIN_PAIR_COUNT]
        for (a, b), count in sorted(kept, key=by_count):
            writer.writerow([a, b, count])


if __name__ == "__main__":
    main()
