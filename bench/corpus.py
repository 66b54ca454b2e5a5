"""Corpus helpers for bench/compare.sh: list a corpus's speech files, build scaled copies.

Usage:
  corpus.py list CORPUS_DIR LIST_OUT
      Writes the corpus's files to LIST_OUT (absolute paths, one a line) and prints
      "FILES BYTES". A folder holding manifest.csv is defined by it: the files of its `file`
      column, in manifest order. Otherwise every .txt/.md file under the folder, recursively,
      sorted by path, hidden files and folders skipped (as speechstat reads a folder).
  corpus.py scale LIST FACTOR DEST_DIR
      Fills DEST_DIR with symbolic links to the files of LIST, for a corpus FACTOR times the
      size: FACTOR (a positive whole number) copies of every file, each under its own name.
      Links are named NNNNN_rCC_name (file number in LIST, then copy number from 01), so
      names never clash and name order is list order, the copies of a file side by side.
      No manifest is written.
"""

import csv
import os
import re
import sys


def manifest_files(folder):
    with open(os.path.join(folder, "manifest.csv"), newline="", encoding="utf-8-sig") as f:
        return [os.path.join(folder, row["file"]) for row in csv.DictReader(f) if row.get("file")]


def walked_files(folder):
    if os.path.isfile(os.path.join(folder, "manifest.csv")):
        return manifest_files(folder)
    found = []
    for name in sorted(os.listdir(folder)):
        if name.startswith("."):
            continue
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            found.extend(walked_files(path))
        elif name.lower().endswith((".txt", ".md")) and os.path.isfile(path):
            found.append(path)
    return found


def list_corpus(folder, list_out):
    files = [os.path.abspath(p) for p in walked_files(folder)]
    missing = [p for p in files if not os.path.isfile(p)]
    if missing:
        sys.exit(f"corpus.py: {len(missing)} files listed in the manifest are missing, e.g. {missing[0]}")
    if not files:
        sys.exit(f"corpus.py: no .txt/.md speech files in {folder}")
    with open(list_out, "w", encoding="utf-8") as f:
        f.writelines(p + "\n" for p in files)
    print(len(files), sum(os.path.getsize(p) for p in files))


def scale(list_path, factor, dest):
    if not re.fullmatch(r"[1-9][0-9]*", factor):
        sys.exit(f"corpus.py: the scale factor must be a positive whole number, not '{factor}'")
    copies = int(factor)
    with open(list_path, encoding="utf-8") as f:
        files = [line.rstrip("\n") for line in f if line.strip()]
    # Fixed-width numbers keep name order equal to list order (wider only for huge lists).
    i_width, copy_width = max(5, len(str(len(files) - 1))), max(2, len(str(copies)))
    os.makedirs(dest, exist_ok=True)
    for i, path in enumerate(files):
        for copy in range(1, copies + 1):
            name = f"{i:0{i_width}d}_r{copy:0{copy_width}d}_{os.path.basename(path)}"
            os.symlink(path, os.path.join(dest, name))


if __name__ == "__main__":
    if sys.argv[1:2] == ["list"] and len(sys.argv) == 4:
        list_corpus(*sys.argv[2:])
    elif sys.argv[1:2] == ["scale"] and len(sys.argv) == 5:
        scale(*sys.argv[2:])
    else:
        sys.exit(__doc__)
