/**
 * /explore/'s samples, read at build time from public/models: the zoo exports of
 * public/models/explore/manifest.json and the lesson blocks of public/models/manifest.json
 * (both written, with their sha256, by scripts/gen-models.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExploreSample {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly bytes: number;
}

interface Entry {
  id: string;
  file: string;
  title: string;
  bytes: number;
}

export function exploreSamples(root = process.cwd()): ExploreSample[] {
  const read = (p: string): Entry[] => JSON.parse(readFileSync(join(root, 'public', 'models', p), 'utf8')) as Entry[];
  return [...read('explore/manifest.json'), ...read('manifest.json')].map((e) => ({
    id: e.id,
    title: e.title,
    url: `/models/${e.file}`,
    bytes: e.bytes,
  }));
}
