/**
 * The trained family's manifest as the build reads it (public/models/trained/manifest.json,
 * validated); no file means no trained model yet, so no page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { validateManifest, type TrainedManifest } from '~/lib/family/manifest.ts';

export function readTrainedManifest(path = 'public/models/trained/manifest.json'): TrainedManifest | null {
  if (!existsSync(path)) return null;
  const r = validateManifest(JSON.parse(readFileSync(path, 'utf8')));
  if (!r.ok) throw new Error(`${path} is not a valid trained-models manifest:\n${r.errors.join('\n')}`);
  return r.manifest;
}
