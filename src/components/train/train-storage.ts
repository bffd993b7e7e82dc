/**
 * What the train playground keeps outside the page: the bundled Fashion-MNIST subset (fetched once, on
 * the first Train) and localStorage (runs and the time scale), which private browsing may refuse.
 */
import { subsetImageSet, subsetUrls } from '~/lib/viz/train/train-data.ts';
import type { ImageSet } from '~/lib/data/fashion-mnist.ts';

let dataPromise: Promise<{ train: ImageSet; test: ImageSet }> | undefined;
export function loadData(): Promise<{ train: ImageSet; test: ImageSet }> {
  const get = async (u: string): Promise<Uint8Array> => {
    const r = await fetch(u);
    if (!r.ok) throw new Error(`${u}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
  const split = async (s: 'train' | 'test'): Promise<ImageSet> => {
    const u = subsetUrls(s);
    const [im, lb] = await Promise.all([get(u.images), get(u.labels)]);
    return subsetImageSet(s, im, lb);
  };
  dataPromise ??= Promise.all([split('train'), split('test')]).then(([train, test]) => ({ train, test }));
  dataPromise.catch(() => (dataPromise = undefined));
  return dataPromise;
}

export function readStore(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
export function writeStore(key: string, v: string | null): void {
  try {
    if (v === null) localStorage.removeItem(key);
    else localStorage.setItem(key, v);
  } catch {
    /* private mode: runs live for this page only */
  }
}
