/**
 * The trained debugger's backward stepper with its gradient explain view: the nodes of one block in
 * the order the engine's backward pass ran them (output end first), one at a time; for the current
 * node the gradient that arrived (dL/dY) and the one it sends to a chosen input (dL/dX, dL/dW, …) as
 * tensor views, the op's backward formula (KaTeX, rendered at build time into <template>s), the
 * shapes, and one element recomputed term by term (backward-explain.ts) beside the engine's value.
 * Step order, titles and the one-line summaries are the training playground's
 * (~/lib/viz/train/train-backward.ts), so both backward steppers read alike.
 */
import type { Tensor } from '~/lib/engine/index.ts';
import type { Palette } from '~/lib/viz/charts/heatmap.ts';
import { formatValue } from '~/lib/viz/charts/number-format.ts';
import {
  explainGradient,
  largestAt,
  slotName,
  type BackStepData,
  type BlockBackward,
  type GradExplanation,
} from '~/lib/viz/debugger/backward-explain.ts';
import { stepExplanation, stepTitle } from '~/lib/viz/train/train-backward.ts';
import { backwardSteps } from './backward-steps.ts';
import { dataTable, dimsText, h } from './dom.ts';
import type { Repaintable } from './palette.ts';
import { tensorView } from './tensor-view.ts';

export interface BackwardViewOptions {
  readonly result: BlockBackward;
  readonly classes: readonly string[];
  /** Whether the loss's class is the image's true label or the model's own prediction. */
  readonly against: 'true label' | 'predicted class';
  readonly palette: Palette;
  readonly width: number;
  /** The rendered formula for a key such as 'Conv:X' (a clone), or null. */
  readonly formula: (key: string) => Node | null;
}

const SHOWN_TERMS = 8;
const tensor = (t: BackStepData['gradOut']): Tensor => t as Tensor;
const isMap = (d: readonly number[]): boolean => d.length === 4 && d[0] === 1;

/** What the node's backward does, in one sentence (BatchNorm runs in inference mode here). */
function what(s: BackStepData): string {
  if (s.opType === 'BatchNormalization')
    return 'batch normalization with its running statistics (inference mode): the input gradient is the output gradient scaled per channel by γ/√(var + ε); dγ and dβ sum over the positions';
  if (s.opType === 'Mul' && s.inputs[1]?.dims.length === 4 && s.inputs[1].dims[2] === 1)
    return 'the SE scaling x · gate: the feature map gets the gradient times its channel’s gate; each gate gets the sum over its channel of the gradient times the feature map';
  return stepExplanation(s.opType);
}

function termsTable(e: GradExplanation): HTMLElement {
  const top = [...e.terms].sort((a, b) => Math.abs(b.product) - Math.abs(a.product)).slice(0, SHOWN_TERMS);
  return h(
    'div',
    { class: 'scroll-x tdbg-back-scroll', tabindex: 0, role: 'region', 'aria-label': 'Largest terms of the sum' },
    dataTable(
      { class: 'tdbg-back-terms' },
      ['term', 'factor', 'gradient', 'product'],
      top.map((t) =>
        h(
          'tr',
          {},
          h('td', { class: 'tdbg-back-label' }, t.label),
          h('td', {}, formatValue(t.a, 4)),
          h('td', {}, formatValue(t.b, 4)),
          h('td', {}, formatValue(t.product, 4)),
        ),
      ),
      h(
        'caption',
        {},
        e.terms.length > SHOWN_TERMS
          ? `The ${SHOWN_TERMS} largest of ${e.terms.length} terms`
          : `${e.terms.length} term${e.terms.length === 1 ? '' : 's'}`,
      ),
    ),
  );
}

function explainPanel(s: BackStepData, slot: number, flat: number, o: BackwardViewOptions): HTMLElement {
  let e: GradExplanation;
  try {
    e = explainGradient(s, slot, flat);
  } catch (err) {
    return h('p', { class: 'dbg-error' }, err instanceof Error ? err.message : String(err));
  }
  const name = slotName(s.opType, slot);
  const diff = Math.abs(e.value - e.engine);
  let abs = 0;
  for (const t of e.terms) abs += Math.abs(t.product);
  // float32 accumulation: each of n additions may round by half an ulp of the running sum.
  const bound = (e.terms.length + 1) * 2 ** -24 * abs + 1e-30;
  const shapes = s.inputs
    .map((t, i) => (t ? `${slotName(s.opType, i)} ${dimsText(t.dims)}` : ''))
    .filter(Boolean)
    .join(', ');
  return h(
    'div',
    {
      class: 'tdbg-explain',
      'data-dbg': 'back-explain',
      'data-formula': e.formula,
      'data-position': e.position.join(','),
      'data-value': e.value.toPrecision(9),
      'data-engine': e.engine.toPrecision(9),
      'data-terms': e.terms.length,
    },
    h('h5', {}, `dL/d${name}${dimsText(e.position)}, explained`),
    o.formula(e.formula) ?? h('p', { class: 'muted' }, e.formula),
    h(
      'p',
      { class: 'muted' },
      `Shapes: ${shapes} → Y ${dimsText(s.output.dims)}; dL/dY ${dimsText(s.gradOut.dims)}; dL/d${name} has the shape of ${name}.`,
    ),
    termsTable(e),
    h(
      'p',
      {},
      `Sum of the ${e.terms.length} term${e.terms.length === 1 ? '' : 's'} (float64): ${e.value.toPrecision(7)}. The engine's backward pass gave ${e.engine.toPrecision(7)} (float32): `,
      h(
        'strong',
        { 'data-dbg': 'back-agree' },
        diff <= bound
          ? diff === 0
            ? 'the same number.'
            : `agrees within float32 rounding (difference ${diff.toExponential(1)}).`
          : `differs by ${diff.toExponential(2)}, more than float32 rounding explains.`,
      ),
    ),
  );
}

