/**
 * The train playground's figures, drawn in the browser from the worker's messages: the loss and
 * accuracy curves, the kernels canvas, the backward pass at a pause, the confusion matrix, the
 * misclassified images and the runs chart with its table. Layouts come from src/lib/viz/train/;
 * these functions only turn them into DOM.
 */
import { formatCompact, formatInt } from '~/lib/viz/charts/number-format.ts';
import { BLOCKS, configToQuery } from '~/lib/viz/train/train-config.ts';
import { confusionMatrix, misclassified, rowShare } from '~/lib/viz/train/train-confusion.ts';
import type { CurveLayout } from '~/lib/viz/train/train-curves.ts';
import { kernelPixels, kernelScale } from '~/lib/viz/train/train-kernels.ts';
import { type FamilyPoint, type RunRecord, scatterLayout } from '~/lib/viz/train/train-runs.ts';
import { FASHION_MNIST_CLASSES, type ImageSet } from '~/lib/data/fashion-mnist.ts';
import type { Inspection } from '~/workers/train-playground.ts';
import { h } from '~/components/debugger/dom.ts';
import type { Palette } from '~/lib/viz/charts/heatmap.ts';
import { tensorView } from '~/components/debugger/tensor-view.ts';
import { backwardStepper, imageCanvas } from './train-inside.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** The kernels of one depthwise layer, as the worker sends them. */
export interface KernelData {
  channels: number;
  k: number;
  data: Float32Array;
  step: number;
  layer: string;
}

