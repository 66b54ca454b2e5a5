#!/usr/bin/env python3
"""Recomputes keyness.csv and similarity.csv of a run with --group-by COLUMN --tokens from
tokens.csv and documents.csv, independently of speechstat, and checks every row: the same
targets, the same over- and under-used terms, every value to its printed six significant digits, and
the similarity of the pairs of groups as the table's method column says: with `all pairs`,
every pair once; with `nearest 10 (exact)` or `nearest 10 (approximate)`, each listed pair's
cosine and Jaccard, at most 10 partners per group, none twice, most similar first (ties in
group order), for the exact method each group's 10 most similar by the recomputed
cosines, and for the approximate one its recall@10 against them (printed). With every pair, clusters the groups by average linkage on 1 - cosine, as the
similarity heatmap does, and prints the order.
An over-used term is listed only when at least MIN_RANGE of the group's speeches (or all of a
smaller group's) use it.
Usage: verify_compare.py OUTPUT_DIR COLUMN [TOP] [MIN_COUNT] [MIN_RANGE]"""
import math
import sys
from collections import Counter, defaultdict

import speechstat_csv

out = sys.argv[1] + "/tables/"
column = sys.argv[2]
top = int(sys.argv[3]) if len(sys.argv) > 3 else 30
min_count = int(sys.argv[4]) if len(sys.argv) > 4 else 3
min_range = int(sys.argv[5]) if len(sys.argv) > 5 else 2


def rows(name):
    return speechstat_csv.read(out + name)


def close(printed, value, what):
    assert printed != "", what
    assert speechstat_csv.close(printed, value), (what, printed, value)


documents = rows("documents.csv")
group_of = {d["doc_id"]: (d[column].strip() or "(blank)") for d in documents}
doc_tokens = Counter()
doc_terms = defaultdict(Counter)
for t in rows("tokens.csv"):
    doc_tokens[t["doc_id"]] += 1
    if t["stopword"] == "false":
        doc_terms[t["doc_id"]][t["term"]] += 1

group_tokens = Counter()
group_terms = defaultdict(Counter)
group_docs = defaultdict(list)
for d in documents:
    g = group_of[d["doc_id"]]
    group_tokens[g] += doc_tokens[d["doc_id"]]
    group_terms[g].update(doc_terms[d["doc_id"]])
    group_docs[g].append(d["doc_id"])
total = Counter()
for counts in group_terms.values():
    total.update(counts)
all_tokens = sum(group_tokens.values())
tested = sum(1 for n in total.values() if n >= min_count)


def g2(a, b, c, d):
    n = c + d
    cells = [(a, (a + b) * c / n), (b, (a + b) * d / n),
             (c - a, (n - a - b) * c / n), (d - b, (n - a - b) * d / n)]
    value = 2 * sum(o * math.log(o / e) for o, e in cells if o > 0 and e > 0)
    return -value if a * d < b * c else value


def chi2(a, b, c, d):
    n = c + d
    cells = [(a, (a + b) * c / n), (b, (a + b) * d / n),
             (c - a, (n - a - b) * c / n), (d - b, (n - a - b) * d / n)]
    value = sum((o - e) ** 2 / e for o, e in cells if e > 0)
    return -value if a * d < b * c else value


keyness = defaultdict(list)
for r in rows("keyness.csv"):
    assert r["group_by"] == column and r["reference"] == "rest of corpus", r
    keyness[r["target"]].append(r)
assert sorted(keyness) == sorted(group_terms), (sorted(keyness), sorted(group_terms))

checked = 0
for g, listed in keyness.items():
    c, d = group_tokens[g], all_tokens - group_tokens[g]
    scores = {}
    for term, n in total.items():
        if n >= min_count:
            a = group_terms[g][term]
            scores[term] = g2(a, n - a, c, d)
    least = min(min_range, len(group_docs[g]))

    def used_enough(term):
        return sum(1 for doc in group_docs[g] if doc_terms[doc][term] > 0) >= least

    def strongest(sign):
        chosen = [t for t, s in scores.items() if s * sign > 0 and (sign < 0 or used_enough(t))]
        chosen.sort(key=lambda t: (-speechstat_csv.as_printed(abs(scores[t])), t))
        return chosen[:top]
    expected = strongest(1) + strongest(-1)
    got = [r["term"] for r in listed]
    # Ties within a printed unit may fall either way: compare as sets, order by value.
    assert set(got) == set(expected), (g, sorted(set(got) ^ set(expected))[:10])
    for r in listed:
        term = r["term"]
        a, b = group_terms[g][term], total[term] - group_terms[g][term]
        assert int(r["count_target"]) == a and int(r["count_reference"]) == b, (g, term)
        value = scores[term]
        close(r["log_likelihood"], value, (g, term, "log_likelihood"))
        close(r["p_value"], math.erfc(math.sqrt(abs(value) / 2)), (g, term, "p_value"))
        close(r["chi2"], chi2(a, b, c, d), (g, term, "chi2"))
        close(r["per_10k_target"], a / c * 1e4, (g, term))
        close(r["per_10k_reference"], b / d * 1e4, (g, term))
        ratio = ((a or 0.5) / c) / ((b or 0.5) / d)
        close(r["log_ratio"], math.log2(ratio), (g, term, "log_ratio"))
        if b:
            close(r["percent_diff"], (a / c - b / d) / (b / d) * 100, (g, term, "percent_diff"))
        else:
            assert r["percent_diff"] == "", (g, term)
        in_docs = sum(1 for doc in group_docs[g] if doc_terms[doc][term] > 0)
        assert int(r["range_target"]) == in_docs, (g, term, "range")
        p = math.erfc(math.sqrt(abs(value) / 2))
        assert (r["significant"] == "true") == (p < 0.05 / tested), (g, term, "significant")
        checked += 1
    values = [abs(float(r["log_likelihood"])) for r in listed if float(r["log_likelihood"]) > 0]
    assert values == sorted(values, reverse=True), g

