#!/usr/bin/env python3
"""Checks kwic.csv of a run with --kwic PATTERN --tokens against tokens.csv and the speeches'
files, independently of speechstat: one line per occurrence of the pattern (a word, a glob
with * and ?, or a phrase of consecutive tokens in one sentence, matched on the lowercased
form), at the right position, and each line's left context, keyword and right context found
as written in the speech's file (white space runs read as one space, bracketed annotations
such as [Applause] or a footnote's [2] left out, as speechstat's clean-up does).
Usage: verify_kwic.py OUTPUT_DIR PATTERN"""
import fnmatch
import re
import sys
from collections import defaultdict

import speechstat_csv

out = sys.argv[1] + "/tables/"
pattern = sys.argv[2].strip().strip('"').lower().replace("\u2019", "'").split()


def rows(name):
    return speechstat_csv.read(out + name)


def matches(word, token):
    if "*" in word or "?" in word:
        return fnmatch.fnmatchcase(token, word.replace("[", "[[]"))
    return token == word


by_sentence = defaultdict(list)
order = []
for t in rows("tokens.csv"):
    key = (t["doc_id"], t["sentence"])
    if key not in by_sentence:
        order.append(key)
    by_sentence[key].append((int(t["position"]), t["token"]))
expected = []
for key in order:
    tokens = by_sentence[key]
    for i in range(len(tokens) - len(pattern) + 1):
        if all(matches(w, tokens[i + j][1]) for j, w in enumerate(pattern)):
            expected.append((key[0], tokens[i][0]))

lines = rows("kwic.csv")
found = [(r["doc_id"], int(r["position"])) for r in lines]
assert found == expected, (len(found), len(expected), [x for x in expected if x not in found][:5])

source = {d["doc_id"]: d["source"] for d in rows("documents.csv")}
texts = {}
for r in lines:
    path = source[r["doc_id"]]
    if path not in texts:
        with open(path, encoding="utf-8-sig") as f:
            texts[path] = " ".join(re.sub(r"\[[^\[\]\n]{1,60}\]", " ", f.read()).split())
    text = texts[path]
    keyword = r["keyword"]
    ok = False
    start = text.find(keyword)
    while start >= 0 and not ok:
        before = text[:start].rstrip()
        after = text[start + len(keyword):].lstrip()
        # An annotation removed next to the keyword leaves a space the cleaned text lacks.
        squeeze = lambda s: s.replace(" ", "")
        ok = squeeze(before).endswith(squeeze(r["left"])) and squeeze(after).startswith(squeeze(r["right"]))
        start = text.find(keyword, start + 1)
    assert ok, (r["doc_id"], r["left"], keyword, r["right"])
print(f"kwic {' '.join(pattern)!r}: {len(lines)} lines at the positions tokens.csv gives, "
      f"each found as written in its file")
