import { describe, expect, it } from 'vitest';
import * as contract from '../src/testids.ts';
import { stripTestIdProps, stubOf } from './testIds.ts';

describe('stripTestIdProps', () => {
  it('removes data-testid props wherever they stand in the object, keeping the rest', () => {
    const code = [
      'jsx("div", { "data-testid": ids.a, children: x });',
      'jsx(Button, { onClick: go, "data-testid": rowTestId(name) });',
      'jsx(Input, { ...bind("x"), "data-testid": ids.b, size: "xs" });',
      'const only = { "data-testid": "literal" };',
      'const bind = (id) => ({ name: id, "data-testid": id, });',
    ].join('\n');
    const stripped = stripTestIdProps(code) ?? '';
    expect(stripped).not.toContain('data-testid');
    // Still valid JavaScript that means the same without the attribute.
    const calls: unknown[][] = [];
    const run = new Function(
      'jsx',
      'ids',
      'rowTestId',
      'name',
      'go',
      'x',
      'Button',
      'Input',
      `${stripped.replace('...bind("x")', '...{}')}\nreturn { only, bind };`,
    );
    const { only, bind } = run(
      (...a: unknown[]) => calls.push(a),
      {},
      () => 'r',
      'n',
      'go',
      'x',
    );
    expect(calls.map((c) => c[1])).toEqual([{ children: 'x' }, { onClick: 'go' }, { size: 'xs' }]);
    expect(only).toEqual({});
    expect(bind('k')).toEqual({ name: 'k' });
  });

  it('leaves code without the attribute alone', () => {
    expect(stripTestIdProps('jsx("div", { id: "a" });')).toBeUndefined();
  });

  it('refuses a use it cannot strip, so no test id slips into production', () => {
    expect(() => stripTestIdProps('el.setAttribute("data-testid", "x");')).toThrow(/cannot strip/);
  });
});

describe('stubOf', () => {
  it('mirrors every export of the contract, with no id in it', async () => {
    const stub = stubOf(contract);
    expect(stub).not.toMatch(/resource-table|row-|editor-/);
    const url = `data:text/javascript,${encodeURIComponent(stub)}`;
    const module = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
    expect(Object.keys(module).sort()).toEqual(Object.keys(contract).sort());
    expect((module['testIds'] as Record<string, unknown>)['resourceTable']).toBeUndefined();
    expect((module['rowTestId'] as (n: string) => unknown)('web-1')).toBeUndefined();
  });
});
