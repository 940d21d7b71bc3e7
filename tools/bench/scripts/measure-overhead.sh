#!/usr/bin/env bash
# Bench overhead: a broadcast node that replies at once and sends each value straight to every peer, 25 nodes,
# --latency 100, --rate 100. Its stable latencies should be the configured 100 ms, not more; prints them with the
# bench's own CPU and peak memory. Usage: tools/bench/scripts/measure-overhead.sh [time-limit-s] [seed]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
cd "$work"
node "$here/../bin/glomers-bench.js" test -w broadcast --bin "$here/../test/fixtures/broadcast-flood-at-once.js" \
  --node-count 25 --time-limit "${1:-20}" --rate 100 --latency 100 --seed "${2:-1}" > run.log 2>&1 || true
node -e '
const fs = require("fs");
const r = JSON.parse(fs.readFileSync("store/latest/results.json", "utf8"));
const b = JSON.parse(fs.readFileSync("store/latest/bench.json", "utf8"));
console.log(JSON.stringify({
  valid: r["valid?"],
  "stable-latencies-ms": r.workload["stable-latencies"],
  "stable-count": r.workload["stable-count"],
  "servers-msgs-per-op": r.net.servers["msgs-per-op"],
  "client-ops": r.stats.count,
  "bench-cpu-s": +(b["bench-cpu-user-s"] + b["bench-cpu-system-s"]).toFixed(2),
  "bench-max-rss-mb": b["bench-max-rss-mb"],
  "wall-time-s": b["wall-time-s"],
}, null, 2));
'
echo "store: $work/store/latest"
