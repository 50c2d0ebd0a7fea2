import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeObject, Persistence } from './types.ts';

/**
 * SQLite in WAL mode with synchronous=NORMAL: a committed transaction is in the WAL file before
 * the API answers, so it survives `kill -9` of the emulator (the OS still holds the pages); only a
 * power loss could drop the last commits, which a local emulator can accept.
 */
export function openSqlitePersistence(dataDir: string): Persistence {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'cci-emulator.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS objects (
      storage_key TEXT NOT NULL,
      namespace TEXT NOT NULL,
      name TEXT NOT NULL,
      body TEXT NOT NULL,
      PRIMARY KEY (storage_key, namespace, name)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  `);
  const upsert = db.prepare(
    'INSERT INTO objects (storage_key, namespace, name, body) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT (storage_key, namespace, name) DO UPDATE SET body = excluded.body',
  );
  const del = db.prepare(
    'DELETE FROM objects WHERE storage_key = ? AND namespace = ? AND name = ?',
  );
  const setMetaStmt = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const getMetaStmt = db.prepare<[string], { value: string }>(
    'SELECT value FROM meta WHERE key = ?',
  );
  const putTx = db.transaction((storageKey: string, object: KubeObject, rv: number) => {
    upsert.run(
      storageKey,
      object.metadata.namespace ?? '',
      object.metadata.name,
      JSON.stringify(object),
    );
    setMetaStmt.run('resourceVersion', String(rv));
  });
  const removeTx = db.transaction(
    (storageKey: string, namespace: string, name: string, rv: number) => {
      del.run(storageKey, namespace, name);
      setMetaStmt.run('resourceVersion', String(rv));
    },
  );

  return {
    load() {
      const rows = db
        .prepare<[], { storage_key: string; body: string }>('SELECT storage_key, body FROM objects')
        .all();
      const rv = Number(getMetaStmt.get('resourceVersion')?.value ?? '0');
      return {
        resourceVersion: rv,
        objects: rows.map((r) => ({
          storageKey: r.storage_key,
          object: JSON.parse(r.body) as KubeObject,
        })),
      };
    },
    put: (storageKey, object, rv) => putTx(storageKey, object, rv),
    remove: (storageKey, namespace, name, rv) => removeTx(storageKey, namespace, name, rv),
    getMeta: (key) => getMetaStmt.get(key)?.value,
    setMeta: (key, value) => void setMetaStmt.run(key, value),
    close: () => db.close(),
  };
}
