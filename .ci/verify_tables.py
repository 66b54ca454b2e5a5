#!/usr/bin/env python3
"""Recomputes documents.csv, corpus.csv, terms.csv, term_frequency.csv and stopwords.csv from tokens.csv, independently of
speechstat, and checks every row (counts exactly; per_10k, tf_idf to the printed six significant digits;
labels by the most-frequent-form rule). Usage: verify_tables.py OUTPUT_DIR"""
import math
import sys
from collections import Counter, defaultdict

import speechstat_csv
from speechstat_csv import printed

tables = sys.argv[1] + "/tables/"


def rows(name):
    return speechstat_csv.read(tables + name)


n_tokens = Counter()
types = defaultdict(set)
corpus_types = set()
sentences = Counter()
doc_term = Counter()
forms = defaultdict(Counter)
doc_stopword = Counter()
for t in rows("tokens.csv"):
    doc = t["doc_id"]
    assert int(t["position"]) == n_tokens[doc], f"{doc}: positions must run 0, 1, 2, ..."
    n_tokens[doc] += 1
    types[doc].add(t["token"])
    corpus_types.add(t["token"])
    sentences[doc] = max(sentences[doc], int(t["sentence"]) + 1)
    if t["stopword"] == "false":
        doc_term[(doc, t["term"])] += 1
        forms[t["term"]][t["token"]] += 1
    else:
        doc_stopword[(doc, t["token"])] += 1

documents = rows("documents.csv")
for d in documents:
    doc = d["doc_id"]
    assert int(d["n_tokens"]) == n_tokens[doc], doc
    assert int(d["n_types"]) == len(types[doc]), doc
    assert int(d["n_sentences"]) == sentences[doc], doc

doc_freq, count = Counter(), Counter()
for (doc, term), n in doc_term.items():
    doc_freq[term] += 1
    count[term] += n
label = {term: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for term, c in forms.items()}
n_docs, total = len(documents), sum(n_tokens.values())

tf = rows("term_frequency.csv")
assert len(tf) == len(doc_term), "one row per document and counted term"
for r in tf:
    doc, term, n = r["doc_id"], r["term"], int(r["count"])
    assert n == doc_term[(doc, term)], (doc, term)
    assert r["per_10k"] == printed(n / n_tokens[doc] * 10000), (doc, term)
    assert r["tf_idf"] == printed(n / n_tokens[doc] * math.log(n_docs / doc_freq[term])), (doc, term)
    assert r["label"] == label[term], (doc, term)

terms = rows("terms.csv")
assert len(terms) == len(count)
for r in terms:
    term = r["term"]
    assert int(r["count"]) == count[term], term
    assert int(r["doc_freq"]) == doc_freq[term], term
    assert r["per_10k"] == printed(count[term] / total * 10000), term
    assert r["label"] == label[term], term
order = [(-int(r["count"]), r["term"]) for r in terms]
assert order == sorted(order), "terms.csv sorted by count, then term"
(c,) = rows("corpus.csv")
lengths = sorted(int(d["n_tokens"]) for d in documents)
middle = len(lengths) // 2
median = lengths[middle] if len(lengths) % 2 else (lengths[middle - 1] + lengths[middle]) / 2
assert int(c["n_documents"]) == n_docs
assert int(c["n_tokens"]) == total
assert int(c["n_types"]) == len(corpus_types)
assert int(c["n_terms"]) == len(count)
assert int(c["n_sentences"]) == sum(sentences.values())
assert c["mean_tokens"] == printed(total / n_docs), c
assert c["median_tokens"] == printed(median), c

# stopwords.csv: every word of the list, its tokens and documents; the list's words the corpus
# uses are exactly the stopword tokens of tokens.csv.
stop_count, stop_docs = Counter(), Counter()
for (doc, word), n in doc_stopword.items():
    stop_count[word] += n
    stop_docs[word] += 1
stopwords = rows("stopwords.csv")
listed = {r["word"] for r in stopwords}
assert set(stop_count) <= listed, set(stop_count) - listed
for r in stopwords:
    word = r["word"]
    assert int(r["count"]) == stop_count[word], word
    assert int(r["doc_freq"]) == stop_docs[word], word
    assert r["per_10k"] == printed(stop_count[word] / total * 10000), word
order = [(-int(r["count"]), r["word"]) for r in stopwords]
assert order == sorted(order), "stopwords.csv sorted by count, then word"

print(f"verified: {len(stopwords)} stopwords")
print(f"verified: {n_docs} documents, {total} tokens, {len(terms)} terms, {len(tf)} document-term rows")
