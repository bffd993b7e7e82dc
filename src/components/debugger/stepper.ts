/**
 * The step-through controller shared by the debugger page and the lessons' step cell: it owns the
 * worker client, the current step, the selected channel and pixel, and redraws the tensor panels
 * and the detail view after every move. The host element supplies the buttons and list (found by
 * data attributes), the input, and an optional node range (a lesson's block).
 */
import { activationFn } from '~/lib/viz/charts/activation-curve.ts';
import { convWindow, windowOnPlane } from '~/lib/viz/lessons/conv-window.ts';
import { detailKinds, explainedAt, type DetailKind } from '~/lib/viz/debugger/detail-kind.ts';
import { planeShape, type Palette } from '~/lib/viz/charts/heatmap.ts';
import { formatInt } from '~/lib/viz/charts/number-format.ts';
import { cumulativeMacs, nextStop, opStopAt, prevStop } from '~/lib/viz/debugger/step-timeline.ts';
import { reuseTensors } from '~/lib/viz/debugger/reuse-tensors.ts';
import type { StepLevel } from '~/lib/engine/steps.ts';
import type { NodeInfo, StepTensors } from '~/components/runtime/protocol.ts';
import { CancelledError, RuntimeClient } from '~/components/runtime/runtime-client.ts';
import { activationDetail, binaryDetail, bnDetail, convDetail, poolDetail } from './detail-view.ts';
import { dimsText, h } from './dom.ts';
import { onThemeChange, themePalette } from './palette.ts';
import { tensorView } from './tensor-view.ts';
import { predictionsView } from './predictions-view.ts';
import { seView } from './step-se-view.ts';
import { classNames, type StepperConfig } from './stepper-config.ts';
import { updateChrome } from './step-chrome.ts';
import { ObservedWidth } from './observed-width.ts';

export type { ClassesConfig, StepperConfig, StepperState } from './stepper-config.ts';
import { isClassifierOutput, topPredictions } from '~/lib/viz/debugger/predictions.ts';

export class Stepper {
  readonly client = new RuntimeClient();
  nodes: NodeInfo[] = [];
  private kinds: DetailKind[] = [];
  macs: number[] = [];
  /** Allowed step indices: lo (block input, may be −1) .. hi. */
  lo = -1;
  hi = -1;
  step = -2;
  channel = 0;
  pixel: [number, number] | null = null;
  ms: number[] = [];
  private tensors: StepTensors | null = null;
  private palette: Palette | null = null;
  private renderSeq = 0;
  opened = false;

  constructor(
    readonly root: HTMLElement,
    readonly cfg: StepperConfig,
  ) {
    // The panels' canvases are painted from the theme: repaint them in the new one.
    onThemeChange(() => {
      this.palette = null;
      if (this.tensors) void this.render();
    });
  }

  private q<T extends Element>(sel: string): T | null {
    return this.root.querySelector<T>(sel);
  }

  status(text: string, kind: 'info' | 'error' = 'info'): void {
    const el = this.q<HTMLElement>('[data-dbg="status"]');
    if (!el) return;
    el.textContent = text;
    el.classList.toggle('dbg-error', kind === 'error');
  }

  private progress(done: number, total: number, phase: string): void {
    const p = this.q<HTMLProgressElement>('[data-dbg="progress"]');
    if (p) {
      p.hidden = false;
      p.max = total;
      p.value = done;
    }
    this.status(phase);
  }

  private idle(): void {
    const p = this.q<HTMLProgressElement>('[data-dbg="progress"]');
    if (p) p.hidden = true;
    this.root.toggleAttribute('data-busy', false);
  }

  private busy(): void {
    this.root.toggleAttribute('data-busy', true);
  }

