#!/usr/bin/env bash
# Whole-process time of one command, run N times (default 10) after one unmeasured run: each run's
# wall time and max RSS, then the median and the load average. Like hyperfine, with /usr/bin/time.
#   mamori-bench/startup.sh [-n N] COMMAND...
# e.g. ./mamori generate --systems 1 --components 100 -o /tmp/m100.yaml
#      mamori-bench/startup.sh ./mamori assess /tmp/m100.yaml
#      MAMORI_CDS=0 mamori-bench/startup.sh ./mamori assess /tmp/m100.yaml
set -euo pipefail
runs=10
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
"$@" >/dev/null 2>&1 || true
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$log" -a "$@" >/dev/null 2>&1
done
sort -n "$log" | awk '{printf "%s s %d MB\n", $1, $2/1024; t[NR]=$1} END {
  m = (NR % 2) ? t[(NR+1)/2] : (t[NR/2] + t[NR/2+1]) / 2; printf "median of %d: %.2f s\n", NR, m }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
