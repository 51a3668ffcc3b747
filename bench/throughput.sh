#!/usr/bin/env bash
# End-to-end throughput of `eventgraph build` (extract + merge + GraphML export) with the default packs,
# next to `wc -w` on the same input in the same run: the ratio is the figure that matters, absolute
# times drift between machines.
#
#   bench/throughput.sh [MEGABYTES]     (default 20; needs ../shared/corpus and a built binary)
#
# Corpora: the five seed articles repeated to MEGABYTES, one JSON Lines document per copy (written to
# $BUILD/bench/; the articles are read in place and never leave it), and Reuters 2013
# (../shared/corpus/reuters_news_2013/reuters_news_2013.jsonl.gz, when present; `wc -w` reads it through
# zcat, as eventgraph does). Each corpus runs with --threads 1 and with every core; a table follows with
# MB/s (of document text: the uncompressed JSON Lines), sentences/s, events/s, peak RSS and the ratio to
# `wc -w`, CPU seconds and how many cores were busy on average; then as many single-thread runs as cores
# at once (what the machine itself gives for parallel work) and a start-up line (the embedded packs, one
# tiny document).
#
# EG_BIN picks the binary (default: build-perf/eventgraph when present, else build/eventgraph).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MB=${1:-20}
SHARED=${EG_SHARED_DIR:-../shared}
SEEDS=$SHARED/corpus/seeds
REUTERS=$SHARED/corpus/reuters_news_2013/reuters_news_2013.jsonl.gz
BIN=${EG_BIN:-$([ -x build-perf/eventgraph ] && echo build-perf/eventgraph || echo build/eventgraph)}
[ -x "$BIN" ] || { echo "build first: ./dev build (or cmake -B build-perf -DCMAKE_BUILD_TYPE=Release)" >&2; exit 1; }
[ -d "$SEEDS" ] || { echo "no $SEEDS" >&2; exit 1; }
OUT=$(dirname "$BIN")/bench
mkdir -p "$OUT"
corpus=$OUT/seeds_${MB}mb.jsonl
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
cores=$(nproc)
now() { date +%s.%N; }
rows=$OUT/rows.txt
: > "$rows"
run() {  # name file reader threads
  local name=$1 file=$2 reader=$3 threads=$4 bytes t0 t1 t2
  bytes=$($reader "$file" | wc -c)
  t0=$(now); $reader "$file" | wc -w >/dev/null; t1=$(now)
  /usr/bin/time -f "%M %U %S" -o "$OUT/rss.txt" "$BIN" build --on-error skip --threads "$threads" "$file" \
    -o "$OUT/out.graphml" 2>"$OUT/summary.txt"
  t2=$(now)
  echo "$name|$threads|$bytes|$t0|$t1|$t2|$(cat "$OUT/rss.txt")|$(grep -v warning "$OUT/summary.txt" | tail -n 1)" >> "$rows"
}
# What the machine gives: as many single-thread runs as cores, at once, on the seed corpus. The ratio of
# their combined MB/s to one run alone is the ceiling for --threads (shared caches, memory bandwidth and
# clock boost when one core works alone).
copies() {
  local t0 t1 i
  t0=$(now)
  for ((i = 0; i < cores; i++)); do
    "$BIN" build -q --threads 1 "$corpus" -o "$OUT/copy$i.graphml" &
  done
  wait
  t1=$(now)
  python3 -c "print(f'{$cores * $(wc -c < "$corpus") / 1e6 / ($t1 - $t0):.1f}')"
}
run seeds "$corpus" cat 1
run seeds "$corpus" cat "$cores"
together=$(copies)
if [ -f "$REUTERS" ]; then
  run reuters2013 "$REUTERS" zcat 1
  run reuters2013 "$REUTERS" zcat "$cores"
fi
echo '{"id":"s","text":"Kerry met Lavrov in Geneva."}' > "$OUT/tiny.jsonl"
# Start-up: the best of ten runs (the least disturbed), with one thread and with every core (the default).
startup() {
  local best=1000000 t0 t1 ms
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    t0=$(now); "$BIN" extract -q --threads "$1" "$OUT/tiny.jsonl" >/dev/null; t1=$(now)
    ms=$(python3 -c "print(round(($t1 - $t0) * 1000))")
    [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}
s1=$(startup 1); sn=$(startup "$cores")
python3 - "$rows" "$s1" "$sn" "$cores" "$together" <<'PY'
import re, sys
rows, s1, sn, cores, together = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
print(f"{'corpus':<13}{'threads':>8}{'MB':>7}{'wc -w MB/s':>12}{'MB/s':>8}{'ratio':>7}{'sentences/s':>13}{'events/s':>10}"
      f"{'CPU s':>7}{'busy':>6}{'peak RSS MB':>13}")
one = {}
for line in open(rows):
    name, threads, size, a, b, c, usage, summary = line.rstrip("\n").split("|", 7)
    size, a, b, c = int(size), float(a), float(b), float(c)
    rss, user, system = usage.split()
    cpu = float(user) + float(system)
    wc, eg = b - a, c - b
    sentences = int(re.search(r"(\d+) sentences", summary).group(1))
    events = int(re.search(r"(\d+) events", summary).group(1))
    one.setdefault(name, size / 1e6 / eg)
    # busy: CPU seconds over wall seconds, how many cores the run kept working on average.
    print(f"{name:<13}{threads:>8}{size/1e6:>7.1f}{size/1e6/wc:>12.1f}{size/1e6/eg:>8.1f}{wc/eg:>7.2f}"
          f"{sentences/eg:>13.0f}{events/eg:>10.0f}{cpu:>7.2f}{cpu/eg:>6.2f}{int(rss)/1024:>13.1f}")
print(f"{cores} single-thread runs of seeds at once: {together:.1f} MB/s together, "
      f"{together / one['seeds']:.2f}x one run alone (the machine's ceiling for --threads {cores})")
print(f"start-up (embedded packs, one tiny document, best of 10): {s1} ms with 1 thread, {sn} ms with {cores}")
PY
