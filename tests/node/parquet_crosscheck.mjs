// Cross-checks strata's Parquet files with an independent reader (DuckDB).
//
//   node parquet_crosscheck.mjs read <file.parquet>
//     Prints {"columns":[{"name","type"}],"rows":[[...]]} as DuckDB reads the file. Every
//     value is a string in a canonical form (or null): integers and decimals as DuckDB
//     prints them, floats in shortest round-trip form, booleans true/false, DATE as days
//     since 1970-01-01, TIMESTAMP as microseconds since the epoch, strings as they are.
//
//   node parquet_crosscheck.mjs write <file.parquet> <compression> <row_group_size> <select> [V1|V2]
//     Writes the result of <select> as a Parquet file with DuckDB; V2 makes DuckDB write
//     data pages v2 with DELTA_* and BYTE_STREAM_SPLIT encodings.
//
//   node parquet_crosscheck.mjs metadata <file.parquet>
//     Prints DuckDB's view of the file's column chunk metadata (encodings, statistics).
import { DuckDBInstance } from '@duckdb/node-api';

function quote(text) {
  return `'${text.replaceAll("'", "''")}'`;
}

function ident(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

// The SQL expression that turns a column into its canonical text.
function canonical(name, type) {
  const c = ident(name);
  if (type.startsWith('TIMESTAMP')) return `CAST(epoch_us(${c}) AS VARCHAR)`;
  if (type === 'DATE') return `CAST(${c} - DATE '1970-01-01' AS VARCHAR)`;
  if (type === 'BLOB') return `CAST(${c} AS VARCHAR)`;
  return `CAST(${c} AS VARCHAR)`;
}

async function main() {
  const [mode, file, ...rest] = process.argv.slice(2);
  if (!mode || !file) {
    console.error('usage: parquet_crosscheck.mjs read|write|metadata <file.parquet> ...');
    process.exit(2);
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    if (mode === 'read') {
      const described = await connection.runAndReadAll(
        `DESCRIBE SELECT * FROM read_parquet(${quote(file)})`);
      const columns = described.getRowsJS().map((r) => ({ name: r[0], type: r[1] }));
      const select = columns.map((c) => canonical(c.name, c.type)).join(', ');
      const result = await connection.runAndReadAll(
        `SELECT ${select || '1'} FROM read_parquet(${quote(file)})`);
      const rows = columns.length ? result.getRowsJS() : [];
      process.stdout.write(JSON.stringify({ columns, rows }));
    } else if (mode === 'write') {
      const [compression, rowGroupSize, select, version = 'V1'] = rest;
      if (!/^[A-Za-z0-9_]+$/.test(compression) || !/^V[12]$/.test(version)) {
        throw new Error('bad compression or version');
      }
      await connection.run(
        `COPY (${select}) TO ${quote(file)} (FORMAT parquet, COMPRESSION ${compression}, ` +
        `ROW_GROUP_SIZE ${Number(rowGroupSize)}, PARQUET_VERSION ${version})`);
    } else if (mode === 'metadata') {
      const result = await connection.runAndReadAll(
        `SELECT row_group_id, path_in_schema, type, encodings, compression, stats_min_value, ` +
        `stats_max_value, stats_null_count FROM parquet_metadata(${quote(file)})`);
      process.stdout.write(JSON.stringify(result.getRowsJson()));
    } else {
      console.error(`unknown mode ${mode}`);
      process.exit(2);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

main().catch((err) => {
  console.error(err?.message ?? String(err));
  process.exit(1);
});
