/**
 * The detail views, drawn from the engine's `explain` results and retained tensors: conv windows
 * with products and their sum, the BatchNorm formula with one element's numbers, an activation's
 * curve over its input distribution, squeeze-and-excitation bars, and binary ops (residual add,
 * SE scale). Layout lives in src/lib/viz; this file only turns it into elements.
 */
import type {
  BatchNormExplanation,
  BinaryExplanation,
  ConvExplanation,
  PoolExplanation,
  ScaleExplanation,
  Tensor,
} from '~/lib/engine/index.ts';
import { curveLayout, type ActivationFn, type CurveLayout } from '~/lib/viz/charts/activation-curve.ts';
import { bnTerms } from '~/lib/viz/lessons/bn-formula.ts';
import type { ConvWindowView } from '~/lib/viz/lessons/conv-window.ts';
import { seBars, type SeVector } from '~/lib/viz/lessons/se-bars.ts';
import { formatValue as f } from '~/lib/viz/charts/number-format.ts';
import { dataTable, h, readoutRow, s } from './dom.ts';

const VARIANT: Record<ConvExplanation['variant'], string> = {
  depthwise: 'Depthwise conv: each output channel reads only its own input channel',
  pointwise: 'Pointwise (1×1) conv: a weighted sum across input channels at one position',
  grouped: 'Grouped conv: each output channel reads the input channels of its group',
  standard: 'Standard conv: each output channel reads every input channel',
};

function sumList(rows: [string, string, string][]): HTMLElement {
  return h(
    'dl',
    { class: 'dbg-sum', 'aria-live': 'polite' },
    ...rows.map(([label, key, value]) => readoutRow(label, value, { 'data-dbg': key })),
  );
}

