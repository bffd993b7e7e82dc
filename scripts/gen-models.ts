/**
 * Writes public/models/*.onnx (the lesson blocks of src/lib/models/lesson-blocks.ts, seeded and
 * BatchNorm-calibrated untrained weights, statistics snapped to a grid) and public/models/manifest.json, and the
 * /explore/ samples public/models/explore/*.onnx (zoo exports, byte for byte what `depthwise export <id>` writes)
 * with public/models/explore/manifest.json, byte for byte reproducibly. `--check` regenerates in memory and
 * fails if any file differs.
 *
 *   npx tsx scripts/gen-models.ts [--check]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/lib/engine/index.ts';
import { exportOnnx } from '../src/lib/engine/onnx/index.ts';
import { buildBlock, buildModel, getModel, LESSON_BLOCKS, materialize } from '../src/lib/models/index.ts';

const dir = fileURLToPath(new URL('../public/models/', import.meta.url));
const check = process.argv.includes('--check');

const files = new Map<string, Uint8Array>();
const manifest = LESSON_BLOCKS.map((b) => {
  const declared = buildBlock(b.spec, b.id);
  const stats = analyze(declared);
  const bytes = exportOnnx(materialize(declared, b.seed, { snapStatistics: true }), {
    producer: 'depthwise scripts/gen-models.ts',
  });
  const file = `${b.id}.onnx`;
  files.set(file, bytes);
  return {
    id: b.id,
    file,
    title: b.title,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    seed: b.seed,
    spec: b.spec,
    opset: declared.opset,
    input: { name: declared.inputs[0].name, dims: declared.inputs[0].dims },
    output: { name: declared.outputs[0].name, dims: declared.outputs[0].dims },
    params: stats.params,
    macs: stats.macs,
    weights: 'untrained: seeded He-normal, BatchNorm calibrated on the reference input',
  };
});
files.set('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));

/** /explore/ samples: small zoo exports (a few MB in all), seed 0 like `depthwise export`. */
const EXPLORE_SAMPLES = ['mobilenetv1_025_128'];
const exploreManifest = EXPLORE_SAMPLES.map((id) => {
  const declared = buildModel(id);
  const stats = analyze(declared);
  const bytes = exportOnnx(materialize(declared, 0), { producer: 'depthwise zoo' });
  const file = `explore/${id}.onnx`;
  files.set(file, bytes);
  return {
    id,
    file,
    title: `${id} (${getModel(id).family}), exported by depthwise export with seed 0`,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    zoo: id,
    input: { name: declared.inputs[0].name, dims: declared.inputs[0].dims },
    params: stats.params,
    macs: stats.macs,
    weights: 'untrained: seeded He-normal',
  };
});
files.set('explore/manifest.json', new TextEncoder().encode(`${JSON.stringify(exploreManifest, null, 2)}\n`));

let stale = 0;
if (!check) mkdirSync(`${dir}explore`, { recursive: true });
for (const [name, bytes] of files) {
  const path = dir + name;
  const same = existsSync(path) && Buffer.compare(readFileSync(path), Buffer.from(bytes)) === 0;
  if (check) {
    if (!same) {
      console.error(`public/models/${name} differs from what the specs generate`);
      stale++;
    }
  } else {
    writeFileSync(path, bytes);
    console.log(`public/models/${name}  ${bytes.length} bytes${same ? ' (unchanged)' : ''}`);
  }
}
if (check)
  console.log(
    stale
      ? `${stale} file(s) stale: run npx tsx scripts/gen-models.ts`
      : `public/models: ${files.size} files match the specs`,
  );
process.exitCode = stale ? 1 : 0;
