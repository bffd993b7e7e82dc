/**
 * One tensor as a grid of channel heatmaps (canvas) with a colour legend, the selected channel
 * enlarged with its min/max/mean, and a click (or the channel field) to pick a channel. An
 * optional overlay marks a rectangle (the conv window) or a pixel on the enlarged channel.
 */
import type { Tensor } from '~/lib/engine/index.ts';
import {
  cellAt,
  channelStats,
  gridLayout,
  type GridLayout,
  legendStops,
  type ChannelStats,
  type PlaneShape,
  planeShape,
  tileAt,
  type Palette,
} from '~/lib/viz/charts/heatmap.ts';
import { formatValue } from '~/lib/viz/charts/number-format.ts';
import { planePixelsFast, robustScaleFast } from '~/lib/viz/debugger/fast-heatmap.ts';
import { dimsText, h, readoutRow } from './dom.ts';

export const MAX_TILES = 64;

export interface TensorViewOptions {
  readonly title: string;
  readonly tensor: Tensor;
  readonly palette: Palette;
  readonly width: number;
  readonly channel: number;
  /** Marked on the enlarged channel: a pixel and/or a rectangle (in value cells, may spill past the edge). */
  readonly pixel?: readonly [number, number] | null;
  readonly rect?: { y: number; x: number; height: number; width: number } | null;
  readonly onChannel?: (c: number) => void;
  readonly onPixel?: (y: number, x: number) => void;
  /** data-dbg name for tests. */
  readonly role: string;
}

/** One scratch canvas for every plane: creating a canvas per tile cost more than drawing it. */
let scratch: HTMLCanvasElement | null = null;

function drawPlane(
  ctx: CanvasRenderingContext2D,
  px: Uint8ClampedArray<ArrayBuffer>,
  w: number,
  hgt: number,
  x: number,
  y: number,
  dw: number,
  dh: number,
): void {
  scratch ??= document.createElement('canvas');
  if (scratch.width !== w || scratch.height !== hgt) {
    scratch.width = w;
    scratch.height = hgt;
  }
  scratch.getContext('2d')!.putImageData(new ImageData(px, w, hgt), 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, x, y, dw, dh);
}

/**
 * What a tensor's view computes from its data, kept while the data lives: stepping on, the
 * previous op's output comes back as the next op's input (the stepper passes the same object,
 * see reuse-tensors.ts) and is drawn again without recomputing.
 */
interface Derived {
  readonly stats: ChannelStats[];
  readonly scale: number;
  readonly palette: Palette;
  readonly planes: Map<number, Uint8ClampedArray<ArrayBuffer>>;
  /** The grid's tiles, drawn once without the selection mark (for the last grid size asked). */
  tiles?: { readonly key: string; readonly canvas: HTMLCanvasElement };
}
const derivedCache = new WeakMap<object, Derived>();

function derived(t: Tensor, shape: PlaneShape, palette: Palette): Derived {
  const data = t.data as ArrayLike<number>;
  let d = derivedCache.get(t.data);
  if (!d || d.palette !== palette) {
    d = { stats: channelStats(data, shape), scale: robustScaleFast(data), palette, planes: new Map() };
    derivedCache.set(t.data, d);
  }
  return d;
}

function pixelsOf(d: Derived, data: ArrayLike<number>, shape: PlaneShape, p: number): Uint8ClampedArray<ArrayBuffer> {
  let px = d.planes.get(p);
  if (!px) d.planes.set(p, (px = planePixelsFast(data, shape, p, d.scale, d.palette)));
  return px;
}

/**
 * The grid's tiles as one canvas, kept with the tensor: the output drawn at one step is the next
 * step's input, and copying its grid in one drawImage replaces a putImageData and a drawImage per tile.
 */
function gridTiles(d: Derived, data: ArrayLike<number>, shape: PlaneShape, layout: GridLayout): HTMLCanvasElement {
  const key = `${layout.width}×${layout.height}:${layout.cols}:${layout.tileW}×${layout.tileH}`;
  if (d.tiles?.key === key) return d.tiles.canvas;
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const g = canvas.getContext('2d')!;
  // One buffer for every tile: once drawn, a tile lives in the canvas, so its pixels need not be kept
  // (64 planes of 112×112 were 3 MB more to collect per step); pixelsOf keeps the enlarged channel's.
  const buf = new Uint8ClampedArray(shape.h * shape.w * 4);
  for (const tile of layout.tiles) {
    const px = d.planes.get(tile.p) ?? planePixelsFast(data, shape, tile.p, d.scale, d.palette, buf);
    drawPlane(g, px, shape.w, shape.h, tile.x, tile.y, layout.tileW, layout.tileH);
  }
  d.tiles = { key, canvas };
  return canvas;
}

