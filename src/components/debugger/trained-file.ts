/**
 * The trained debugger's model file and preprocessing view: the ONNX file fetched (same origin) and
 * checked against the manifest's sha256, and the chosen 28 × 28 image beside what the model sees
 * after the manifest's preprocessing (trainedInput, shown back in bytes).
 */
import { trainedInput } from '~/lib/data/debug-samples.ts';
import type { Preprocessing } from '~/lib/family/manifest.ts';
import { h } from './dom.ts';
import { grayCanvas } from './trained-samples.ts';
import type { Chosen } from './trained-views.ts';

export async function fetchChecked(url: string, sha256: string): Promise<ArrayBuffer> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new Error(`The model file ${url} could not be downloaded (network error).`);
  }
  if (!res.ok) throw new Error(`The model file ${url} is missing on this site (HTTP ${res.status}).`);
  const bytes = await res.arrayBuffer();
  const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  if (digest !== sha256)
    throw new Error(
      `The model file ${url} is not the one the manifest describes (sha256 ${digest.slice(0, 12)}…, expected ${sha256.slice(0, 12)}…).`,
    );
  return bytes;
}

export function preprocessView(c: Chosen, p: Preprocessing): HTMLElement {
  const x = trainedInput(c.pixels, p).subarray(0, p.resolution * p.resolution);
  // The normalised plane shown back in bytes: (x · std + mean) · 255.
  const back = Array.from(x, (v) => Math.round(Math.max(0, Math.min(1, v * p.std + p.mean)) * 255));
  const src = grayCanvas(c.pixels);
  const sized = grayCanvas(back, p.resolution, p.resolution);
  src.setAttribute('role', 'img');
  src.setAttribute('aria-label', 'The 28×28 input image');
  sized.setAttribute('role', 'img');
  sized.setAttribute('aria-label', `The ${p.resolution}×${p.resolution} image the model sees`);
  src.className = sized.className = 'tdbg-big';
  return h(
    'section',
    { class: 'dbg-detail', 'data-dbg': 'detail-preprocess' },
    h('h4', {}, 'Preprocessing'),
    h(
      'p',
      {},
      `1. Bytes / ${p.scale}. 2. Resize 28×28 → ${p.resolution}×${p.resolution}: ${p.resize}. 3. (x − ${p.mean}) / ${p.std}, ${p.channels} channel${p.channels > 1 ? 's' : ''}.`,
    ),
    h('div', { class: 'dbg-zoom-row' }, src, sized),
  );
}
