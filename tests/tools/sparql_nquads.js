#!/usr/bin/env node
// Loads an N-Quads file into an Oxigraph store and prints the quad count and the rows of a SPARQL SELECT
// (the default graph is the union of the named graphs). Used by validators_test and `./dev validate` to
// query the N-Quads export the way validate_jsonld queries the JSON-LD one.
//
//   NODE_PATH=<validators>/node_modules node tests/tools/sparql_nquads.js FILE.nq 'SELECT ...'
//
// Output: "quads=N", then one line per row, "var=value" pairs separated by two spaces.
'use strict';
const fs = require('fs');
const oxigraph = require('oxigraph');

const [file, query] = process.argv.slice(2);
if (!file || !query) {
  console.error('usage: sparql_nquads.js FILE.nq SPARQL');
  process.exit(2);
}
const store = new oxigraph.Store();
store.load(fs.readFileSync(file, 'utf8'), { format: 'application/n-quads' });
console.log(`quads=${store.size}`);
for (const row of store.query(query, { use_default_graph_as_union: true })) {
  const cells = [];
  for (const [name, term] of row) cells.push(`${name}=${term.value}`);
  console.log(cells.join('  '));
}
