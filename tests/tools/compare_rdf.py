#!/usr/bin/python3
"""Compare the quads of a JSON-LD file and an N-Quads file with rdflib.

    /usr/bin/python3 tests/tools/compare_rdf.py FILE.jsonld FILE.nq [SPARQL]

Prints "jsonld=N nquads=N missing=N extra=N" and, with a SPARQL SELECT, its rows over each file as
"jsonld: var=value ..." and "nquads: var=value ...". Exit 0 when the quad sets are equal, 1 when they
differ, 77 when rdflib is not installed (the caller skips).
"""
import sys

try:
    import rdflib
except ImportError:
    sys.exit(77)


def load(path, fmt):
    graph = rdflib.ConjunctiveGraph()
    graph.parse(path, format=fmt)
    quads = {(s.n3(), p.n3(), o.n3(), c.identifier.n3()) for s, p, o, c in graph.quads((None, None, None, None))}
    return graph, quads


def main():
    jsonld_graph, jsonld = load(sys.argv[1], "json-ld")
    nquads_graph, nquads = load(sys.argv[2], "nquads")
    print(f"jsonld={len(jsonld)} nquads={len(nquads)} missing={len(jsonld - nquads)} extra={len(nquads - jsonld)}")
    for quad in sorted(jsonld - nquads)[:5]:
        print("  only in JSON-LD:", *quad)
    for quad in sorted(nquads - jsonld)[:5]:
        print("  only in N-Quads:", *quad)
    if len(sys.argv) > 3:
        for name, graph in (("jsonld", jsonld_graph), ("nquads", nquads_graph)):
            for row in graph.query(sys.argv[3]):
                print(f"{name}: " + "  ".join(f"{var}={row[var]}" for var in row.labels))
    return 0 if jsonld == nquads else 1


if __name__ == "__main__":
    sys.exit(main())
