/**
 * The seed's manifests (apps/cci-emulator/test/fixtures/seed) for rule tests: realistic inputs
 * whose flaws are documented on their first line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

const fixtureDir = new URL('../../../../apps/cci-emulator/test/fixtures/seed/', import.meta.url);

export const seedFixtureNames: string[] = readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

/** The parsed document, or undefined when the YAML itself does not parse (a Y1 flaw). */
export function loadSeedFixture(name: string): Record<string, unknown> | undefined {
  try {
    const doc: unknown = parse(readFileSync(new URL(name, fixtureDir), 'utf8'));
    return typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A fixture that must load, for tests built on it. */
export function seedFixture(name: string): Record<string, unknown> {
  const doc = loadSeedFixture(name);
  if (doc === undefined) throw new Error(`seed fixture ${name} does not parse`);
  return doc;
}
