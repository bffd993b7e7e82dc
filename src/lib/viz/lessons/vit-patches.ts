/**
 * The patch-embedding widget's layout (pure): an R×R image cut into P×P patches, the patch under
 * the reader's pixel, the cell of the stride-P convolution's output it becomes, and its place in
 * the token sequence (ViT arXiv 2010.11929 §3.1, Eq. 1: z₀ = [x_class; x¹E; …; xᴺE] + E_pos).
 * The convolution with k = stride = P reads each pixel exactly once, so patch (r, c) is output
 * cell (r, c) and, after flattening row by row behind the class token, token 1 + r·s + c.
 */
import type { Mark, Scene } from '../kit/marks.ts';
import type { Readout } from '../kit/controls.ts';
import { formatInt } from '../charts/number-format.ts';

export interface PatchState {
  readonly patch: number;
  /** The pixel the reader points at, 0 ≤ x, y < R. */
  readonly x: number;
  readonly y: number;
}

export interface PatchPick {
  readonly side: number;
  readonly row: number;
  readonly col: number;
  readonly token: number;
  readonly tokens: number;
  /** Pixel rows/columns [from, to) of the patch. */
  readonly rows: readonly [number, number];
  readonly cols: readonly [number, number];
}

/** Where pixel (x, y) of an R×R image lands with P×P patches. */
export function pickPatch(resolution: number, s: PatchState): PatchPick {
  const { patch: P } = s;
  if (!Number.isInteger(P) || P < 1 || P > resolution)
    throw new Error(`pickPatch: patch must be a whole number from 1 to ${resolution}; received ${P}`);
  const side = Math.floor(resolution / P);
  for (const [k, v] of [
    ['x', s.x],
    ['y', s.y],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || v >= resolution)
      throw new Error(`pickPatch: ${k} must be a pixel from 0 to ${resolution - 1}; received ${v}`);
  }
  // Pixels past the last whole patch (R not a multiple of P) are dropped by the conv: clamp to it.
  const row = Math.min(Math.floor(s.y / P), side - 1);
  const col = Math.min(Math.floor(s.x / P), side - 1);
  return {
    side,
    row,
    col,
    token: 1 + row * side + col,
    tokens: side * side + 1,
    rows: [row * P, row * P + P],
    cols: [col * P, col * P + P],
  };
}

/** Geometry of the scene: the image box, the conv-output grid and the token column. */
export const PATCH_LAYOUT = {
  width: 480,
  height: 268,
  image: { x: 0, y: 20, size: 224 },
  grid: { x: 262, y: 52, size: 160 },
  tokens: { x: 452, y: 20, width: 24, height: 224 },
} as const;

/**
 * One of the scene's two grids, the image cut into patches and the convolution's output: its label
 * above the square `box`, the frame `<name>-frame`, the inner lines at `at(i)` from the left and top
 * edges (`<prefix>v-i` then `<prefix>h-i`, i = 1 … n − 1), and on top the picked cell (row, col) of
 * side `cell`. Both grids pick the same (row, col): patch (r, c) becomes output cell (r, c).
 */
function pickedGrid(
  box: { readonly x: number; readonly y: number; readonly size: number },
  name: string,
  label: string,
  lines: { readonly n: number; readonly at: (i: number) => number; readonly prefix: string; readonly cls: string },
  pick: {
    readonly key: string;
    readonly row: number;
    readonly col: number;
    readonly cell: number;
    readonly title: string;
    readonly data?: Readonly<Record<string, number>>;
  },
): Mark[] {
  const marks: Mark[] = [
    { kind: 'text', key: `${name}-label`, class: 'label', x: box.x, y: box.y - 8, text: label },
    { kind: 'rect', key: `${name}-frame`, class: 'frame', x: box.x, y: box.y, width: box.size, height: box.size },
  ];
  const [x1, x2, y1, y2] = [box.x, box.x + box.size, box.y, box.y + box.size];
  for (let i = 1; i < lines.n; i++) {
    const t = lines.at(i);
    marks.push(
      { kind: 'line', key: `${lines.prefix}v-${i}`, class: lines.cls, x1: x1 + t, x2: x1 + t, y1, y2 },
      { kind: 'line', key: `${lines.prefix}h-${i}`, class: lines.cls, x1, x2, y1: y1 + t, y2: y1 + t },
    );
  }
  marks.push({
    kind: 'rect',
    key: pick.key,
    class: 'patch-pick',
    x: box.x + pick.col * pick.cell,
    y: box.y + pick.row * pick.cell,
    width: pick.cell,
    height: pick.cell,
    title: pick.title,
    ...(pick.data && { data: pick.data }),
  });
  return marks;
}

