// Same-run comparison of strata and DuckDB on the same Parquet data (docs/benchmarks.md).
//
//   node bench/peer_duckdb.mjs [path/to/strata] [rows]
//
// strata builds a table of `rows` rows (default 10 M: id, k = id % 1000, v = id * 0.5 DOUBLE,
// s = 'name_' || id % 5000) in a fresh data directory; DuckDB (2 threads, in-process)
// queries strata's own Parquet blocks of that table. Each query runs 5 times on each side;
// the medians are compared. strata runs as the `strata` program (one process per run),
// so its figure has the median time of `SELECT 1` subtracted: start-up is not query time.
// Needs tests/node's packages (`cd tests/node && npm ci`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'tests', 'node', 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const strata = resolve(process.argv[2] ?? join(here, '..', 'build', 'strata'));
const rows = Number(process.argv[3] ?? 10_000_000);
const runs = 5;

const queries = [
  ['count(*)', 'SELECT count(*) FROM t'],
  ['sum(v)', 'SELECT sum(v) FROM t'],
  ['range count', 'SELECT count(*) FROM t WHERE id BETWEEN 5000000 AND 5001000'],
  ['GROUP BY k', 'SELECT k, sum(v), count(*) FROM t GROUP BY k'],
  ['GROUP BY s', 'SELECT s, count(*) FROM t GROUP BY s'],
  ['ORDER BY v LIMIT 10', 'SELECT id, v FROM t ORDER BY v DESC LIMIT 10'],
];

const dataDir = mkdtempSync(join(tmpdir(), 'strata-peer-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function runStrata(sql) {
  const start = process.hrtime.bigint();
  const out = execFileSync(strata, ['--data-dir', dataDir, '--output', 'tsv', '-c', sql], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, out };
}

function findBlocks(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findBlocks(path));
    else if (path.includes('/_b/') && name.endsWith('.parquet')) found.push(path);
  }
  return found;
}

try {
  const load = runStrata(
    `CREATE TABLE t AS SELECT number AS id, number % 1000 AS k, (number * 0.5)::DOUBLE AS v, ` +
      `concat('name_', to_string(number % 5000)) AS s FROM numbers(${rows})`,
  );
  const blocks = findBlocks(join(dataDir, 'data'));
  const bytes = blocks.reduce((n, b) => n + statSync(b).size, 0);
  console.log(
    `strata wrote ${rows} rows in ${load.ms.toFixed(0)} ms: ${blocks.length} Parquet blocks, ` +
      `${(bytes / 1e6).toFixed(1)} MB`,
  );

  const startup = median(Array.from({ length: runs }, () => runStrata('SELECT 1').ms));
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run('SET threads = 2');
  const list = blocks.map((b) => `'${b}'`).join(', ');
  await duck.run(`CREATE VIEW t AS SELECT * FROM read_parquet([${list}])`);

  console.log(`strata start-up (SELECT 1): ${startup.toFixed(1)} ms, subtracted below`);
  console.log('| query | strata ms | DuckDB ms | strata / DuckDB |');
  console.log('|---|---|---|---|');
  for (const [name, sql] of queries) {
    const s = [];
    let strataOut = '';
    for (let i = 0; i < runs; ++i) {
      const r = runStrata(sql);
      s.push(Math.max(0, r.ms - startup));
      strataOut = r.out;
    }
    const d = [];
    let duckRows = 0;
    for (let i = 0; i < runs; ++i) {
      const start = process.hrtime.bigint();
      const reader = await duck.runAndReadAll(sql);
      d.push(Number(process.hrtime.bigint() - start) / 1e6);
      duckRows = reader.getRows().length;
    }
    const strataRows = strataOut.split('\n').filter((l) => l.length > 0).length;
    if (strataRows !== duckRows) {
      throw new Error(`${name}: strata returned ${strataRows} rows, DuckDB ${duckRows}`);
    }
    const ms = median(s);
    const dms = median(d);
    console.log(`| ${name} | ${ms.toFixed(1)} | ${dms.toFixed(1)} | ${(ms / dms).toFixed(2)} |`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