function svgEl(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Horizontal grid lines with y labels, and x labels under the plot, of a curve or scatter layout. */
function axisElements(l: {
  height: number;
  plot: { left: number; right: number; bottom: number };
  xTicks: readonly { pos: number; label: string }[];
  yTicks: readonly { pos: number; label: string }[];
}): SVGElement[] {
  const kids: SVGElement[] = [];
  for (const t of l.yTicks) {
    kids.push(svgEl('line', { x1: l.plot.left, x2: l.plot.right, y1: t.pos, y2: t.pos, class: 'tp-gridline' }));
    kids.push(svgEl('text', { x: l.plot.left - 4, y: t.pos + 4, 'text-anchor': 'end', class: 'tp-tick' }, t.label));
  }
  for (const t of l.xTicks)
    kids.push(svgEl('text', { x: t.pos, y: l.plot.bottom + 16, 'text-anchor': 'middle', class: 'tp-tick' }, t.label));
  return kids;
}

/** Drawing width of an SVG: its rendered width (so 11 px labels stay 11 px on a phone), clamped. */
export function svgWidth(svg: Element, max: number): number {
  const w = Math.round(svg.getBoundingClientRect().width);
  return w > 0 ? Math.max(260, Math.min(max, w)) : max;
}

/**
 * One curve chart: axes rebuilt only when their ticks change (`axes` keeps each chart's tick signature),
 * the paths every frame.
 */
export function drawCurveChart(svg: Element, axes: Map<string, string>, name: string, l: CurveLayout): void {
  const sig = JSON.stringify([l.width, l.height, l.xTicks, l.yTicks]);
  if (axes.get(name) === sig) {
    for (const p of l.paths) svg.querySelector(`[data-series="${p.id}"]`)?.setAttribute('d', p.d);
    return;
  }
  axes.set(name, sig);
  svg.setAttribute('viewBox', `0 0 ${l.width} ${l.height}`);
  const kids = axisElements(l);
  for (const p of l.paths) kids.push(svgEl('path', { d: p.d, class: `tp-line tp-${p.id}`, 'data-series': p.id }));
  svg.replaceChildren(...kids);
}

/** All kernels of the layer in one canvas (one context, one putImageData), k×k cells with 1-pixel gaps. */
export function drawKernels(box: Element, k: KernelData): string {
  const scale = kernelScale(k.data);
  const cols = Math.min(k.channels, 8);
  const rows = Math.ceil(k.channels / cols);
  const cell = k.k + 1;
  let cv = box.querySelector('canvas');
  if (!cv) {
    cv = document.createElement('canvas');
    box.replaceChildren(cv);
  }
  cv.width = cols * cell - 1;
  cv.height = rows * cell - 1;
  cv.style.width = `${cv.width * 10}px`;
  const img = new ImageData(cv.width, cv.height);
  for (let c = 0; c < k.channels; c++) {
    const px = kernelPixels(k.data, c, k.k, scale);
    const ox = (c % cols) * cell;
    const oy = Math.floor(c / cols) * cell;
    for (let y = 0; y < k.k; y++)
      img.data.set(px.subarray(y * k.k * 4, (y + 1) * k.k * 4), ((oy + y) * cv.width + ox) * 4);
  }
  cv.getContext('2d')!.putImageData(img, 0, 0);
  cv.setAttribute('role', 'img');
  cv.setAttribute(
    'aria-label',
    `${k.channels} kernels of ${k.layer} after step ${k.step}; largest |weight| ${scale.toFixed(3)}`,
  );
  return `${k.layer} after step ${k.step}: ${k.channels} kernels, orange positive, blue negative, scale ±${scale.toFixed(3)}.`;
}

/**
 * The backward pass at a pause: the stepper through the layer's block, the explained weight
 * gradient, the layer's input (the debugger's tensor view). Returns how to repaint it in another
 * palette, the stepper staying where the reader left it.
 */
export function drawInspection(out: Element, r: Inspection, palette: Palette): (palette: Palette) => void {
  const [ky, kx] = r.k;
  const same = Math.fround(r.sum) === r.gradient;
  const explain = h(
    'div',
    {
      class: 'tp-inspect',
      'data-inspect': '',
      'data-sum': r.sum,
      'data-gradient': r.gradient,
      'data-terms': r.terms,
    },
    h('h4', {}, `dL/dw[${r.m}, 0, ${ky}, ${kx}] of ${r.layer} after step ${r.step}`),
    h(
      'p',
      { class: 'tp-note' },
      `${r.terms} products of an input value and an output gradient (one per image and output position). Their float64 sum is ${r.sum.toPrecision(9)}; the backward pass reported ${r.gradient.toPrecision(9)} (float32, ${r.accumulation} accumulation)${same ? ': the same number rounded to float32.' : '.'} The largest products:`,
    ),
    h(
      'div',
      { class: 'tp-scroll scroll-x', tabindex: 0, role: 'region', 'aria-label': 'Largest products' },
      h(
        'table',
        {},
        h(
          'tr',
          {},
          ...['image', 'output (y, x)', 'input (y, x)', 'X', 'dL/dY', 'product'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
        ...r.top.map((t) =>
          h(
            'tr',
            {},
            h('td', {}, t.n),
            h('td', {}, `(${t.out.join(', ')})`),
            h('td', {}, `(${t.pos.join(', ')})`),
            h('td', {}, t.x.toFixed(4)),
            h('td', {}, t.dy.toExponential(3)),
            h('td', {}, t.product.toExponential(3)),
          ),
        ),
      ),
    ),
  );
  const width = Math.min(520, Math.max(260, Math.round(out.getBoundingClientRect().width) || 520));
  const view = (p: Palette): HTMLElement =>
    tensorView({
      title: `Input of ${r.layer}, first training image`,
      tensor: r.activation,
      palette: p,
      width,
      channel: Math.min(r.m, r.activation.dims[1] - 1),
      role: 'inspect-activation',
    });
  const stepper = backwardStepper(r, palette, width);
  let input = view(palette);
  out.replaceChildren(stepper.el, explain, input);
  return (p) => {
    stepper.repaint(p);
    const next = view(p);
    input.replaceWith(next);
    input = next;
  };
}

/** The confusion matrix of the final test pass, each cell shaded by its share of the true class. */
export function drawConfusion(table: Element, test: ImageSet, predicted: Uint8Array): void {
  const labels = test.labels.subarray(0, predicted.length);
  const m = confusionMatrix(labels, predicted);
  const short = FASHION_MNIST_CLASSES.map((n) => n.split('/')[0]);
  const head = document.createElement('tr');
  head.append(Object.assign(document.createElement('th'), { textContent: 'true ↓ / predicted →', scope: 'col' }));
  short.forEach((n) => head.append(Object.assign(document.createElement('th'), { textContent: n, scope: 'col' })));
  const rows = m.map((row, r) => {
    const tr = document.createElement('tr');
    tr.append(Object.assign(document.createElement('th'), { textContent: short[r], scope: 'row' }));
    row.forEach((v, c) => {
      const td = document.createElement('td');
      td.textContent = String(v);
      const share = rowShare(m, r, c);
      td.style.setProperty('--share', share.toFixed(3));
      td.className = r === c ? 'tp-diag' : share > 0 ? 'tp-off' : '';
      if (share > 0.5) td.classList.add('tp-strong');
      tr.append(td);
    });
    return tr;
  });
  table.replaceChildren(head, ...rows);
}

/** The first 20 misclassified test images, each a button that shows the activations on it. */
export function drawMisses(box: Element, test: ImageSet, predicted: Uint8Array): void {
  const labels = test.labels.subarray(0, predicted.length);
  const short = FASHION_MNIST_CLASSES.map((n) => n.split('/')[0]);
  const misses = misclassified(labels, predicted, 20);
  box.replaceChildren(
    ...misses.map((x) => {
      const fig = document.createElement('button');
      fig.type = 'button';
      fig.className = 'tp-miss';
      fig.dataset.miss = String(x.index);
      fig.title = `Show the activations on test image ${x.index}`;
      const cv = imageCanvas(
        test,
        x.index,
        `test image ${x.index}: a ${FASHION_MNIST_CLASSES[x.label]} predicted as ${FASHION_MNIST_CLASSES[x.predicted]}`,
      );
      const cap = document.createElement('span');
      cap.textContent = `${short[x.label]} → ${short[x.predicted]}`;
      fig.append(cv, cap);
      return fig;
    }),
  );
}

/** The reader's runs (circles, their front) beside the trained family (diamonds), and the runs table. */
export function drawRuns(
  svg: Element,
  table: HTMLElement,
  runs: readonly RunRecord[],
  family: readonly FamilyPoint[],
): void {
  const l = scatterLayout(runs, svgWidth(svg, 640), 260, family);
  svg.setAttribute('viewBox', `0 0 ${l.width} ${l.height}`);
  const kids = axisElements(l);
  kids.push(
    svgEl('text', { x: l.plot.right, y: l.height - 1, 'text-anchor': 'end', class: 'tp-tick' }, 'MACs per image (log)'),
  );
  for (const f of l.family) {
    // A diamond, so the family reads apart from the reader's circles without colour.
    const d = `M${f.cx.toFixed(1)},${(f.cy - 5).toFixed(1)}l5,5l-5,5l-5,-5z`;
    const m = svgEl('path', { d, class: 'tp-family', 'data-family-run': f.key });
    m.append(svgEl('title', {}, f.label));
    kids.push(m);
  }
  if (l.front) kids.push(svgEl('path', { d: l.front, class: 'tp-front' }));
  for (const p of l.points) {
    const c = svgEl('circle', { cx: p.cx, cy: p.cy, r: 5, class: 'tp-point', 'data-run': p.id });
    c.append(svgEl('title', {}, p.label));
    kids.push(c);
  }
  svg.replaceChildren(...kids);
  const cap = table.querySelector('caption')!;
  const head = document.createElement('tr');
  for (const h of ['Block', 'Width', 'Depth', 'Res.', 'Params', 'MACs', 'Test acc.', 'Time', 'Link'])
    head.append(Object.assign(document.createElement('th'), { textContent: h, scope: 'col' }));
  const rows = runs.map((r) => {
    const tr = document.createElement('tr');
    tr.dataset.run = r.id;
    for (const v of [
      BLOCKS.find((b) => b.id === r.config.block)!.label,
      r.config.width,
      r.config.depth,
      r.config.resolution,
      formatInt(r.params),
      formatCompact(r.macs),
      `${(r.accuracy * 100).toFixed(1)} %`,
      `${r.seconds.toFixed(0)} s`,
    ]) {
      tr.append(Object.assign(document.createElement('td'), { textContent: String(v) }));
    }
    const td = document.createElement('td');
    td.append(
      Object.assign(document.createElement('a'), {
        href: `/train/?${configToQuery(r.config)}`,
        textContent: 'configure',
      }),
    );
    tr.append(td);
    return tr;
  });
  table.replaceChildren(cap, head, ...rows);
  table.hidden = runs.length === 0;
}
