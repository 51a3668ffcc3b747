#!/usr/bin/python3
"""Share of the diplomacy corpus whose meeting the title announces is found as a dyadic meeting event.

    bench/diplomacy_meetings.py [EVENTGRAPH] [--corpus DIR] [--intent] [--min PCT] [--verbose]

EVENTGRAPH is the binary (default build/eventgraph, relative to the repository root); --corpus defaults
to ../shared/corpus/diplomacy (78 articles, each reporting a meeting, call, talk, visit or summit between
named officials). Standard library only.

Method
  1. Events: `EVENTGRAPH extract CORPUS`.
  2. Title actors: every article is run through the same binary again with its title as its first
     sentence (JSON Lines on stdin, `extract -`, with the article's date), together with a throw-away rule
     pack whose rule k reports the k-th entity mention of a sentence as an event subject (eventgraph has no
     mention dump); only the mentions inside the title count. The article comes along so that the title is
     read as a reader reads it: a role in the title ("Russian Foreign Minister", "Greek PM") resolves to the
     person the article names even when the article has no date. The title actors are the actor mentions
     among those: people, organisations, groups, countries, and combined country agents ("Russian
     military"); a capital or a landmark that stands for an actor (stands_for: "Moscow", "the Kremlin")
     counts as that actor; other places do not count.
  3. A meeting event is a positive event whose CAMEO code is in root 04 (CONSULT: 040 consult, 041 phone
     call, 042 visit, 043 host, 044 meet at a third location, 045 mediate, 046 negotiate). The issue asks
     for "meeting/consultation", which is what root 04 codes. With --intent, 036 (express intent to meet or
     negotiate) counts too: some titles announce a meeting that has not happened yet ("Obama Will Meet With
     Sanders On Thursday"). Both figures are printed; the headline figure is root 04 only.
     A visit (042) or a hosting (043) with no object but a location counts as a meeting with the country
     of that location ("Kerry visits Oman": source visits target, as CAMEO codes 042), unless that is the
     visitor's own country.
  4. An actor of an event matches a title actor when it is the same entity, or when one of the two is a
     country and the other belongs to it (a person's or organisation's "country", a combined agent's
     country, a capital's stands_for): "Putin" in an event matches "Russia" in the title and the reverse.
     An article is a hit when one meeting event has its subject matching one title actor and its object
     matching another (in either order). When the title names only one actor, a meeting event between
     that actor and any other actor is a hit. When it names none, the article is a miss.

Prints the figure, then every miss: id, title, the title actors, and the meeting events that were found
(or the article's other dyadic events when there is no meeting event at all). Exit status: 0, or 1 with
--min PCT when the headline figure is below PCT.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ACTOR_TYPES = {"PERSON", "ORGANIZATION", "GROUP", "COUNTRY"}
MENTION_RULES = 24  # mentions per title sentence that are looked at; titles have far fewer


def load_gazetteer():
    """id -> entity (merged over the default packs, later packs extending earlier ones)."""
    entities = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "gazetteer*.json"))):
        with open(path, encoding="utf-8") as f:
            pack = json.load(f)
        for e in pack.get("entities", []):
            entities.setdefault(e["id"], {}).update({k: v for k, v in e.items() if k != "aliases"})
    return entities


class Actors:
    def __init__(self, entities):
        self.entities = entities

    def normalise(self, ref):
        """An event or mention reference -> actor id, or None when it is not an actor."""
        if ref is None:
            return None
        eid = ref["id"]
        e = self.entities.get(eid)
        if e and e.get("stands_for"):
            return e["stands_for"]
        if ref.get("type") in ACTOR_TYPES or "." in eid:
            return eid
        return None

    def country(self, aid):
        if aid is None:
            return None
        if aid.startswith("country:"):
            return aid.split(".", 1)[0]
        e = self.entities.get(aid)
        if e is None:
            return None
        if e.get("stands_for"):
            return self.country(e["stands_for"])
        return e.get("country")

    def is_country(self, aid):
        return aid is not None and aid.startswith("country:") and "." not in aid

    def matches(self, a, t):
        if a is None or t is None:
            return False
        if a == t:
            return True
        if self.is_country(t) and self.country(a) == t:
            return True
        if self.is_country(a) and self.country(t) == a:
            return True
        return False

    def place_country(self, ref):
        if ref is None:
            return None
        if ref["id"].startswith("country:"):
            return ref["id"]
        e = self.entities.get(ref["id"], {})
        if e.get("stands_for"):
            return self.country(e["stands_for"])
        return e.get("country")


def run(cmd, stdin=None):
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(cmd), proc.returncode, proc.stderr.strip()))
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def mention_pack(path):
    rules = []
    for k in range(MENTION_RULES):
        skip = "(?:[^\\x01]*{ENTITY}){%d}" % k if k else ""
        rules.append({"id": "dm.mention.%d" % k, "pattern": "^" + skip + "[^\\x01]*{subject:ANY}",
                      "relation": "mention %d" % k, "cameo": "010", "goldstein": 0.0})
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"name": "diplomacy-meetings-mentions",
                   "description": "bench/diplomacy_meetings.py: reports every mention as an event subject",
                   "rules": rules}, f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("eventgraph", nargs="?", default=os.path.join(ROOT, "build", "eventgraph"))
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(ROOT), "shared", "corpus", "diplomacy"))
    ap.add_argument("--intent", action="store_true", help="also count 036 (intent to meet) in the headline")
    ap.add_argument("--min", type=float, help="exit 1 when the headline share (%%) is below this")
    ap.add_argument("--verbose", action="store_true", help="print the hits too")
    args = ap.parse_args()

    docs = []
    for path in sorted(glob.glob(os.path.join(args.corpus, "**", "*.jsonl"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            docs += [json.loads(line) for line in f if line.strip()]
    if not docs:
        sys.exit("no documents in %s" % args.corpus)
    actors = Actors(load_gazetteer())

    events = {}
    for ev in run([args.eventgraph, "extract", "-q", args.corpus]):
        events.setdefault(ev["doc"], []).append(ev)

    with tempfile.TemporaryDirectory() as tmp:
        pack = os.path.join(tmp, "mentions.rules.json")
        mention_pack(pack)
        lines = []
        title_bytes = {}
        for d in docs:
            head = (d.get("title") or "").strip() + "."
            title_bytes[d["id"]] = len(head.encode("utf-8"))
            title = {"id": d["id"], "text": head + "\n\n" + d.get("text", "")}
            if re.fullmatch(r"\d{4}-\d\d-\d\d", d.get("date") or ""):
                title["date"] = d["date"]
            lines.append(json.dumps(title, ensure_ascii=False))
        title_events = run([args.eventgraph, "extract", "-q", "--rules", pack, "-"], "\n".join(lines) + "\n")
    title_actors = {}
    for ev in title_events:
        if ev["rule"].startswith("dm.mention.") and ev["subject"]["span"][1] <= title_bytes[ev["doc"]]:
            aid = actors.normalise(ev["subject"])
            if aid:
                title_actors.setdefault(ev["doc"], [])
                if aid not in title_actors[ev["doc"]]:
                    title_actors[ev["doc"]].append(aid)

    def meeting(ev, intent):
        code = ev.get("cameo") or ""
        return ev.get("polarity") == "positive" and (code.startswith("04") or (intent and code == "036"))

    def pair(ev):
        s = actors.normalise(ev["subject"])
        o = actors.normalise(ev.get("object"))
        if o is None and ev.get("cameo") in ("042", "043") and ev.get("location"):
            o = actors.place_country(ev["location"])
            if o is not None and actors.country(s) == o:
                o = None  # a trip inside one's own country is not a dyad
        return s, o

    def hit(doc_id, intent):
        ts = title_actors.get(doc_id, [])
        if not ts:
            return None
        for ev in events.get(doc_id, []):
            if not meeting(ev, intent):
                continue
            s, o = pair(ev)
            if s is None or o is None or s == o:
                continue
            if len(ts) == 1:
                if actors.matches(s, ts[0]) or actors.matches(o, ts[0]):
                    return ev
                continue
            for i, a in enumerate(ts):
                for b in ts[i + 1:]:
                    if actors.matches(a, b) or actors.matches(b, a):
                        continue  # the same actor named twice ("Russia's Putin")
                    if (actors.matches(s, a) and actors.matches(o, b)) or (actors.matches(s, b) and actors.matches(o, a)):
                        return ev
        return None

    def describe(ev):
        s, o = pair(ev)
        # A visit with no object names its place instead ("visited in Moscow"), not "visited None".
        where = o if o is not None else "in " + ((ev.get("location") or {}).get("label") or "(nowhere)")
        return "%s %s %s %s (%s)" % (ev["cameo"], s, ev["relation"], where, ev["rule"])

    n = len(docs)
    hits04 = [d for d in docs if hit(d["id"], False)]
    hits36 = [d for d in docs if hit(d["id"], True)]
    headline = hits36 if args.intent else hits04
    share = 100.0 * len(headline) / n
    print("diplomacy meetings: %d/%d articles (%.1f%%) have a dyadic CAMEO 04 meeting event between actors "
          "their title names; %d/%d (%.1f%%) counting 036 intent to meet"
          % (len(hits04), n, 100.0 * len(hits04) / n, len(hits36), n, 100.0 * len(hits36) / n))
    hit_ids = {d["id"] for d in headline}
    for d in docs:
        if d["id"] in hit_ids and not args.verbose:
            continue
        ev = hit(d["id"], args.intent)
        print("%s %s" % ("HIT " if ev else "MISS", d["id"]))
        print("  title:  %s" % d.get("title"))
        print("  actors: %s" % (", ".join(title_actors.get(d["id"], [])) or "(none: the title names no known actor)"))
        if ev:
            print("  event:  %s" % describe(ev))
            continue
        evs = events.get(d["id"], [])
        meets = [e for e in evs if meeting(e, True)]
        shown = meets or [e for e in evs if e.get("object")]
        label = "meetings" if meets else "no meeting event; dyadic events"
        print("  %s: %s" % (label, "; ".join(sorted({describe(e) for e in shown})) or "(none)"))
    if args.min is not None and share < args.min:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
