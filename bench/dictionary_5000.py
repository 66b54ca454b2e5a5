#!/usr/bin/env python3
"""Writes a dictionary of 5,000 patterns to stdout, for timing --dictionary: 3,500 words,
1,000 LIWC-style globs (the first five letters of a word and *, distinct) and 500 multiword entries (two
words), drawn in order from dictionaries/vader.csv and spread over 50 categories.

    python3 bench/dictionary_5000.py > /tmp/d5000.csv
    python3 bench/measure.py -- target/release/speechstat freq CORPUS --out /tmp/f --quiet
    python3 bench/measure.py -- target/release/speechstat analyze CORPUS --dictionary /tmp/d5000.csv --out /tmp/a --quiet
    # the dictionary's own time: the "dictionaries" stage of /tmp/a/run.json
"""
import csv
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "dictionaries", "vader.csv"), encoding="utf-8") as f:
    words = [row["pattern"] for row in csv.DictReader(f)]
patterns = words[:3500]
globs = []
for word in words:
    glob = word[:5] + "*"
    if len(word) > 5 and glob not in globs:
        globs.append(glob)
patterns += globs[:1000]
rest = words[3500:]
patterns += [f"{rest[i]} {rest[i + 1]}" for i in range(0, 1000, 2)]
assert len(patterns) == 5000, len(patterns)
writer = csv.writer(sys.stdout, lineterminator="\n")
writer.writerow(["category", "pattern"])
for i, pattern in enumerate(patterns):
    writer.writerow([f"category_{i % 50:02d}", pattern])
