/**
 * Labels for the points of a scatter chart, placed greedily among candidate positions, after the
 * point-feature label placement heuristics (Christensen, Marks & Shieber, "An empirical study of
 * algorithms for point-feature label placement", ACM TOG 14(3), 1995): each label has a list of
 * candidate boxes — beside its point first, then farther out with a leader line — and the label
 * with the fewest candidates still free is placed next, at its cheapest free candidate. A label
 * with no free candidate is dropped rather than drawn on another: the caller says where the
 * dropped ones can be read instead (a legend, a tooltip, a table).
 *
 * Hard rules for a placed label: its box lies inside `bounds`; it keeps `gap` clear of every other
 * label box, of every obstacle (the points and their marks) and of every leader line; its own
 * leader crosses no label box, no other leader and no obstacle but its own point's. Soft: crossing
 * a `soft` segment (a series line) costs `softCost`. Widths are estimated as characters ×
 * `charWidth` (the caller picks a conservative width for its font), heights are `height`.
 *
 *   placeLabels([{ key: 'a', text: 'alpha', x: 50, y: 50, around: box(46, 46, 54, 54) }],
 *     { bounds: box(0, 0, 200, 100), charWidth: 6.5, height: 13 })
 *   → { placed: [{ key: 'a', anchor: 'start', x: 58, y: 50, leader: null, … }], dropped: [] }
 */

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}
export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });

export interface LabelRequest {
  readonly key: string;
  readonly text: string;
  /** The point the label names (where a leader line starts). */
  readonly x: number;
  readonly y: number;
  /** The point's own footprint (its circles and range line): the label sits outside it. */
  readonly around: Box;
}

export interface Obstacle extends Box {
  /** The label key whose point this is (its own leader may start inside it). */
  readonly owner?: string;
}

export interface PlacerOptions {
  readonly bounds: Box;
  readonly charWidth: number;
  readonly height: number;
  /** Clearance between a label and anything else (default 2). */
  readonly gap?: number;
  readonly obstacles?: readonly Obstacle[];
  readonly soft?: readonly Segment[];
  readonly softCost?: number;
  /** Farthest a label may move up or down from its point, in label heights (default 12). */
  readonly reach?: number;
}

export interface PlacedLabel {
  readonly key: string;
  readonly text: string;
  readonly box: Box;
  /** Where the text is drawn (baseline middle) and how it is anchored there. */
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  /** From the edge of the point's footprint to the label, when the label is not beside its point. */
  readonly leader: Segment | null;
}

export interface Placement {
  readonly placed: readonly PlacedLabel[];
  /** Keys of the labels that found no free place, in request order. */
  readonly dropped: readonly string[];
}

export const boxesOverlap = (a: Box, b: Box, gap = 0): boolean =>
  a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;

export const boxInside = (a: Box, b: Box): boolean => a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;

/** Gap between two boxes (0 when they touch or overlap). */
export const boxDistance = (a: Box, b: Box): number =>
  Math.hypot(Math.max(0, a.x0 - b.x1, b.x0 - a.x1), Math.max(0, a.y0 - b.y1, b.y0 - a.y1));

/** How much nearer its own point than any other a label beside its point must be. */
const AMBIGUOUS = 6;

const inflate = (b: Box, d: number): Box => box(b.x0 - d, b.y0 - d, b.x1 + d, b.y1 + d);

/** Liang–Barsky: does the segment pass through the (open) box? */
export function segmentHitsBox(s: Segment, b: Box): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, s.x1 - b.x0],
    [dx, b.x1 - s.x1],
    [-dy, s.y1 - b.y0],
    [dy, b.y1 - s.y1],
  ]) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

