#!/usr/bin/env python3
"""Converts VADER's lexicon (vader_lexicon.txt of the PyPI package vaderSentiment 3.3.2,
MIT licence: LICENSE-vader.txt) into vader.csv, a speechstat dictionary.

Each entry that is a word as speechstat tokenizes text (letters, digits, apostrophes and
hyphens, with a letter) goes to category `positive` (mean valence > 0) or `negative` (< 0)
with its mean valence as `weight`; emoticons are left out, as they are never word tokens.

    python3 dictionaries/vader_to_csv.py path/to/vader_lexicon.txt > dictionaries/vader.csv
"""
import csv
import re
import sys

WORD = re.compile(r"^[a-z0-9'-]*[a-z][a-z0-9'-]*$")


def main(path):
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["category", "pattern", "weight"])
    with open(path, encoding="utf-8") as lexicon:
        for line in lexicon:
            fields = line.rstrip("\r\n").split("\t")
            word, valence = fields[0], float(fields[1])
            if not WORD.match(word) or valence == 0:
                continue
            category = "positive" if valence > 0 else "negative"
            writer.writerow([category, word, fields[1]])


if __name__ == "__main__":
    main(sys.argv[1])
