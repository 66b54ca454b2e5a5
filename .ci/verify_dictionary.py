#!/usr/bin/env python3
"""Recomputes dictionary.csv (and dictionary_by_group.csv, when written) of a run with
--tokens and --dictionary, independently of speechstat: the dictionaries are parsed here (a
LIWC .dic; a YAML file of `name: [..]`, `name:` over `- pattern` lines and nested names), the
patterns matched on the lowercased tokens of tokens.csv with fnmatch (`*`, `?`), and each
category counted per speech: reading each sentence left to right, at each token the
category's longest pattern that matches there counts 1 and covers its tokens (a multiword
entry on consecutive tokens of one sentence). per_10k = count / n_tokens x 10,000.
Usage: verify_dictionary.py OUTPUT_DIR DICTIONARY..."""
import fnmatch
import os
import sys
from collections import defaultdict

import speechstat_csv


def liwc(path):
    lines = [l.rstrip("\r\n") for l in open(path, encoding="utf-8")]
    assert lines[0].strip() == "%", path
    end = lines.index("%", 1)
    names = {}
    for line in lines[1:end]:
        number, name = line.split()
        names[int(number)] = name
    categories = {name: [] for name in names.values()}
    for line in lines[end + 1:]:
        if line.strip():
            pattern, numbers = line.split("\t", 1)
            for number in numbers.split():
                categories[names[int(number)]].append(pattern)
    return categories


def yaml(path):
    categories, parents = {}, []
    for raw in open(path, encoding="utf-8"):
        line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        text = line.strip()
        if text.startswith("- "):
            categories[".".join(p for _, p in parents)].append(text[2:].strip().strip("\"'"))
            continue
        key, value = text.split(":", 1)
        while parents and parents[-1][0] >= indent:
            parents.pop()
        name = ".".join([p for _, p in parents] + [key])
        value = value.strip()
        if value:
            categories[name] = [v.strip().strip("\"'") for v in value.strip("[]").split(",")]
        else:
            parents.append((indent, key))
            categories.setdefault(name, [])
    return {k: v for k, v in categories.items() if v}


def count(sentence, patterns):
    """Matches of a category's patterns (lists of lowercased words) in one sentence."""
    n, i = 0, 0
    while i < len(sentence):
        longest = 0
        for words in patterns:
            if len(words) > longest and i + len(words) <= len(sentence) and all(
                fnmatch.fnmatchcase(sentence[i + k], w) for k, w in enumerate(words)
            ):
                longest = len(words)
        if longest:
            n += 1
            i += longest
        else:
            i += 1
    return n


out = sys.argv[1] + "/tables/"
dictionaries = {}
for path in sys.argv[2:]:
    parse = liwc if path.endswith(".dic") else yaml
    dictionaries[os.path.basename(path)] = {
        name: [p.lower().split() for p in patterns] for name, patterns in parse(path).items()
    }

sentences = defaultdict(lambda: defaultdict(list))
for token in speechstat_csv.read(out + "tokens.csv"):
    sentences[token["doc_id"]][int(token["sentence"])].append(token["token"].lower())

rows = speechstat_csv.read(out + "dictionary.csv")
expected_rows = 0
checked = defaultdict(int)
by_doc = {}
for row in rows:
    patterns = dictionaries[row["dictionary"]][row["category"]]
    doc = row["doc_id"]
    n = sum(count(s, patterns) for s in sentences[doc].values())
    assert int(row["count"]) == n, (row["doc_id"], row["category"], row["count"], n)
    n_tokens = int(row["n_tokens"])
    assert n_tokens == sum(len(s) for s in sentences[doc].values()), doc
    assert speechstat_csv.close(row["per_10k"], n / n_tokens * 10_000 if n_tokens else 0.0), row
    assert row["score"] == "", row
    checked[row["dictionary"]] += n
    by_doc[(doc, row["dictionary"], row["category"])] = (n, n_tokens)
n_docs = len(sentences)
n_categories = sum(len(d) for d in dictionaries.values())
assert len(rows) == n_docs * n_categories, (len(rows), n_docs, n_categories)

if os.path.exists(out + "dictionary_by_group.csv"):
    documents = speechstat_csv.read(out + "documents.csv")
    for row in speechstat_csv.read(out + "dictionary_by_group.csv"):
        column = row["group_by"]
        members = [d["doc_id"] for d in documents if (d[column] or "(blank)") == row["group"]]
        n = sum(by_doc[(m, row["dictionary"], row["category"])][0] for m in members)
        tokens = sum(by_doc[(m, row["dictionary"], row["category"])][1] for m in members)
        assert int(row["count"]) == n and int(row["n_tokens"]) == tokens, (row, n, tokens)
        assert speechstat_csv.close(row["per_10k"], n / tokens * 10_000), row

print(
    f"dictionary.csv: {len(rows)} rows ({n_docs} speeches x {n_categories} categories) "
    f"recomputed from tokens.csv; matches per dictionary: "
    + ", ".join(f"{k} {v}" for k, v in checked.items())
)
