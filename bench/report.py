"""Turn bench/compare.sh's raw measurements into the printed tables and a CSV.

Usage:
  report.py compare RUNS_TSV CSV_OUT FILES BYTES WORDS
  report.py scaling RUNS_TSV CSV_OUT

RUNS_TSV has one line per run. For `compare`: TOOL<TAB>SECONDS<TAB>MAX_RSS_KB, tools in the
order they are to be printed. For `scaling`: FACTOR<TAB>FILES<TAB>BYTES<TAB>WORDS<TAB>TOOL<TAB>
SECONDS<TAB>MAX_RSS_KB, FACTOR a whole number (1 = the corpus once; without a 1 the
`time / 1x` and `memory / 1x` columns read -), factors and tools in the order they are to be
printed. Time is the median of the runs, memory the largest peak of the runs.
MB means 10^6 bytes throughout. Prints a Markdown table (and for `compare` the goal ratios)
and writes the same figures to CSV_OUT.
"""

import csv
import statistics
import sys
from collections import defaultdict

FREQ, ANALYZE = "speechstat freq", "speechstat analyze"
COUNTVECTORIZER, NLTK, WC = "CountVectorizer", "NLTK pipeline", "wc -w"
# Time ratios: (numerator, denominator, goal text, goal met?)
GOALS = [
    (FREQ, WC, "goal <= 2.5", lambda r: r <= 2.5),
    (ANALYZE, WC, "goal <= 5", lambda r: r <= 5),
    (COUNTVECTORIZER, FREQ, "for reference", None),
    (NLTK, ANALYZE, "for reference", None),
]
# Peak memory in MB: (tool, goal)
MEMORY_GOALS = [(FREQ, 300), (ANALYZE, 500)]


def read_runs(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def summarize(seconds, rss_kb):
    return {
        "runs": len(seconds),
        "median_s": statistics.median(seconds),
        "min_s": min(seconds),
        "max_s": max(seconds),
        "peak_mb": max(rss_kb) * 1024 / 1e6,
    }


def table(header, rows):
    """A Markdown table: the first column left-aligned, the others right-aligned."""
    lines = ["| " + " | ".join(header) + " |",
             "|" + "---|" + "---:|" * (len(header) - 1)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def fmt_ratio(x):
    return "" if x is None else f"{x:.3f}"


def fmt_mb(nbytes):
    mb = nbytes / 1e6
    return f"{mb:.2f}" if mb < 10 else f"{mb:.1f}"


def fmt_s(s):
    return f"{s:.3f}" if s < 10 else f"{s:.1f}"


def compare(runs_path, csv_path, files, total_bytes, words):
    files, total_bytes, words = int(files), int(total_bytes), int(words)
    seconds, rss = defaultdict(list), defaultdict(list)
    for tool, s, kb in read_runs(runs_path):
        seconds[tool].append(float(s))
        rss[tool].append(int(kb))
    stats = {tool: summarize(seconds[tool], rss[tool]) for tool in seconds}
    median = {tool: st["median_s"] for tool, st in stats.items()}

    rows, records = [], []
    for tool, st in stats.items():
        s = st["median_s"]
        rec = dict(tool=tool, **st, mb_per_s=total_bytes / 1e6 / s, tokens_per_s=words / s,
                   x_freq=s / median[FREQ] if FREQ in median else None,
                   x_wc=s / median[WC] if WC in median else None)
        records.append(rec)
        rows.append([tool, fmt_s(s), f"{rec['mb_per_s']:.1f}", f"{rec['tokens_per_s'] / 1e6:.2f} M",
                     f"{st['peak_mb']:.0f}",
                     "-" if rec["x_freq"] is None else f"{rec['x_freq']:.2f}",
                     "-" if rec["x_wc"] is None else f"{rec['x_wc']:.1f}"])
    print(table(["tool", "median s", "MB/s", "tokens/s", "peak MB", "x freq", "x wc -w"], rows))
    print()
    for num, den, goal, met in GOALS:
        if num in median and den in median:
            ratio = median[num] / median[den]
            verdict = goal if met is None else f"{goal}: {'met' if met(ratio) else 'NOT met'}"
            print(f"- {num} / {den} = {ratio:.1f} x ({verdict})")
    for tool, goal_mb in MEMORY_GOALS:
        if tool in stats:
            peak = stats[tool]["peak_mb"]
            print(f"- {tool} peak memory = {peak:.0f} MB (goal <= {goal_mb}: "
                  f"{'met' if peak <= goal_mb else 'NOT met'})")

    with open(csv_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["tool", "runs", "median_s", "min_s", "max_s", "mb_per_s", "tokens_per_s",
                         "peak_mb", "x_freq", "x_wc", "files", "bytes", "words"])
        for r in records:
            writer.writerow([r["tool"], r["runs"], f"{r['median_s']:.4f}", f"{r['min_s']:.4f}",
                             f"{r['max_s']:.4f}", f"{r['mb_per_s']:.2f}", f"{r['tokens_per_s']:.0f}",
                             f"{r['peak_mb']:.1f}", fmt_ratio(r["x_freq"]), fmt_ratio(r["x_wc"]),
                             files, total_bytes, words])


def scaling(runs_path, csv_path):
    seconds, rss, sizes = defaultdict(list), defaultdict(list), {}
    for factor, files, nbytes, words, tool, s, kb in read_runs(runs_path):
        sizes[factor] = (int(files), int(nbytes), int(words))
        seconds[(tool, factor)].append(float(s))
        rss[(tool, factor)].append(int(kb))
    stats = {key: summarize(seconds[key], rss[key]) for key in seconds}
    tools = list(dict.fromkeys(tool for tool, _ in stats))

    rows = []
    with open(csv_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["tool", "factor", "files", "bytes", "words", "runs", "median_s", "min_s",
                         "max_s", "mb_per_s", "tokens_per_s", "peak_mb", "time_vs_1x",
                         "memory_vs_1x"])
        for tool in tools:
            base = stats.get((tool, "1"))  # None without a 1x run: the two ratios stay blank
            for factor, (files, nbytes, words) in sizes.items():
                st = stats[(tool, factor)]
                s = st["median_s"]
                t_rel = s / base["median_s"] if base else None
                m_rel = st["peak_mb"] / base["peak_mb"] if base else None
                mb_per_s, tokens_per_s = nbytes / 1e6 / s, words / s
                rows.append([tool, f"{factor}x", f"{files:,}", fmt_mb(nbytes), f"{words:,}",
                             fmt_s(s), f"{mb_per_s:.1f}", f"{tokens_per_s / 1e6:.2f} M",
                             f"{st['peak_mb']:.0f}",
                             "-" if t_rel is None else f"{t_rel:.2f}",
                             "-" if m_rel is None else f"{m_rel:.2f}"])
                writer.writerow([tool, factor, files, nbytes, words, st["runs"], f"{s:.4f}",
                                 f"{st['min_s']:.4f}", f"{st['max_s']:.4f}", f"{mb_per_s:.2f}",
                                 f"{tokens_per_s:.0f}", f"{st['peak_mb']:.1f}", fmt_ratio(t_rel),
                                 fmt_ratio(m_rel)])
    print(table(["tool", "factor", "files", "MB", "words", "median s", "MB/s", "tokens/s",
                 "peak MB", "time / 1x", "memory / 1x"], rows))


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "compare" and len(sys.argv) == 7:
        compare(*sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] == "scaling" and len(sys.argv) == 4:
        scaling(*sys.argv[2:])
    else:
        sys.exit(__doc__)
