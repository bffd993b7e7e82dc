/**
 * The training playground's bundled Fashion-MNIST subset (public/data/fashion-mnist/): the first
 * TRAIN images of the training split and the first TEST of the test split, as uncompressed IDX
 * files (the format src/lib/data/idx.ts reads), with a manifest holding counts and sha256.
 * Reproducible: the same package gives the same bytes.
 * Run: npx tsx scripts/gen-train-data.ts [source dir, default /usr/share/datasets/fashion-mnist]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFashionMnist } from '../src/cli/fashion-mnist-files.ts';
import { encodeIdx } from '../src/lib/data/idx.ts';
import { limitSet } from '../src/lib/data/fashion-mnist.ts';
import { TRAIN_SUBSET } from '../src/lib/viz/train/train-data.ts';

const dir = process.argv[2];
const out = 'public/data/fashion-mnist';
mkdirSync(out, { recursive: true });
const files: Record<string, { count: number; sha256: string; bytes: number }> = {};
for (const [split, n] of [
  ['train', TRAIN_SUBSET.train],
  ['test', TRAIN_SUBSET.test],
] as const) {
  const set = limitSet(loadFashionMnist(split, dir), n);
  for (const [kind, bytes] of [
    ['images', encodeIdx([set.count, set.height, set.width], set.images)],
    ['labels', encodeIdx([set.count], set.labels)],
  ] as const) {
    const name = `${split}-${n}-${kind}.idx`;
    writeFileSync(join(out, name), bytes);
    files[name] = { count: n, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }
}
const manifest = {
  source:
    'Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, arXiv 1708.07747), MIT licence; Debian package dataset-fashion-mnist',
  generator: 'scripts/gen-train-data.ts',
  files,
};
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(JSON.stringify(manifest, null, 2));
