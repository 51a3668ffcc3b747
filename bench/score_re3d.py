#!/usr/bin/python3
"""Scores `eventgraph extract` against the CommWith and FightingAgainst relations of re3d, pair by pair.

    bench/score_re3d.py [--eventgraph build/eventgraph] [--corpus ../shared/corpus/re3d]
                        [--floors bench/score_floors.json] [--json] [--verbose]

re3d (Dstl) is five folders, each with documents.json, entities.json and relations.json (mongoexport: one
JSON object per line). A relation has a type, a source and a target span (character offsets into the
document's text) and a confidence from the annotators' agreement model.

What is scored
  - Gold: relations of type CommWith or FightingAgainst with confidence >= 0.5 (below that the
    annotators' model says the relation more likely does not hold).
  - Each gold argument span is mapped to our entity ids by running our default gazetteer on the same
    text: every actor mention of ours (PERSON, ORGANIZATION, GROUP, COUNTRY, as eventgraph reports it,
    so a capital standing for its government counts as that government) whose span overlaps the argument
    span gives one id. A relation whose two arguments both map gives the gold pairs
    (doc, type, {id_a, id_b}); a pair of an entity with itself is dropped. Relations with an argument we
    cannot map ("I", "the army", "families", "Aleppo") cannot be found by a system that codes named actors
    only; they are counted and listed (--verbose) but are not in the recall denominator.
  - System: dyadic events (subject and object) with positive polarity, mapped by CAMEO root:
        CommWith         <- 01-05, verbal cooperation and consultation, where the code says the parties
                            were in contact: 018 condolences to, 019 agreeing with, 02 appeals, 03 intentions
                            and offers, 04 consultations, 05 diplomatic cooperation and agreements; but not
                            010-017 (statements about a party, optimism, denials) nor 051-053 (praise, verbal
                            defence, rallying support), which are said about the other party, not to it
        FightingAgainst  <- 18 assault, 19 fight, 20 unconventional mass violence
    Other roots (06-08 material cooperation, 09-17 verbal conflict, threats, protests, force posture,
    coercion such as arrests and sanctions) are not scored: re3d codes them as other relations (Likes,
    Dislikes, ...) or not at all. A system pair is (doc, type, {subject, object}).
  - Pairs are unordered (re3d often gives both directions of the same relation).
  - precision = system pairs in the gold pairs / system pairs; recall = gold pairs found / gold pairs.

With --floors, exits 1 when a figure falls below its floor (key "re3d" of the floors file).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TYPES = ("CommWith", "FightingAgainst")
ACTOR_TYPES = {"PERSON", "ORGANIZATION", "GROUP", "COUNTRY"}
MIN_CONFIDENCE = 0.5
# Verbal-cooperation codes that are said about the other party, not to it: public statements and
# judgements (010-017), praise, verbal defence and rallying support (051-053).
NOT_CONTACT = {"010", "011", "012", "013", "014", "015", "016", "017", "051", "052", "053"}


def relation_of(cameo):
    root = int(cameo[:2])
    if cameo[:3] in NOT_CONTACT:
        return None
    if 1 <= root <= 5:
        return "CommWith"
    if 18 <= root <= 20:
        return "FightingAgainst"
    return None


def read_lines(path):
    with open(path, encoding="utf-8-sig") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_corpus(corpus):
    docs, relations = {}, []
    for folder in sorted(os.listdir(corpus)):
        path = os.path.join(corpus, folder)
        if not os.path.isfile(os.path.join(path, "relations.json")):
            continue
        for d in read_lines(os.path.join(path, "documents.json")):
            docs[d["_id"]] = {"text": d["text"], "folder": folder}
        relations += [r for r in read_lines(os.path.join(path, "relations.json")) if r["type"] in TYPES]
    return docs, relations


def byte_to_char(text):
    """Maps UTF-8 byte offsets of text to character offsets."""
    table = [0] * (len(text.encode("utf-8")) + 1)
    b = 0
    for i, ch in enumerate(text):
        n = len(ch.encode("utf-8"))
        for k in range(n):
            table[b + k] = i
        b += n
    table[b] = len(text)
    return table


def run_extract(eventgraph, jsonl, extra):
    cmd = [eventgraph, "extract", "-q", *extra, jsonl]
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def evaluate(eventgraph, corpus):
    """Runs eventgraph on the corpus; returns the gold pairs and each scored system event.

    Keys of the result: docs, gold ({(doc, type, pair): True}), evidence, unmapped (gold relations with an
    argument we cannot map), considered (gold relations counted), system ({key: first event}),
    unscorable ({key: event}) and scored: every event that counts, as (event, key), in output order.
    """
    docs, relations = load_corpus(corpus)

    with tempfile.TemporaryDirectory() as tmp:
        jsonl = os.path.join(tmp, "re3d.jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            for doc_id, d in docs.items():
                f.write(json.dumps({"id": doc_id, "text": d["text"]}) + "\n")
        events = run_extract(eventgraph, jsonl, [])
        mention_events = run_extract(eventgraph, jsonl, ["--rules", os.path.join(HERE, "mentions.rules.json")])

    # Our actor mentions, in character offsets.
    tables = {doc_id: byte_to_char(d["text"]) for doc_id, d in docs.items()}
    mentions = {}
    for e in mention_events:
        if not e["rule"].startswith("bench.mention."):
            continue
        s = e["subject"]
        if s["type"] not in ACTOR_TYPES:
            continue
        t = tables[e["doc"]]
        mentions.setdefault(e["doc"], []).append((t[s["span"][0]], t[s["span"][1]], s["id"]))

    def ids_at(doc_id, begin, end):
        return sorted({i for b, e, i in mentions.get(doc_id, []) if b < end and begin < e})

    gold, evidence, unmapped = {}, {}, []
    considered = 0
    for r in relations:
        if r["confidence"] < MIN_CONFIDENCE:
            continue
        considered += 1
        a = ids_at(r["documentId"], r["sourceBegin"], r["sourceEnd"])
        b = ids_at(r["documentId"], r["targetBegin"], r["targetEnd"])
        pairs = {frozenset((x, y)) for x in a for y in b if x != y}
        if not pairs:
            unmapped.append(r)
        for p in pairs:
            key = (r["documentId"], r["type"], p)
            gold[key] = True
            evidence.setdefault(key, "%s | %s | %s" % (r["source"], r["value"][:60], r["target"]))

    # Where re3d codes a relation whose argument we cannot map ("The Prime Minister"), a system event in
    # the same sentence may be that very relation, coded through another phrase ("the UK-France
    # summit"): such events can be judged neither right nor wrong, just as the relation itself is left
    # out of recall. They are counted apart.
    unmapped_ranges = {}
    for r in unmapped:
        lo = min(r["sourceBegin"], r["targetBegin"])
        hi = max(r["sourceEnd"], r["targetEnd"])
        unmapped_ranges.setdefault((r["documentId"], r["type"]), []).append((lo, hi))

    system, unscorable, scored = {}, {}, []
    for e in events:
        if not e.get("object") or e["polarity"] != "positive":
            continue
        rel = relation_of(e["cameo"])
        if rel is None or e["subject"]["id"] == e["object"]["id"]:
            continue
        key = (e["doc"], rel, frozenset((e["subject"]["id"], e["object"]["id"])))
        t = tables[e["doc"]]
        begin, end = t[e["span"][0]], t[e["span"][1]]
        on_unmapped = any(lo < end and begin < hi for lo, hi in unmapped_ranges.get((e["doc"], rel), []))
        if on_unmapped and key not in gold:
            unscorable.setdefault(key, e)
            continue
        system.setdefault(key, e)
        scored.append((e, key))

    return {"docs": docs, "gold": gold, "evidence": evidence, "unmapped": unmapped, "considered": considered,
            "system": system, "unscorable": unscorable, "scored": scored}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eventgraph", default=os.path.join(ROOT, "build", "eventgraph"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "re3d"))
    ap.add_argument("--floors", help="fail (exit 1) below the floors in this file (key 're3d')")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object only")
    ap.add_argument("--verbose", action="store_true", help="also list the gold relations we cannot map")
    args = ap.parse_args()

    if not os.path.isdir(args.corpus):
        print("no corpus at %s: nothing to score" % args.corpus, file=sys.stderr)
        return 0
    r = evaluate(args.eventgraph, args.corpus)
    docs, gold, evidence, unmapped = r["docs"], r["gold"], r["evidence"], r["unmapped"]
    considered, system, unscorable = r["considered"], r["system"], r["unscorable"]

    def figures(types):
        s = {k for k in system if k[1] in types}
        g = {k for k in gold if k[1] in types}
        tp = len(s & g)
        return {"precision": round(tp / len(s), 4) if s else 1.0, "recall": round(tp / len(g), 4) if g else 1.0,
                "gold_pairs": len(g), "system_pairs": len(s), "matched": tp}

    result = figures(TYPES)
    result["gold_relations"] = considered
    result["gold_relations_unmapped"] = len(unmapped)
    result["system_pairs_unscorable"] = len(unscorable)
    per_type = {t: figures((t,)) for t in TYPES}

    if args.json:
        print(json.dumps(dict(result, by_type=per_type)))
    else:
        print("re3d CommWith+FightingAgainst: pair precision %.3f  recall %.3f   (gold pairs %d, system pairs %d, "
              "matched %d; gold relations with confidence >= %.1f: %d, %d of them with an argument we cannot map; "
              "%d system pairs on those relations left unscored)" % (
                  result["precision"], result["recall"], result["gold_pairs"], result["system_pairs"],
                  result["matched"], MIN_CONFIDENCE, considered, len(unmapped), len(unscorable)))
        for key, e in sorted(unscorable.items(), key=lambda kv: (kv[0][0], kv[0][1], sorted(kv[0][2]))):
            print("  UNSCORED %-15s %s %s | %s" % (key[1], key[0][:12], " ~ ".join(sorted(key[2])), e["evidence"][:100]))
        for t in TYPES:
            f = per_type[t]
            print("  %-16s precision %.3f  recall %.3f   (gold %d, system %d, matched %d)" % (
                t, f["precision"], f["recall"], f["gold_pairs"], f["system_pairs"], f["matched"]))
        label = lambda k: "%s %s %s" % (docs[k[0]]["folder"][:12], k[0][:6], " ~ ".join(sorted(k[2])))
        print("\nfalse positives:")
        for k, e in sorted(system.items(), key=lambda kv: (kv[0][0], kv[0][1], sorted(kv[0][2]))):
            if k not in gold:
                print("  FP   %-15s %s  %s(%s) [%s] | %s" % (k[1], label(k), e["cameo"], e["relation"], e["rule"],
                                                          e["evidence"][:100].replace("\n", " ")))
        print("\nmisses:")
        for k in sorted(gold, key=lambda k: (k[0], k[1], sorted(k[2]))):
            if k not in system:
                print("  MISS %-15s %s | %s" % (k[1], label(k), evidence[k]))
        if args.verbose:
            print("\ngold relations with an argument we cannot map:")
            for r in unmapped:
                print("  --   %-15s %s | %s | %s" % (r["type"], r["source"], r["value"][:50], r["target"]))
    if args.floors:
        sys.path.insert(0, HERE)
        from score_events import check_floors
        if not check_floors("re3d", result, args.floors):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
