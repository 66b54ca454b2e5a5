"""Count words with scikit-learn's CountVectorizer, the baseline for `speechstat freq`.

Usage: countvectorizer.py FILE_LIST OUT_CSV

Reads the files named in FILE_LIST (one path a line) as text (utf-8-sig, undecodable bytes
replaced), runs CountVectorizer with its default settings (lowercase, tokens of 2+ word
characters, no stopwords, no stemming) over them with fit_transform, sums the document-term
matrix into corpus counts and writes them to OUT_CSV as term,count, most frequent first.
"""

import csv
import sys

from sklearn.feature_extraction.text import CountVectorizer


def read_texts(paths):
    for path in paths:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            yield f.read()


def main():
    list_path, out_path = sys.argv[1], sys.argv[2]
    with open(list_path, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]

    vectorizer = CountVectorizer()
    matrix = vectorizer.fit_transform(read_texts(paths))  # documents x terms, sparse
    counts = matrix.sum(axis=0).A1
    terms = vectorizer.get_feature_names_out()

    order = sorted(range(len(terms)), key=lambda i: (-counts[i], terms[i]))
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["term", "count"])
        writer.writerows((terms[i], int(counts[i])) for i in order)


if __name__ == "__main__":
    main()