const cross = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number =>
  (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

/** Do two segments cross (properly: touching ends do not count)? */
export function segmentsCross(a: Segment, b: Segment): boolean {
  const d1 = cross(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1);
  const d2 = cross(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2);
  const d3 = cross(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1);
  const d4 = cross(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

interface Candidate {
  readonly box: Box;
  readonly anchor: PlacedLabel['anchor'];
  readonly leader: Segment | null;
  readonly cost: number;
}

/** The nearest point of `b` to (x, y). */
const nearest = (b: Box, x: number, y: number) => ({
  x: Math.min(Math.max(x, b.x0), b.x1),
  y: Math.min(Math.max(y, b.y0), b.y1),
});

/** Where the ray from (x, y) inside `b` towards (tx, ty) leaves `b`. */
function exitPoint(b: Box, x: number, y: number, tx: number, ty: number) {
  const dx = tx - x;
  const dy = ty - y;
  let t = 1;
  if (dx > 0) t = Math.min(t, (b.x1 - x) / dx);
  if (dx < 0) t = Math.min(t, (b.x0 - x) / dx);
  if (dy > 0) t = Math.min(t, (b.y1 - y) / dy);
  if (dy < 0) t = Math.min(t, (b.y0 - y) / dy);
  return { x: x + dx * t, y: y + dy * t };
}

function candidates(r: LabelRequest, o: PlacerOptions): Candidate[] {
  const w = r.text.length * o.charWidth;
  const h = o.height;
  const pad = 3;
  const a = r.around;
  const out: Candidate[] = [];
  const add = (x0: number, y0: number, anchor: PlacedLabel['anchor'], rank: number) => {
    const b = box(x0, y0, x0 + w, y0 + h);
    const n = nearest(b, r.x, r.y);
    const dist = Math.hypot(n.x - r.x, n.y - r.y);
    // Beside the footprint (within a little of its edge): no leader needed.
    const beside = boxesOverlap(b, inflate(a, pad + 1.5));
    let leader: Segment | null = null;
    if (!beside) {
      const s = exitPoint(a, r.x, r.y, n.x, n.y);
      leader = { x1: s.x, y1: s.y, x2: n.x, y2: n.y };
    }
    out.push({ box: b, anchor, leader, cost: dist + rank + (leader ? 12 : 0) });
  };
  const midY = r.y - h / 2;
  // Beside the point: right (reading order), left, above, below, then the four corners.
  add(a.x1 + pad, midY, 'start', 0);
  add(a.x0 - pad - w, midY, 'end', 1);
  add(r.x - w / 2, a.y0 - pad - h, 'middle', 2);
  add(r.x - w / 2, a.y1 + pad, 'middle', 2);
  add(a.x1 + pad, a.y0 - h, 'start', 3);
  add(a.x1 + pad, a.y1, 'start', 3);
  add(a.x0 - pad - w, a.y0 - h, 'end', 4);
  add(a.x0 - pad - w, a.y1, 'end', 4);
  // Farther out, with a leader: rows above and below, shifted sideways.
  const reach = o.reach ?? 12;
  const step = h + (o.gap ?? 2);
  for (let k = 1; k <= reach; k++)
    for (const dir of [-1, 1]) {
      const y0 = midY + dir * k * step;
      for (const dx of [0, 1, 2, 4, 7]) {
        add(a.x1 + pad + dx * step, y0, 'start', 0);
        add(a.x0 - pad - w - dx * step, y0, 'end', 1);
      }
      add(r.x - w / 2, y0, 'middle', 2);
    }
  return out.filter((c) => boxInside(c.box, o.bounds));
}

/** Places what fits (see the module comment); pure and deterministic for a given request order. */
export function placeLabels(requests: readonly LabelRequest[], o: PlacerOptions): Placement {
  const gap = o.gap ?? 2;
  const obstacles = o.obstacles ?? [];
  const soft = o.soft ?? [];
  const softCost = o.softCost ?? 20;
  const placed: (PlacedLabel & { readonly index: number })[] = [];
  const leaders: Segment[] = [];

  const free = (r: LabelRequest, c: Candidate): boolean => {
    if (obstacles.some((ob) => boxesOverlap(c.box, ob, gap))) return false;
    if (boxesOverlap(c.box, r.around, gap)) return false;
    if (placed.some((p) => boxesOverlap(c.box, p.box, gap))) return false;
    if (leaders.some((l) => segmentHitsBox(l, inflate(c.box, gap)))) return false;
    if (c.leader) {
      const l = c.leader;
      if (placed.some((p) => segmentHitsBox(l, inflate(p.box, gap)))) return false;
      if (leaders.some((m) => segmentsCross(l, m))) return false;
      // Points drawn over its own (the leader starts inside them) cannot be avoided.
      const under = (ob: Box) => l.x1 >= ob.x0 && l.x1 <= ob.x1 && l.y1 >= ob.y0 && l.y1 <= ob.y1;
      if (obstacles.some((ob) => ob.owner !== r.key && !under(ob) && segmentHitsBox(l, ob))) return false;
    }
    return true;
  };
  // A label beside its point but as near another point reads as the other's.
  const ambiguous = (r: LabelRequest, c: Candidate): boolean => {
    if (c.leader) return false;
    const own = boxDistance(c.box, r.around);
    return obstacles.some((ob) => ob.owner !== r.key && boxDistance(c.box, ob) < own + AMBIGUOUS);
  };
  const price = (r: LabelRequest, c: Candidate): number => {
    let cost = c.cost + (ambiguous(r, c) ? 30 : 0);
    for (const s of soft) {
      if (segmentHitsBox(s, c.box)) cost += softCost;
      if (c.leader && segmentsCross(s, c.leader)) cost += softCost / 2;
    }
    return cost;
  };

  const all = requests.map((r) => candidates(r, o));
  const waiting = new Set(requests.map((_, i) => i));
  const dropped = new Set<number>();
  // Two rounds: first every label that fits beside its point (no leader, no nearer point), then the rest with
  // leaders — so a leader fetched from afar never fences in a label that could have sat beside
  // its own point. In each round the most constrained label goes first: fewest free candidates
  // (ties: request order).
  for (const withLeaders of [false, true]) {
    const deferred = new Set<number>();
    while (waiting.size > 0) {
      let pick = -1;
      let options: Candidate[] = [];
      for (const i of waiting) {
        const f = all[i].filter(
          (c) => (withLeaders || !(c.leader || ambiguous(requests[i], c))) && free(requests[i], c),
        );
        if (pick < 0 || f.length < options.length) {
          pick = i;
          options = f;
        }
      }
      waiting.delete(pick);
      if (options.length === 0) {
        (withLeaders ? dropped : deferred).add(pick);
        continue;
      }
      const r = requests[pick];
      const best = options.reduce((b, c) => (price(r, c) < price(r, b) ? c : b));
      const b = best.box;
      const x = best.anchor === 'start' ? b.x0 : best.anchor === 'end' ? b.x1 : (b.x0 + b.x1) / 2;
      placed.push({
        key: r.key,
        text: r.text,
        box: b,
        x,
        y: (b.y0 + b.y1) / 2,
        anchor: best.anchor,
        leader: best.leader,
        index: pick,
      });
      if (best.leader) leaders.push(best.leader);
    }
    for (const i of deferred) waiting.add(i);
  }
  return {
    placed: placed.sort((p, q) => p.index - q.index).map(({ index: _index, ...p }) => p),
    dropped: requests.filter((_, i) => dropped.has(i)).map((r) => r.key),
  };
}
