/**
 * A SQLite database's schema as plain lines — one per table column, index and trigger — so a
 * backup can be compared with the schema this build's migrations make. Column order and the text
 * SQLite keeps for CREATE statements are left out: they depend on the order migrations ran in
 * (they may run unordered), not on what the server can use.
 *
 * @example schemaDifferences(sqliteSchema('fresh.db'), sqliteSchema('backup.db')) // [] when alike
 */
import SQLite from 'better-sqlite3';

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

/** One sorted line per column (`table person column email text not null`), index and trigger. */
export function sqliteSchema(file: string): string[] {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const objects = db
      .prepare("select type, name, tbl_name from sqlite_master where name not like 'sqlite_%' order by name")
      .all() as { type: string; name: string; tbl_name: string }[];
    const lines: string[] = [];
    for (const o of objects) {
      if (o.type === 'table') {
        lines.push(`table ${o.name}`);
        for (const c of db.prepare('select * from pragma_table_info(?)').all(o.name) as Column[]) {
          const parts = [c.type.toLowerCase(), c.notnull ? 'not null' : 'null'];
          if (c.pk) parts.push(`primary key ${c.pk}`);
          if (c.dflt_value !== null) parts.push(`default ${c.dflt_value}`);
          lines.push(`table ${o.name} column ${c.name} ${parts.join(' ')}`);
        }
      } else if (o.type === 'index') {
        const cols = (
          db.prepare('select name from pragma_index_info(?) order by seqno').all(o.name) as {
            name: string | null;
          }[]
        ).map((c) => c.name ?? '(expression)');
        const unique = (
          db
            .prepare(`select "unique" as u from pragma_index_list(?) where name = ?`)
            .get(o.tbl_name, o.name) as { u: number } | undefined
        )?.u;
        lines.push(`${unique ? 'unique ' : ''}index ${o.name} on ${o.tbl_name} (${cols.join(', ')})`);
      } else {
        lines.push(`${o.type} ${o.name} on ${o.tbl_name}`);
      }
    }
    return lines.sort();
  } finally {
    db.close();
  }
}

/** What `actual` lacks or has beyond `expected`, in words: `missing: table person column email …`. */
export function schemaDifferences(expected: readonly string[], actual: readonly string[]): string[] {
  const want = new Set(expected);
  const have = new Set(actual);
  return [
    ...expected.filter((l) => !have.has(l)).map((l) => `missing ${l}`),
    ...actual.filter((l) => !want.has(l)).map((l) => `unexpected ${l}`),
  ];
}
