#!/usr/bin/env bash
# Streaming memory (issue 6): `eventgraph build` on a corpus of GIGABYTES (default 1) made by repeating
# the seed benchmark corpus (bench/throughput.sh makes it) with fresh document ids, fed through standard
# input so that nothing large is written to disk. Prints the bytes read, the time, MB/s and the peak RSS,
# which must stay bounded by the graph (target: < 300 MB for 1 GB), not grow with the input.
#
#   bench/streaming.sh [GIGABYTES] [THREADS]      (needs ../shared/corpus and a built binary)
#
# EG_BIN picks the binary (default: build-perf/eventgraph when present, else build/eventgraph).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
GB=${1:-1}
THREADS=${2:-$(nproc)}
BIN=${EG_BIN:-$([ -x build-perf/eventgraph ] && echo build-perf/eventgraph || echo build/eventgraph)}
[ -x "$BIN" ] || { echo "build first: ./dev build" >&2; exit 1; }
OUT=$(dirname "$BIN")/bench
corpus=$OUT/seeds_20mb.jsonl
[ -f "$corpus" ] || EG_BIN=$BIN bench/throughput.sh 20 1 >/dev/null
size=$(stat -c %s "$corpus")
copies=$(( (GB * 1000000000 + size - 1) / size ))
# Copy i of the corpus: ids "copy123" become "r<i>-copy123" (the reader refuses a repeated id).
generate() {
  for i in $(seq 1 "$copies"); do sed "s/{\"id\": \"copy/{\"id\": \"r$i-copy/" "$corpus"; done
}
start=$(date +%s.%N)
set +o pipefail  # an early exit of eventgraph shows in its own status and summary
generate | /usr/bin/time -f "%M" -o "$OUT/streaming_rss.txt" "$BIN" build --threads "$THREADS" - \
  -o "$OUT/streaming.graphml" 2>"$OUT/streaming_summary.txt" || { cat "$OUT/streaming_summary.txt" >&2; exit 1; }
end=$(date +%s.%N)
python3 - "$copies" "$size" "$start" "$end" "$(cat "$OUT/streaming_rss.txt")" "$(tail -n 1 "$OUT/streaming_summary.txt")" <<'PY'
import sys
copies, size, start, end, rss, summary = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
total = copies * size
seconds = end - start
print(f"input {total / 1e9:.2f} GB ({copies} copies of the seed corpus) in {seconds:.0f} s: {total / 1e6 / seconds:.1f} MB/s, "
      f"peak RSS {rss / 1024:.0f} MB")
print(summary)
PY
