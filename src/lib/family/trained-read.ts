/**
 * Build-time reader of the trained family: public/models/trained/manifest.json from disk, through
 * trained-index.ts. Runs only in Astro frontmatter and Node (never in the browser): pages pass
 * what they need to components as props. No manifest (a checkout before any model was trained)
 * gives the empty family; an invalid one fails the build with the path of every bad field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { familyFromJson, type IndexOptions, type TrainedFamily } from './trained-index.ts';

export const TRAINED_MANIFEST = join('public', 'models', 'trained', 'manifest.json');

export function readTrainedFamily(root = process.cwd(), o: IndexOptions = {}): TrainedFamily {
  const path = join(root, TRAINED_MANIFEST);
  if (!existsSync(path)) return familyFromJson(undefined, o);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path} is not JSON: ${(e as Error).message}`);
  }
  return familyFromJson(json, o);
}
