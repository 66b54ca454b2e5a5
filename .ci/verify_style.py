#!/usr/bin/env python3
"""Recomputes Burrows' Delta of a run with --similarity-measure style --tokens (no --group-by)
from tokens.csv and documents.csv, independently of speechstat, and checks similarity.csv:
the N most frequent word forms of the corpus (stopwords included; ties alphabetically), each
speech's rate of each (its tokens of the form / its n_tokens), z-scores over the speeches
(sample standard deviation; 0 for a form whose rate does not vary), Delta = mean |z_a - z_b|.
With `all pairs`, every pair once with its Delta to six significant digits; with `nearest 10
(exact)`, each speech's 10 nearest by the recomputed Deltas (ties in corpus order).
Usage: verify_style.py OUTPUT_DIR [N]"""
import statistics
import sys
from collections import Counter, defaultdict

import speechstat_csv

out = sys.argv[1] + "/tables/"
n_words = int(sys.argv[2]) if len(sys.argv) > 2 else 150

documents = speechstat_csv.read(out + "documents.csv")
ids = [d["doc_id"] for d in documents]
n_tokens = {d["doc_id"]: int(d["n_tokens"]) for d in documents}

corpus = Counter()
per_doc = defaultdict(Counter)
for token in speechstat_csv.read(out + "tokens.csv"):
    corpus[token["token"]] += 1
    per_doc[token["doc_id"]][token["token"]] += 1
for doc in ids:
    assert sum(per_doc[doc].values()) == n_tokens[doc], doc

words = sorted(corpus, key=lambda w: (-corpus[w], w))[:n_words]
rates = {
    doc: [per_doc[doc][w] / n_tokens[doc] if n_tokens[doc] else 0.0 for w in words]
    for doc in ids
}
z = {doc: [] for doc in ids}
for i in range(len(words)):
    column = [rates[doc][i] for doc in ids]
    mean = statistics.fmean(column)
    sd = statistics.stdev(column) if len(column) > 1 else 0.0
    for doc, rate in zip(ids, column):
        z[doc].append((rate - mean) / sd if sd > 0 else 0.0)


def delta(a, b):
    return sum(abs(x - y) for x, y in zip(z[a], z[b])) / len(words)


table = speechstat_csv.read(out + "similarity.csv")
assert table, "similarity.csv is empty"
assert set(table[0]) == {"doc_a", "doc_b", "delta", "method"}, list(table[0])
methods = {row["method"] for row in table}
assert len(methods) == 1, methods
method = methods.pop()
order = {doc: i for i, doc in enumerate(ids)}
for row in table:
    value = delta(row["doc_a"], row["doc_b"])
    assert speechstat_csv.close(row["delta"], value), (row, value)
if method == "all pairs":
    pairs = [(row["doc_a"], row["doc_b"]) for row in table]
    expected = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    assert pairs == expected, "every pair once, in corpus order"
elif method == "nearest 10 (exact)":
    listed = defaultdict(list)
    for row in table:
        listed[row["doc_a"]].append(row["doc_b"])
    for a in ids:
        others = sorted(
            (b for b in ids if b != a),
            key=lambda b: (speechstat_csv.as_printed(delta(a, b)), order[b]),
        )
        assert listed[a] == others[:10], a
else:
    raise AssertionError(f"unexpected method {method!r}")
print(
    f"verify_style: {len(table)} rows of Burrows' Delta ({method}, {len(words)} words, "
    f"{len(ids)} speeches) recomputed from tokens.csv"
)
