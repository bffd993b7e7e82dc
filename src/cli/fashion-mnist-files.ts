/**
 * The Node edge of the Fashion-MNIST reader: finds Debian's installed files, gunzips them
 * (node:zlib) and hands the bytes to the pure validator (src/lib/data/fashion-mnist.ts).
 * `DEPTHWISE_FASHION_MNIST_DIR` points elsewhere (tests use small files).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  FASHION_MNIST_DIR,
  FASHION_MNIST_FILES,
  FASHION_MNIST_INSTALL,
  FASHION_MNIST_PACKAGE,
  fashionMnistSplit,
  type ImageSet,
  type Split,
} from '../lib/data/fashion-mnist.ts';
import { IdxError } from '../lib/data/idx.ts';

export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

export function fashionMnistDir(): string {
  return process.env.DEPTHWISE_FASHION_MNIST_DIR ?? FASHION_MNIST_DIR;
}

function readGz(dir: string, file: string): Uint8Array {
  const path = join(dir, file);
  const bytes = readFileSync(path);
  try {
    return new Uint8Array(gunzipSync(bytes));
  } catch (e) {
    throw new IdxError(
      `${path}: not a readable gzip file (${e instanceof Error ? e.message : String(e)}); the file is corrupt — reinstall with: apt-get install --reinstall -y ${FASHION_MNIST_PACKAGE}`,
    );
  }
}

/** Loads one split; a missing file names the directory, the file and the apt-get command. */
export function loadFashionMnist(split: Split, dir = fashionMnistDir()): ImageSet {
  const f = FASHION_MNIST_FILES[split];
  const missing = [f.images, f.labels].filter((name) => !existsSync(join(dir, name)));
  if (missing.length > 0) {
    throw new DatasetError(
      `Fashion-MNIST is not installed: ${missing.map((m) => join(dir, m)).join(', ')} missing. Install Debian's package with:\n  ${FASHION_MNIST_INSTALL}`,
    );
  }
  try {
    return fashionMnistSplit(split, readGz(dir, f.images), readGz(dir, f.labels));
  } catch (e) {
    if (e instanceof IdxError) throw new DatasetError(`Fashion-MNIST in ${dir} is corrupt: ${e.message}`);
    throw e;
  }
}