export function backwardView(o: BackwardViewOptions): Repaintable {
  const r = o.result;
  let palette = o.palette;
  const steps = r.steps;
  const info = steps.map((s) => ({ node: s.node, opType: s.opType, weightNorm: null }));
  let at = 0;
  let slot = 0;
  let flat = 0;
  const title = h('h4', { 'data-dbg': 'back-title' });
  const note = h('p', { class: 'muted' });
  const body = h('div', { class: 'tdbg-back-body' });
  const { prev, next, list, show } = backwardSteps({
    block: r.block,
    steps,
    classes: { button: 'button secondary', list: 'tdbg-back-list', step: 'tdbg-back-step' },
    onShow: (i) => {
      at = i;
      const s = steps[i];
      const ok = slots(s);
      if (!ok.includes(slot)) slot = ok[0] ?? 0;
      const gi = s.gradIns[slot];
      flat = gi ? largestAt(gi) : 0;
      root.dataset.at = String(i);
      title.textContent = stepTitle(info, i);
      note.textContent = `${what(s)}.`;
      draw();
    },
  });
  const root = h(
    'div',
    { class: 'tdbg-back', 'data-dbg': 'back', 'data-block': r.block, 'data-steps': steps.length },
    h(
      'p',
      { 'data-dbg': 'back-loss', 'data-loss': r.loss.toPrecision(9), 'data-label': r.label },
      `Loss L = −log p(${o.classes[r.label]}) = ${r.loss.toFixed(4)} (p = ${(100 * r.probability).toFixed(1)} %), against the ${o.against}. ` +
        `The backward pass ran from the logits to ${r.block}; its ${steps.length} nodes, output end first:`,
    ),
    o.formula('Loss'),
    h('div', { class: 'dbg-controls' }, prev, next),
    list,
    title,
    note,
    body,
  );

  const slots = (s: BackStepData): number[] => s.gradIns.flatMap((g, i) => (g ? [i] : []));

  const renderExplain = (box: HTMLElement): void => {
    box.replaceChildren(explainPanel(steps[at], slot, flat, o));
  };

  const draw = (): void => {
    const s = steps[at];
    const g = s.gradIns[slot];
    const explain = h('div', {});
    const kids: (HTMLElement | null)[] = [];
    const pick = h('div', { class: 'dbg-controls tdbg-back-pick' });
    if (slots(s).length > 1) {
      const sel = h('select', { 'data-dbg': 'back-slot' }) as HTMLSelectElement;
      for (const i of slots(s))
        sel.append(new Option(`dL/d${slotName(s.opType, i)} ${dimsText(s.gradIns[i]!.dims)}`, String(i)));
      sel.value = String(slot);
      sel.addEventListener('change', () => {
        slot = Number(sel.value);
        flat = largestAt(s.gradIns[slot]!);
        draw();
      });
      pick.append(h('label', {}, 'Gradient ', sel));
    }
    if (g) {
      const coords = h('span', { class: 'tdbg-back-coords' });
      const strides = g.dims.map((_, i) => g.dims.slice(i + 1).reduce((a, b) => a * b, 1));
      g.dims.forEach((d, i) => {
        if (d === 1) return;
        const input = h('input', {
          type: 'number',
          min: 0,
          max: d - 1,
          value: Math.floor(flat / strides[i]) % d,
          'data-dim': i,
          'aria-label': `Index ${i} of dL/d${slotName(s.opType, slot)} (0 to ${d - 1})`,
        }) as HTMLInputElement;
        input.addEventListener('change', () => {
          let f = 0;
          coords.querySelectorAll<HTMLInputElement>('input').forEach((el) => {
            const k = Number(el.dataset.dim);
            const v = Math.min(g.dims[k] - 1, Math.max(0, Math.floor(Number(el.value) || 0)));
            f += v * strides[k];
          });
          flat = f;
          renderExplain(explain);
        });
        coords.append(input);
      });
      pick.append(h('span', {}, 'Position '), coords);
    }
    kids.push(pick);
    if (isMap(s.gradOut.dims))
      kids.push(
        tensorView({
          title: `dL/dY arriving at ${s.node}`,
          tensor: tensor(s.gradOut),
          palette,
          width: o.width,
          channel: 0,
          role: 'back-grad-out',
        }),
      );
    if (g && isMap(g.dims)) {
      const plane = g.dims[2] * g.dims[3];
      const c = Math.floor(flat / plane) % g.dims[1];
      kids.push(
        tensorView({
          title: `dL/d${slotName(s.opType, slot)} sent on by ${s.node}`,
          tensor: tensor(g),
          palette,
          width: o.width,
          channel: c,
          pixel: [Math.floor((flat % plane) / g.dims[3]), flat % g.dims[3]],
          role: 'back-grad-in',
        }),
      );
    }
    body.replaceChildren(...kids.filter((k): k is HTMLElement => k !== null), explain);
    renderExplain(explain);
  };

  if (steps.length) show(0);
  else root.append(h('p', { class: 'muted' }, 'No gradient reached this block.'));
  return {
    el: root,
    repaint: (p) => {
      palette = p;
      if (steps.length) draw();
    },
  };
}