  /** Opens the model, feeds the input, and goes to `initial` (clamped to the range). */
  async start(initial?: number, initialChannel = 0, initialPixel: [number, number] | null = null): Promise<void> {
    this.busy();
    try {
      this.client.warm(); // the worker boots while the sample images load
      if (this.cfg.calibration) this.progress(0, 3, 'Loading the sample images for BatchNorm calibration');
      const calibration = this.cfg.calibration ? await this.cfg.calibration() : undefined;
      const opened = await this.client.one(
        { type: 'open', source: this.cfg.source, ...(calibration ? { calibration } : {}) },
        'opened',
        { onProgress: (ph, d, t) => this.progress(d, t, ph) },
      );
      this.nodes = opened.nodes;
      this.kinds = detailKinds(this.nodes);
      this.macs = cumulativeMacs(this.nodes);
      const range = this.cfg.range;
      if (range) {
        if (range[1] >= this.nodes.length || range[0] > range[1])
          throw new Error(`the block's nodes ${range[0]}–${range[1]} are not in this ${this.nodes.length}-node model`);
        this.lo = range[0] - 1;
        this.hi = range[1];
      } else if (this.cfg.scope) {
        const i0 = this.nodes.findIndex((n) => n.scope === this.cfg.scope || n.scope.startsWith(`${this.cfg.scope}.`));
        if (i0 < 0) throw new Error(`no node of this model has a scope starting with '${this.cfg.scope}'`);
        let i1 = i0;
        this.nodes.forEach((n, i) => {
          if (n.scope === this.cfg.scope || n.scope.startsWith(`${this.cfg.scope}.`)) i1 = i;
        });
        this.lo = i0 - 1;
        this.hi = i1;
      } else {
        this.lo = -1;
        this.hi = this.nodes.length - 1;
      }
      this.cfg.onOpened?.(this.nodes);
      this.progress(0, 1, 'Preparing the input');
      const input = await this.cfg.makeInput(opened.input.dims);
      await this.client.request({ type: 'feed', input });
      this.tensors = null; // values of the previous input: never reused for this one
      this.opened = true;
      this.channel = initialChannel;
      this.pixel = initialPixel;
      await this.goto(initial ?? this.lo);
    } catch (e) {
      this.fail(e);
    } finally {
      this.idle();
    }
  }

  /** Feeds a new input and returns to the range's start. */
  async refeed(): Promise<void> {
    if (!this.opened) return this.start();
    this.busy();
    try {
      const input = await this.cfg.makeInput(this.tensorsInputDims());
      await this.client.request({ type: 'feed', input });
      this.tensors = null; // values of the previous input: never reused for this one
      await this.goto(this.lo);
    } catch (e) {
      this.fail(e);
    } finally {
      this.idle();
    }
  }

  private tensorsInputDims(): number[] {
    return [...(this.nodes[0]?.inputDims[0] ?? [])];
  }

  fail(e: unknown): void {
    this.idle();
    if (e instanceof CancelledError) {
      this.opened = false;
      this.step = -2;
      this.status('Cancelled. The worker was stopped; press Start to load the model again.');
      this.root.dispatchEvent(new CustomEvent('dbg-cancelled'));
      return;
    }
    this.status(`Could not run: ${e instanceof Error ? e.message : String(e)}`, 'error');
  }

  cancel(): void {
    this.client.cancel();
  }

  async goto(index: number): Promise<void> {
    const clamped = Math.max(this.lo, Math.min(this.hi, index));
    const target = clamped > this.lo ? opStopAt(this.nodes, clamped, this.hi) : clamped;
    this.busy();
    try {
      const at = await this.client.one({ type: 'goto', index: target }, 'at', {
        onProgress: (ph, d, t) => this.progress(d, t, ph),
      });
      this.tensors = this.withKnownTensors(at.step);
      this.ms = at.ms;
      this.step = at.step.index;
      this.idle();
      this.status(
        this.step >= this.hi
          ? 'Reached the end. Step back, reset, or click any op in the list.'
          : 'Step with the buttons or the ← → keys; click a channel, then a value in the enlarged channel, to see how it was computed.',
      );
      await this.render();
    } catch (e) {
      this.fail(e);
    } finally {
      this.idle();
    }
  }

