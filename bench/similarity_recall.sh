#!/usr/bin/env bash
# How close the index's answer is to the exact one: runs `speechstat analyze` twice on one
# corpus, with --similarity exact and with --similarity approximate (what the default does
# beyond 1,000 speeches or groups), and prints recall@10 (the share of each unit's 10 most
# similar, by the exact answer, that the index finds), whether the cosines it lists are the
# exact ones, and the time of the similarity stage of each run (run.json).
#
# Usage: bench/similarity_recall.sh [CORPUS] [ANALYZE OPTIONS...]
#   CORPUS   folder of speeches (default: ../shared/corpora/ungdc_1995_2024 beside the repo)
#   options  passed to both runs, such as --group-by iso3
# Environment:
#   CARGO_TARGET_DIR    where cargo builds (default: the repository's target/)
#   SPEECHSTAT_BIN=PATH use this speechstat binary instead of running cargo build
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/.." && pwd)"
corpus="${1:-$REPO/../shared/corpora/ungdc_1995_2024}"
shift || true
[ -d "$corpus" ] || { echo "similarity_recall.sh: no folder $corpus" >&2; exit 1; }

if [ -n "${SPEECHSTAT_BIN:-}" ]; then
    bin="$SPEECHSTAT_BIN"
else
    (cd "$REPO" && cargo build --release --quiet)
    bin="$(cd "$REPO" && realpath "${CARGO_TARGET_DIR:-target}")/release/speechstat"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for method in exact approximate; do
    echo "speechstat analyze $corpus --similarity $method $*" >&2
    "$bin" analyze "$corpus" --similarity "$method" --out "$work/$method" --quiet "$@" 2>/dev/null
done

python3 - "$work/exact" "$work/approximate" <<'PY'
import csv, json, sys
from collections import defaultdict

def table(out):
    with open(out + "/tables/similarity.csv", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))

def unit_pair(row):
    if "doc_a" in row:
        return row["doc_a"], row["doc_b"]
    return (row["group_by"], row["group_a"]), (row["group_by"], row["group_b"])

def stage_seconds(out):
    stages = json.load(open(out + "/run.json"))["stages"]
    return next(s["seconds"] for s in stages if s["stage"] == "similarity")

exact_rows, found_rows = table(sys.argv[1]), table(sys.argv[2])
# Each unit's partners with their cosines, from every pair (both sides) or from its list.
exact, cosine_of = defaultdict(dict), {}
for r in exact_rows:
    a, b = unit_pair(r)
    if r["cosine"] == "":
        continue
    cosine_of[(a, b)] = cosine_of[(b, a)] = r["cosine"]
    exact[a][b] = float(r["cosine"])
    if r["method"] == "all pairs":
        exact[b][a] = float(r["cosine"])
found = defaultdict(dict)
for r in found_rows:
    a, b = unit_pair(r)
    found[a][b] = float(r["cosine"])
wanted = hits = same = compared = 0
for unit, partners in exact.items():
    top = sorted((c for c in partners.values() if c > 0), reverse=True)[:10]
    if not top:
        continue
    # A partner found counts when its exact cosine reaches the tenth best: ties either way.
    wanted += len(top)
    hits += min(len(top), sum(1 for c in found[unit].values() if c >= top[-1]))
for r in found_rows:
    a, b = unit_pair(r)
    if (a, b) in cosine_of:
        compared += 1
        same += cosine_of[(a, b)] == r["cosine"]
methods = sorted({r["method"] for r in found_rows})
print(f"units: {len(exact)}; rows: exact {len(exact_rows)}, approximate {len(found_rows)} ({', '.join(methods)})")
print(f"recall@10: {hits / wanted:.4f} ({hits} of {wanted} nearest found)")
print(f"cosines listed by both runs: {same} of {compared} identical")
print(f"similarity stage: exact {stage_seconds(sys.argv[1]):.2f} s, approximate {stage_seconds(sys.argv[2]):.2f} s")
PY
