#!/usr/bin/env bash
# End-to-end throughput of `eventgraph build` (extract + merge + GraphML export) with the default packs,
# next to `wc -w` on the same input in the same run: the ratio is the figure that matters, absolute
# times drift between machines.
#
#   bench/throughput.sh [MEGABYTES] [RUNS]   (defaults 20 and 5; needs ../shared/corpus and a built binary)
#
# Corpora: the five seed articles repeated to MEGABYTES, one JSON Lines document per copy (written to
# $BUILD/bench/; the articles are read in place and never leave it), and Reuters 2013
# (../shared/corpus/reuters_news_2013/reuters_news_2013.jsonl.gz, when present; `wc -w` reads it through
# zcat, as eventgraph does). Each corpus runs with --threads 1 and with every core, one right after the
# other, RUNS times; a table follows with the median of the runs: MB/s (of document text: the
# uncompressed JSON Lines) and its spread (slowest-fastest run), sentences/s, events/s, peak RSS, the
# ratio to `wc -w`, CPU seconds and how many cores were busy on average; for every core, the speed-up:
# the median over the runs of one thread's time over every core's in the same run, so that a slow spell
# of the machine, which lasts seconds, slows both halves of a pair alike. Then as many single-thread runs
# as cores at once (what the machine itself gives for parallel work; median of RUNS) and a start-up line
# (the embedded packs, one tiny document).
#
# One more row, seeds-norules: the seed corpus with one thread, the default gazetteers and no rule at all
# (--no-defaults, data/gazetteer*.json, an empty rule pack): what tokens, names, coreference, the graph and
# the export cost on their own, the floor under any work on the rules.
#
# Medians, because the machine is shared: a single run varies by ±10% or more, enough to put one run of
# a 1.8x target on either side of it.
#
# EG_BIN picks the binary (default: build-perf/eventgraph when present, else build/eventgraph).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MB=${1:-20}
RUNS=${2:-5}
SHARED=${EG_SHARED_DIR:-../shared}
SEEDS=$SHARED/corpus/seeds
REUTERS=$SHARED/corpus/reuters_news_2013/reuters_news_2013.jsonl.gz
BIN=${EG_BIN:-$([ -x build-perf/eventgraph ] && echo build-perf/eventgraph || echo build/eventgraph)}
[ -x "$BIN" ] || { echo "build first: ./dev build (or cmake -B build-perf -DCMAKE_BUILD_TYPE=Release)" >&2; exit 1; }
[ -d "$SEEDS" ] || { echo "no $SEEDS" >&2; exit 1; }
[[ "$MB" =~ ^[1-9][0-9]*$ && "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/throughput.sh [MEGABYTES] [RUNS]" >&2; exit 2; }
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
declare -A bytes_of  # file -> its bytes as read (uncompressed), counted at its first run
run() {  # name file reader threads run [build options...]
  local name=$1 file=$2 reader=$3 threads=$4 run=$5 bytes t0 t1 t2
  shift 5
  [ -n "${bytes_of[$file]:-}" ] || bytes_of[$file]=$($reader "$file" | wc -c)
  bytes=${bytes_of[$file]}
  t0=$(now); $reader "$file" | wc -w >/dev/null; t1=$(now)
  /usr/bin/time -f "%M %U %S" -o "$OUT/rss.txt" "$BIN" build --on-error skip --threads "$threads" "$@" "$file" \
    -o "$OUT/out.graphml" 2>"$OUT/summary.txt"
  t2=$(now)
  echo "$name|$threads|$run|$bytes|$t0|$t1|$t2|$(cat "$OUT/rss.txt")|$(grep -v warning "$OUT/summary.txt" | tail -n 1)" >> "$rows"
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
echo '{"rules": []}' > "$OUT/no_rules.json"
no_rules=(--no-defaults --rules "$OUT/no_rules.json")
for gazetteer in data/gazetteer*.json; do no_rules+=(--gazetteer "$gazetteer"); done
together=()
for ((r = 1; r <= RUNS; r++)); do
  run seeds "$corpus" cat 1 "$r"
  run seeds "$corpus" cat "$cores" "$r"
  run seeds-norules "$corpus" cat 1 "$r" "${no_rules[@]}"
  together+=("$(copies)")
done
if [ -f "$REUTERS" ]; then
  for ((r = 1; r <= RUNS; r++)); do
    run reuters2013 "$REUTERS" zcat 1 "$r"
    run reuters2013 "$REUTERS" zcat "$cores" "$r"
  done
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
python3 - "$rows" "$s1" "$sn" "$cores" "$RUNS" "${together[@]}" <<'PY'
import re, statistics, sys
rows, s1, sn, cores, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
together = statistics.median(float(t) for t in sys.argv[6:])
median = statistics.median
by_config, seconds = {}, {}  # (corpus, threads) -> runs; (corpus, threads, run) -> eventgraph's seconds
for line in open(rows):
    name, threads, run, size, a, b, c, usage, summary = line.rstrip("\n").split("|", 8)
    size, a, b, c = int(size), float(a), float(b), float(c)
    rss, user, system = usage.split()
    wc, eg = b - a, c - b
    seconds[name, int(threads), int(run)] = eg
    by_config.setdefault((name, int(threads)), []).append({
        "size": size, "wc": wc, "eg": eg, "cpu": float(user) + float(system), "rss": int(rss),
        "sentences": int(re.search(r"(\d+) sentences", summary).group(1)),
        "events": int(re.search(r"(\d+) events", summary).group(1))})
print(f"median of {runs} run(s) each")
print(f"{'corpus':<13}{'threads':>8}{'MB':>7}{'wc -w MB/s':>12}{'MB/s':>8}{'spread':>13}{'ratio':>7}{'speed-up':>10}"
      f"{'sentences/s':>13}{'events/s':>10}{'CPU s':>7}{'busy':>6}{'peak RSS MB':>13}")
one = {}
for (name, threads), rs in by_config.items():
    mb = rs[0]["size"] / 1e6
    eg = median(r["eg"] for r in rs)
    rates = sorted(mb / r["eg"] for r in rs)
    speedup = "" if threads == 1 else f"{median(seconds[name, 1, i] / seconds[name, threads, i] for i in range(1, runs + 1)):.2f}x"
    if threads == 1:
        one[name] = mb / eg
    cpu = median(r["cpu"] for r in rs)
    # busy: CPU seconds over wall seconds, how many cores the run kept working on average.
    print(f"{name:<13}{threads:>8}{mb:>7.1f}{mb / median(r['wc'] for r in rs):>12.1f}{mb / eg:>8.1f}"
          f"{f'{rates[0]:.1f}-{rates[-1]:.1f}':>13}{median(r['wc'] / r['eg'] for r in rs):>7.2f}{speedup:>10}"
          f"{rs[0]['sentences'] / eg:>13.0f}{rs[0]['events'] / eg:>10.0f}{cpu:>7.2f}{cpu / eg:>6.2f}"
          f"{median(r['rss'] for r in rs) / 1024:>13.1f}")
print(f"{cores} single-thread runs of seeds at once: {together:.1f} MB/s together, "
      f"{together / one['seeds']:.2f}x one run alone (the machine's ceiling for --threads {cores})")
print(f"start-up (embedded packs, one tiny document, best of 10): {s1} ms with 1 thread, {sn} ms with {cores}")
PY
