#!/usr/bin/python3
"""Measures each rule's precision on the gold corpora, the number an event's confidence starts from.

    bench/calibrate_confidence.py [--eventgraph build/eventgraph] [--seeds-corpus ../shared/corpus/seeds]
                                  [--gold bench/gold/seeds.jsonl] [--re3d-corpus ../shared/corpus/re3d]
                                  [--write] [--json]

Runs eventgraph on the seed articles (scored against bench/gold/seeds.jsonl as bench/score_events.py
does) and on re3d (scored as bench/score_re3d.py does), and judges every event that the gold can judge:

  - seeds: a dyadic event that matches a required gold event is right (also a second event on the same
    gold event: the event itself is right); one that matches no gold event, required or optional, is
    wrong; one that matches only optional gold events is not counted (defensible either way);
  - re3d: an event that bench/score_re3d.py scores (positive, dyadic, CAMEO root mapped to CommWith or
    FightingAgainst, not on a relation whose argument we cannot map) is right when its pair is a gold
    pair, else wrong.

Events without an object, and events the gold cannot judge, are no evidence. Per rule it prints the
events right and wrong, the Laplace-smoothed precision (right + 1) / (right + wrong + 2), the rule's
current confidence and its pack. With --write, the "confidence" of every rule of data/rules.json and
data/rules.conflict.json with at least --min-events judged events becomes its smoothed precision,
rounded to two decimals; rules with less evidence keep theirs, and other packs are only reported. The
packs are edited in place, line by line, so that their layout stays as it is.

Why --min-events (default 5): with few events the smoothed figure says how often a rule fired, not how
precise it is. A rule right once gets 0.67, twice 0.75, three times 0.8, below the 0.8 that an unmeasured
rule has; writing that would rank rules by how often the gold happens to use them. From five events on,
the figure moves by at most 0.05 per further event. The gold is also what the rules were written against,
so every figure is optimistic.
"""
import argparse
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import score_events  # noqa: E402
import score_re3d  # noqa: E402

WRITABLE = ("data/rules.json", "data/rules.conflict.json")
DEFAULT_CONFIDENCE = 0.8  # extract/rule_pack.h


def judge_seeds(eventgraph, corpus, gold_path):
    """Yields (rule id, True/False) for each seed event the gold judges."""
    gold = score_events.load_gold(gold_path)
    for e in score_events.run_extract(eventgraph, corpus):
        if not e.get("object"):
            continue
        hits = [g for g in gold if score_events.matches(g, e)]
        if any(not g["optional"] for g in hits):
            yield e["rule"], True
        elif not hits:
            yield e["rule"], False


def judge_re3d(eventgraph, corpus):
    result = score_re3d.evaluate(eventgraph, corpus)
    for e, key in result["scored"]:
        yield e["rule"], key in result["gold"]


def load_rules():
    """{rule id: (pack path relative to ROOT, current confidence)} for every default rule pack."""
    rules = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "rules*.json"))):
        rel = os.path.relpath(path, ROOT)
        with open(path, encoding="utf-8") as f:
            for rule in json.load(f)["rules"]:
                rules[rule["id"]] = (rel, rule.get("confidence", DEFAULT_CONFIDENCE))
    return rules


