#!/bin/bash
# The CPU time each process of the local stack spends per ingest request,
# old and new side by side, round after round (#29: batch 1).
#
# Usage, after `cargo xtask bench --ingest --against REV` (which leaves
# the old build under target/against/REV and both states under
# target/bench; delete them afterwards):
#
#   tests/profile/cpu_per_request.sh target/against/REV [BATCH] [ROUNDS]
#
# Each round drives each side for 15 s at concurrency 8 and prints its
# throughput and the CPU ticks (10 ms) of workerd, wrangler's node proxy
# and esbuild before and after, read from /proc; CPU per request is
# (after - before) / requests.
set -u
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OLD=$(cd "${1:?the old build, e.g. target/against/3c5a950b4f}" && pwd)
BATCH=${2:-1}
ROUNDS=${3:-3}
start() { # repo state port
  ( cd "$1/edge-worker" && WRANGLER_SEND_METRICS=false CI=true "$1/node_modules/.bin/wrangler" dev \
      --config "$1/edge-worker/wrangler.dev.toml" --ip 127.0.0.1 --port "$3" --persist-to "$2" \
      --show-interactive-dev-session=false --var LOCAL_WEBHOOKS:allowed > "/tmp/cpu-per-request-$3.log" 2>&1 & )
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$3/v1/health" >/dev/null && return 0; sleep 1; done
  echo "the Worker on port $3 did not start (see /tmp/cpu-per-request-$3.log)"; return 1
}
ticks() { # CPU ticks of the processes whose command line has $1, by name
  for pid in $(pgrep -f "$1"); do
    comm=$(cat "/proc/$pid/comm" 2>/dev/null) || continue
    awk -v c="$comm" '{print c, $14 + $15}' "/proc/$pid/stat" 2>/dev/null
  done | awk '{a[$1] += $2} END {for (k in a) printf "%s=%d ", k, a[k]}'
}
measure() { # label port sites pattern
  "$ROOT/target/release/loadgen" ingest "http://127.0.0.1:$2" "$3" "$BATCH" 5 8 >/dev/null 2>&1
  local before after out
  before=$(ticks "$4")
  out=$("$ROOT/target/release/loadgen" ingest "http://127.0.0.1:$2" "$3" "$BATCH" 15 8 2>&1 | grep -o 'batch.*requests,')
  after=$(ticks "$4")
  echo "$1: $out | before: $before| after: $after"
}
stop() { pkill -f "wrangler dev --config $OLD/" ; pkill -f "wrangler dev --config $ROOT/edge-worker"; pkill -f "$OLD/node_modules/@cloudflare"; pkill -f "$ROOT/node_modules/@cloudflare"; }
trap stop EXIT
start "$OLD" "$ROOT/target/bench/old/state" 8801 || exit 1
start "$ROOT" "$ROOT/target/bench/new/state" 8802 || exit 1
for _ in $(seq 1 "$ROUNDS"); do
  measure old 8801 target/bench/old/ingest-sites.json "$OLD/node_modules/"
  measure new 8802 target/bench/new/ingest-sites.json "$ROOT/node_modules/"
done