export function tensorView(o: TensorViewOptions): HTMLElement {
  const t = o.tensor;
  const shape = planeShape(t.dims);
  const data = t.data as ArrayLike<number>;
  const d = derived(t, shape, o.palette);
  const { stats, scale } = d;
  const channel = Math.min(Math.max(0, o.channel), shape.count - 1);
  const section = h('section', { class: 'dbg-tensor', 'data-dbg': o.role });
  const shownCount = Math.min(shape.count, MAX_TILES);
  section.append(h('h4', {}, o.title, ' ', h('span', { class: 'muted' }, dimsText(t.dims))));

  // The grid of channels (at most MAX_TILES; the channel field reaches the rest).
  const gridWidth = Math.max(120, Math.min(o.width, 640));
  const layout = gridLayout(shape.count, shape.h, shape.w, gridWidth, MAX_TILES);
  const grid = h('canvas', {
    class: 'dbg-grid',
    width: layout.width,
    height: layout.height,
    role: 'img',
    'aria-label': `${shape.count} channel${shape.count > 1 ? 's' : ''} as heatmaps; channel ${channel} selected`,
  });
  grid.style.width = `${layout.width}px`;
  grid.style.height = `${layout.height}px`;
  const g = grid.getContext('2d');
  if (g) {
    g.drawImage(gridTiles(d, data, shape, layout), 0, 0);
    const sel = layout.tiles[channel];
    if (sel) {
      g.strokeStyle = getComputedStyle(document.documentElement).getPropertyValue('--text').trim() || '#000';
      g.lineWidth = 2;
      g.strokeRect(sel.x + 1, sel.y + 1, layout.tileW - 2, layout.tileH - 2);
    }
  }
  grid.addEventListener('click', (e) => {
    const r = grid.getBoundingClientRect();
    const p = tileAt(
      layout,
      ((e.clientX - r.left) * layout.width) / r.width,
      ((e.clientY - r.top) * layout.height) / r.height,
    );
    if (p >= 0) o.onChannel?.(p);
  });
  section.append(h('div', { class: 'dbg-grid-wrap' }, grid));
  if (shape.count > shownCount)
    section.append(
      h(
        'p',
        { class: 'muted dbg-note' },
        `First ${shownCount} of ${shape.count} channels drawn; choose any channel below.`,
      ),
    );

  // Legend: the shared symmetric scale.
  const stops = legendStops(scale, o.palette);
  const bar = h('span', { class: 'dbg-legend-bar' });
  bar.style.background = `linear-gradient(to right, ${stops.map((st) => `rgb(${st.rgb.join(',')})`).join(', ')})`;
  section.append(
    h(
      'div',
      { class: 'dbg-legend', 'aria-label': `Colour scale from ${formatValue(-scale)} to ${formatValue(scale)}` },
      h('span', {}, `≤ ${formatValue(-scale)}`),
      bar,
      h('span', {}, `≥ ${formatValue(scale)}`),
    ),
  );

  // The selected channel, enlarged, with its statistics.
  const st = stats[channel];
  const zoomSide = Math.min(o.width, 320);
  const k = zoomSide / Math.max(shape.w, shape.h);
  const zw = Math.max(1, Math.round(shape.w * k));
  const zh = Math.max(1, Math.round(shape.h * k));
  const zoom = h('canvas', {
    class: 'dbg-zoom',
    width: zw,
    height: zh,
    role: 'img',
    'aria-label': `Channel ${channel} enlarged (${shape.h}×${shape.w})${o.onPixel ? '; click a value to explain it' : ''}`,
  });
  const z = zoom.getContext('2d');
  if (z) {
    drawPlane(z, pixelsOf(d, data, shape, channel), shape.w, shape.h, 0, 0, zw, zh);
    const ink = getComputedStyle(document.documentElement).getPropertyValue('--text').trim() || '#000';
    if (o.rect) {
      z.strokeStyle = ink;
      z.lineWidth = 2;
      z.setLineDash([4, 3]);
      z.strokeRect(o.rect.x * k, o.rect.y * k, o.rect.width * k, o.rect.height * k);
      z.setLineDash([]);
    }
    if (o.pixel) {
      z.strokeStyle = ink;
      z.lineWidth = 2;
      z.strokeRect(o.pixel[1] * k, o.pixel[0] * k, Math.max(3, k), Math.max(3, k));
    }
  }
  if (o.onPixel) {
    zoom.classList.add('dbg-clickable');
    zoom.addEventListener('click', (e) => {
      const r = zoom.getBoundingClientRect();
      const cell = cellAt(shape.h, shape.w, r.width, r.height, e.clientX - r.left, e.clientY - r.top);
      if (cell) o.onPixel?.(cell.y, cell.x);
    });
  }
  const field = h('input', {
    type: 'number',
    min: 0,
    max: shape.count - 1,
    step: 1,
    value: channel,
    'data-dbg': 'channel-field',
  });
  field.addEventListener('change', () => {
    const v = Number(field.value);
    if (Number.isInteger(v) && v >= 0 && v < shape.count) o.onChannel?.(v);
  });
  // A 1×1 plane (SE vectors, pooled features) has nothing to enlarge: its statistics are its value.
  const single = shape.h * shape.w === 1;
  section.append(
    h(
      'div',
      { class: 'dbg-zoom-row' },
      single ? null : zoom,
      h(
        'div',
        { class: 'dbg-stats' },
        shape.count > 1 ? h('label', {}, 'Channel ', field) : null,
        h(
          'dl',
          {},
          ...(single
            ? [readoutRow('value', formatValue(st.mean), { 'data-stat': 'value' })]
            : [
                readoutRow('min', formatValue(st.min), { 'data-stat': 'min' }),
                readoutRow('max', formatValue(st.max), { 'data-stat': 'max' }),
                readoutRow('mean', formatValue(st.mean), { 'data-stat': 'mean' }),
              ]),
        ),
      ),
    ),
  );
  return section;
}
