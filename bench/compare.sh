#!/usr/bin/env bash
# Times speechstat against scikit-learn's CountVectorizer, a Python + NLTK pipeline and
# `cat | wc -w` on one corpus, or (--scaling) speechstat on 1, 2, 5 and 10 times a corpus.
#
# Usage: bench/compare.sh [--scaling] [CORPUS]
#   CORPUS   folder of speeches (default: ../shared/corpora/ungdc_1995_2024 beside the repo)
# Environment:
#   RUNS=N              runs per command, the median is reported (default 3)
#   SCALING_RUNS=N      runs per command with --scaling (default: RUNS if set, else 1)
#   SCALES="1 2 5 10"   the size factors for --scaling, positive whole numbers (default 1 2 5 10)
#   PARQUET_FROM=50     --scaling runs at this factor and above write --format parquet: the CSV
#                       of every speech's terms at 100x is 330 million rows, about 16 GB
#   CARGO_TARGET_DIR    where cargo builds (default: the repository's target/)
#   SPEECHSTAT_BIN=PATH use this speechstat binary instead of running cargo build
#   XDG_CACHE_HOME      the Python virtualenv goes to ${XDG_CACHE_HOME:-~/.cache}/speechstat-bench-venv
#   TMPDIR              the temporary folder goes there (default /tmp); --scaling writes outputs
#                       of several GB there, one at a time, and warns below 8 GB free
#
# The report goes to stdout (Markdown, ready to paste) and to bench/results/; progress to stderr.
# See bench/README.md for what each figure means.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/.." && pwd)"
SCALES="${SCALES:-1 2 5 10}"
PARQUET_FROM="${PARQUET_FROM:-50}"
MIN_FREE_GB=8 # free space --scaling asks for: analyze on 10x the default corpus writes several GB
STOPWORDS="$REPO/assets/stopwords/en.txt"
VENV="${XDG_CACHE_HOME:-$HOME/.cache}/speechstat-bench-venv"

log() { printf '%s\n' "$*" >&2; }
die() { printf 'compare.sh: %s\n' "$*" >&2; exit 1; }
# The comment block at the top of this file, from its second line to the first non-comment line.
usage() { sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"; }

# ---- arguments ----------------------------------------------------------------------------
mode=compare
corpus_arg=""
for arg in "$@"; do
    case "$arg" in
        --scaling) mode=scaling ;;
        -h | --help) usage; exit 0 ;;
        -*) usage >&2; die "unknown option: $arg" ;;
        *) [ -z "$corpus_arg" ] || die "only one corpus folder, please (got '$corpus_arg' and '$arg')"
           corpus_arg="$arg" ;;
    esac
