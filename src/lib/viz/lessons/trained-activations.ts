/**
 * The new lessons' "what the trained network sees" figure: one of the bundled Fashion-MNIST test
 * images (public/samples/fashion-mnist/, one per class), the activations of a few layers of the
 * lesson's trained tiny model on it (computed by the engine when the site is built, from the
 * committed weights) and the model's prediction. Pure: the build computes an ActivationFigure
 * (trained-activations-data.ts); these functions draw it statically and in <trained-activations>.
 *
 * Maps travel quantised: each channel keeps its own range [lo, hi] over all the figure's images
 * (so one channel's maps compare across images) and its values as bytes 0…255 in base64.
 */
import type { ControlSpec, Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';

export interface ActivationChannel {
  readonly channel: number;
  readonly lo: number;
  readonly hi: number;
}

export interface ActivationLayer {
  /** The node whose output is shown, e.g. "blocks.2.1". */
  readonly node: string;
  /** Its op and the shape the reader is told, e.g. "[1, 24, 8, 8]". */
  readonly op: string;
  readonly dims: readonly number[];
  /** Side of the maps (a token output is laid back on its patch grid). */
  readonly side: number;
  /** Channels of the layer in all. */
  readonly channels: number;
  readonly shown: readonly ActivationChannel[];
}

export interface ActivationImage {
  /** Index in the bundled set and in the test split. */
  readonly sample: number;
  readonly testIndex: number;
  readonly label: number;
  /** 28 × 28 bytes, base64. */
  readonly pixels: string;
  /** Top-3 classes with softmax probabilities. */
  readonly top: readonly { readonly cls: number; readonly p: number }[];
  /** maps[layer][shown channel]: side² bytes, base64. */
  readonly maps: readonly (readonly string[])[];
}

export interface ActivationFigure {
  readonly model: string;
  readonly seed: number;
  /** Test accuracy of every committed seed (manifest), seeds ascending. */
  readonly accuracy: readonly { readonly seed: number; readonly accuracy: number }[];
  readonly classes: readonly string[];
  readonly layers: readonly ActivationLayer[];
  readonly images: readonly ActivationImage[];
}

export interface ActivationState {
  readonly image: number;
  readonly layer: number;
}

/** Bytes ↔ base64 with the platform's atob/btoa (browsers and Node ≥ 16). */
export function encodeBytes(b: Uint8Array): string {
  let s = '';
  for (const v of b) s += String.fromCharCode(v);
  return btoa(s);
}
export function decodeBytes(s: string): Uint8Array {
  const t = atob(s);
  return Uint8Array.from(t, (c) => c.charCodeAt(0));
}

/** v in [lo, hi] → 0…255 (a flat channel, hi = lo, maps to 0). */
export function quantize(v: number, lo: number, hi: number): number {
  if (!(hi > lo)) return 0;
  return Math.max(0, Math.min(255, Math.round(((v - lo) / (hi - lo)) * 255)));
}

/** The value a byte stands for. */
export function dequantize(q: number, ch: ActivationChannel): number {
  return ch.hi > ch.lo ? ch.lo + (q / 255) * (ch.hi - ch.lo) : ch.lo;
}

/**
 * Fill of a byte of a channel: a diverging scale around zero when the channel takes both signs
 * (blue below, orange above), a single ramp when it does not (ReLU outputs), dark = 0.
 */
export function mapFill(q: number, ch: ActivationChannel): string {
  const v = dequantize(q, ch);
  const span = Math.max(Math.abs(ch.lo), Math.abs(ch.hi)) || 1;
  const t = Math.max(-1, Math.min(1, v / span));
  const a = Math.round(Math.abs(t) * 100) / 100;
  return t >= 0 ? `rgba(230, 120, 20, ${a})` : `rgba(40, 110, 220, ${a})`;
}

const W = 560;
const PAD = 8;
const IN_SIZE = 112;
const TITLE = 16;

/** The chosen image (left, gray) and the layer's shown channels (a grid of maps, right). */
export function activationScene(fig: ActivationFigure, s: ActivationState): Scene {
  const img = fig.images[s.image];
  const layer = fig.layers[s.layer];
  const marks: Mark[] = [];
  const px = IN_SIZE / 28;
  const pixels = decodeBytes(img.pixels);
  marks.push({ kind: 'text', key: 'in-title', class: 'ta-title', x: PAD, y: 12, text: 'Input (28 × 28)' });
  for (let i = 0; i < 784; i++) {
    const v = pixels[i];
    marks.push({
      kind: 'rect',
      key: `in-${i}`,
      class: 'ta-px',
      x: PAD + (i % 28) * px,
      y: TITLE + Math.floor(i / 28) * px,
      width: px + 0.05,
      height: px + 0.05,
      fill: `rgb(${v}, ${v}, ${v})`,
    });
  }
  const left = PAD * 3 + IN_SIZE;
  const n = layer.shown.length;
  const cols = Math.min(n, 3);
  const rows = Math.ceil(n / cols);
  const cell = Math.min(Math.floor((W - left - PAD - (cols - 1) * PAD) / cols), 108);
  const step = cell / layer.side;
  layer.shown.forEach((ch, k) => {
    const ox = left + (k % cols) * (cell + PAD);
    const oy = TITLE + Math.floor(k / cols) * (cell + TITLE + 4);
    marks.push({ kind: 'text', key: `t-${k}`, class: 'ta-title', x: ox, y: oy - 4, text: `channel ${ch.channel}` });
    const q = decodeBytes(img.maps[s.layer][k]);
    for (let p = 0; p < layer.side * layer.side; p++) {
      marks.push({
        kind: 'rect',
        key: `m-${k}-${p}`,
        class: 'ta-cell',
        x: ox + (p % layer.side) * step,
        y: oy + Math.floor(p / layer.side) * step,
        width: step + 0.05,
        height: step + 0.05,
        fill: mapFill(q[p], ch),
        data: p === 0 ? { channel: ch.channel } : undefined,
      });
    }
    marks.push({
      kind: 'rect',
      key: `frame-${k}`,
      class: 'ta-frame',
      x: ox,
      y: oy,
      width: cell,
      height: cell,
      title: `${layer.node}, channel ${ch.channel}: values from ${ch.lo.toPrecision(3)} to ${ch.hi.toPrecision(3)} over the figure's images`,
    });
  });
  const height = Math.max(TITLE + IN_SIZE, TITLE + rows * (cell + TITLE + 4)) + PAD;
  return {
    width: W,
    height,
    label: `Test image ${img.testIndex} (${fig.classes[img.label]}) and ${n} channels of ${layer.node} ${dimsText(layer.dims)} in the trained ${fig.model}`,
    marks,
  };
}

export const dimsText = (d: readonly number[]): string => `[${d.join(', ')}]`;

export function activationControls(fig: ActivationFigure, s: ActivationState): ControlSpec[] {
  return [
    {
      kind: 'select',
      name: 'image',
      label: 'Test image',
      value: String(s.image),
      options: fig.images.map((im, i) => ({ value: String(i), label: `${fig.classes[im.label]} (#${im.testIndex})` })),
    },
    {
      kind: 'select',
      name: 'layer',
      label: 'Layer',
      value: String(s.layer),
      options: fig.layers.map((l, i) => ({ value: String(i), label: `${l.node} ${dimsText(l.dims)}` })),
    },
  ];
}

const pct = (p: number, digits = 1): string => `${(p * 100).toFixed(digits)} %`;

export function activationReadouts(fig: ActivationFigure, s: ActivationState): Readout[] {
  const img = fig.images[s.image];
  const layer = fig.layers[s.layer];
  const [best, ...rest] = img.top;
  return [
    { key: 'truth', label: 'True class', value: fig.classes[img.label] },
    {
      key: 'prediction',
      label: `Prediction (seed ${fig.seed})`,
      value: `${fig.classes[best.cls]} ${pct(best.p)}`,
      detail: `${best.cls === img.label ? 'right' : 'wrong'}; then ${rest.map((t) => `${fig.classes[t.cls]} ${pct(t.p)}`).join(', ')}`,
    },
    {
      key: 'layer',
      label: 'Layer shown',
      value: `${layer.node} (${layer.op})`,
      detail: `${dimsText(layer.dims)}: ${layer.shown.length} of ${layer.channels} channels`,
    },
    {
      key: 'accuracy',
      label: 'Test accuracy of the model',
      value: fig.accuracy.map((a) => `seed ${a.seed}: ${pct(a.accuracy, 2)}`).join(' · '),
    },
  ];
}

/** The initial state: the first image the seed-1 model classifies right, first layer. */
export function initialActivationState(fig: ActivationFigure): ActivationState {
  const k = fig.images.findIndex((im) => im.top[0]?.cls === im.label);
  return { image: Math.max(0, k), layer: 0 };
}