export function convDetail(ex: ConvExplanation, view: ConvWindowView, inputDims: readonly number[]): HTMLElement {
  const [y, x] = ex.pos.length === 2 ? ex.pos : [0, ex.pos[0]];
  const sec = h('section', { class: 'dbg-detail', 'data-dbg': 'detail-conv', 'data-variant': ex.variant });
  sec.append(
    h('h4', {}, `Output channel ${ex.c} at row ${y}, column ${x}`),
    h(
      'p',
      { class: 'muted' },
      `${VARIANT[ex.variant]}. ${view.macs} multiply-adds for this one value` +
        (view.paddingTaps > 0
          ? `; ${view.paddingTaps} tap${view.paddingTaps > 1 ? 's' : ''} fall in the zero padding (shaded).`
          : '.'),
    ),
  );
  const windows = h('div', { class: 'dbg-windows' });
  if (view.kh * view.kw === 1) {
    const rows = view.shown.map((ch) => {
      const c0 = ch.cells[0];
      return h(
        'tr',
        {},
        h('td', { class: 'num' }, ch.c),
        h('td', { class: 'num' }, f(c0.value)),
        h('td', { class: 'num' }, f(c0.weight)),
        h('td', { class: 'num' }, f(c0.product)),
      );
    });
    windows.append(
      h(
        'div',
        { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Input channels read' },
        dataTable(
          { class: 'dbg-taps' },
          ['channel', 'input x', 'weight w', 'x · w'],
          rows,
          h('caption', {}, `Input channels read at (${y}, ${x})`),
        ),
      ),
    );
  } else {
    for (const ch of view.shown) {
      const label = `Input channel ${ch.c}: window rows ${view.window.y0}…${view.window.y1}, columns ${view.window.x0}…${view.window.x1}`;
      const table = h('table', { class: 'dbg-kernel' }, h('caption', { class: 'visually-hidden' }, label));
      const body = h('tbody');
      for (let ky = 0; ky < view.kh; ky++) {
        const tr = h('tr');
        for (let kx = 0; kx < view.kw; kx++) {
          const cell = ch.cells.find((c) => c.ky === ky && c.kx === kx);
          if (!cell) {
            tr.append(h('td'));
            continue;
          }
          tr.append(
            h(
              'td',
              {
                class: cell.padding ? 'pad' : undefined,
                title: `input (${cell.y}, ${cell.x})${cell.padding ? ' is padding' : ''}`,
              },
              h('span', { class: 'x' }, f(cell.value, 3)),
              h('span', { class: 'w' }, `× ${f(cell.weight, 3)}`),
              h('span', { class: 'p' }, `= ${f(cell.product, 3)}`),
            ),
          );
        }
        body.append(tr);
      }
      table.append(body);
      windows.append(
        h(
          'figure',
          { class: 'dbg-window' },
          h('p', { class: 'dbg-window-label', 'aria-hidden': 'true' }, label),
          h(
            'div',
            { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': `Window on input channel ${ch.c}` },
            table,
          ),
          h('figcaption', { class: 'muted' }, `Σ over this window = ${f(ch.partial)}`),
        ),
      );
    }
  }
  sec.append(windows);
  if (view.hidden.count > 0) {
    sec.append(
      h(
        'p',
        { class: 'muted' },
        `${view.hidden.count} more input channels contribute ${f(view.hidden.partial)} together.`,
      ),
    );
  }
  sec.append(
    sumList([
      ['Sum of all products', 'sum', f(ex.sum, 7)],
      ['+ bias', 'bias', f(ex.bias, 7)],
      ['= sum + bias', 'total', f(view.total, 7)],
      ['Output value (the engine’s tensor)', 'value', f(ex.value, 7)],
    ]),
  );
  sec.append(
    h(
      'p',
      { class: 'muted dbg-note' },
      `Input ${inputDims.length === 4 ? `${inputDims[2]}×${inputDims[3]}` : ''}; the dashed box on the input marks this window.`,
    ),
  );
  return sec;
}

/** A value as a factor or subtrahend: negatives in parentheses, so "1 · (−0.4)" never reads as "1 · −0.4". */
const pf = (v: number): string => (v < 0 ? `(${f(v)})` : f(v));

export function bnDetail(ex: BatchNormExplanation): HTMLElement {
  const t = bnTerms(ex);
  return h(
    'section',
    { class: 'dbg-detail', 'data-dbg': 'detail-batchnorm' },
    h('h4', {}, `BatchNorm, channel ${ex.c}`),
    h('p', {}, 'y = γ · (x − μ) / √(σ² + ε) + β'),
    h(
      'p',
      { class: 'dbg-formula' },
      `y = ${pf(ex.gamma)} · (${f(ex.x)} − ${pf(ex.mean)}) / √(${f(ex.variance)} + ${f(ex.epsilon)}) + ${pf(ex.beta)}`,
    ),
    h(
      'p',
      { class: 'dbg-formula' },
      `= ${pf(ex.gamma)} · ${pf(t.centred)} / ${f(t.std)} + ${pf(ex.beta)} = ${pf(ex.gamma)} · ${pf(t.normalised)} + ${pf(ex.beta)}`,
    ),
    sumList([
      ['Recomputed y', 'total', f(t.y, 7)],
      ['Output value (the engine’s tensor)', 'value', f(ex.y, 7)],
    ]),
    h(
      'p',
      { class: 'muted' },
      'μ and σ² are running statistics: a trained model’s were gathered during its training; for the zoo’s seeded weights they are calibrated on sample images.',
    ),
  );
}

/** x values at which two activations must agree to share a layout (their parameters are not in the name). */
const PROBES = [-7.3, -2.9, -0.61, -0.07, 0.13, 0.58, 3.1, 6.7];

/** The last curve drawn over each input tensor, with what it was drawn for. */
const curves = new WeakMap<object, { readonly key: string; readonly layout: CurveLayout }>();

/**
 * curveLayout (a quantile sort and a histogram of the whole input) kept with the input: SiLU is
 * two steps over one tensor (Sigmoid, then Mul), and choosing a value redraws the same curve.
 */
function cachedCurve(act: ActivationFn, data: ArrayLike<number>, W: number, H: number): CurveLayout {
  const key = [act.name, act.formula, W, H, ...act.knees, ...PROBES.map(act.fn)].join('|');
  const hit = curves.get(data);
  if (hit?.key === key) return hit.layout;
  const layout = curveLayout(act, data, W, H);
  curves.set(data, { key, layout });
  return layout;
}

export function activationDetail(
  act: ActivationFn,
  input: Tensor,
  width: number,
  point?: { x: number; y: number },
): HTMLElement {
  const W = Math.max(240, Math.min(width, 520));
  const H = 200;
  const L = cachedCurve(act, input.data as ArrayLike<number>, W, H);
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H + 22}`,
    class: 'dbg-curve',
    role: 'img',
    'aria-label': `${act.name} over this layer's inputs`,
  });
  for (const b of L.bars)
    svg.append(
      s('rect', { x: b.x.toFixed(1), y: b.y.toFixed(1), width: b.w.toFixed(1), height: b.h.toFixed(1), class: 'hist' }),
    );
  svg.append(s('line', { x1: 0, x2: W, y1: L.yOf(0).toFixed(1), y2: L.yOf(0).toFixed(1), class: 'axis' }));
  if (L.domain[0] < 0 && L.domain[1] > 0)
    svg.append(s('line', { x1: L.xOf(0).toFixed(1), x2: L.xOf(0).toFixed(1), y1: 0, y2: H, class: 'axis' }));
  for (const k of L.knees) {
    svg.append(s('line', { x1: L.xOf(k).toFixed(1), x2: L.xOf(k).toFixed(1), y1: 0, y2: H, class: 'knee' }));
    // Near the right edge the label goes left of its line, so the SVG never clips it.
    const right = L.xOf(k) > W - 64;
    svg.append(
      s(
        'text',
        {
          x: (L.xOf(k) + (right ? -3 : 3)).toFixed(1),
          y: 12,
          class: 'knee-label',
          ...(right ? { 'text-anchor': 'end' } : {}),
        },
        `x = ${f(k, 3)}`,
      ),
    );
  }
  svg.append(s('path', { d: L.curve, class: 'curve' }));
  if (point)
    svg.append(s('circle', { cx: L.xOf(point.x).toFixed(1), cy: L.yOf(point.y).toFixed(1), r: 5, class: 'point' }));
  svg.append(
    s('text', { x: 2, y: H + 16, class: 'tick' }, f(L.domain[0], 3)),
    s('text', { x: W - 2, y: H + 16, class: 'tick', 'text-anchor': 'end' }, f(L.domain[1], 3)),
  );
  return h(
    'section',
    { class: 'dbg-detail', 'data-dbg': 'detail-activation' },
    h('h4', {}, act.name),
    h(
      'p',
      {},
      `y = ${act.formula}. The bars (grey) are this layer's ${input.data.length.toLocaleString('en-US')} inputs; the curve is what the function does to them.`,
    ),
    svg,
    point
      ? sumList([
          ['Selected input x', 'x', f(point.x, 7)],
          ['Output y', 'value', f(point.y, 7)],
        ])
      : null,
  );
}

