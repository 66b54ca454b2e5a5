#!/usr/bin/env bash
# Runs a speechstat binary on corpus/ and on the shared corpora with a fixed set of options,
# and prints the sha256 of every table and chart it writes. Run it with the binary before and
# after a change that must not change any output (a restructuring, an optimisation), then
# diff the two lists.
#
#   bench/output_hashes.sh BINARY OUT_DIR > hashes.txt
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
root=$(realpath -m "$2")
corpora=../shared/corpora
rm -rf "$root"
mkdir -p "$root"
run() {
    local name=$1
    shift
    "$bin" "$@" --out "$root/$name" --quiet 2>/dev/null
}
run corpus analyze corpus
run corpus_freq freq corpus
run corpus_options analyze corpus --group-by party --focus freedom,economy --phrases --tokens --terms freedom,war,nation
if [ -d "$corpora" ]; then
    run unsc analyze "$corpora/unsc_debates_13_meetings"
    run unsc_options analyze "$corpora/unsc_debates_13_meetings" --group-by country_or_org --focus trafficking,women --phrases --tokens
    run unsc_original analyze "$corpora/unsc_debates_13_meetings/original"
    run ungdc analyze "$corpora/ungdc_1995_2024"
    run sotu analyze "$corpora/us_sotu_1790_2026"
    run sotu_options analyze "$corpora/us_sotu_1790_2026" --group-by party --focus tax --phrases --context sentence
    run inaugural analyze "$corpora/us_inaugural_1789_2021"
    run ungdc_kwic analyze "$corpora/ungdc_1995_2024" --kwic "human rights" --group-by year
    "$bin" kwic "terror*" "$corpora/ungdc_1995_2024" --in iso3=USA --match term >"$root/ungdc_kwic.txt" 2>/dev/null
else
    echo "$corpora not found: corpus/ only" >&2
fi
cd "$root"
find . -type f | LC_ALL=C sort | xargs sha256sum
