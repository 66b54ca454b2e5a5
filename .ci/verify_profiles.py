#!/usr/bin/env python3
"""Recomputes every lexical diversity value of documents.csv (ttr, mattr, mattr_short, mtld,
yules_k, herdan_c, guiraud) and the dispersion of every term of terms.csv (dp, dp_norm) from
tokens.csv, independently of speechstat, and checks them to their printed six significant digits.
Usage: verify_profiles.py OUTPUT_DIR [MATTR_WINDOW]"""
import math
import sys
from collections import Counter, defaultdict

import speechstat_csv

out = sys.argv[1] + "/tables/"
window = int(sys.argv[2]) if len(sys.argv) > 2 else 100


def rows(name):
    return speechstat_csv.read(out + name)


def close(printed, value, what):
    if value is None:
        assert printed == "", (what, printed)
        return
    assert printed != "", (what, value)
    assert speechstat_csv.close(printed, value), (what, printed, value)


def mattr(tokens):
    if len(tokens) < window:
        return len(set(tokens)) / len(tokens), True
    counts = Counter(tokens[:window])
    total = len(counts)
    for i in range(window, len(tokens)):
        old = tokens[i - window]
        counts[old] -= 1
        if counts[old] == 0:
            del counts[old]
        counts[tokens[i]] += 1
        total += len(counts)
    return total / (len(tokens) - window + 1) / window, False


def mtld_one_way(tokens):
    factors, types, count, ttr = 0.0, set(), 0, 1.0
    for token in tokens:
        count += 1
        types.add(token)
        ttr = len(types) / count
        if ttr < 0.72:
            factors += 1
            types, count, ttr = set(), 0, 1.0
    if count:
        factors += (1 - ttr) / (1 - 0.72)
    return len(tokens) / factors if factors > 0 else None


def mtld(tokens):
    forward, backward = mtld_one_way(tokens), mtld_one_way(tokens[::-1])
    if forward is None or backward is None:
        return None
    return (forward + backward) / 2


streams = defaultdict(list)
term_counts = defaultdict(Counter)
for t in rows("tokens.csv"):
    streams[t["doc_id"]].append(t["token"])
    if t["stopword"] == "false":
        term_counts[t["doc_id"]][t["term"]] += 1

documents = rows("documents.csv")
for d in documents:
    tokens = streams.get(d["doc_id"], [])
    n = len(tokens)
    if n == 0:
        for column in ("ttr", "mattr", "mtld", "yules_k", "herdan_c", "guiraud"):
            assert d[column] == "", (d["doc_id"], column)
        continue
    counts = Counter(tokens)
    v = len(counts)
    doc = d["doc_id"]
    close(d["ttr"], v / n, (doc, "ttr"))
    close(d["guiraud"], v / math.sqrt(n), (doc, "guiraud"))
    close(d["herdan_c"], math.log(v) / math.log(n) if n > 1 else None, (doc, "herdan_c"))
    spectrum = Counter(counts.values())
    close(d["yules_k"], 1e4 * (sum(vi * (i / n) ** 2 for i, vi in spectrum.items()) - 1 / n), (doc, "yules_k"))
    value, short = mattr(tokens)
    close(d["mattr"], value, (doc, "mattr"))
    assert d["mattr_short"] == ("true" if short else "false"), (doc, "mattr_short")
    close(d["mtld"], mtld(tokens), (doc, "mtld"))

# Dispersion over the speeches, with their true sizes.
total = sum(len(s) for s in streams.values())
all_docs = [d["doc_id"] for d in documents]
shares = {doc: len(streams.get(doc, [])) / total for doc in all_docs}
min_share = min(shares.values())
frequency = Counter()
for counts in term_counts.values():
    frequency.update(counts)
checked = 0
for r in rows("terms.csv"):
    term, f = r["term"], frequency[r["term"]]
    dp = 0.5 * sum(abs(term_counts[doc][term] / f - shares[doc]) for doc in all_docs)
    close(r["dp"], dp, (term, "dp"))
    close(r["dp_norm"], dp / (1 - min_share) if len(all_docs) > 1 else None, (term, "dp_norm"))
    checked += 1
print(f"diversity: {len(documents)} speeches x 7 measures reproduced (MATTR window {window}); "
      f"dispersion: {checked} terms reproduced")
