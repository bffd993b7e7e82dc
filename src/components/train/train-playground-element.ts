/**
 * <train-playground>: the live side of TrainPlayground.astro. Controls → configuration (URL) →
 * figures from the build-time table; Train starts src/workers/train-playground.worker.ts (loaded
 * on that click, with the bundled data) and every message updates the curves, the confusion
 * matrix, the misclassified images, the kernels and, at the end, the runs chart. The main thread
 * only draws: each message touches a few SVG paths or small canvases, coalesced per frame.
 */
import { formatBytes, formatCompact, formatInt } from '~/lib/viz/charts/number-format.ts';
import { BLOCKS, configFromQuery, configLabel, configToQuery, type TrainConfig } from '~/lib/viz/train/train-config.ts';
import { confusionMatrix, misclassified, rowShare } from '~/lib/viz/train/train-confusion.ts';
import { curveLayout, type CurvePoint, type CurveLayout } from '~/lib/viz/train/train-curves.ts';
import { subsetImageSet, subsetUrls, TRAIN_SUBSET } from '~/lib/viz/train/train-data.ts';
import { kernelPixels, kernelScale } from '~/lib/viz/train/train-kernels.ts';
import {
  parseRuns,
  RUNS_KEY,
  runsToCsv,
  scatterLayout,
  type FamilyPoint,
  serializeRuns,
  type RunRecord,
} from '~/lib/viz/train/train-runs.ts';
import { estimateSeconds, memoryBytes, refusal, statsKey, type StatsTable } from '~/lib/viz/train/train-stats.ts';
import { FASHION_MNIST_CLASSES, type ImageSet } from '~/lib/data/fashion-mnist.ts';
import type { Inspection, PlaygroundRequest, PlaygroundResponse, Probe } from '~/workers/train-playground.ts';
import { h } from '~/components/debugger/dom.ts';
import { themePalette } from '~/components/debugger/palette.ts';
import { tensorView } from '~/components/debugger/tensor-view.ts';
import { backwardStepper, imageCanvas, probeView } from './train-inside.ts';

interface Cfg {
  config: TrainConfig;
  syncUrl: boolean;
  table: StatsTable;
  presets: { label: string; query: string }[];
  /** The pre-trained family's runs (from the page at build time), drawn beside the reader's. */
  family?: FamilyPoint[];
}

const RENDER_MS = 250;
const SCALE_KEY = 'depthwise.train.timescale.v1';
const SVG = 'http://www.w3.org/2000/svg';
type Phase = 'idle' | 'loading' | 'running' | 'paused' | 'evaluating';

