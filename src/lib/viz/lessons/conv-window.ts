/**
 * The convolution detail view (after CNN Explainer's detail view, for every conv variant): the
 * receptive window of one output element on each input channel it reads, the kernel, the products
 * and their sum. Input: the engine's `explain` result, whose taps are the numbers the kernel used,
 * in the kernel's accumulation order, with padding taps marked (x = 0 there).
 */
import type { ConvExplanation, ConvTap } from '../../engine/explanation.ts';

export interface WindowCell {
  /** Kernel offset. */
  readonly ky: number;
  readonly kx: number;
  /** Input position (may be outside the input when `padding`). */
  readonly y: number;
  readonly x: number;
  readonly padding: boolean;
  readonly value: number;
  readonly weight: number;
  readonly product: number;
}

export interface WindowChannel {
  readonly c: number;
  /** Row-major kh × kw cells. */
  readonly cells: readonly WindowCell[];
  /** Sum of this channel's products. */
  readonly partial: number;
}

export interface ConvWindowView {
  readonly variant: ConvExplanation['variant'];
  readonly kh: number;
  readonly kw: number;
  /** Channels drawn in full (at most `maxChannels`). */
  readonly shown: readonly WindowChannel[];
  /** Channels summarised as one number (pointwise convs read hundreds). */
  readonly hidden: { readonly count: number; readonly partial: number };
  /** The window on the input: rows y0..y1 and columns x0..x1 inclusive (may extend into padding). */
  readonly window: { readonly y0: number; readonly x0: number; readonly y1: number; readonly x1: number };
  readonly paddingTaps: number;
  readonly sum: number;
  readonly bias: number;
  /** sum + bias in double precision, for comparison with `value`. */
  readonly total: number;
  readonly value: number;
  /** Multiply-adds spent on this one output value (= taps, padding included). */
  readonly macs: number;
}

const yx = (t: ConvTap): [number, number] => (t.pos.length === 2 ? [t.pos[0], t.pos[1]] : [0, t.pos[0]]);
const kyx = (t: ConvTap): [number, number] => (t.k.length === 2 ? [t.k[0], t.k[1]] : [0, t.k[0]]);

export function convWindow(ex: ConvExplanation, maxChannels = 6): ConvWindowView {
  const byChannel = new Map<number, ConvTap[]>();
  for (const t of ex.taps) {
    const list = byChannel.get(t.c);
    if (list) list.push(t);
    else byChannel.set(t.c, [t]);
  }
  let kh = 1;
  let kw = 1;
  let y0 = Infinity;
  let x0 = Infinity;
  let y1 = -Infinity;
  let x1 = -Infinity;
  for (const t of ex.taps) {
    const [ky, kx] = kyx(t);
    const [y, x] = yx(t);
    kh = Math.max(kh, ky + 1);
    kw = Math.max(kw, kx + 1);
    y0 = Math.min(y0, y);
    x0 = Math.min(x0, x);
    y1 = Math.max(y1, y);
    x1 = Math.max(x1, x);
  }
  const channels: WindowChannel[] = [...byChannel.entries()].map(([c, taps]) => {
    const cells = taps
      .map((t): WindowCell => {
        const [ky, kx] = kyx(t);
        const [y, x] = yx(t);
        return { ky, kx, y, x, padding: t.padding, value: t.x, weight: t.w, product: t.product };
      })
      .sort((a, b) => a.ky - b.ky || a.kx - b.kx);
    return { c, cells, partial: taps.reduce((s, t) => s + t.product, 0) };
  });
  const shown = channels.slice(0, maxChannels);
  const rest = channels.slice(maxChannels);
  return {
    variant: ex.variant,
    kh,
    kw,
    shown,
    hidden: { count: rest.length, partial: rest.reduce((s, ch) => s + ch.partial, 0) },
    window: { y0, x0, y1, x1 },
    paddingTaps: ex.taps.filter((t) => t.padding).length,
    sum: ex.sum,
    bias: ex.bias,
    total: ex.sum + ex.bias,
    value: ex.value,
    macs: ex.taps.length,
  };
}

/** Where the window sits on an input plane of h×w: the clipped rectangle plus how far it spills into padding. */
export function windowOnPlane(
  view: ConvWindowView,
  h: number,
  w: number,
): {
  y: number;
  x: number;
  height: number;
  width: number;
  spill: { top: number; left: number; bottom: number; right: number };
} {
  const { y0, x0, y1, x1 } = view.window;
  const cy0 = Math.max(0, y0);
  const cx0 = Math.max(0, x0);
  const cy1 = Math.min(h - 1, y1);
  const cx1 = Math.min(w - 1, x1);
  return {
    y: cy0,
    x: cx0,
    height: Math.max(0, cy1 - cy0 + 1),
    width: Math.max(0, cx1 - cx0 + 1),
    spill: { top: cy0 - y0, left: cx0 - x0, bottom: y1 - cy1, right: x1 - cx1 },
  };
}