# Similarity of groups: rates weighted by the idf of speeches.
n_docs = len(documents)
doc_freq = Counter()
for counts in doc_terms.values():
    doc_freq.update(counts.keys())
vectors = {
    g: {t: n / group_tokens[g] * math.log(n_docs / doc_freq[t]) for t, n in counts.items()}
    for g, counts in group_terms.items()
}


def cosine(x, y):
    dot = sum(w * y.get(t, 0.0) for t, w in x.items())
    norms = math.sqrt(sum(w * w for w in x.values())) * math.sqrt(sum(w * w for w in y.values()))
    return dot / norms


def cosine_or_0(x, y):
    """The cosine, 0 where a vector is all zeros (the table leaves it empty)."""
    if not any(x.values()) or not any(y.values()):
        return 0.0
    return cosine(x, y)


pairs = rows("similarity.csv")
methods = {p["method"] for p in pairs}
assert len(methods) == 1 and methods <= {"all pairs", "nearest 10 (exact)", "nearest 10 (approximate)"}, methods
method = methods.pop()
assert all(p["group_by"] == column for p in pairs), "one grouping"
similarity = {}
for p in pairs:
    x, y = p["group_a"], p["group_b"]
    assert x != y, (x, "paired with itself")
    value = cosine(vectors[x], vectors[y])
    close(p["cosine"], value, (x, y, "cosine"))
    shared = len(set(group_terms[x]) & set(group_terms[y]))
    union = len(set(group_terms[x]) | set(group_terms[y]))
    close(p["jaccard"], shared / union, (x, y, "jaccard"))
    similarity[(x, y)] = similarity[(y, x)] = value

if method != "all pairs":
    # Each group's list in one block, the blocks in group order: that order, for ties.
    firsts = [p["group_a"] for p in pairs]
    blocks = [g for i, g in enumerate(firsts) if i == 0 or firsts[i - 1] != g]
    assert len(blocks) == len(set(blocks)), "each group's list in one block"
    order = {g: i for i, g in enumerate(blocks)}
    lists = defaultdict(list)
    for p in pairs:
        lists[p["group_a"]].append((speechstat_csv.as_printed(float(p["cosine"])), p["group_b"]))
    for g, listed in lists.items():
        partners = [b for _, b in listed]
        assert len(listed) <= 10 and len(set(partners)) == len(partners), (g, partners)
        keys = [(-c, order.get(b, -1)) for c, b in listed]
        assert [k[0] for k in keys] == sorted(k[0] for k in keys), (g, "most similar first", listed)
        for x, y in zip(keys, keys[1:]):
            assert x[0] != y[0] or x[1] < 0 or y[1] < 0 or x[1] < y[1], (g, "ties in group order")
        if method == "nearest 10 (exact)":
            # No group left out is more similar than the least similar listed (to the
            # printed precision).
            assert len(listed) == min(10, len(vectors) - 1), (g, len(listed))
            floor = listed[-1][0]
            for b in vectors:
                if b != g and b not in partners:
                    assert cosine(vectors[g], vectors[b]) <= floor * (1 + 1e-5) + 1e-9, (g, b)
    print(f"similarity ({method}): {len(pairs)} pairs of {len(lists)} groups reproduced, "
          "at most 10 per group, most similar first")
    if method == "nearest 10 (approximate)":
        # recall@10: the share of each group's 10 most similar (recomputed, every pair)
        # that its list holds; a partner listed counts when its cosine reaches the tenth.
        wanted = hits = 0
        for g in vectors:
            others = sorted((cosine_or_0(vectors[g], vectors[b]) for b in vectors if b != g),
                            reverse=True)
            top = [c for c in others if c > 0][:10]
            if not top:
                continue
            wanted += len(top)
            found = [similarity[(g, b)] for _, b in lists.get(g, [])]
            hits += min(len(top), sum(1 for c in found if c >= top[-1] * (1 - 1e-12)))
        print(f"recall@10 against every pair: {hits / wanted:.4f} ({hits} of {wanted})")
    print(f"keyness: {len(keyness)} targets, {checked} rows reproduced")
    sys.exit(0)

groups = list(dict.fromkeys([p["group_a"] for p in pairs] + [p["group_b"] for p in pairs]))
assert len(pairs) == len(groups) * (len(groups) - 1) // 2, "every pair of groups once"

# Average linkage on 1 - cosine (ties: lowest cluster numbers), leaves in dendrogram order;
# the groups in their table order (as the heatmap numbers them).
clusters = {i: [g] for i, g in enumerate(groups)}
children = {}
next_id = len(groups)
def distance(x, y):
    members = [(a, b) for a in clusters[x] for b in clusters[y]]
    return sum(1 - (similarity[(a, b)] if a != b else 1.0) for a, b in members) / len(members)
while len(clusters) > 1:
    ids = sorted(clusters)
    best = min(((distance(x, y), x, y) for i, x in enumerate(ids) for y in ids[i + 1:]))
    _, x, y = best
    clusters[next_id] = clusters.pop(x) + clusters.pop(y)
    children[next_id] = (x, y)
    next_id += 1
order = []
stack = [next_id - 1]
while stack:
    node = stack.pop()
    if node in children:
        stack.extend(reversed(children[node]))
    else:
        order.append(groups[node])
print(f"keyness: {len(keyness)} targets, {checked} rows reproduced; similarity: {len(pairs)} pairs reproduced")
print("clustered order: " + ", ".join(order))
