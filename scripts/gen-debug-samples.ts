/**
 * The trained models' debugger inputs (public/samples/fashion-mnist/): the first DEBUG_PER_CLASS
 * test images of each Fashion-MNIST class (src/lib/data/debug-samples.ts), class-major, as one
 * uncompressed IDX file [N, 28, 28] (the format src/lib/data/idx.ts reads), and index.json with
 * each image's test-set index and label and the file's sha256. Licence: public/samples/LICENSES.md.
 * Reproducible: the same package gives the same bytes.
 * Run: npx tsx scripts/gen-debug-samples.ts [source dir, default /usr/share/datasets/fashion-mnist]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFashionMnist } from '../src/cli/fashion-mnist-files.ts';
import { encodeIdx } from '../src/lib/data/idx.ts';
import {
  DEBUG_IMAGES_FILE,
  DEBUG_INDEX_FILE,
  DEBUG_PER_CLASS,
  debugSelection,
  type DebugSampleIndex,
} from '../src/lib/data/debug-samples.ts';

const set = loadFashionMnist('test', process.argv[2]);
const indices = debugSelection(set.labels, set.classes.length, DEBUG_PER_CLASS);
const plane = set.height * set.width;
const images = new Uint8Array(indices.length * plane);
indices.forEach((i, k) => images.set(set.images.subarray(i * plane, (i + 1) * plane), k * plane));
const bytes = encodeIdx([indices.length, set.height, set.width], images);
const out = 'public/samples/fashion-mnist';
mkdirSync(out, { recursive: true });
writeFileSync(join(out, DEBUG_IMAGES_FILE), bytes);
const index: DebugSampleIndex = {
  source:
    'Fashion-MNIST test split (Xiao, Rasul & Vollgraf 2017, arXiv 1708.07747), MIT licence; Debian package dataset-fashion-mnist; scripts/gen-debug-samples.ts',
  perClass: DEBUG_PER_CLASS,
  indices,
  labels: indices.map((i) => set.labels[i]),
  classes: set.classes,
  sha256: createHash('sha256').update(bytes).digest('hex'),
};
writeFileSync(join(out, DEBUG_INDEX_FILE), JSON.stringify(index) + '\n');
console.log(`${indices.length} images, ${bytes.length} bytes → ${out}`);
