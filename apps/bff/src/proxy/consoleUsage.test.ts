import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kinds } from '@cci/model';
import { describe, expect, it } from 'vitest';
import { consoleSubresources, decideProxyRequest } from './allowList.ts';

/*
 * Least privilege, checked against what the web app really calls: every subresource its code
 * names (`resourcePath(kind, { subresource: '…' })`, the only way it builds one) must be admitted,
 * and the allow-list must admit no subresource the code never names.
 */
const webSrc = join(dirname(fileURLToPath(import.meta.url)), '../../../web/src');

function webSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return webSources(path);
    const production = /\.tsx?$/.test(entry.name) && !/\.(test|testkit)\.tsx?$/.test(entry.name);
    return production ? [path] : [];
  });
}

function subresourcesTheWebNames(): Set<string> {
  const found = new Set<string>();
  for (const file of webSources(webSrc)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/subresource:\s*'([a-z]+)'/g)) {
      found.add(m[1] as string);
    }
  }
  return found;
}

/** Every subresource of the kinds table the proxy would forward, with the methods it admits. */
function admittedSubresources(): Map<string, Set<string>> {
  const admitted = new Map<string, Set<string>>();
  for (const kind of kinds) {
    const base = kind.group === '' ? `/api/${kind.version}` : `/apis/${kind.group}/${kind.version}`;
    const item = `${base}${kind.namespaced ? '/namespaces/ns1' : ''}/${kind.plural}/obj`;
    for (const sub of kind.subresources) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (decideProxyRequest(method, `${item}/${sub}`, '').allowed) {
          admitted.set(sub, (admitted.get(sub) ?? new Set()).add(method));
        }
      }
    }
  }
  return admitted;
}

describe('the proxy admits what the console uses, no more', () => {
  it('finds the web app and its subresource calls', () => {
    expect(webSources(webSrc).length).toBeGreaterThan(50);
    expect(subresourcesTheWebNames().size).toBeGreaterThan(0);
  });

  it('admits exactly the subresources the web code names', () => {
    expect([...admittedSubresources().keys()].sort()).toEqual(
      [...subresourcesTheWebNames()].sort(),
    );
    expect(Object.keys(consoleSubresources).sort()).toEqual([...subresourcesTheWebNames()].sort());
  });

  it('never admits a delete of a whole collection', () => {
    for (const kind of kinds) {
      const base =
        kind.group === '' ? `/api/${kind.version}` : `/apis/${kind.group}/${kind.version}`;
      const collection = `${base}${kind.namespaced ? '/namespaces/ns1' : ''}/${kind.plural}`;
      expect(decideProxyRequest('DELETE', collection, '').allowed, collection).toBe(false);
    }
  });
});
