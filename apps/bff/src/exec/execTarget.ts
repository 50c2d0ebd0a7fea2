import {
  EXEC_PROTOCOL,
  TERMINAL_SHELLS,
  isDns1123Label,
  isDns1123Subdomain,
  isTerminalShell,
  type TerminalShell,
} from '@cci/model';
import { fieldError } from '../status.ts';
import type { UpstreamSocketRequest } from '../upstream/socket.ts';
import { execMessages } from './messages.ts';

/** What one terminal runs: fixed when the socket opens, never changed by the browser. */
export interface ExecTarget {
  namespace: string;
  pod: string;
  /** Absent: the pod's only container (CCI refuses when there are several). */
  container: string | undefined;
  command: TerminalShell;
}

/** The path's names and the query's container and command, checked; a 400 names the field. */
export function parseExecTarget(
  params: { namespace: string; pod: string },
  query: URLSearchParams,
): ExecTarget {
  const name = (field: string, value: string | null, valid: (v: string) => boolean) => {
    if (value === null || !valid(value))
      throw fieldError('FieldValueInvalid', field, execMessages.invalidName);
    return value;
  };
  const namespace = name('namespace', params.namespace, isDns1123Label);
  const pod = name('pod', params.pod, isDns1123Subdomain);
  const containerParam = query.get('container');
  const container =
    containerParam === null || containerParam === ''
      ? undefined
      : name('container', containerParam, isDns1123Label);
  const commands = query.getAll('command');
  const command = commands[0] ?? '/bin/sh';
  if (commands.length > 1 || !isTerminalShell(command))
    throw fieldError('FieldValueNotSupported', 'command', execMessages.notAShell, {
      shells: TERMINAL_SHELLS.join(', '),
      command: commands.join(' ').slice(0, 64),
    });
  return { namespace, pod, container, command };
}

/** CCI's pods/exec for an interactive shell: stdin, stdout and a TTY (stderr joins stdout). */
export function execUpstreamRequest(target: ExecTarget): UpstreamSocketRequest {
  const query = new URLSearchParams();
  if (target.container) query.set('container', target.container);
  query.append('command', target.command);
  query.set('stdin', 'true');
  query.set('stdout', 'true');
  query.set('tty', 'true');
  const enc = encodeURIComponent;
  return {
    path: `/api/v1/namespaces/${enc(target.namespace)}/pods/${enc(target.pod)}/exec`,
    query: query.toString(),
    protocols: [EXEC_PROTOCOL],
  };
}

/** The subprotocols a WebSocket handshake offers (its Sec-WebSocket-Protocol header). */
export function offeredProtocols(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
