#!/usr/bin/env bash
# Mamori and Threagile side by side on the same Threagile files (issue 21): for each size, a model of
# N technical assets with 3 communication links each (the import tests' generator,
# ThreagileModelGenerator, run as a single-file program), then `./mamori assess FILE` and, when
# THREAGILE names a Threagile binary, Threagile's analysis of the same file without its diagrams, PDF
# and spreadsheets (the risks and statistics JSON, what `assess` computes). Runs alternate (Mamori,
# Threagile, Mamori, ...) after one unmeasured run of each, so that both see the same machine; the
# table gives the medians of wall time, max RSS and CPU time (user + system, the steadier figure on a
# busy machine), and Mamori's wall time and memory over Threagile's.
#
#   mamori-bench/threagile-side-by-side.sh                      # Mamori only, sizes 100..8000
#   THREAGILE=/path/to/threagile mamori-bench/threagile-side-by-side.sh
#   RUNS=3 SIZES="1000 4000" mamori-bench/threagile-side-by-side.sh
#
# The launcher's flags apply (MAMORI_JAVA_OPTS replaces them). Files go to $WORK (a temporary folder
# by default, removed at the end unless WORK is given).
set -euo pipefail
# Threagile keeps nothing between runs, so by default neither does Mamori: every run parses its file
# (MAMORI_CACHE=1 measures Mamori with its cache of parsed files, as a second run on an unchanged file is).
export MAMORI_CACHE="${MAMORI_CACHE:-0}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
sizes="${SIZES:-100 1000 2000 4000 8000}"
links="${LINKS:-3}"
generator="$here/mamori-import-threagile/src/test/java/dev/mamori/imports/threagile/ThreagileModelGenerator.java"
if [ -n "${WORK:-}" ]; then
  work="$WORK"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi

# One measured run: appends "wall_seconds max_rss_kb user_seconds system_seconds" to the log; a run that fails stops the script
# (exit 0 and 4 are a finished assessment; Threagile exits 0).
measure() {
  local log=$1
  shift
  local rc=0
  /usr/bin/time -f "%e %M %U %S" -o "$log" -a "$@" >"$work/out.txt" 2>"$work/err.txt" || rc=$?
  if [ "$rc" != 0 ] && [ "$rc" != 4 ]; then
    echo "failed (exit $rc): $*" >&2
    tail -5 "$work/err.txt" >&2
    exit 1
  fi
}

# Median of a column (1 wall, 2 RSS in KB, 5 CPU = user + system) of a log.
median() {
  awk '{print $0, $3 + $4}' "$1" | sort -g -k"$2" | awk -v c="$2" '{v[NR]=$c} END {
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; print m }'
}

# Threagile's analysis without diagrams, PDF and spreadsheets: its risks, statistics and assets JSON.
# Threagile 0.9.1 loads its RAA calculation from a plugin, by default raa.so in the working directory;
# the script uses the one next to the binary (THREAGILE_RAA_PLUGIN names another).
threagile_flags=(-generate-data-flow-diagram=false -generate-data-asset-diagram=false -generate-report-pdf=false
  -generate-risks-excel=false -generate-tags-excel=false
  -raa-plugin "${THREAGILE_RAA_PLUGIN:-$(dirname "${THREAGILE:-.}")/raa.so}")
mkdir -p "$work/threagile-out"

"$here/mamori" --version >/dev/null # builds the jar and the class-data archive when they are stale
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  load before: $(cut -d' ' -f1-3 /proc/loadavg)  runs: $runs  links per asset: $links"
echo "Mamori: ./mamori assess FILE  (MAMORI_JAVA_OPTS=${MAMORI_JAVA_OPTS-launcher default}, MAMORI_CACHE=$MAMORI_CACHE)"
if [ -n "${THREAGILE:-}" ]; then
  echo "Threagile: $THREAGILE -model FILE -output DIR, no diagrams, PDF or spreadsheets"
fi
echo
rows=()
for n in $sizes; do
  file="$work/threagile-$n.yaml"
  java "$generator" "$n" "$file" "$links" >/dev/null
  : >"$work/m.log"
  : >"$work/t.log"
  "$here/mamori" assess "$file" >/dev/null 2>&1 || true
  if [ -n "${THREAGILE:-}" ]; then
    "$THREAGILE" -model "$file" -output "$work/threagile-out" "${threagile_flags[@]}" >/dev/null 2>&1 || true
  fi
  for _ in $(seq "$runs"); do
    measure "$work/m.log" "$here/mamori" assess "$file"
    if [ -n "${THREAGILE:-}" ]; then
      measure "$work/t.log" "$THREAGILE" -model "$file" -output "$work/threagile-out" "${threagile_flags[@]}"
    fi
  done
  mw=$(median "$work/m.log" 1)
  mr=$(median "$work/m.log" 2)
  mc=$(median "$work/m.log" 5)
  if [ -n "${THREAGILE:-}" ]; then
    tw=$(median "$work/t.log" 1)
    tr=$(median "$work/t.log" 2)
    tc=$(median "$work/t.log" 5)
    rows+=("$(awk -v n="$n" -v mw="$mw" -v mr="$mr" -v mc="$mc" -v tw="$tw" -v tr="$tr" -v tc="$tc" 'BEGIN {
      printf "| %d | %.2f s / %d MB / %.2f s | %.2f s / %d MB / %.2f s | %.2f | %.2f |", n, mw, mr/1024, mc, tw, tr/1024, tc, mw/tw, mr/tr }')")
  else
    rows+=("$(awk -v n="$n" -v mw="$mw" -v mr="$mr" -v mc="$mc" 'BEGIN {
      printf "| %d | %.2f s / %d MB / %.2f s | not run | | |", n, mw, mr/1024, mc }')")
  fi
  echo "${rows[-1]}  (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo
echo "| assets | Mamori: median wall / max RSS / CPU | Threagile: the same | Mamori ÷ Threagile, wall | max RSS |"
echo "| ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
