#!/usr/bin/env python3
"""Recomputes the Fightin' Words columns of keyness.csv (log_odds, log_odds_z) of a run with
--group-by COLUMN --compare A B from terms_by_group.csv and groups.csv, independently of
speechstat: each listed term's counts, then the log-odds with the informative Dirichlet prior
of both groups together times PRIOR_SCALE (Monroe, Colaresi & Quinn 2008), every value to its
printed six significant digits. Also simple_maths (k = 1).

When the PyPI package fightin_words (1.0.5) is importable, its own arithmetic is run on the
same counts and its z-scores compared with the table's. Its transform() cannot be used as
published: it counts both texts as one document (so the second side's counts are all 0) and
calls Python 2's xrange. So this check lends it Python 3's range and a vectorizer whose
"documents" are the two groups' counts, with one extra column for the tokens that are not
terms (stopwords), so that its n1, n2 and a0 are the groups' tokens as speechstat's c, d and
alpha_0.

Usage: verify_fightin.py OUTPUT_DIR COLUMN A B [PRIOR_SCALE]"""
import math
import sys
from collections import defaultdict

import speechstat_csv

out = sys.argv[1] + "/tables/"
column, a_name, b_name = sys.argv[2], sys.argv[3], sys.argv[4]
s = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0


def rows(name):
    return speechstat_csv.read(out + name)


def close(printed, value, what):
    assert printed != "", what
    assert speechstat_csv.close(printed, value), (what, printed, value)


counts = defaultdict(dict)
for r in rows("terms_by_group.csv"):
    counts[r[column]][r["term"]] = int(r["count"])
tokens = {r["group"]: int(r["n_tokens"]) for r in rows("groups.csv") if r["group_by"] == column}
target, reference = counts[a_name], counts[b_name]
c, d = tokens[a_name], tokens[b_name]


def log_odds(a, b):
    alpha_w, alpha_0 = s * (a + b), s * (c + d)
    delta = math.log((a + alpha_w) / (c + alpha_0 - a - alpha_w)) - math.log(
        (b + alpha_w) / (d + alpha_0 - b - alpha_w)
    )
    return delta, delta / math.sqrt(1 / (a + alpha_w) + 1 / (b + alpha_w))


keyness = [r for r in rows("keyness.csv") if r["target"] == a_name and r["reference"] == b_name]
assert keyness, f"keyness.csv has no rows of {a_name} against {b_name}"
for r in keyness:
    term = r["term"]
    a, b = target.get(term, 0), reference.get(term, 0)
    assert int(r["count_target"]) == a, (term, r["count_target"], a)
    assert int(r["count_reference"]) == b, (term, r["count_reference"], b)
    delta, z = log_odds(a, b)
    close(r["log_odds"], delta, ("log_odds", term))
    close(r["log_odds_z"], z, ("log_odds_z", term))
    simple = (a / c * 1e6 + 1) / (b / d * 1e6 + 1)
    close(r["simple_maths"], simple, ("simple_maths", term))
over = [r["label"] for r in keyness if float(r["log_odds_z"]) > 0][:8]
under = [r["label"] for r in keyness if float(r["log_odds_z"]) < 0][:8]
print(
    f"{len(keyness)} rows of {a_name} ({c} tokens) against {b_name} ({d} tokens): log_odds, "
    f"log_odds_z (prior scale {s:g}) and simple_maths recomputed from terms_by_group.csv"
)
print(f"  over-used: {', '.join(over)}")
print(f"  under-used: {', '.join(under)}")


def load_fightin_words():
    """The package's module, loaded from its file (its folder, fightin-words, is not an
    importable name); None when it is not installed."""
    try:
        import importlib.metadata
        import importlib.util

        dist = importlib.metadata.distribution("fightin_words")
    except Exception:
        return None
    path = dist.locate_file("fightin-words/fightin-words.py")
    spec = importlib.util.spec_from_file_location("fightin_words_module", path)
    module = importlib.util.module_from_spec(spec)
    module.xrange = range  # Python 2's name, used by the package
    spec.loader.exec_module(module)
    return module


fw = load_fightin_words()
if fw is None:
    print("  fightin_words not installed: its comparison skipped")
    sys.exit(0)

import numpy as np
import sklearn.feature_extraction.text as sk_text

vocab = sorted(set(target) | set(reference))
rest = "\x00tokens that are not terms"
columns = vocab + [rest]
row_a = [target.get(t, 0) for t in vocab] + [c - sum(target.values())]
row_b = [reference.get(t, 0) for t in vocab] + [d - sum(reference.values())]


class GroupCounts(sk_text.CountVectorizer):
    """Hands the package the two groups' counts as its two "documents"."""

    def fit_transform(self, raw_documents, y=None):
        self.vocabulary_ = {t: i for i, t in enumerate(columns)}

        class Dense:
            def toarray(self_inner):
                return np.array([row_a, row_b], dtype=np.float64)

        return Dense()


priors = [s * (x + y) for x, y in zip(row_a, row_b)]
# Two one-character texts: the package sums rows [:len(X[0])] and [len(X[0]):].
scores = dict(fw.FWExtractor(prior=priors, cv=GroupCounts()).transform(["a", "b"]))
worst = 0.0
for r in keyness:
    z = scores[r["term"]]
    worst = max(worst, abs(float(r["log_odds_z"]) - z) / max(abs(z), 1e-9))
    assert speechstat_csv.close(r["log_odds_z"], z) or abs(float(r["log_odds_z"]) - z) < 2e-4 * max(
        abs(z), 1
    ), (r["term"], r["log_odds_z"], z)
every = max(
    abs(log_odds(target.get(t, 0), reference.get(t, 0))[1] - scores[t]) / max(abs(scores[t]), 1)
    for t in vocab
)
assert every < 2e-4, every
print(
    f"  fightin_words {fw.__version__}: the same z for all {len(keyness)} rows "
    f"(largest relative difference {worst:.2g}; it counts in float32), and for all "
    f"{len(vocab)} terms of the two groups as recomputed here (largest difference {every:.2g})"
)
