/**
 * `npm run family:predictions`: writes the test-set predictions (src/lib/family/predictions.ts)
 * of every run in a trained manifest that has none yet, or whose predictions were made for another
 * file (sha256) — the runs finished by a `train:family` older than the predictions, or copied in
 * from another worktree. Each run is evaluated by the engine on all 10,000 test images exactly as
 * CI and train:family do (readTrained, then evaluate: deterministic), and its correct count must be
 * the manifest's, else nothing is written for it and the command fails naming the run.
 *
 *   npm run family:predictions [-- --out public/models/trained] [--only id,id] [--force]
 *
 * `--out` is the folder of the manifest (default public/models/trained; the fixture is
 * tests/fixtures/trained); `--force` rewrites existing predictions too.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadFashionMnist } from '../src/cli/fashion-mnist-files.ts';
import { validateManifest } from '../src/lib/family/manifest.ts';
import {
  decodePredictions,
  encodePredictions,
  predictionsDir,
  predictionsFile,
} from '../src/lib/family/predictions.ts';
import { readTrained } from '../src/lib/train/checkpoint.ts';
import { evaluate } from '../src/lib/train/evaluate.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: v } = parseArgs({
  options: { out: { type: 'string' }, only: { type: 'string' }, force: { type: 'boolean' } },
});
const out = resolve(ROOT, v.out ?? 'public/models/trained');
const only = v.only?.split(',').filter(Boolean);
const r = validateManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
if (!r.ok) throw new Error(`${out}/manifest.json is invalid:\n  ${r.errors.join('\n  ')}`);
const dir = predictionsDir(ROOT, out);
mkdirSync(dir, { recursive: true });

const fresh = (path: string, run: (typeof r.manifest.models)[number]): boolean => {
  if (!existsSync(path)) return false;
  try {
    decodePredictions(JSON.parse(readFileSync(path, 'utf8')), run);
    return true;
  } catch {
    return false;
  }
};

const test = loadFashionMnist('test');
let failed = 0;
let written = 0;
for (const run of r.manifest.models) {
  if (only && !only.includes(run.id)) continue;
  const path = join(dir, predictionsFile(run.file));
  if (!v.force && fresh(path, run)) continue;
  const t0 = performance.now();
  const { graph } = readTrained(new Uint8Array(readFileSync(join(out, run.file))));
  const ev = evaluate(graph, test, { mean: run.preprocessing.mean, std: run.preprocessing.std });
  const s = ((performance.now() - t0) / 1000).toFixed(0);
  if (ev.correct !== run.correct) {
    console.error(`${run.file}: the engine gets ${ev.correct} right, the manifest says ${run.correct}; not written`);
    failed++;
    continue;
  }
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(encodePredictions(run.file, run.sha256, ev.top1)));
  renameSync(tmp, path);
  written++;
  console.log(`${run.file}: ${ev.correct}/${ev.count} as the manifest says, ${s} s → ${path}`);
}
console.log(`family:predictions: ${written} written in ${dir}${failed ? `; ${failed} refused` : ''}`);
if (failed) process.exit(1);
