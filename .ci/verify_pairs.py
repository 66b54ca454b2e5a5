#!/usr/bin/env python3
"""Recomputes collocations.csv and cooccurrence.csv (window context) from tokens.csv,
independently of speechstat, and checks every row: the same pairs, exact counts and labels,
every score to its printed six significant digits (one unit in the last place of tolerance), and the
row order. Usage: verify_pairs.py OUTPUT_DIR [MIN_COUNT] [WINDOW]"""
import math
import sys
from collections import Counter, defaultdict

import speechstat_csv

out = sys.argv[1] + "/tables/"
min_count = int(sys.argv[2]) if len(sys.argv) > 2 else 3
window = int(sys.argv[3]) if len(sys.argv) > 3 else 5


def rows(name):
    return speechstat_csv.read(out + name)


sentences = defaultdict(list)  # (doc, sentence) -> [(token, term, stopword)]
order = []
for t in rows("tokens.csv"):
    key = (t["doc_id"], t["sentence"])
    if key not in sentences:
        order.append(key)
    sentences[key].append((t["token"], t["term"], t["stopword"] == "true"))

term_count = Counter()
forms = defaultdict(Counter)
total_tokens = 0
for key in order:
    for token, term, stop in sentences[key]:
        total_tokens += 1
        if not stop:
            term_count[term] += 1
            forms[term][token] += 1
label = {term: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for term, c in forms.items()}


def scores(n_ii, n_ix, n_xi, n_xx):
    o = [[n_ii, n_ix - n_ii], [n_xi - n_ii, n_xx - n_ix - n_xi + n_ii]]
    rows_ = [sum(r) for r in o]
    cols = [o[0][0] + o[1][0], o[0][1] + o[1][1]]
    g2 = 2 * sum(o[i][j] * math.log(o[i][j] / (rows_[i] * cols[j] / n_xx))
                 for i in range(2) for j in range(2) if o[i][j] > 0)
    pmi = math.log2(n_ii * n_xx / (n_ix * n_xi))
    p = n_ii / n_xx
    npmi = pmi / -math.log2(p) if p < 1 else 1.0
    t = (n_ii - n_ix * n_xi / n_xx) / math.sqrt(n_ii)
    den = rows_[0] * rows_[1] * cols[0] * cols[1]
    chi2 = n_xx * (o[0][0] * o[1][1] - o[0][1] * o[1][0]) ** 2 / den if den else 0.0
    dice = 2 * n_ii / (n_ix + n_xi)
    return {"pmi": pmi, "npmi": npmi, "log_likelihood": g2, "t_score": t, "chi2": chi2,
            "dice": dice, "log_dice": 14 + math.log2(dice)}


def close(printed, value, name, pair):
    assert speechstat_csv.close(printed, value), (name, pair, printed, value)


def check_sorted(table, a, b):
    keys = [(-float(r["log_likelihood"]), r[a], r[b]) for r in table]
    assert keys == sorted(keys), "rows sorted by log_likelihood, then terms"


# Adjacent pairs inside a sentence, stopword pairs left out.
pairs, spellings = Counter(), defaultdict(Counter)
for key in order:
    s = sentences[key]
    for (f1, t1, s1), (f2, t2, s2) in zip(s, s[1:]):
        if not s1 and not s2:
            pairs[(t1, t2)] += 1
            spellings[(t1, t2)][f1 + " " + f2] += 1
expected = {p: n for p, n in pairs.items() if n >= min_count}
table = rows("collocations.csv")
assert len(table) == len(expected), (len(table), len(expected))
for r in table:
    pair = (r["term_1"], r["term_2"])
    n = expected[pair]
    assert int(r["count"]) == n, pair
    assert r["label"] == min(spellings[pair].items(), key=lambda kv: (-kv[1], kv[0]))[0], pair
    s = scores(n, term_count[pair[0]], term_count[pair[1]], total_tokens)
    for name, value in s.items():
        close(r[name], value, name, pair)
check_sorted(table, "term_1", "term_2")
top = [r["label"] for r in table[:10]]
print(f"collocations.csv: {len(table)} rows reproduced; top by log_likelihood: {', '.join(top[:5])}")

# Unordered pairs within `window` positions of the filtered stream, inside a sentence.
co = Counter()
filtered_length = 0
for key in order:
    terms = [term for _, term, stop in sentences[key] if not stop]
    filtered_length += len(terms)
    for i, x in enumerate(terms):
        for y in terms[i + 1:i + 1 + window]:
            if x != y:
                co[tuple(sorted((x, y)))] += 1
expected = {p: n for p, n in co.items() if n >= min_count}
table = rows("cooccurrence.csv")
assert len(table) == len(expected), (len(table), len(expected))
for r in table:
    pair = (r["term_a"], r["term_b"])
    n = expected[pair]
    assert int(r["count"]) == n, pair
    assert (r["label_a"], r["label_b"]) == (label[pair[0]], label[pair[1]]), pair
    s = scores(n / (2 * window), term_count[pair[0]], term_count[pair[1]], filtered_length)
    for name in ("pmi", "npmi", "log_likelihood", "t_score", "dice"):
        close(r[name], s[name], name, pair)
check_sorted(table, "term_a", "term_b")
print(f"cooccurrence.csv: {len(table)} rows reproduced")