done
for var in RUNS SCALING_RUNS; do
    value="${!var:-}"
    [ -z "$value" ] || [[ "$value" =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive whole number, not '$value'"
done
if [ "$mode" = scaling ]; then
    RUNS="${SCALING_RUNS:-${RUNS:-1}}"
    read -r -a SCALE_LIST <<<"$SCALES"
    [ "${#SCALE_LIST[@]}" -gt 0 ] || die "SCALES is empty: give the size factors, such as SCALES=\"1 2 5 10\""
    for factor in "${SCALE_LIST[@]}"; do
        [[ "$factor" =~ ^[1-9][0-9]{0,3}$ ]] \
            || die "SCALES must be positive whole numbers (up to 9999) separated by spaces, such as \"1 2 5 10\"; '$factor' is not one"
    done
    mapfile -t SCALE_LIST < <(printf '%s\n' "${SCALE_LIST[@]}" | sort -n -u)
else
    RUNS="${RUNS:-3}"
fi

corpus="${corpus_arg:-$REPO/../shared/corpora/ungdc_1995_2024}"
if [ ! -d "$corpus" ]; then
    if [ -z "$corpus_arg" ]; then
        die "the default corpus is missing: $corpus
  (it comes with the project's shared/ folder beside the repository; or pass a corpus folder: bench/compare.sh PATH)"
    fi
    die "corpus folder not found: $corpus (pass a folder of .txt/.md speeches, with or without a manifest.csv)"
fi
CORPUS="$(cd "$corpus" && pwd)"
[ -f "$STOPWORDS" ] || die "stopword list not found: $STOPWORDS"

# A relative CARGO_TARGET_DIR means relative to where the script was started, as for cargo.
if [ -n "${CARGO_TARGET_DIR:-}" ] && [[ "$CARGO_TARGET_DIR" != /* ]]; then
    export CARGO_TARGET_DIR="$PWD/$CARGO_TARGET_DIR"
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/speechstat-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- 1. speechstat ------------------------------------------------------------------------
if [ -n "${SPEECHSTAT_BIN:-}" ]; then
    [ -x "$SPEECHSTAT_BIN" ] || die "SPEECHSTAT_BIN is not an executable file: $SPEECHSTAT_BIN"
    BIN="$SPEECHSTAT_BIN"
    log "== using SPEECHSTAT_BIN=$BIN (not building)"
else
    command -v cargo >/dev/null || die "cargo not found: install Rust (https://rustup.rs), or set SPEECHSTAT_BIN to a built speechstat"
    command -v python3 >/dev/null || die "python3 not found (needed to read cargo's output and for the Python baselines)"
    target_dir="${CARGO_TARGET_DIR:-the default, $REPO/target}"
    log "== cargo build --release (target folder: $target_dir)"
    (cd "$REPO" && cargo build --release --message-format=json-render-diagnostics) >"$TMP/build.json" \
        || die "cargo build --release failed"
    # The executable's path, from cargo's own report of the artifacts it built.
    BIN="$(python3 -c '
import json, sys
for line in open(sys.argv[1]):
    msg = json.loads(line) if line.startswith("{") else {}
    if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "speechstat" \
            and msg.get("executable"):
        print(msg["executable"])
' "$TMP/build.json" | tail -n 1)"
    [ -n "$BIN" ] && [ -x "$BIN" ] || die "cargo build succeeded but no speechstat executable was reported"
fi
log "   speechstat: $BIN ($("$BIN" --version))"

# ---- 2. Python virtualenv with scikit-learn and NLTK ---------------------------------------
PY="$VENV/bin/python"
if ! "$PY" -c 'import sklearn, nltk' 2>/dev/null; then
    command -v python3 >/dev/null || die "python3 not found: it is needed for the Python baselines and the measurements"
    log "== creating the virtualenv $VENV (once; later runs reuse it; this takes a minute)"
    python3 -m venv --clear "$VENV" || die "python3 -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"
    "$PY" -m pip install --disable-pip-version-check --quiet scikit-learn nltk \
        || die "pip install scikit-learn nltk failed"
fi
PY_VERSIONS="$("$PY" -c '
import platform, sklearn, nltk, numpy, scipy
print(f"Python {platform.python_version()}, scikit-learn {sklearn.__version__}, nltk {nltk.__version__}, "
      f"numpy {numpy.__version__}, scipy {scipy.__version__}")')"
log "   $PY_VERSIONS"

# ---- helpers ------------------------------------------------------------------------------
# measure LABEL CMD...: one run of CMD in a fresh measure.py process; prints "SECONDS<TAB>KB".
measure() {
    local label="$1" result
    shift
    result="$("$PY" "$SCRIPT_DIR/measure.py" -- "$@")" || die "$label failed (command: $*)"
    printf '%s\n' "$result"
}

# words LIST: the `wc -w` word count of the files in LIST (also brings them into the page cache).
words() { xargs -d '\n' cat -- <"$1" | wc -w; }

# A bash pipeline for measure.py: cat the listed files into wc -w.
WC_CMD=(bash -c 'xargs -d "\n" cat -- <"$1" | wc -w' wc-pipeline)

machine_lines() {
    local cpu cores mem_gb git_rev rustc
    cpu="$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
    cores="$(nproc)"
    mem_gb="$(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo 2>/dev/null)"
    git_rev="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    if [ "$git_rev" != unknown ] && ! git -C "$REPO" diff --quiet HEAD -- 2>/dev/null; then
        git_rev="$git_rev + uncommitted changes"
    fi
    rustc="$(rustc --version 2>/dev/null || echo 'rustc unknown')"
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- machine: $(uname -srm); CPU: ${cpu:-unknown}; ${cores} CPUs (nproc); ${mem_gb:-?} GiB memory"
    # A binary given by SPEECHSTAT_BIN may be of another commit than the checkout.
    local built="commit $git_rev"
    [ -z "${SPEECHSTAT_BIN:-}" ] || built="the binary $SPEECHSTAT_BIN given by SPEECHSTAT_BIN; the checkout is at $git_rev"
    echo "- $("$BIN" --version) ($built, $rustc); $PY_VERSIONS"
}

thousands() { printf '%s' "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
runs_line() {
    echo "- runs per command: $RUNS, the median time shown; peak MB: the largest max RSS of those runs (the measuring wrapper's own floor: $(mb $((FLOOR_KB * 1024))) MB); MB = 10^6 bytes"
}

FLOOR_KB="$(measure "the floor measurement (true)" true | cut -f2)"
STAMP="$(date -u '+%Y%m%d-%H%M%S')"
mkdir -p "$SCRIPT_DIR/results"
"$PY" "$SCRIPT_DIR/corpus.py" list "$CORPUS" "$TMP/files.txt" >"$TMP/corpus-size" \
    || die "could not list the speech files of $CORPUS"
read -r N_FILES N_BYTES <"$TMP/corpus-size"

# ---- 3-5. the comparison ------------------------------------------------------------------
run_compare() {
    local n_words out="$TMP/out" runs="$TMP/runs.tsv" tool i result
    log "== counting words with wc -w (untimed; also warms the page cache)"
    n_words="$(words "$TMP/files.txt")"
    : >"$runs"
    for tool in "speechstat freq" "speechstat analyze" "CountVectorizer" "NLTK pipeline" "wc -w"; do
        for ((i = 1; i <= RUNS; i++)); do
            rm -rf "$out"
            mkdir -p "$out"
            case "$tool" in
                "speechstat freq") result="$(measure "$tool" "$BIN" freq "$CORPUS" --out "$out" -q)" ;;
                "speechstat analyze") result="$(measure "$tool" "$BIN" analyze "$CORPUS" --out "$out" -q)" ;;
                "CountVectorizer") result="$(measure "$tool" "$PY" "$SCRIPT_DIR/countvectorizer.py" "$TMP/files.txt" "$out/terms.csv")" ;;
                "NLTK pipeline") result="$(measure "$tool" "$PY" "$SCRIPT_DIR/nltk_pipeline.py" "$TMP/files.txt" "$STOPWORDS" "$out")" ;;
                "wc -w") result="$(measure "$tool" "${WC_CMD[@]}" "$TMP/files.txt")" ;;
            esac
            printf '%s\t%s\n' "$tool" "$result" >>"$runs"
            log "   $tool, run $i/$RUNS: $(printf '%s' "$result" | awk -F'\t' '{printf "%.3f s, %.0f MB peak", $1, $2 * 1024 / 1e6}')"
        done
    done
    rm -rf "$out"

    local report="$SCRIPT_DIR/results/compare-$STAMP.md" csv="$SCRIPT_DIR/results/compare-$STAMP.csv"
    {
        echo "### speechstat against CountVectorizer, NLTK and wc -w"
        echo
        machine_lines
        echo "- corpus: $(basename "$CORPUS"), $(thousands "$N_FILES") files, $(mb "$N_BYTES") MB, $(thousands "$n_words") words (wc -w)"
        runs_line
        echo "- tokens/s = the wc -w word count / time, for every tool; x freq, x wc -w = time / that tool's time"
        echo
        "$PY" "$SCRIPT_DIR/report.py" compare "$runs" "$csv" "$N_FILES" "$N_BYTES" "$n_words"
    } >"$report"
    cat "$report"
    log "== written: ${report#"$REPO"/} and ${csv#"$REPO"/}"
}

# ---- 6. scaling ---------------------------------------------------------------------------
# joined SEP LAST ITEM...: the items separated by SEP, the last two by LAST ("1, 2, 5 and 10").
joined() {
    local sep="$1" last="$2" out="$3" n=$(($# - 3)) i
    shift 3
    for ((i = 1; i <= n; i++)); do
        if ((i == n)); then out="$out$last$1"; else out="$out$sep$1"; fi
        shift
    done
    printf '%s' "$out"
}

# Warns when the folder the outputs go to has less than MIN_FREE_GB free (df's figures).
check_free_space() {
    local free_kb free_gb largest_mb
    free_kb="$(df -Pk "$TMP" 2>/dev/null | awk 'NR == 2 { print $4 }')"
    if ! [[ "$free_kb" =~ ^[0-9]+$ ]]; then
        log "   (could not read the free space of $TMP with df; speechstat's outputs need up to several GB)"
        return 0
    fi
    free_gb="$(awk -v kb="$free_kb" 'BEGIN { printf "%.1f", kb * 1024 / 1e9 }')"
    largest_mb="$(awk -v b="$N_BYTES" -v k="${SCALE_LIST[-1]}" 'BEGIN { printf "%.0f", b * k / 1e6 }')"
    if ((free_kb * 1024 < MIN_FREE_GB * 1000000000)); then
        log "compare.sh: warning: only $free_gb GB free in ${TMPDIR:-/tmp} (df, for $TMP), less than the $MIN_FREE_GB GB advised:"
        log "  each run's output is deleted once measured, but one run of speechstat analyze on the largest"
        log "  corpus (${SCALE_LIST[-1]}x = $largest_mb MB of text) may write several GB. If a run fails for lack of space,"
        log "  set TMPDIR to a folder on a bigger disk or use smaller SCALES. Going on."
    else
        log "   free space in ${TMPDIR:-/tmp}: $free_gb GB (each run's output is written there, then deleted)"
    fi
}

run_scaling() {
    local runs="$TMP/runs.tsv" out="$TMP/out" factor dir n_files n_bytes n_words tool i result format
    log "== scaling: $(joined ", " " and " "${SCALE_LIST[@]}") times $(basename "$CORPUS"), $RUNS run(s) per command"
    check_free_space
    case " ${SCALE_LIST[*]} " in
        *" 1 "*) ;;
        *) log "   (SCALES has no 1: the time / 1x and memory / 1x columns will read -)" ;;
    esac
    : >"$runs"
    for factor in "${SCALE_LIST[@]}"; do
        dir="$TMP/scaled/${factor}x"
        "$PY" "$SCRIPT_DIR/corpus.py" scale "$TMP/files.txt" "$factor" "$dir"
        "$PY" "$SCRIPT_DIR/corpus.py" list "$dir" "$dir.files" >"$dir.size"
        read -r n_files n_bytes <"$dir.size"
        log "== ${factor}x the corpus: $(thousands "$n_files") files, $(mb "$n_bytes") MB; counting words with wc -w (untimed; also warms the page cache)"
        n_words="$(words "$dir.files")"
        for tool in freq analyze; do
            for ((i = 1; i <= RUNS; i++)); do
                rm -rf "$out"
                format=()
                ((factor >= PARQUET_FROM)) && format=(--format parquet)
                # The scaled corpus is symbolic links to the corpus: read them without a warning each.
                result="$(measure "speechstat $tool" "$BIN" "$tool" "$dir" --allow-outside --out "$out" "${format[@]}" -q)"
                rm -rf "$out" # at 10x, analyze's output is several GB: delete it at once
                printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$factor" "$n_files" "$n_bytes" "$n_words" \
                    "speechstat $tool" "$result" >>"$runs"
                log "   speechstat $tool, ${factor}x, run $i/$RUNS: $(printf '%s' "$result" | awk -F'\t' '{printf "%.3f s, %.0f MB peak", $1, $2 * 1024 / 1e6}')"
            done
        done
        rm -rf "$dir" "$dir.files" "$dir.size"
    done

    local report="$SCRIPT_DIR/results/scaling-$STAMP.md" csv="$SCRIPT_DIR/results/scaling-$STAMP.csv"
    local linear="not shown, as SCALES has no 1"
    case " ${SCALE_LIST[*]} " in
        *" 1 "*) linear="against 1x, every file once; linear growth reads $(joined ", " ", " "${SCALE_LIST[@]}")" ;;
    esac
    {
        echo "### speechstat scaling: $(joined ", " " and " "${SCALE_LIST[@]}") times $(basename "$CORPUS")"
        echo
        machine_lines
        echo "- corpus: $(basename "$CORPUS"), $(thousands "$N_FILES") files, $(mb "$N_BYTES") MB; kx = every file k times under new names (symbolic links, no manifest)"
        runs_line
        echo "- tokens/s = the wc -w word count / time; time / 1x and memory / 1x: $linear"
        echo "- tables written as CSV, from ${PARQUET_FROM}x on as Parquet (--format parquet)"
        echo
        "$PY" "$SCRIPT_DIR/report.py" scaling "$runs" "$csv"
    } >"$report"
    cat "$report"
    log "== written: ${report#"$REPO"/} and ${csv#"$REPO"/}"
}

if [ "$mode" = scaling ]; then run_scaling; else run_compare; fi
