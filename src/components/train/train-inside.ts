/**
 * The training playground's look inside, drawn with the debugger's own pieces (`h`, `tensorView`):
 * the live probe (the chosen layer's activations on a chosen test image, every weight's gradient
 * norm), and, at a pause, a stepper through the backward pass of the chosen layer's block — each
 * node's incoming and outgoing gradient, one node at a time, in the order the engine ran them.
 */
import type { ImageSet } from '~/lib/data/fashion-mnist.ts';
import { FASHION_MNIST_CLASSES } from '~/lib/data/fashion-mnist.ts';
import type { Palette } from '~/lib/viz/charts/heatmap.ts';
import { stepExplanation, stepTitle } from '~/lib/viz/train/train-backward.ts';
import { grayPixels } from '~/lib/viz/train/train-kernels.ts';
import type { GradNorm, Inspection, Probe } from '~/workers/train-probe.ts';
import { backwardSteps } from '~/components/debugger/backward-steps.ts';
import { h } from '~/components/debugger/dom.ts';
import type { Repaintable } from '~/components/debugger/palette.ts';
import { tensorView } from '~/components/debugger/tensor-view.ts';

/** A test image as a small canvas (ink dark on white), labelled for screen readers. */
export function imageCanvas(set: ImageSet, index: number, label: string): HTMLCanvasElement {
  const cv = document.createElement('canvas');
  cv.width = set.width;
  cv.height = set.height;
  const px = set.width * set.height;
  cv.getContext('2d')!.putImageData(
    new ImageData(grayPixels(set.images, index * px, set.height, set.width), set.width, set.height),
    0,
    0,
  );
  cv.setAttribute('role', 'img');
  cv.setAttribute('aria-label', label);
  return cv;
}

/** Every Conv/Gemm weight's gradient norm, input to output, with a bar on one scale. */
export function normsTable(norms: readonly GradNorm[], here: string, label: string): HTMLElement {
  const max = Math.max(...norms.map((n) => n.norm), 1e-30);
  return h(
    'div',
    { class: 'tp-scroll scroll-x', tabindex: 0, role: 'region', 'aria-label': label },
    h(
      'table',
      { class: 'tp-norms', 'data-norms': '' },
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'layer'),
        h('th', { scope: 'col' }, '‖dL/dW‖'),
        h('th', { scope: 'col' }, h('span', { class: 'tp-sr' }, 'bar')),
      ),
      ...norms.map((n) =>
        h(
          'tr',
          { class: n.node === here ? 'tp-here' : undefined },
          h('td', { class: 'tp-left' }, n.node),
          h('td', {}, n.norm.toExponential(2)),
          h(
            'td',
            { class: 'tp-left' },
            h('span', { class: 'tp-bar', style: `width:${Math.max(1, Math.round((80 * n.norm) / max))}px` }),
          ),
        ),
      ),
    ),
  );
}

/** The live probe: the watched image, the layer's output on it (tensor view), and the norms. */
export function probeView(
  p: Probe,
  test: ImageSet,
  palette: Palette,
  width: number,
): { image: HTMLElement; activation: HTMLElement; norms: HTMLElement } {
  const name = (c: number): string => FASHION_MNIST_CLASSES[c] ?? `class ${c}`;
  const right = p.predicted === p.label;
  const image = h(
    'figure',
    { class: 'tp-watch', 'data-watch': p.image, 'data-label': p.label, 'data-predicted': p.predicted },
    imageCanvas(test, p.image, `test image ${p.image}: ${name(p.label)}`),
    h(
      'figcaption',
      {},
      `Test image ${p.image}: ${name(p.label)}. After step ${p.step} the network says `,
      h('strong', {}, name(p.predicted)),
      right ? ' (right).' : ' (wrong).',
    ),
  );
  const activation = tensorView({
    title: `Output of ${p.layer} on test image ${p.image}, after step ${p.step}`,
    tensor: p.activation,
    palette,
    width,
    channel: 0,
    role: 'probe-activation',
  });
  const norms = h(
    'div',
    { 'data-live-norms': '', 'data-step': p.step },
    h(
      'p',
      { class: 'tp-note' },
      `After step ${p.step}, on the first four training images (loss ${p.loss.toFixed(3)}): how large each layer's weight gradient is. Early layers usually get smaller gradients than late ones.`,
    ),
    normsTable(p.norms, p.layer, 'Weight-gradient norms (scrolls sideways on narrow screens)'),
  );
  return { image, activation, norms };
}

/**
 * A stepper over the backward pass of one block. Returns the element; Prev/Next (and the arrow
 * keys on the list) move one node; the current node's gradients are drawn with tensor views.
 */
export function backwardStepper(r: Inspection, palette: Palette, width: number): Repaintable {
  const steps = r.steps;
  let at = 0;
  const title = h('h4', { 'data-step-title': '' });
  const note = h('p', { class: 'tp-note' });
  const views = h('div', { class: 'tp-step-views' });
  const { prev, next, list, show } = backwardSteps({
    block: r.block,
    steps,
    classes: { button: 'tp-btn', list: 'tp-step-list', step: 'tp-step' },
    onShow: (i) => {
      at = i;
      const s = steps[i];
      root.dataset.at = String(i);
      title.textContent = stepTitle(steps, i);
      note.textContent = `${stepExplanation(s.opType)}.${s.weightNorm === null ? '' : ` ‖dL/dW‖ of its weight: ${s.weightNorm.toExponential(3)}.`}${s.node === r.layer ? ' This is the layer whose weight gradient is explained below.' : ''}`;
      const kids: HTMLElement[] = [];
      if (s.gradOut)
        kids.push(
          tensorView({
            title: `dL/d(output) arriving at ${s.node}`,
            tensor: s.gradOut,
            palette,
            width,
            channel: 0,
            role: 'back-grad-out',
          }),
        );
      if (s.gradIn)
        kids.push(
          tensorView({
            title: `dL/d(input) sent on by ${s.node}`,
            tensor: s.gradIn,
            palette,
            width,
            channel: 0,
            role: 'back-grad-in',
          }),
        );
      views.replaceChildren(...kids);
    },
  });
  const root = h(
    'div',
    { class: 'tp-backward', 'data-backward': '', 'data-block': r.block, 'data-steps': steps.length },
    h('h4', {}, `Step through the backward pass of ${r.block}`),
    h(
      'p',
      { class: 'tp-note' },
      `The gradient enters the block at its output and leaves at its input. Each step is one node of the engine's backward pass on the same four images; the pictures show image 0.`,
    ),
    h('div', { class: 'tp-inline' }, prev, next),
    list,
    title,
    note,
    views,
  );

  if (steps.length) show(0);
  return {
    el: root,
    repaint: (p) => {
      palette = p;
      if (steps.length) show(at);
    },
  };
}
