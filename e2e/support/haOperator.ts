import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createConnection } from 'node:net';

/** One BFF replica as HAProxy sees it (`show stat` on its stats socket). */
export interface ServerStat {
  name: string;
  status: string;
  /** Sessions open now (a live stream holds one for as long as it lasts). */
  current: number;
  /** Sessions since HAProxy started. */
  total: number;
}

/** What an operator reads from HAProxy's stats socket: each server of the `bff` backend. */
export async function backendServers(statsSocket: string): Promise<ServerStat[]> {
  const socket = createConnection(statsSocket);
  await once(socket, 'connect');
  socket.end('show stat\n');
  let csv = '';
  for await (const chunk of socket) csv += String(chunk);
  const [header = '', ...rows] = csv.replace(/^# /, '').trim().split('\n');
  const columns = header.split(',');
  const at = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  return rows
    .map((row) => row.split(','))
    .filter((cells) => cells[0] === 'bff' && !['FRONTEND', 'BACKEND'].includes(cells[1] ?? ''))
    .map((cells) => ({
      name: at(cells, 'svname'),
      status: at(cells, 'status'),
      current: Number(at(cells, 'scur')),
      total: Number(at(cells, 'stot')),
    }));
}

/**
 * Kills redis-server (kill -9, as a crash) and returns how to start it again from the same
 * config file, as an operator's service manager would. The new process belongs to the caller.
 */
export function crashRedis(redis: { pid: number; config: string }): () => Promise<ChildProcess> {
  process.kill(redis.pid, 'SIGKILL');
  return async () => {
    const restarted = spawn('redis-server', [redis.config], { stdio: 'ignore' });
    await once(restarted, 'spawn');
    return restarted;
  };
}
