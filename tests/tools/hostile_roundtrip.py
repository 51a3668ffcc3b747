#!/usr/bin/python3
"""Reads back the outputs of `eventgraph build` (OUT/g.graphml, g.gexf, g.jsonld, g.nq, g.events.jsonl,
csv/) with standard parsers and checks that the label of entity ID came through each one as the format
promises (README "Reliability"): exactly in JSON-LD and N-Quads; with characters XML 1.0 forbids replaced
by U+FFFD in GraphML and GEXF; with control characters as spaces in CSV.

usage: hostile_roundtrip.py OUT ID LABEL_JSON   (LABEL_JSON: the label as a JSON string)
Prints one line per format; exits 1 when any differs."""
import csv
import json
import sys
import xml.etree.ElementTree as ET

out, entity, label = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])


def xml_form(text):
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff" else c
                   for c in text)


def csv_form(text):
    return "".join(" " if ord(c) < 0x20 or c == "\x7f" else c for c in text)


found = {}
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(out + "/g.graphml").getroot()
for node in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
    if node.get("id") == entity:
        for data in node.findall("g:data", ns):
            if data.get("key") == "label":
                found["graphml"] = (data.text or "", xml_form(label))

root = ET.parse(out + "/g.gexf").getroot()
for node in root.iter("{http://gexf.net/1.3}node"):
    if node.get("id") == entity:
        found["gexf"] = (node.get("label"), xml_form(label))

with open(out + "/g.jsonld", encoding="utf-8") as f:
    doc = json.load(f)
def walk(value):
    if isinstance(value, dict):
        if str(value.get("@id", "")).endswith(entity.split(":", 1)[1]) and "name" in value:
            found["jsonld"] = (value["name"], label)
        for v in value.values():
            walk(v)
    elif isinstance(value, list):
        for v in value:
            walk(v)
walk(doc)

try:
    import rdflib
    g = rdflib.Dataset()
    g.parse(out + "/g.nq", format="nquads")
    for s, p, o, _ in g.quads((None, rdflib.URIRef("https://schema.org/name"), None, None)):
        if str(s).endswith(entity.split(":", 1)[1]):
            found["nquads"] = (str(o), label)
except ImportError:
    print("nquads: rdflib missing, not checked")
    found["nquads"] = (label, label)

with open(out + "/csv/entities.csv", encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        if row.get("id:ID(Entity)") == entity:
            found["csv"] = (row["label"], csv_form(label))

status = 0
for fmt in ("graphml", "gexf", "jsonld", "nquads", "csv"):
    if fmt not in found:
        print(f"{fmt}: entity {entity} not found")
        status = 1
        continue
    got, want = found[fmt]
    ok = got == want
    print(f"{fmt}: {'ok' if ok else 'DIFFERS'} {got!r}" + ("" if ok else f" != {want!r}"))
    status |= not ok
sys.exit(status)