export function seDetail(
  vectors: readonly (SeVector | null)[],
  width: number,
  gateLine?: ScaleExplanation,
  channel?: number,
): HTMLElement {
  const present = vectors.filter((v): v is SeVector => v !== null);
  const W = Math.max(240, Math.min(width, 640));
  const L = seBars(present, W);
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${L.height + 4}`,
    class: 'dbg-se',
    role: 'img',
    'aria-label': 'Squeeze-and-excitation vectors as bars',
  });
  L.rows.forEach((row, r) => {
    svg.append(s('text', { x: 0, y: row.top + 13, class: 'label' }, `${row.label} (${present[r].values.length})`));
    svg.append(s('line', { x1: 0, x2: W, y1: row.baseline.toFixed(1), y2: row.baseline.toFixed(1), class: 'axis' }));
    for (const b of row.bars) {
      svg.append(
        s('rect', {
          x: b.x.toFixed(2),
          y: b.y.toFixed(2),
          width: b.w.toFixed(2),
          height: Math.max(0.5, b.h).toFixed(2),
          class: `${b.negative ? 'neg' : 'pos'}${channel !== undefined && b.i === channel && present[r].values.length > channel && r !== 1 && r !== 2 ? ' sel' : ''}`,
        }),
      );
    }
  });
  const missing = vectors.length - present.length;
  return h(
    'section',
    { class: 'dbg-detail', 'data-dbg': 'detail-se' },
    h('h4', {}, 'Squeeze-and-excitation'),
    h(
      'p',
      {},
      'Squeeze: average each channel to one number. Excite: a small two-layer bottleneck turns those into one gate per channel in [0, 1]. Scale: multiply every value of a channel by its gate.',
    ),
    svg,
    missing > 0
      ? h('p', { class: 'muted' }, `${missing} of these vectors appear as you step further through the block.`)
      : null,
    gateLine
      ? sumList([
          [`Channel ${channel ?? ''}: input x`, 'x', f(gateLine.x, 7)],
          ['× gate', 'gate', f(gateLine.gate, 7)],
          ['= scaled value', 'value', f(gateLine.y, 7)],
        ])
      : null,
  );
}

export function binaryDetail(ex: BinaryExplanation | ScaleExplanation, residual: boolean): HTMLElement {
  if (ex.kind === 'scale')
    return h(
      'section',
      { class: 'dbg-detail', 'data-dbg': 'detail-binary' },
      sumList([
        ['x', 'x', f(ex.x, 7)],
        ['× gate', 'gate', f(ex.gate, 7)],
        ['= y', 'value', f(ex.y, 7)],
      ]),
    );
  const sym: Record<string, string> = { Add: '+', Sub: '−', Mul: '×', Div: '÷' };
  return h(
    'section',
    { class: 'dbg-detail', 'data-dbg': residual ? 'detail-residual' : 'detail-binary' },
    h('h4', {}, residual ? 'Residual add' : ex.op),
    residual
      ? h(
          'p',
          {},
          'The block’s output is its input (the shortcut) plus what the block computed, element by element, so the block only has to learn a correction (He et al., arXiv 1512.03385 §3.1; MobileNetV2 §3.3 adds it between the thin bottlenecks).',
        )
      : null,
    sumList([
      [residual ? 'Block branch a' : 'a', 'a', f(ex.a, 7)],
      [`${sym[ex.op] ?? ex.op} ${residual ? 'shortcut b' : 'b'}`, 'b', f(ex.b, 7)],
      ['= y', 'value', f(ex.y, 7)],
    ]),
  );
}

export function poolDetail(ex: PoolExplanation): HTMLElement {
  const vals = ex.taps.filter((t) => !t.padding && t.x !== undefined).map((t) => t.x as number);
  return h(
    'section',
    { class: 'dbg-detail', 'data-dbg': 'detail-pool' },
    h('h4', {}, `${ex.mode === 'max' ? 'Max' : 'Average'} pooling, channel ${ex.c}`),
    h(
      'p',
      {},
      ex.mode === 'max'
        ? `The largest of ${vals.length} values.`
        : `The sum of ${vals.length} values divided by ${ex.count}.`,
    ),
    sumList([['Output value', 'value', f(ex.value, 7)]]),
  );
}
