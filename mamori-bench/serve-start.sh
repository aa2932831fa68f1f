#!/usr/bin/env bash
# Time from launching a `serve` command to its first answer on /api/v1/health, with the CPU spent
# by then: the server's JVM (its own threads and the commands it waited for, initdb and pg_ctl) and
# the embedded PostgreSQL's processes; then the time to its first web page (/login). Then stops the
# server (SIGTERM) and waits for it.
#   mamori-bench/serve-start.sh PORT DATA_DIR COMMAND...
# e.g. mamori-bench/serve-start.sh 18881 /tmp/cold-1 ./mamori serve --port 18881 --data /tmp/cold-1
# Prints one line: wall seconds to the API's answer, JVM CPU seconds (user+sys), PostgreSQL CPU
# seconds, wall seconds to the first web page, load average.
set -euo pipefail
port=$1
data=$2
shift 2
tick=$(getconf CLK_TCK)
load=$(cut -d' ' -f1 /proc/loadavg)
out=$(mktemp)
start=$(date +%s%N)
"$@" >"$out" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the server stopped before answering:" >&2
    cat "$out" >&2
    exit 1
  fi
  sleep 0.02
done
end=$(date +%s%N)
# utime stime cutime cstime: fields 14-17 of /proc/PID/stat (after the command name in brackets).
cpu() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13 + $14 + $15}' || echo 0; }
jvm=$(cpu "$pid")
pg=0
pidfile="$data/postgres/postmaster.pid"
if [ -f "$pidfile" ]; then
  postmaster=$(head -1 "$pidfile")
  pg=$(cpu "$postmaster")
  for p in /proc/[0-9]*; do
    if [ "$(sed 's/^.*) //' "$p/stat" 2>/dev/null | awk '{print $2}')" = "$postmaster" ]; then
      pg=$((pg + $(cpu "${p#/proc/}")))
    fi
  done
fi
curl -s -o /dev/null "http://127.0.0.1:$port/login" || true
page=$(date +%s%N)
kill -TERM "$pid"
wait "$pid" || true
rm -f "$out"
awk -v w=$((end - start)) -v j="$jvm" -v p="$pg" -v t="$tick" -v l="$load" -v g=$((page - start)) \
  'BEGIN { printf "wall %.2f s  jvm cpu %.2f s  postgres cpu %.2f s  page %.2f s  load %s\n", w / 1e9, j / t, p / t, g / 1e9, l }'
