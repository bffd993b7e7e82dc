/**
 * The trained debugger's panels, drawn from engine numbers: the chosen image with its true label
 * and top-5, the Grad-CAM overlay with its map values, and the SE gates of two images with their
 * difference. Arithmetic lives in ~/lib/viz/debugger (grad-cam.ts, se-gates.ts, predictions.ts).
 */
import { divergingColour, type Palette } from '~/lib/viz/charts/heatmap.ts';
import { formatValue } from '~/lib/viz/charts/number-format.ts';
import type { GradCam } from '~/lib/viz/debugger/grad-cam.ts';
import type { Prediction } from '~/lib/viz/debugger/predictions.ts';
import type { GateRow } from '~/lib/viz/debugger/se-gates.ts';
import { h } from './dom.ts';
import { predictionsView } from './predictions-view.ts';
import { grayCanvas } from './trained-samples.ts';

export interface Chosen {
  readonly pixels: Uint8Array;
  /** e.g. "Pullover, test image 35", or "your drawing". */
  readonly title: string;
  /** The true class, for bundled images. */
  readonly label?: number;
}

export function chosenView(c: Chosen, classes: readonly string[], preds: readonly Prediction[] | null): HTMLElement {
  const img = grayCanvas(c.pixels);
  img.className = 'tdbg-big';
  img.setAttribute('role', 'img');
  img.setAttribute('aria-label', `The input: ${c.title}`);
  const right = preds ? preds[0]?.index === c.label : undefined;
  return h(
    'div',
    { class: 'tdbg-chosen' },
    img,
    h(
      'div',
      { 'data-dbg': 'top5', 'data-label': c.label ?? '' },
      h('p', {}, h('strong', {}, c.title)),
      c.label !== undefined
        ? h(
            'p',
            {},
            `True label: ${classes[c.label]}`,
            right === undefined ? '' : right ? ' — predicted right.' : ' — predicted wrong.',
          )
        : null,
      preds
        ? predictionsView(preds, { count: classes.length, listName: 'Fashion-MNIST (Xiao et al. 2017)', trained: true })
        : h('p', { class: 'muted' }, 'Load the model to see its top-5 for this image.'),
    ),
  );
}

/** Heat colour for t ∈ [0, 1]: transparent to the theme's positive colour. */
function overlay(cam: GradCam, size: number, pos: readonly [number, number, number]): HTMLCanvasElement {
  const small = document.createElement('canvas');
  small.width = cam.width;
  small.height = cam.height;
  const ctx = small.getContext('2d')!;
  const img = ctx.createImageData(cam.width, cam.height);
  for (let p = 0; p < cam.map.length; p++) {
    const t = cam.max > 0 ? cam.map[p] / cam.max : 0;
    img.data.set([pos[0], pos[1], pos[2], Math.round(200 * t)], 4 * p);
  }
  ctx.putImageData(img, 0, 0);
  const big = document.createElement('canvas');
  big.width = big.height = size;
  const b = big.getContext('2d')!;
  b.imageSmoothingEnabled = true; // bilinear upsampling of the map, as the paper does (§3)
  b.drawImage(small, 0, 0, size, size);
  return big;
}

export function gradCamView(
  cam: GradCam,
  o: { pixels: Uint8Array; className: string; layer: string; channels: number; probability: number },
  palette: Palette,
): HTMLElement {
  const size = 168;
  const base = grayCanvas(o.pixels);
  const stack = h('div', { class: 'tdbg-cam-stack' }, base, overlay(cam, size, palette.pos));
  stack.setAttribute('role', 'img');
  stack.setAttribute(
    'aria-label',
    `Grad-CAM for ${o.className} over the input: ${cam.height}×${cam.width} map, strongest value ${formatValue(cam.max)}`,
  );
  const cells = h(
    'table',
    { class: 'tdbg-cam-grid', 'data-dbg': 'cam-map' },
    h('caption', {}, `L = ReLU(Σ α·A), ${cam.height} × ${cam.width}`),
    h(
      'tbody',
      {},
      ...Array.from({ length: cam.height }, (_, y) =>
        h(
          'tr',
          {},
          ...Array.from({ length: cam.width }, (_, x) => {
            const v = cam.map[y * cam.width + x];
            const [r, g, b] = divergingColour(cam.max > 0 ? v / cam.max : 0, palette.neg, palette.mid, palette.pos);
            return h('td', { 'data-v': v.toPrecision(7), style: `background:rgb(${r},${g},${b})` }, formatValue(v, 3));
          }),
        ),
      ),
    ),
  );
  let pos = 0;
  for (const w of cam.weights) if (w > 0) pos++;
  return h(
    'div',
    { class: 'tdbg-cam', 'data-dbg': 'cam', 'data-max': cam.max.toPrecision(7), 'data-min': cam.min.toPrecision(7) },
    h('div', { class: 'tdbg-cam-pics' }, stack, cam.height * cam.width <= 64 ? cells : null),
    h(
      'p',
      {},
      `Class ${o.className} (probability ${(100 * o.probability).toFixed(1)} %) at ${o.layer}: ${o.channels} channels, ` +
        `${pos} with a positive weight α; the map ranges from ${formatValue(cam.min)} to ${formatValue(cam.max)}.`,
    ),
  );
}

function strip(values: Float64Array, lo: number, hi: number, palette: Palette, label: string): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = values.length;
  c.height = 1;
  const ctx = c.getContext('2d')!;
  const img = ctx.createImageData(values.length, 1);
  const span = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  values.forEach((v, k) => {
    const [r, g, b] = divergingColour(v / span, palette.neg, palette.mid, palette.pos);
    img.data.set([r, g, b, 255], 4 * k);
  });
  ctx.putImageData(img, 0, 0);
  c.className = 'tdbg-strip-canvas';
  c.setAttribute('role', 'img');
  c.setAttribute('aria-label', label);
  return c;
}

export function gatesView(rows: readonly GateRow[], names: { a: string; b: string }, palette: Palette): HTMLElement {
  return h(
    'div',
    { class: 'tdbg-gates' },
    h(
      'p',
      { class: 'muted' },
      `Image A: ${names.a}. Image B: ${names.b}. Each cell is one channel's gate (0 to 1, the colour scale's positive side); in A − B, warm means A's gate is higher.`,
    ),
    ...rows.map((r) =>
      h(
        'section',
        { class: 'tdbg-gate', 'data-dbg': 'gate-row', 'data-mean-abs-diff': r.meanAbsDiff.toPrecision(7) },
        h('h4', {}, `${r.block} (${r.a.length} channels)`),
        h('span', { class: 'tdbg-gate-k' }, 'A'),
        strip(r.a, 0, 1, palette, `${r.block}: gates for image A`),
        h('span', { class: 'tdbg-gate-k' }, 'B'),
        strip(r.b, 0, 1, palette, `${r.block}: gates for image B`),
        h('span', { class: 'tdbg-gate-k' }, 'A − B'),
        strip(r.diff, -r.maxAbsDiff, r.maxAbsDiff, palette, `${r.block}: gate differences`),
        h(
          'p',
          { class: 'muted' },
          `Mean |A − B| ${formatValue(r.meanAbsDiff, 3)}; largest at channel ${r.maxChannel}: ` +
            `A ${formatValue(r.a[r.maxChannel], 3)}, B ${formatValue(r.b[r.maxChannel], 3)}.`,
        ),
      ),
    ),
  );
}