def write_confidences(path, values):
    """Sets "confidence" of the rules in values ({id: value}) in the pack at path, keeping its layout: each
    rule starts on a line of its own, '  {"id": "...", ...', which holds its scalar fields."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    done = set()
    for n, line in enumerate(lines):
        m = re.match(r'\s*\{"id": "([^"]+)"', line)
        if not m or m.group(1) not in values:
            continue
        rule_id, value = m.group(1), ("%.2f" % values[m.group(1)]).rstrip("0").rstrip(".")
        if re.search(r'"confidence": [0-9.]+', line):
            line = re.sub(r'"confidence": [0-9.]+', '"confidence": ' + value, line, count=1)
        else:
            anchor = None
            for key in (r'"symmetric": (?:true|false)', r'"goldstein": -?[0-9.]+', r'"cameo": "[0-9]+"'):
                anchor = re.search(key, line)
                if anchor:
                    break
            if not anchor:
                raise SystemExit("%s:%d: rule %s: no place for \"confidence\" on its first line" % (path, n + 1, rule_id))
            line = line[:anchor.end()] + ', "confidence": ' + value + line[anchor.end():]
        lines[n] = line
        done.add(rule_id)
    missing = set(values) - done
    if missing:
        raise SystemExit("%s: rules not found: %s" % (path, ", ".join(sorted(missing))))
    text = "\n".join(lines)
    pack = json.loads(text)  # still JSON, and says what was meant
    for rule in pack["rules"]:
        if rule["id"] in values and abs(rule["confidence"] - round(values[rule["id"]], 2)) > 1e-9:
            raise SystemExit("%s: rule %s: confidence not written" % (path, rule["id"]))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eventgraph", default=os.path.join(ROOT, "build", "eventgraph"))
    ap.add_argument("--seeds-corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "seeds"))
    ap.add_argument("--gold", default=os.path.join(HERE, "gold", "seeds.jsonl"))
    ap.add_argument("--re3d-corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "re3d"))
    ap.add_argument("--write", action="store_true",
                    help="set the confidence of the rules with evidence in " + " and ".join(WRITABLE))
    ap.add_argument("--min-events", type=int, default=5,
                    help="--write: only rules with at least this many judged events (default 5)")
    ap.add_argument("--json", action="store_true", help="print the table as JSON")
    args = ap.parse_args()

    counts = {}  # rule id -> [right, wrong]
    sources = []
    if os.path.isdir(args.seeds_corpus):
        sources.append(judge_seeds(args.eventgraph, args.seeds_corpus, args.gold))
    else:
        print("no seeds corpus at %s: left out" % args.seeds_corpus, file=sys.stderr)
    if os.path.isdir(args.re3d_corpus):
        sources.append(judge_re3d(args.eventgraph, args.re3d_corpus))
    else:
        print("no re3d corpus at %s: left out" % args.re3d_corpus, file=sys.stderr)
    if not sources:
        return 1
    for source in sources:
        for rule_id, right in source:
            c = counts.setdefault(rule_id, [0, 0])
            c[0 if right else 1] += 1

    rules = load_rules()
    table = []
    for rule_id in sorted(counts):
        right, wrong = counts[rule_id]
        pack, current = rules.get(rule_id, ("(not a default rule)", None))
        table.append({"rule": rule_id, "right": right, "wrong": wrong,
                      "precision": round((right + 1) / (right + wrong + 2), 4), "confidence": current, "pack": pack})
    if args.json:
        print(json.dumps(table, indent=1))
    else:
        print("%-34s %5s %5s %9s %10s  %s" % ("rule", "right", "wrong", "smoothed", "confidence", "pack"))
        for row in table:
            print("%-34s %5d %5d %9.2f %10s  %s" % (row["rule"], row["right"], row["wrong"], row["precision"],
                                                  "-" if row["confidence"] is None else "%.2f" % row["confidence"],
                                                  row["pack"]))
        right = sum(r["right"] for r in table)
        wrong = sum(r["wrong"] for r in table)
        print("\n%d rules with evidence (of %d default rules); %d events right, %d wrong" % (
            len(table), len(rules), right, wrong))
    if args.write:
        by_pack = {}
        for row in table:
            if row["pack"] in WRITABLE and row["right"] + row["wrong"] >= max(args.min_events, 1):
                by_pack.setdefault(row["pack"], {})[row["rule"]] = row["precision"]
        for pack, values in sorted(by_pack.items()):
            write_confidences(os.path.join(ROOT, pack), values)
            print("wrote %d confidences to %s" % (len(values), pack), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
