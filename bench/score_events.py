#!/usr/bin/python3
"""Scores `eventgraph extract` against a hand-coded gold file of dyadic events (bench/gold/seeds.jsonl).

    bench/score_events.py [--eventgraph build/eventgraph] [--gold bench/gold/seeds.jsonl]
                          [--corpus ../shared/corpus/seeds] [--events FILE] [--floors bench/score_floors.json]
                          [--json]

Prints precision and recall of dyadic events (both a subject and an object), the share of matched events
with the right location, then every miss and every false positive. With --floors, exits 1 when a figure
falls below its floor (key "seeds" of the floors file).

Gold file: JSON Lines, one event a careful reader would code per line:

    {"doc": "000_8021643c2233f480",              document id (file name without extension)
     "sentence_starts": "Kerry was speaking at the start of",   first words of the sentence
     "subject": "person:john_kerry",             entity id, or a list of acceptable ids
     "cameo_root": "04",                         CAMEO root, or a list of acceptable roots
     "object": "person:sergei_lavrov",           entity id or list
     "symmetric": true,                          subject and object may be swapped (default false)
     "polarity": "positive",                     "positive" (default), "negative" or "any"
     "location": "city:moscow",                  id, null, or a list of acceptable values (null included)
     "optional": false,                          true: defensible but not required (see below)
     "note": "..."}

Matching. A system event matches a gold event when the document is the same, the system's sentence text
starts with sentence_starts (compared after lower-casing, straightening quotes and apostrophes and
collapsing white space, ignoring leading punctuation), its CAMEO root is one of the gold roots, its
polarity agrees, and its subject and object are among the gold ids (either way round when the gold event
is symmetric). Only dyadic system events are scored; events without an object (visits with a location,
statements) are left out.

  - recall    = required gold events matched / required gold events
  - precision = required gold events matched / (required gold events matched + false positives)
  - a false positive is a dyadic system event that matches no gold event, required or optional;
    a system event that matches an optional gold event, or a second system event that matches an already
    matched gold event (the same edge found twice, e.g. 040 and 042), counts neither way (both reported)
  - location accuracy = matched required gold events where some matching system event has an acceptable
    location / matched required gold events

Coding conventions of the gold (see bench/gold/README.md).
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def norm(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2026", "...")
    text = re.sub(r'["]', "", text)
    text = re.sub(r"\s+", " ", text).strip().lower()
    return re.sub(r"^[^\w]+", "", text)


def as_list(value):
    return value if isinstance(value, list) else [value]


def root_of(cameo):
    return cameo[:2]


def load_gold(path):
    gold = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            g = json.loads(line)
            g["_line"] = n
            g["_start"] = norm(g["sentence_starts"])
            g["_roots"] = set(as_list(g["cameo_root"]))
            g["_subjects"] = set(as_list(g["subject"]))
            g["_objects"] = set(as_list(g["object"]))
            g["_locations"] = set(as_list(g.get("location")))
            g.setdefault("polarity", "positive")
            g.setdefault("symmetric", False)
            g.setdefault("optional", False)
            gold.append(g)
    return gold


def run_extract(eventgraph, corpus, extra_args=()):
    cmd = [eventgraph, "extract", "-q", *extra_args, corpus]
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def matches(g, e):
    if e["doc"] != g["doc"] or not norm(e["evidence"]).startswith(g["_start"]):
        return False
    if root_of(e["cameo"]) not in g["_roots"]:
        return False
    if g["polarity"] != "any" and e["polarity"] != g["polarity"]:
        return False
    s, o = e["subject"]["id"], e["object"]["id"]
    if s in g["_subjects"] and o in g["_objects"]:
        return True
    return g["symmetric"] and o in g["_subjects"] and s in g["_objects"]


def describe_event(e):
    loc = e["location"]["id"] if e.get("location") else None
    neg = " NEG" if e["polarity"] == "negative" else ""
    return "%s s%d %s %s(%s) %s loc=%s%s [%s] | %s" % (
        e["doc"][:3], e["sentence"], e["subject"]["id"], e["cameo"], e["relation"], e["object"]["id"], loc, neg,
        e["rule"], e["evidence"][:90].replace("\n", " "))


def describe_gold(g):
    return "%s %s %s %s loc=%s%s | %s... | %s" % (
        g["doc"][:3], "|".join(sorted(g["_subjects"])), "/".join(sorted(g["_roots"])),
        "|".join(sorted(g["_objects"])), g.get("location"),
        " NEG" if g["polarity"] == "negative" else "", g["sentence_starts"], g.get("note", ""))


def score(gold, events):
    dyadic = [e for e in events if e.get("object")]
    matched = {}       # gold index -> [events]
    optional_hits, duplicates, false_positives = [], [], []
    for e in dyadic:
        hit = [i for i, g in enumerate(gold) if matches(g, e)]
        required = [i for i in hit if not gold[i]["optional"]]
        if required:
            fresh = [i for i in required if i not in matched]
            i = fresh[0] if fresh else required[0]
            if fresh:
                matched[i] = [e]
            else:
                matched[i].append(e)
                duplicates.append(e)
        elif hit:
            optional_hits.append(e)
        else:
            false_positives.append(e)
    required = [i for i, g in enumerate(gold) if not g["optional"]]
    tp = sum(1 for i in required if i in matched)
    located = sum(1 for i in required if i in matched and any(
        (e["location"]["id"] if e.get("location") else None) in gold[i]["_locations"] for e in matched[i]))
    wrong_location = [(gold[i], matched[i]) for i in required if i in matched and not any(
        (e["location"]["id"] if e.get("location") else None) in gold[i]["_locations"] for e in matched[i])]
    precision = tp / (tp + len(false_positives)) if tp + len(false_positives) else 1.0
    recall = tp / len(required) if required else 1.0
    location = located / tp if tp else 1.0
    return {
        "precision": round(precision, 4), "recall": round(recall, 4), "location": round(location, 4),
        "gold": len(required), "matched": tp, "false_positives": len(false_positives),
        "system_dyadic": len(dyadic), "optional_hits": len(optional_hits), "duplicates": len(duplicates),
        "_misses": [gold[i] for i in required if i not in matched],
        "_fp": false_positives, "_optional": optional_hits, "_dup": duplicates, "_wrong_location": wrong_location,
    }


def check_floors(name, result, floors_path):
    with open(floors_path, encoding="utf-8") as f:
        floors = json.load(f).get(name, {})
    failed = False
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        value = result.get(key)
        if value is None or value + 1e-9 < floor:
            print("FAIL %s %s = %s is below the floor %s" % (name, key, value, floor), file=sys.stderr)
            failed = True
        elif value > floor + 0.005:
            print("note: %s %s = %s is above the floor %s; raise the floor in %s" % (
                name, key, value, floor, os.path.relpath(floors_path)), file=sys.stderr)
    return not failed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eventgraph", default=os.path.join(ROOT, "build", "eventgraph"))
    ap.add_argument("--gold", default=os.path.join(HERE, "gold", "seeds.jsonl"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "seeds"))
    ap.add_argument("--events", help="score this events JSONL instead of running eventgraph")
    ap.add_argument("--floors", help="fail (exit 1) below the floors in this file (key 'seeds')")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object only")
    ap.add_argument("extra", nargs="*", help="more arguments for eventgraph extract (after --)")
    args = ap.parse_args()

    gold = load_gold(args.gold)
    if args.events:
        with open(args.events, encoding="utf-8") as f:
            events = [json.loads(line) for line in f if line.strip()]
    else:
        if not os.path.isdir(args.corpus):
            print("no corpus at %s: nothing to score" % args.corpus, file=sys.stderr)
            return 0
        events = run_extract(args.eventgraph, args.corpus, args.extra)

    # Every gold sentence must be found in the corpus, else the gold is stale.
    docs = {}
    if not args.events:
        for name in sorted(os.listdir(args.corpus)):
            if name.endswith(".txt"):
                with open(os.path.join(args.corpus, name), encoding="utf-8") as f:
                    docs[name[:-4]] = norm(f.read())
        for g in gold:
            text = docs.get(g["doc"])
            if text is None or g["_start"] not in text:
                print("warning: gold line %d: sentence %r not found in %s" % (
                    g["_line"], g["sentence_starts"], g["doc"]), file=sys.stderr)

    r = score(gold, events)
    figures = {k: v for k, v in r.items() if not k.startswith("_")}
    if args.json:
        print(json.dumps(figures))
    else:
        print("seeds: dyadic precision %.3f  recall %.3f  location %.3f   (gold %d, matched %d, false positives %d;"
              " system dyadic %d, on optional gold %d, duplicates %d)" % (
                  r["precision"], r["recall"], r["location"], r["gold"], r["matched"], r["false_positives"],
                  r["system_dyadic"], r["optional_hits"], r["duplicates"]))
        print("\nfalse positives (%d):" % len(r["_fp"]))
        for e in r["_fp"]:
            print("  FP   " + describe_event(e))
        print("\nmisses (%d):" % len(r["_misses"]))
        for g in r["_misses"]:
            print("  MISS " + describe_gold(g))
        print("\nwrong location (%d):" % len(r["_wrong_location"]))
        for g, es in r["_wrong_location"]:
            print("  LOC  %s  got %s" % (describe_gold(g), [e["location"]["id"] if e.get("location") else None
                                                          for e in es]))
        if r["_optional"] or r["_dup"]:
            print("\nneutral (on optional gold events, or duplicates of a matched event):")
            for e in r["_optional"]:
                print("  OPT  " + describe_event(e))
            for e in r["_dup"]:
                print("  DUP  " + describe_event(e))
    if args.floors and not check_floors("seeds", figures, args.floors):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
