#!/usr/bin/env node
// Runs the load.cypher of a CSV export in a fresh embedded Kùzu database, from inside the export
// directory (its COPY paths are relative), and prints the row count of every table: "Entity=9" ...
//
//   NODE_PATH=<validators>/node_modules node tests/tools/kuzu_load_cypher.js DIR
//
// Exit 0 only if every statement succeeds.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const kuzu = require('kuzu');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: kuzu_load_cypher.js DIR');
  process.exit(2);
}
(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eg-kuzu-'));
  let status = 0;
  try {
    process.chdir(dir);
    const db = new kuzu.Database(path.join(tmp, 'db'));
    const conn = new kuzu.Connection(db);
    const script = fs.readFileSync('load.cypher', 'utf8').replace(/^\/\/.*$/gm, '');
    for (const statement of script.split(';').map((s) => s.trim()).filter(Boolean)) {
      await (await conn.query(statement)).getAll();
    }
    for (const table of ['Entity', 'Event']) {
      const [row] = await (await conn.query(`MATCH (n:${table}) RETURN count(n) AS n`)).getAll();
      console.log(`${table}=${row.n}`);
    }
    for (const table of ['Relation', 'Role']) {
      const [row] = await (await conn.query(`MATCH ()-[r:${table}]->() RETURN count(r) AS n`)).getAll();
      console.log(`${table}=${row.n}`);
    }
  } catch (e) {
    console.log('FAIL ' + (e && e.message ? e.message : e));
    status = 1;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(status);
})();