let dataPromise: Promise<{ train: ImageSet; test: ImageSet }> | undefined;
function loadData(): Promise<{ train: ImageSet; test: ImageSet }> {
  const get = async (u: string): Promise<Uint8Array> => {
    const r = await fetch(u);
    if (!r.ok) throw new Error(`${u}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
  const split = async (s: 'train' | 'test'): Promise<ImageSet> => {
    const u = subsetUrls(s);
    const [im, lb] = await Promise.all([get(u.images), get(u.labels)]);
    return subsetImageSet(s, im, lb);
  };
  dataPromise ??= Promise.all([split('train'), split('test')]).then(([train, test]) => ({ train, test }));
  dataPromise.catch(() => (dataPromise = undefined));
  return dataPromise;
}

function readStore(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function writeStore(key: string, v: string | null): void {
  try {
    if (v === null) localStorage.removeItem(key);
    else localStorage.setItem(key, v);
  } catch {
    /* private mode: runs live for this page only */
  }
}

function svgEl(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Horizontal grid lines with y labels, and x labels under the plot, of a curve or scatter layout. */
function axisElements(l: {
  height: number;
  plot: { left: number; right: number; bottom: number };
  xTicks: readonly { pos: number; label: string }[];
  yTicks: readonly { pos: number; label: string }[];
}): SVGElement[] {
  const kids: SVGElement[] = [];
  for (const t of l.yTicks) {
    kids.push(svgEl('line', { x1: l.plot.left, x2: l.plot.right, y1: t.pos, y2: t.pos, class: 'tp-gridline' }));
    kids.push(svgEl('text', { x: l.plot.left - 4, y: t.pos + 4, 'text-anchor': 'end', class: 'tp-tick' }, t.label));
  }
  for (const t of l.xTicks)
    kids.push(svgEl('text', { x: t.pos, y: l.plot.bottom + 16, 'text-anchor': 'middle', class: 'tp-tick' }, t.label));
  return kids;
}

class TrainPlaygroundElement extends HTMLElement {
  private cfg!: Cfg;
  private config!: TrainConfig;
  private worker?: Worker;
  private phase: Phase = 'idle';
  private test?: ImageSet;
  private totalSteps = 1;
  private trainLoss: CurvePoint[] = [];
  private trainAcc: CurvePoint[] = [];
  private testLoss: CurvePoint[] = [];
  private testAcc: CurvePoint[] = [];
  private lastIps = 0;
  private started = 0;
  private runConfig?: TrainConfig;
  private frame = 0;
  private kernelData?: { channels: number; k: number; data: Float32Array; step: number; layer: string };
  private kernelsDirty = false;
  private probe?: Probe;
  private probeDirty = false;
  /** The test image the live activations are shown on. */
  private watchImage = 0;
  /** Tick signature of each chart's axes: axes are rebuilt only when it changes, paths every frame. */
  private axes = new Map<string, string>();
  /** Seconds from Train to the worker's 'done' (training only, before the final test pass). */
  trainSeconds = NaN;
  /** Steps done, as the worker last said (progress is reported every few steps; 'paused' gives the exact step). */
  stepsDone = 0;

  /** The curves' data, read by the e2e tests. */
  get history(): { trainLoss: CurvePoint[]; trainAcc: CurvePoint[]; testLoss: CurvePoint[]; testAcc: CurvePoint[] } {
    return { trainLoss: this.trainLoss, trainAcc: this.trainAcc, testLoss: this.testLoss, testAcc: this.testAcc };
  }

  connectedCallback(): void {
    this.cfg = JSON.parse(this.dataset.config ?? '{}') as Cfg;
    this.config = this.cfg.config;
    this.q('[data-nojs]').hidden = true;
    this.q('[data-live]').hidden = false;
    if (this.cfg.syncUrl && location.search) {
      const p = configFromQuery(location.search);
      this.config = p.config;
      if (p.rejected.length) this.status(`Ignored from the link: ${p.rejected.join('; ')}.`);
    }
    this.writeForm();
    this.q('[data-form]').addEventListener('change', () => this.readForm());
    this.querySelectorAll<HTMLButtonElement>('[data-preset]').forEach((b) =>
      b.addEventListener('click', () => {
        if (this.phase !== 'idle') return;
        this.config = configFromQuery(this.cfg.presets[Number(b.dataset.preset)].query).config;
        this.writeForm();
        this.update();
      }),
    );
    this.querySelectorAll<HTMLButtonElement>('[data-act]').forEach((b) =>
      b.addEventListener('click', () => this.act(b.dataset.act!)),
    );
    this.q<HTMLSelectElement>('[data-layer]').addEventListener('change', (e) =>
      this.post({ type: 'layer', layer: (e.target as HTMLSelectElement).value }),
    );
    this.q<HTMLInputElement>('[data-watch-image]').addEventListener('change', (e) =>
      this.watch(Number((e.target as HTMLInputElement).value)),
    );
    this.q('[data-misses]').addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>('[data-miss]');
      if (b) this.watch(Number(b.dataset.miss));
    });
    this.update();
    this.drawCurves();
    this.drawRuns();
    this.dataset.ready = 'true';
  }

  disconnectedCallback(): void {
    this.worker?.terminate();
  }

  private q<T extends HTMLElement = HTMLElement>(sel: string): T {
    return this.querySelector(sel) as T;
  }
  private out(key: string, text: string): void {
    this.q(`[data-out="${key}"]`).textContent = text;
  }
  private status(text: string): void {
    this.out('status', text);
  }

  private writeForm(): void {
    const f = this.q<HTMLFormElement>('[data-form]');
    for (const [k, v] of Object.entries(this.config)) {
      const el = f.elements.namedItem(k) as HTMLSelectElement | HTMLInputElement | null;
      if (el) el.value = String(v);
    }
  }
  private readForm(): void {
    const f = this.q<HTMLFormElement>('[data-form]');
    const p = new URLSearchParams();
    const get = (k: string): string => (f.elements.namedItem(k) as HTMLSelectElement).value;
    p.set('block', get('block'));
    p.set('w', get('width'));
    p.set('d', get('depth'));
    p.set('res', get('resolution'));
    p.set('opt', get('optimizer'));
    p.set('lr', get('lr'));
    p.set('bs', get('batch'));
    p.set('ep', get('epochs'));
    p.set('seed', get('seed'));
    const parsed = configFromQuery(p.toString());
    this.config = parsed.config;
    if (parsed.rejected.length) this.status(`Not allowed: ${parsed.rejected.join('; ')}.`);
    this.update();
  }

  private timeScale(): number {
    const v = Number(readStore(SCALE_KEY));
    return Number.isFinite(v) && v > 0 ? v : 1;
  }

  /** Figures and URL for the current configuration. */
  private update(): void {
    const c = this.config;
    const s = this.cfg.table[statsKey(c)];
    this.out('params', formatInt(s.params));
    this.out('macs', formatCompact(s.macs));
    this.out('memory', formatBytes(memoryBytes(s, c.batch, c.optimizer)));
    this.out(
      'time',
      `${Math.max(1, Math.round(estimateSeconds(s.macs, TRAIN_SUBSET.train * c.epochs, this.timeScale())))} s`,
    );
    const why = refusal(s, c.batch, c.optimizer);
    const r = this.q('[data-out="refusal"]');
    r.hidden = why === null;
    r.textContent = why ?? '';
    if (this.phase === 'idle') this.q<HTMLButtonElement>('[data-act="train"]').disabled = why !== null;
    if (this.cfg.syncUrl) history.replaceState(null, '', `${location.pathname}?${configToQuery(c)}`);
    if (this.phase === 'idle' && this.trainLoss.length === 0) this.drawCurves();
  }

  private setPhase(p: Phase): void {
    this.phase = p;
    const on = (act: string, enabled: boolean): void => {
      this.q<HTMLButtonElement>(`[data-act="${act}"]`).disabled = !enabled;
    };
    const refused = refusal(this.cfg.table[statsKey(this.config)], this.config.batch, this.config.optimizer) !== null;
    on('train', p === 'idle' && !refused);
    on('pause', p === 'running');
    on('resume', p === 'paused');
    on('step', p === 'paused');
    on('cancel', p === 'running' || p === 'paused' || p === 'loading');
    on('inspect', p === 'paused' && this.q<HTMLSelectElement>('[data-layer]').value !== '');
    this.querySelectorAll<HTMLSelectElement | HTMLInputElement>(
      '[data-form] select, [data-form] input, [data-preset]',
    ).forEach((el) => {
      (el as HTMLSelectElement).disabled = p !== 'idle';
    });
    this.dataset.phase = p;
  }

  /** Shows the live activations on test image `i` (clamped to the bundled test subset). */
  private watch(i: number): void {
    const max = (this.test?.count ?? 1000) - 1;
    this.watchImage = Math.min(max, Math.max(0, Math.floor(Number.isFinite(i) ? i : 0)));
    this.q<HTMLInputElement>('[data-watch-image]').value = String(this.watchImage);
    this.post({ type: 'watch', image: this.watchImage });
  }

  private post(m: PlaygroundRequest): void {
    this.worker?.postMessage(m);
  }

  private async act(a: string): Promise<void> {
    switch (a) {
      case 'train':
        return this.train();
      case 'pause':
        this.post({ type: 'pause' });
        return;
      case 'resume':
        this.post({ type: 'resume' });
        this.setPhase('running');
        this.status('Training…');
        return;
      case 'step':
        this.post({ type: 'step' });
        return;
      case 'inspect': {
        const layer = this.q<HTMLSelectElement>('[data-layer]').value;
        const [ky, kx] = this.q<HTMLSelectElement>('[data-inspect-tap]').value.split(',').map(Number);
        const m = Math.max(0, Math.floor(Number(this.q<HTMLInputElement>('[data-inspect-m]').value) || 0));
        this.q<HTMLButtonElement>('[data-act="inspect"]').disabled = true;
        this.status(`Running one backward pass through ${layer}…`);
        this.post({ type: 'inspect', layer, m, ky, kx, images: 4 });
        return;
      }
      case 'cancel':
        if (this.phase === 'loading') {
          this.setPhase('idle');
          this.status('Cancelled before the first step.');
          return;
        }
        this.post({ type: 'cancel' });
        return;
      case 'csv':
        return this.download('depthwise-runs.csv', 'text/csv', runsToCsv(this.runs()));
      case 'json':
        return this.download('depthwise-runs.json', 'application/json', serializeRuns(this.runs()));
      case 'clear':
        writeStore(RUNS_KEY, null);
        this.drawRuns();
        this.status('All runs cleared.');
        return;
    }
  }

  private download(name: string, type: string, text: string): void {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private async train(): Promise<void> {
    const c = this.config;
    const s = this.cfg.table[statsKey(c)];
    const why = refusal(s, c.batch, c.optimizer);
    if (why) {
      this.status(`Refused: ${why}`);
      return;
    }
    this.setPhase('loading');
    this.status('Loading the images and the engine…');
    let data: { train: ImageSet; test: ImageSet };
    try {
      data = await loadData();
    } catch (e) {
      this.setPhase('idle');
      this.status(`Could not load the training images: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (this.phase !== 'loading') return;
    this.test = data.test;
    this.trainLoss = [];
    this.trainAcc = [];
    this.testLoss = [];
    this.testAcc = [];
    this.kernelData = undefined;
    this.runConfig = c;
    this.q('[data-confusion]').replaceChildren();
    this.q('[data-misses]').replaceChildren();
    this.q('[data-kernels]').replaceChildren();
    this.probe = undefined;
    for (const sel of ['[data-probe-image]', '[data-probe-activation]', '[data-probe-norms]', '[data-inspect-out]'])
      this.q(sel).replaceChildren();
    this.drawCurves();
    this.worker?.terminate();
    this.worker = new Worker(new URL('../../workers/train-playground.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<PlaygroundResponse>) => this.onMessage(e.data);
    this.worker.onerror = (e) => {
      this.setPhase('idle');
      this.status(`The training worker failed: ${e.message}`);
    };
    this.started = performance.now();
    this.trainSeconds = NaN;
    this.post({
      type: 'start',
      config: c,
      train: data.train,
      test: data.test,
      progressEvery: 5,
      evalEvery: 4,
      evalImages: 200,
      image: this.watchImage,
    });
  }

  private onMessage(m: PlaygroundResponse): void {
    switch (m.type) {
      case 'layers': {
        const sel = this.q<HTMLSelectElement>('[data-layer]');
        sel.replaceChildren(
          ...(m.layers.length ? m.layers : ['']).map((l) => {
            const o = document.createElement('option');
            o.value = l;
            o.textContent = l
              ? l.replace(/\.conv_dw$/, '').replace(/^blocks\./, 'block ')
              : '(this block has no depthwise layer)';
            return o;
          }),
        );
        sel.disabled = m.layers.length === 0;
        return;
      }
      case 'started':
        performance.mark('train-started');
        this.totalSteps = m.totalSteps;
        this.setPhase('running');
        this.status(
          `Training: ${m.totalSteps} steps (${m.stepsPerEpoch} per epoch); one step holds ${formatBytes(m.memory.totalBytes)}.`,
        );
        return;
      case 'progress': {
        const p = m.progress;
        this.trainLoss.push({ x: p.step, y: p.loss });
        this.trainAcc.push({ x: p.step, y: p.accuracy });
        this.lastIps = p.imagesPerSecond;
        this.stepsDone = p.step;
        this.out('step', `${p.step} / ${p.totalSteps}`);
        this.out('loss', p.loss.toFixed(3));
        this.out('ips', formatInt(p.imagesPerSecond));
        this.schedule();
        return;
      }
      case 'eval': {
        const ev = m.eval;
        this.testLoss.push({ x: ev.step, y: ev.loss });
        this.testAcc.push({ x: ev.step, y: ev.accuracy });
        this.out('testacc', `${(ev.accuracy * 100).toFixed(1)} %${m.final ? '' : ` (${ev.count} images)`}`);
        this.schedule();
        if (m.final) this.finish(ev.accuracy, ev.loss, ev.predicted);
        return;
      }
      case 'kernels':
        this.kernelData = m.kernels;
        this.kernelsDirty = true;
        this.schedule();
        return;
      case 'paused':
        this.stepsDone = m.step;
        this.out('step', `${m.step} / ${this.totalSteps}`);
        this.setPhase('paused');
        this.status(`Paused after step ${m.step}. Resume, or step one batch.`);
        return;
      case 'done':
        performance.mark('train-done');
        this.trainSeconds = (performance.now() - this.started) / 1000;
        this.setPhase('evaluating');
        this.status(`Trained ${m.step} steps; testing on ${formatInt(TRAIN_SUBSET.test)} images…`);
        return;
      case 'cancelled':
        this.stepsDone = m.step;
        this.setPhase('idle');
        this.status(`Cancelled after step ${m.step}; the run is not recorded.`);
        return;
      case 'probe':
        this.probe = m.probe;
        this.probeDirty = true;
        this.schedule();
        return;
      case 'inspect':
        this.drawInspection(m.inspect);
        this.q<HTMLButtonElement>('[data-act="inspect"]').disabled = this.phase !== 'paused';
        this.status(
          `Paused after step ${m.inspect.step}: one backward pass done (loss ${m.inspect.loss.toFixed(3)} on 4 images).`,
        );
        return;
      case 'error':
        if (m.code === 'probe') {
          this.q('[data-probe-activation]').replaceChildren(
            h('p', { class: 'tp-note', role: 'status' }, `Could not compute the activations: ${m.message}`),
          );
          return;
        }
        if (m.code === 'inspect') {
          this.status(`Could not look inside: ${m.message}`);
          this.q<HTMLButtonElement>('[data-act="inspect"]').disabled = this.phase !== 'paused';
          return;
        }
        this.setPhase('idle');
        this.status(m.code === 'memory' ? `Refused: ${m.message}` : `Training stopped: ${m.message}`);
        return;
      case 'snapshot':
        return;
    }
  }

  private finish(accuracy: number, loss: number, predicted: Uint8Array): void {
    const c = this.runConfig!;
    const s = this.cfg.table[statsKey(c)];
    const seconds = (performance.now() - this.started) / 1000;
    const estimate = estimateSeconds(s.macs, TRAIN_SUBSET.train * c.epochs);
    writeStore(SCALE_KEY, String(seconds / estimate));
    const run: RunRecord = {
      id: `run-${Date.now().toString(36)}`,
      config: c,
      params: s.params,
      macs: s.macs,
      accuracy,
      testLoss: loss,
      seconds,
      imagesPerSecond: this.lastIps,
      finished: new Date().toISOString(),
    };
    writeStore(RUNS_KEY, serializeRuns([...this.runs(), run]));
    setTimeout(() => this.drawConfusion(predicted), 0);
    setTimeout(() => this.drawMisses(predicted), 0);
    setTimeout(() => this.drawRuns(), 0);
    setTimeout(() => this.update(), 0);
    this.setPhase('idle');
    this.status(
      `Done in ${seconds.toFixed(1)} s: ${(accuracy * 100).toFixed(1)} % on ${formatInt(TRAIN_SUBSET.test)} test images (${configLabel(c)}). The run is on the chart below.`,
    );
  }

  private runs(): RunRecord[] {
    return parseRuns(readStore(RUNS_KEY));
  }

  /** Redraws at most every RENDER_MS, in an animation frame, one figure per frame (keeps each main-thread task short). */
  private schedule(): void {
    if (this.frame) return;
    this.frame = window.setTimeout(() => {
      requestAnimationFrame(() => {
        this.drawCurves();
        requestAnimationFrame(() => {
          this.drawKernels();
          requestAnimationFrame(() => {
            this.frame = 0;
            this.drawProbe();
          });
        });
      });
    }, RENDER_MS);
  }

  /** Drawing width of an SVG: its rendered width (so 11 px labels stay 11 px on a phone), clamped. */
  private svgWidth(svg: Element, max: number): number {
    const w = Math.round(svg.getBoundingClientRect().width);
    return w > 0 ? Math.max(260, Math.min(max, w)) : max;
  }

  private drawCurves(): void {
    const x =
      this.phase === 'idle' && this.trainLoss.length === 0
        ? Math.floor(TRAIN_SUBSET.train / this.config.batch) * this.config.epochs
        : this.totalSteps;
    const w = this.svgWidth(this.q('[data-chart="loss"]'), 520);
    const h = 200;
    const maxLoss = Math.max(2.5, ...this.trainLoss.map((p) => p.y).slice(0, 3));
    this.drawChart(
      'loss',
      curveLayout(
        [
          { id: 'train', points: this.trainLoss },
          { id: 'test', points: this.testLoss },
        ],
        { width: w, height: h, xMax: x, yMin: 0, yMax: maxLoss, yFormat: (v) => v.toFixed(1) },
      ),
    );
    this.drawChart(
      'accuracy',
      curveLayout(
        [
          { id: 'train', points: this.trainAcc },
          { id: 'test', points: this.testAcc },
        ],
        { width: w, height: h, xMax: x, yMin: 0, yMax: 1, yFormat: (v) => `${Math.round(v * 100)}%` },
      ),
    );
  }

  private drawChart(name: string, l: CurveLayout): void {
    const svg = this.q(`[data-chart="${name}"]`) as unknown as SVGSVGElement;
    const sig = JSON.stringify([l.width, l.height, l.xTicks, l.yTicks]);
    if (this.axes.get(name) === sig) {
      for (const p of l.paths) svg.querySelector(`[data-series="${p.id}"]`)?.setAttribute('d', p.d);
      return;
    }
    this.axes.set(name, sig);
    svg.setAttribute('viewBox', `0 0 ${l.width} ${l.height}`);
    const kids = axisElements(l);
    for (const p of l.paths) kids.push(svgEl('path', { d: p.d, class: `tp-line tp-${p.id}`, 'data-series': p.id }));
    svg.replaceChildren(...kids);
  }

  /** All kernels of the layer in one canvas (one context, one putImageData), k×k cells with 1-pixel gaps. */
  private drawKernels(): void {
    const k = this.kernelData;
    if (!k || !this.kernelsDirty) return;
    this.kernelsDirty = false;
    const box = this.q('[data-kernels]');
    const scale = kernelScale(k.data);
    const cols = Math.min(k.channels, 8);
    const rows = Math.ceil(k.channels / cols);
    const cell = k.k + 1;
    let cv = box.querySelector('canvas');
    if (!cv) {
      cv = document.createElement('canvas');
      box.replaceChildren(cv);
    }
    cv.width = cols * cell - 1;
    cv.height = rows * cell - 1;
    cv.style.width = `${cv.width * 10}px`;
    const img = new ImageData(cv.width, cv.height);
    for (let c = 0; c < k.channels; c++) {
      const px = kernelPixels(k.data, c, k.k, scale);
      const ox = (c % cols) * cell;
      const oy = Math.floor(c / cols) * cell;
      for (let y = 0; y < k.k; y++)
        img.data.set(px.subarray(y * k.k * 4, (y + 1) * k.k * 4), ((oy + y) * cv.width + ox) * 4);
    }
    cv.getContext('2d')!.putImageData(img, 0, 0);
    cv.setAttribute('role', 'img');
    cv.setAttribute(
      'aria-label',
      `${k.channels} kernels of ${k.layer} after step ${k.step}; largest |weight| ${scale.toFixed(3)}`,
    );
    this.out(
      'kernelnote',
      `${k.layer} after step ${k.step}: ${k.channels} kernels, orange positive, blue negative, scale ±${scale.toFixed(3)}.`,
    );
  }

  /** The live look inside: the watched image, the chosen layer's output on it and the norms. */
  private drawProbe(): void {
    if (!this.probeDirty || !this.probe || !this.test) return;
    this.probeDirty = false;
    const box = this.q('[data-probe-activation]');
    const width = Math.min(520, Math.max(260, Math.round(box.getBoundingClientRect().width) || 520));
    const v = probeView(this.probe, this.test, themePalette(this), width);
    this.q('[data-probe-image]').replaceChildren(v.image);
    box.replaceChildren(v.activation);
    this.q('[data-probe-norms]').replaceChildren(v.norms);
  }

  /** The backward pass at a pause: the stepper through the layer's block, the explained weight gradient, the layer's input (the debugger's tensor view). */
  private drawInspection(r: Inspection): void {
    const out = this.q('[data-inspect-out]');
    const [ky, kx] = r.k;
    const same = Math.fround(r.sum) === r.gradient;
    const explain = h(
      'div',
      {
        class: 'tp-inspect',
        'data-inspect': '',
        'data-sum': r.sum,
        'data-gradient': r.gradient,
        'data-terms': r.terms,
      },
      h('h4', {}, `dL/dw[${r.m}, 0, ${ky}, ${kx}] of ${r.layer} after step ${r.step}`),
      h(
        'p',
        { class: 'tp-note' },
        `${r.terms} products of an input value and an output gradient (one per image and output position). Their float64 sum is ${r.sum.toPrecision(9)}; the backward pass reported ${r.gradient.toPrecision(9)} (float32, ${r.accumulation} accumulation)${same ? ': the same number rounded to float32.' : '.'} The largest products:`,
      ),
      h(
        'div',
        { class: 'tp-scroll scroll-x', tabindex: 0, role: 'region', 'aria-label': 'Largest products' },
        h(
          'table',
          {},
          h(
            'tr',
            {},
            ...['image', 'output (y, x)', 'input (y, x)', 'X', 'dL/dY', 'product'].map((t) =>
              h('th', { scope: 'col' }, t),
            ),
          ),
          ...r.top.map((t) =>
            h(
              'tr',
              {},
              h('td', {}, t.n),
              h('td', {}, `(${t.out.join(', ')})`),
              h('td', {}, `(${t.pos.join(', ')})`),
              h('td', {}, t.x.toFixed(4)),
              h('td', {}, t.dy.toExponential(3)),
              h('td', {}, t.product.toExponential(3)),
            ),
          ),
        ),
      ),
    );
    const width = Math.min(520, Math.max(260, Math.round(out.getBoundingClientRect().width) || 520));
    const view = tensorView({
      title: `Input of ${r.layer}, first training image`,
      tensor: r.activation,
      palette: themePalette(this),
      width,
      channel: Math.min(r.m, r.activation.dims[1] - 1),
      role: 'inspect-activation',
    });
    out.replaceChildren(backwardStepper(r, themePalette(this), width), explain, view);
  }

  private drawConfusion(predicted: Uint8Array): void {
    const test = this.test!;
    const labels = test.labels.subarray(0, predicted.length);
    const m = confusionMatrix(labels, predicted);
    const short = FASHION_MNIST_CLASSES.map((n) => n.split('/')[0]);
    const table = this.q('[data-confusion]');
    const head = document.createElement('tr');
    head.append(Object.assign(document.createElement('th'), { textContent: 'true ↓ / predicted →', scope: 'col' }));
    short.forEach((n) => head.append(Object.assign(document.createElement('th'), { textContent: n, scope: 'col' })));
    const rows = m.map((row, r) => {
      const tr = document.createElement('tr');
      tr.append(Object.assign(document.createElement('th'), { textContent: short[r], scope: 'row' }));
      row.forEach((v, c) => {
        const td = document.createElement('td');
        td.textContent = String(v);
        const share = rowShare(m, r, c);
        td.style.setProperty('--share', share.toFixed(3));
        td.className = r === c ? 'tp-diag' : share > 0 ? 'tp-off' : '';
        if (share > 0.5) td.classList.add('tp-strong');
        tr.append(td);
      });
      return tr;
    });
    table.replaceChildren(head, ...rows);
  }

  private drawMisses(predicted: Uint8Array): void {
    const test = this.test!;
    const labels = test.labels.subarray(0, predicted.length);
    const short = FASHION_MNIST_CLASSES.map((n) => n.split('/')[0]);
    const misses = misclassified(labels, predicted, 20);
    const box = this.q('[data-misses]');
    box.replaceChildren(
      ...misses.map((x) => {
        const fig = document.createElement('button');
        fig.type = 'button';
        fig.className = 'tp-miss';
        fig.dataset.miss = String(x.index);
        fig.title = `Show the activations on test image ${x.index}`;
        const cv = imageCanvas(
          test,
          x.index,
          `test image ${x.index}: a ${FASHION_MNIST_CLASSES[x.label]} predicted as ${FASHION_MNIST_CLASSES[x.predicted]}`,
        );
        const cap = document.createElement('span');
        cap.textContent = `${short[x.label]} → ${short[x.predicted]}`;
        fig.append(cv, cap);
        return fig;
      }),
    );
  }

  private drawRuns(): void {
    const runs = this.runs();
    const svg = this.q('[data-chart="runs"]') as unknown as SVGSVGElement;
    const l = scatterLayout(runs, this.svgWidth(svg, 640), 260, this.cfg.family ?? []);
    svg.setAttribute('viewBox', `0 0 ${l.width} ${l.height}`);
    const kids = axisElements(l);
    kids.push(
      svgEl(
        'text',
        { x: l.plot.right, y: l.height - 1, 'text-anchor': 'end', class: 'tp-tick' },
        'MACs per image (log)',
      ),
    );
    for (const f of l.family) {
      // A diamond, so the family reads apart from the reader's circles without colour.
      const d = `M${f.cx.toFixed(1)},${(f.cy - 5).toFixed(1)}l5,5l-5,5l-5,-5z`;
      const m = svgEl('path', { d, class: 'tp-family', 'data-family-run': f.key });
      m.append(svgEl('title', {}, f.label));
      kids.push(m);
    }
    if (l.front) kids.push(svgEl('path', { d: l.front, class: 'tp-front' }));
    for (const p of l.points) {
      const c = svgEl('circle', { cx: p.cx, cy: p.cy, r: 5, class: 'tp-point', 'data-run': p.id });
      c.append(svgEl('title', {}, p.label));
      kids.push(c);
    }
    svg.replaceChildren(...kids);
    const table = this.q('[data-runs]');
    const cap = table.querySelector('caption')!;
    const head = document.createElement('tr');
    for (const h of ['Block', 'Width', 'Depth', 'Res.', 'Params', 'MACs', 'Test acc.', 'Time', 'Link'])
      head.append(Object.assign(document.createElement('th'), { textContent: h, scope: 'col' }));
    const rows = runs.map((r) => {
      const tr = document.createElement('tr');
      tr.dataset.run = r.id;
      for (const v of [
        BLOCKS.find((b) => b.id === r.config.block)!.label,
        r.config.width,
        r.config.depth,
        r.config.resolution,
        formatInt(r.params),
        formatCompact(r.macs),
        `${(r.accuracy * 100).toFixed(1)} %`,
        `${r.seconds.toFixed(0)} s`,
      ]) {
        tr.append(Object.assign(document.createElement('td'), { textContent: String(v) }));
      }
      const td = document.createElement('td');
      td.append(
        Object.assign(document.createElement('a'), {
          href: `/train/?${configToQuery(r.config)}`,
          textContent: 'configure',
        }),
      );
      tr.append(td);
      return tr;
    });
    table.replaceChildren(cap, head, ...rows);
    table.hidden = runs.length === 0;
  }
}

if (!customElements.get('train-playground')) customElements.define('train-playground', TrainPlaygroundElement);