  /** The previous view's tensors in place of the same values sent again (see reuse-tensors.ts). */
  private withKnownTensors(next: StepTensors): StepTensors {
    const prev = this.tensors;
    const a = prev ? this.nodes[prev.index] : undefined;
    const b = this.nodes[next.index];
    if (!prev || !a || !b) return next;
    const reused = reuseTensors(
      { inputNames: a.inputs, outputNames: a.outputs, inputs: prev.inputs, outputs: prev.outputs },
      { inputNames: b.inputs, outputNames: b.outputs, inputs: next.inputs, outputs: next.outputs },
    );
    return { ...next, ...reused };
  }

  move(level: StepLevel, dir: 1 | -1): Promise<void> {
    const nodes = this.nodes;
    const to = dir > 0 ? nextStop(nodes, level, this.step) : prevStop(nodes, level, this.step);
    return this.goto(to);
  }

  selectChannel(c: number): void {
    this.channel = c;
    void this.render();
  }

  selectPixel(y: number, x: number): void {
    this.pixel = [y, x];
    void this.render();
  }

  private emit(): void {
    this.cfg.onState?.({ step: this.step, channel: this.channel, pixel: this.pixel });
  }

  /** The views box's width (reading clientWidth after every step's writes forced a page layout). */
  private readonly viewsWidth = new ObservedWidth();

