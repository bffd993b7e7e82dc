/**
 * The fuzzer's seed files, read from disk (Node only; the engine itself never touches files):
 * every conformance case model under shared/onnx-node-tests, the lesson blocks and the /explore/
 * samples in public/models. The shared folder is found from DEPTHWISE_SHARED or by walking up
 * from the repository (it sits beside the checkout, or two levels up from a worktree).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function sharedTestsDir(from: string): string | undefined {
  const env = process.env.DEPTHWISE_SHARED;
  if (env && existsSync(join(env, 'onnx-node-tests'))) return join(env, 'onnx-node-tests');
  let dir = resolve(from);
  for (let k = 0; k < 6; k++) {
    const c = join(dir, 'shared', 'onnx-node-tests');
    if (existsSync(c)) return c;
    dir = dirname(dir);
  }
  return undefined;
}

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (e.endsWith('.onnx')) out.push(p);
  }
}

/** [name, bytes] of every seed file, sorted by name so a seed replays the same cases anywhere. */
export function loadCorpus(repo: string): [string, Uint8Array][] {
  const files: string[] = [];
  const shared = sharedTestsDir(repo);
  if (shared) walk(shared, files);
  const models = join(repo, 'public', 'models');
  if (existsSync(models)) walk(models, files);
  return files
    .map((f): [string, Uint8Array] => [
      f.replace(/^.*?(onnx-node-tests|public\/models)\//, '$1/'),
      new Uint8Array(readFileSync(f)),
    ])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
