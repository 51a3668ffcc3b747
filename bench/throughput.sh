#!/usr/bin/env bash
# End-to-end throughput of `eventgraph build` (extract + merge + GraphML export) with the default packs,
# next to `wc -w` on the same input in the same run: the ratio is the figure that matters, absolute
# times drift between machines.
#
#   bench/throughput.sh [MEGABYTES]     (default 20; needs ../shared/corpus/seeds and a built build/)
#
# The corpus is the five seed articles repeated, one JSON Lines document per copy, written to
# build/bench/ (the articles are read in place and never leave build/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MB=${1:-20}
SEEDS=${EG_SHARED_DIR:-../shared}/corpus/seeds
BIN=build/eventgraph
[ -x "$BIN" ] || { echo "build first: ./dev build" >&2; exit 1; }
[ -d "$SEEDS" ] || { echo "no $SEEDS" >&2; exit 1; }
mkdir -p build/bench
corpus=build/bench/seeds_${MB}mb.jsonl
if [ ! -f "$corpus" ]; then
  /usr/bin/python3 - "$SEEDS" "$corpus" "$MB" <<'PY'
import json, os, sys
seeds, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [open(os.path.join(seeds, f), encoding="utf-8").read() for f in sorted(os.listdir(seeds))]
size, i = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while size < mb * 1_000_000:
        t = texts[i % len(texts)]
        f.write(json.dumps({"id": f"copy{i}", "text": t}) + "\n")
        size += len(t.encode("utf-8")); i += 1
PY
fi
bytes=$(stat -c %s "$corpus")
now() { date +%s.%N; }
t0=$(now); wc -w "$corpus" >/dev/null; t1=$(now)
/usr/bin/time -f "%M" -o build/bench/rss.txt "$BIN" build "$corpus" -o build/bench/out.graphml 2>build/bench/summary.txt
t2=$(now)
summary=$(tail -n 1 build/bench/summary.txt)
python3 - "$bytes" "$t0" "$t1" "$t2" "$(cat build/bench/rss.txt)" "$summary" <<'PY'
import sys, re
size, t0, t1, t2, rss, summary = int(sys.argv[1]), *map(float, sys.argv[2:5]), int(sys.argv[5]), sys.argv[6]
wc, eg = t1 - t0, t2 - t1
sentences = int(re.search(r"(\d+) sentences", summary).group(1))
events = int(re.search(r"(\d+) events", summary).group(1))
print(f"{'what':<22}{'MB/s':>9}{'sentences/s':>14}{'events/s':>12}{'peak RSS MB':>13}")
print(f"{'wc -w':<22}{size/1e6/wc:>9.1f}{'':>14}{'':>12}{'':>13}")
print(f"{'eventgraph build':<22}{size/1e6/eg:>9.1f}{sentences/eg:>14.0f}{events/eg:>12.0f}{rss/1024:>13.1f}")
print(f"ratio eventgraph / wc -w: {wc/eg:.2f}   ({size/1e6:.1f} MB, {summary})")
PY