export function patchScene(resolution: number, dim: number, s: PatchState): Scene {
  const p = pickPatch(resolution, s);
  const L = PATCH_LAYOUT;
  const k = L.image.size / resolution;
  const marks: Mark[] = [];
  const pk = s.patch * k;
  marks.push(
    ...pickedGrid(
      L.image,
      'image',
      `image ${resolution}×${resolution}×3`,
      // Lines at the patch boundaries' pixels, i·P, scaled to the box.
      { n: p.side, at: (i) => i * s.patch * k, prefix: 'g', cls: 'patch-line' },
      {
        key: 'patch',
        row: p.row,
        col: p.col,
        cell: pk,
        title: `patch (${p.row}, ${p.col}): pixels ${p.rows[0]}–${p.rows[1] - 1} × ${p.cols[0]}–${p.cols[1] - 1}`,
        data: { row: p.row, col: p.col },
      },
    ),
  );
  marks.push({
    kind: 'circle',
    key: 'pixel',
    class: 'pixel',
    cx: L.image.x + (s.x + 0.5) * k,
    cy: L.image.y + (s.y + 0.5) * k,
    r: 3,
  });

  const g = L.grid.size / p.side;
  marks.push(
    ...pickedGrid(
      L.grid,
      'grid',
      `conv output ${p.side}×${p.side}×${dim}`,
      { n: p.side, at: (i) => i * g, prefix: 'o', cls: 'cell-line' },
      {
        key: 'cell',
        row: p.row,
        col: p.col,
        cell: g,
        title: `output cell (${p.row}, ${p.col}): one vector of ${dim} numbers`,
      },
    ),
  );
  // The link patch → cell: the conv maps one patch to one output cell.
  marks.push({
    kind: 'line',
    key: 'link-cell',
    class: 'link',
    x1: L.image.x + (p.col + 1) * pk,
    y1: L.image.y + (p.row + 0.5) * pk,
    x2: L.grid.x + p.col * g,
    y2: L.grid.y + (p.row + 0.5) * g,
  });

  // Under the column, so it never meets the output map's label above.
  marks.push({
    kind: 'text',
    key: 'tokens-label',
    class: 'label',
    x: L.tokens.x + L.tokens.width,
    y: L.tokens.y + L.tokens.height + 18,
    text: `${p.tokens} tokens`,
    anchor: 'end',
  });
  marks.push({
    kind: 'rect',
    key: 'tokens-frame',
    class: 'frame',
    x: L.tokens.x,
    y: L.tokens.y,
    width: L.tokens.width,
    height: L.tokens.height,
  });
  const th = L.tokens.height / p.tokens;
  marks.push({
    kind: 'rect',
    key: 'cls',
    class: 'cls',
    x: L.tokens.x,
    y: L.tokens.y,
    width: L.tokens.width,
    height: Math.max(th, 1.5),
    title: 'token 0: the class token',
  });
  marks.push({
    kind: 'rect',
    key: 'token',
    class: 'patch-pick',
    x: L.tokens.x,
    y: L.tokens.y + p.token * th,
    width: L.tokens.width,
    height: Math.max(th, 2),
    title: `token ${p.token} of ${p.tokens}`,
    data: { token: p.token },
  });
  marks.push({
    kind: 'line',
    key: 'link-token',
    class: 'link',
    x1: L.grid.x + (p.col + 1) * g,
    y1: L.grid.y + (p.row + 0.5) * g,
    x2: L.tokens.x,
    y2: L.tokens.y + (p.token + 0.5) * th,
  });
  return {
    width: L.width,
    height: L.height,
    label: `A ${resolution}×${resolution} image cut into ${p.side}×${p.side} patches of ${s.patch}×${s.patch}; patch (${p.row}, ${p.col}) becomes output cell (${p.row}, ${p.col}) of the convolution and token ${p.token} of ${p.tokens}`,
    marks,
  };
}

export function patchReadouts(resolution: number, dim: number, s: PatchState, engineMacs: number): Readout[] {
  const p = pickPatch(resolution, s);
  return [
    { key: 'patch', label: 'Patch (row, column)', value: `(${p.row}, ${p.col})` },
    { key: 'rows', label: 'Its pixel rows', value: `${p.rows[0]}–${p.rows[1] - 1}` },
    { key: 'cols', label: 'Its pixel columns', value: `${p.cols[0]}–${p.cols[1] - 1}` },
    { key: 'token', label: 'Token index (0 is the class token)', value: `${p.token} of ${p.tokens}` },
    { key: 'per-token', label: 'MACs for this token: 3·P²·D', value: formatInt(3 * s.patch * s.patch * dim) },
    { key: 'conv-macs', label: 'MACs of the whole conv (engine)', value: formatInt(engineMacs) },
  ];
}

/** Live TeX: the token as the patch's flattened pixels times E, and its index. */
export function patchTex(resolution: number, dim: number, s: PatchState): string {
  const p = pickPatch(resolution, s);
  const P = s.patch;
  return String.raw`z_{${p.token}} = \operatorname{vec}\!\big(x_{[\,:,\;${p.rows[0]}:${p.rows[1]},\;${p.cols[0]}:${p.cols[1]}\,]}\big)\,E + b,\qquad E \in \mathbb{R}^{3 \cdot ${P}^2 \times ${dim}},\qquad ${p.token} = 1 + ${p.row} \cdot ${p.side} + ${p.col}`;
}
