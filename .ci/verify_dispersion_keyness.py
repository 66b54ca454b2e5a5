#!/usr/bin/env python3
"""Recomputes keyness.csv's text dispersion keyness of a run with --group-by COLUMN from
documents.csv and term_frequency.csv, independently of speechstat: for each listed term of
each group, the group's speeches using it (range_target), the other speeches using it
(range_reference), the speeches on each side, and the signed G2 of those four numbers, every
value to its printed six significant digits.

Usage: verify_dispersion_keyness.py OUTPUT_DIR COLUMN"""
import math
import sys
from collections import Counter, defaultdict

import speechstat_csv

out = sys.argv[1] + "/tables/"
column = sys.argv[2]


def g2(a, b, c, d):
    n = c + d
    cells = [
        (a, c * (a + b) / n),
        (b, d * (a + b) / n),
        (c - a, c * (n - a - b) / n),
        (d - b, d * (n - a - b) / n),
    ]
    g = 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)
    return -g if a / c < b / d else g


group_of = {
    d["doc_id"]: (d[column].strip() or "(blank)")
    for d in speechstat_csv.read(out + "documents.csv")
}
speeches = Counter(group_of.values())
using = defaultdict(Counter)  # term -> group -> speeches
for r in speechstat_csv.read(out + "term_frequency.csv"):
    using[r["term"]][group_of[r["doc_id"]]] += 1
checked = 0
for r in speechstat_csv.read(out + "keyness.csv"):
    if r["group_by"] != column:
        continue
    group, term = r["target"], r["term"]
    a = using[term][group]
    b = sum(using[term].values()) - a
    c, d = speeches[group], len(group_of) - speeches[group]
    assert (int(r["range_target"]), int(r["range_reference"])) == (a, b), (group, term, a, b)
    assert (int(r["n_documents_target"]), int(r["n_documents_reference"])) == (c, d), (group, term)
    value = g2(a, b, c, d)
    assert speechstat_csv.close(r["doc_log_likelihood"], value), (group, term, r["doc_log_likelihood"], value)
    checked += 1
print(
    f"{checked} rows of {len(speeches)} {column} groups ({len(group_of)} speeches): "
    "range_target, range_reference, the speech counts and doc_log_likelihood recomputed "
    "from documents.csv and term_frequency.csv"
)