  private async render(): Promise<void> {
    const seq = ++this.renderSeq;
    updateChrome(this);
    this.emit();
    const views = this.q<HTMLElement>('[data-dbg="views"]');
    if (!views || !this.tensors) return;
    this.palette ??= themePalette(this.root);
    const width = Math.max(200, this.viewsWidth.of(views) || 320);
    const panelWidth = width >= 760 ? Math.floor((width - 24) / 2) : width;
    const i = this.step;
    const t = this.tensors;
    const out = t.outputs[0];
    if (!out) return;
    const oshape = planeShape(out.dims);
    this.channel = Math.min(Math.max(0, this.channel), oshape.count - 1);
    if (this.pixel && (this.pixel[0] >= oshape.h || this.pixel[1] >= oshape.w)) this.pixel = null;
    const pixel: [number, number] = this.pixel ?? [Math.floor(oshape.h / 2), Math.floor(oshape.w / 2)];
    const palette = this.palette;
    const onChannel = (c: number): void => this.selectChannel(c);
    const onPixel = (y: number, x: number): void => this.selectPixel(y, x);

    if (i < 0 || i === this.lo) {
      const pre = i < 0 ? (this.cfg.preprocessView?.() ?? null) : null;
      views.replaceChildren(
        ...(pre ? [pre] : []),
        h(
          'div',
          { class: 'dbg-panels' },
          tensorView({
            title: i < 0 ? 'Normalised input' : 'Block input',
            tensor: out,
            palette,
            width: panelWidth,
            channel: this.channel,
            onChannel,
            role: 'output',
          }),
        ),
      );
      return;
    }
    const node = this.nodes[i];
    const kind = this.kinds[i];
    const classes = this.cfg.classes;
    if (classes && isClassifierOutput(out.dims, classes.count, i === this.nodes.length - 1)) {
      const names = classes.url ? await classNames(classes.url).catch(() => undefined) : undefined;
      if (seq !== this.renderSeq) return;
      const head = h(
        'p',
        { class: 'dbg-op' },
        h('strong', {}, node.opType),
        ` ${node.name} · out ${dimsText(out.dims)}: the classifier's ${formatInt(classes.count)} scores`,
      );
      views.replaceChildren(
        head,
        predictionsView(topPredictions(out.data as Float32Array, 5, names), {
          count: classes.count,
          listName: names ? classes.listName : undefined,
          trained: classes.trained,
        }),
      );
      return;
    }
    const actIn = node.inputs
      .map((name, k) => ({ name, t: t.inputs[k], weight: node.weights[k] }))
      .filter((x) => x.t && !x.weight && x.t.dtype === 'float32' && x.t.data.length > 1);
    const primary = kind.kind === 'activation' ? (actIn[kind.inputSlot] ?? actIn[0]) : actIn[0];
    const at = explainedAt(out.dims, this.channel, pixel);
    const explainable = kind.kind !== 'none';
    let detail: HTMLElement | null = null;
    let inChannel = primary?.t ? Math.min(this.channel, planeShape(primary.t.dims).count - 1) : 0;
    let rect: { y: number; x: number; height: number; width: number } | null = null;
    let inPixel: [number, number] | null = null;
    try {
      if (kind.kind === 'se') {
        detail = await seView(this, kind, width);
      } else if (explainable && node.opType !== 'GlobalAveragePool') {
        const ex = (await this.client.one({ type: 'explain', node: node.name, at }, 'explained')).explanation;
        if (ex.kind === 'conv') {
          const view = convWindow(ex);
          inChannel = view.shown[0]?.c ?? 0;
          const ish = primary?.t ? planeShape(primary.t.dims) : null;
          if (ish) rect = windowOnPlane(view, ish.h, ish.w);
          detail = convDetail(ex, view, primary?.t?.dims ?? []);
        } else if (ex.kind === 'batchnorm') {
          detail = bnDetail(ex);
          inPixel = pixel;
        } else if (ex.kind === 'unary' || (kind.kind === 'activation' && ex.kind === 'binary')) {
          const p = t.params ?? [0, 0];
          const fn = activationFn(kind.kind === 'activation' ? kind.fn : node.opType, p[0], p[1]);
          const x = ex.kind === 'unary' ? ex.x : kind.kind === 'activation' && kind.inputSlot === 1 ? ex.b : ex.a;
          if (fn && primary?.t) detail = activationDetail(fn, primary.t, width, { x, y: ex.y });
          inPixel = pixel;
        } else if (ex.kind === 'binary' || ex.kind === 'scale') {
          detail = binaryDetail(ex, kind.kind === 'add' && actIn.length === 2);
          inPixel = pixel;
        } else if (ex.kind === 'pool') {
          detail = poolDetail(ex);
        }
      }
    } catch (e) {
      detail = h('p', { class: 'muted' }, `No detail for this op: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (seq !== this.renderSeq) return;
    const panels = h('div', { class: 'dbg-panels' });
    if (primary?.t) {
      panels.append(
        tensorView({
          title: `Input · ${primary.name}`,
          tensor: primary.t,
          palette,
          width: panelWidth,
          channel: inChannel,
          rect,
          pixel: inPixel,
          onChannel: (c) => this.selectChannel(c),
          role: 'input',
        }),
      );
    }
    panels.append(
      tensorView({
        title: `Output · ${node.outputs[0]}`,
        tensor: out,
        palette,
        width: panelWidth,
        channel: this.channel,
        pixel,
        onChannel,
        onPixel: explainable ? onPixel : undefined,
        role: 'output',
      }),
    );
    const head = h(
      'p',
      { class: 'dbg-op' },
      h('strong', {}, node.opType),
      ` ${node.name} · in ${node.inputDims
        .filter((d, k) => !node.weights[k] && d.length > 0)
        .map(dimsText)
        .join(', ')} → out ${dimsText(out.dims)}`,
      node.macs > 0 ? ` · ${formatInt(node.macs)} MACs` : '',
    );
    const pixelNote =
      explainable && kind.kind !== 'se'
        ? h(
            'p',
            { class: 'muted dbg-hint' },
            `Explaining output channel ${this.channel}${out.dims.length === 4 ? ` at row ${pixel[0]}, column ${pixel[1]}` : ''}: click a channel to choose it, then a value in the enlarged channel.`,
          )
        : null;
    views.replaceChildren(head, panels, ...(pixelNote ? [pixelNote] : []), ...(detail ? [detail] : []));
  }
}
