/**
 * The seed's manifests for rule tests: realistic inputs whose flaws are documented on their
 * first line. The valid ones are this package's templates (../templates/), the flawed ones stay
 * with the emulator's fixtures (apps/cci-emulator/test/fixtures/seed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const flawedDir = new URL('../../../../apps/cci-emulator/test/fixtures/seed/', import.meta.url);
const templateDir = new URL('../templates/', import.meta.url);

const yamlFiles = (dir: URL, suffix: RegExp): string[] =>
  readdirSync(dir).filter((name) => suffix.test(name));

/** Seed manifests as the guide has them: valid templates (not the corrected ones) and flawed fixtures. */
export const seedFixtureNames: string[] = [
  ...yamlFiles(templateDir, /^\d{2}-\d{2}-[a-z0-9-]+\.yaml$/),
  ...yamlFiles(flawedDir, /\.flawed\.yaml$/),
].sort();

/** Absolute path of a seed fixture, valid or flawed. */
export function seedFixturePath(name: string): string {
  return fileURLToPath(new URL(name, name.includes('.flawed.') ? flawedDir : templateDir));
}

/** The parsed document, or undefined when the YAML itself does not parse (a Y1 flaw). */
export function loadSeedFixture(name: string): Record<string, unknown> | undefined {
  try {
    const doc: unknown = parse(readFileSync(seedFixturePath(name), 'utf8'));
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
