/**
 * Layout of the convolution cost diagram: input tensor, one filter (of C_out), output tensor, drawn
 * as oblique boxes whose front face follows H×W and whose depth follows channels. Sizes are
 * log-scaled so a 224×224×3 input and a 7×7×1280 output both fit; labels carry the true numbers.
 * Pure: data in, coordinates out; conv-cost-scene.ts turns them into the widget's marks.
 */
import type { ConvCost, ConvLayer } from './conv-cost.ts';

/** An oblique box: its front face and the offset of its depth. */
export interface BoxGeometry {
  /** Front face, top-left corner. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Oblique depth offset (the channel axis). */
  dx: number;
  dy: number;
}

export interface BoxLayout extends BoxGeometry {
  id: 'input' | 'kernel' | 'output';
  label: string;
  sublabel: string;
  /** SVG path data for the front, top and side faces. */
  faces: { front: string; top: string; side: string };
}

export interface ConvDiagramLayout {
  width: number;
  height: number;
  /** SVG viewBox trimmed to the drawing (tall boxes need more headroom than flat ones). */
  viewBox: string;
  boxes: BoxLayout[];
  /** Where the "*" and "=" glyphs sit between the boxes. */
  operators: { x: number; y: number; text: string }[];
}

const WIDTH = 660;
const HEIGHT = 250;
const BASELINE = 190;

/** Side of a face for a spatial extent n (1…1024 → 14…120 px, logarithmic). */
export function spatialPx(n: number): number {
  return 14 + (106 * Math.log2(Math.max(1, n))) / 10;
}

/** Oblique depth for a channel count c (1…4096 → 4…64 px, logarithmic). */
export function channelPx(c: number): number {
  return 4 + (60 * Math.log2(Math.max(1, c))) / 12;
}

function box(
  id: BoxLayout['id'],
  x: number,
  w: number,
  h: number,
  depth: number,
  label: string,
  sublabel: string,
): BoxLayout {
  // 30° oblique projection of the channel axis.
  const dx = depth * Math.cos(Math.PI / 6);
  const dy = depth * Math.sin(Math.PI / 6);
  const y = BASELINE - h;
  const r = (v: number) => Math.round(v * 10) / 10;
  const geometry = { x: r(x), y: r(y), w: r(w), h: r(h), dx: r(dx), dy: r(dy) };
  return { id, ...geometry, label, sublabel, faces: boxFaces(geometry) };
}

/** SVG paths of a box's front, top and side faces (the front's top-left corner at x, y). */
export function boxFaces(b: BoxGeometry): BoxLayout['faces'] {
  return {
    front: `M${b.x},${b.y}h${b.w}v${b.h}h${-b.w}Z`,
    top: `M${b.x},${b.y}l${b.dx},${-b.dy}h${b.w}l${-b.dx},${b.dy}Z`,
    side: `M${Math.round((b.x + b.w) * 10) / 10},${b.y}l${b.dx},${-b.dy}v${b.h}l${-b.dx},${b.dy}Z`,
  };
}

export function convDiagramLayout(l: ConvLayer, c: ConvCost): ConvDiagramLayout {
  const inW = spatialPx(l.w);
  const inH = spatialPx(l.h);
  const kW = spatialPx(l.k);
  const outW = spatialPx(c.wOut);
  const outH = spatialPx(c.hOut);
  const inD = channelPx(l.cin);
  const kD = channelPx(l.cin / l.groups);
  const outD = channelPx(l.cout);
  const gap = 46;
  const total = inW + inD * 0.87 + gap + kW + kD * 0.87 + gap + outW + outD * 0.87;
  let x = Math.max(8, (WIDTH - total) / 2);
  const input = box('input', x, inW, inH, inD, `${l.h}×${l.w}×${l.cin}`, 'input');
  x += inW + inD * 0.87 + gap;
  const kernel = box('kernel', x, kW, kW, kD, `${l.k}×${l.k}×${l.cin / l.groups}`, `filter (×${l.cout})`);
  x += kW + kD * 0.87 + gap;
  const output = box('output', x, outW, outH, outD, `${c.hOut}×${c.wOut}×${l.cout}`, 'output');
  const opY = BASELINE - 30;
  const top = Math.floor(Math.min(...[input, kernel, output].map((b) => b.y - b.dy)) - 8);
  return {
    width: WIDTH,
    height: HEIGHT,
    viewBox: `0 ${top} ${WIDTH} ${HEIGHT - top}`,
    boxes: [input, kernel, output],
    operators: [
      { x: Math.round(input.x + input.w + input.dx + gap / 2 - 4), y: opY, text: '∗' },
      { x: Math.round(kernel.x + kernel.w + kernel.dx + gap / 2 - 4), y: opY, text: '=' },
    ],
  };
}
