#!/usr/bin/env python3
"""What the comparison stage (keyness, similarity, concordance) costs, measured in one run.

Usage: bench/comparison.py [CORPUS] [--bin PATH] [--runs N]
  CORPUS  a folder of speeches (default: ../shared/corpora/ungdc_1995_2024 beside the repo)
  --bin   the speechstat binary (default: target/release/speechstat, or CARGO_TARGET_DIR's)
  --runs  runs per command; the median is reported (default 3)

For each command: the median wall time, the peak memory (max RSS) of its runs, and the
median time of each stage speechstat reports with --timings. "Rest" is the analyze time
minus the comparison stages, "keyness" (scoring every target) and "comparison tables"
(writing keyness.csv, computing and writing similarity.csv), and the profile stages,
"profiles" (diversity and readability of every speech) and "profile tables" (groups.csv,
term_trends.csv); charts are drawn in the charts stage and count in the rest, as do the
profile columns of documents.csv and terms.csv (written in the "tables" stage). The ratios answer: how much does
keyness (for every speech, every year, every country) add to the rest of analyze, how much
does the similarity of every speech add, and how does `speechstat kwic` compare with
`speechstat freq` and with `cat | wc -w`. Prints Markdown."""

import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def arguments(argv):
    corpus, binary, runs = None, None, 3
    i = 0
    while i < len(argv):
        if argv[i] == "--bin":
            binary, i = argv[i + 1], i + 2
        elif argv[i] == "--runs":
            runs, i = int(argv[i + 1]), i + 2
        elif argv[i] in ("-h", "--help"):
            sys.exit(__doc__)
        else:
            corpus, i = argv[i], i + 1
    corpus = corpus or os.path.join(REPO, "..", "shared", "corpora", "ungdc_1995_2024")
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
    binary = binary or os.path.join(target, "release", "speechstat")
    if not os.path.isdir(corpus):
        sys.exit(f"comparison.py: corpus folder not found: {corpus}")
    if not os.access(binary, os.X_OK):
        sys.exit(f"comparison.py: no speechstat binary at {binary}; run cargo build --release")
    return os.path.abspath(corpus), binary, runs


def measure(command):
    """Seconds, peak KiB and the --timings stages of one run (in a child of a fresh fork, so
    the peak belongs to this run alone)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        report = f"{result.returncode}\t{seconds}\t{peak}\n" + result.stderr.decode()
        os.write(write, report.encode())
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.waitpid(pid, 0)
    head, _, stderr = b"".join(chunks).decode().partition("\n")
    status, seconds, peak = head.split("\t")
    if status != "0":
        sys.exit(f"comparison.py: {' '.join(command)} failed:\n{stderr}")
    stages = {}
    for line in stderr.splitlines():
        name, sep, value = line.rpartition(":")
        if sep and value.strip().endswith(" s"):
            stages[name.strip()] = float(value.strip()[:-2])
    return float(seconds), int(peak), stages


def median_run(command, runs):
    results = [measure(command) for _ in range(runs)]
    stages = {
        name: statistics.median(r[2].get(name, 0.0) for r in results)
        for name in results[0][2]
    }
    return statistics.median(r[0] for r in results), max(r[1] for r in results), stages


def main():
    corpus, binary, runs = arguments(sys.argv[1:])
    files = sorted(
        os.path.join(d, f)
        for d, _, names in os.walk(corpus)
        for f in names
        if f.endswith(".txt") and f.lower() != "readme.txt"
    )
    out = tempfile.mkdtemp(prefix="speechstat-comparison.")
    listing = os.path.join(out, "files")
    with open(listing, "w") as f:
        f.write("\0".join(files))
    analyze = [binary, "analyze", corpus, "--out", out + "/a", "--quiet", "--timings"]
    commands = [
        ("cat | wc -w", ["sh", "-c", f"xargs -0 cat < '{listing}' | wc -w"]),
        ("speechstat freq", [binary, "freq", corpus, "--out", out + "/f", "--quiet", "--timings"]),
        ("speechstat kwic peace", [binary, "kwic", "peace", corpus, "--quiet", "--timings"]),
        ("speechstat kwic 'terror*' --match term", [binary, "kwic", "terror*", corpus, "--match", "term", "--quiet", "--timings"]),
        ("analyze (every speech)", analyze),
        ("analyze --group-by year", analyze + ["--group-by", "year"]),
        ("analyze --group-by country_or_org", analyze + ["--group-by", "country_or_org"]),
        ("analyze --group-by year --group-by country_or_org", analyze + ["--group-by", "year", "--group-by", "country_or_org"]),
    ]
    results = {}
    for name, command in commands:
        print(f"running {name} ({runs} runs)", file=sys.stderr)
        results[name] = median_run(command, runs)

    size = sum(os.path.getsize(f) for f in files) / 1e6
    print("#### The comparison stage: keyness, similarity, concordance\n")
    print(f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"- machine: {platform.system()} {platform.release()} {platform.machine()}; {os.cpu_count()} CPUs")
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    print(f"- speechstat commit {commit}")
    print(f"- corpus: {os.path.basename(corpus)}, {len(files):,} files, {size:.1f} MB")
    print(f"- runs per command: {runs}, medians; peak MB: the largest max RSS of those runs\n")
    print("| command | median s | peak MB | keyness s | comparison tables s | profiles s | profile tables s | rest s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    stage_names = ("keyness", "comparison tables", "profiles", "profile tables")
    for name, (seconds, peak, stages) in results.items():
        cells = [f"{seconds:.3f}", f"{peak / 1024:.0f}"]
        if name.startswith("analyze"):
            spent = [stages.get(s, 0.0) for s in stage_names]
            cells += [f"{x:.3f}" for x in spent] + [f"{seconds - sum(spent):.3f}"]
        else:
            cells += [""] * 5
        print(f"| {name.replace('|', chr(92) + '|')} | " + " | ".join(cells) + " |")
    print()
    for name, (seconds, _, stages) in results.items():
        if not name.startswith("analyze"):
            continue
        keyness, tables, profiles, profile_tables = (stages.get(s, 0.0) for s in stage_names)
        rest = seconds - keyness - tables - profiles - profile_tables
        print(f"- {name}: keyness + comparison tables = {(keyness + tables) / rest:.2f} x the rest of analyze "
              f"(keyness {keyness / rest:.2f}, comparison tables {tables / rest:.2f}); "
              f"profiles + profile tables = {(profiles + profile_tables) / seconds:.3f} of analyze")
    freq = results["speechstat freq"][0]
    for name in ("speechstat kwic peace", "speechstat kwic 'terror*' --match term"):
        print(f"- {name}: {results[name][0] / freq:.2f} x speechstat freq, "
              f"{results[name][0] / results['cat | wc -w'][0]:.1f} x cat | wc -w")


if __name__ == "__main__":
    main()
