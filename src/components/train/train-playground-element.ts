/**
 * <train-playground>: the live side of TrainPlayground.astro. Controls → configuration (URL) →
 * figures from the build-time table; Train starts src/workers/train-playground.worker.ts (loaded
 * on that click, with the bundled data) and every message updates the curves, the confusion
 * matrix, the misclassified images, the kernels and, at the end, the runs chart. The main thread
 * only draws: each message touches a few SVG paths or small canvases, coalesced per frame.
 *
 * Why one file over 400 lines: it is one state machine (phase idle → loading → running ⇄ paused →
 * evaluating, the worker's messages, the form and the URL) over one set of fields; the figures it draws
 * are in train-figures.ts and the storage in train-storage.ts, so what is left is that state and its
 * transitions, which read best together.
 */
import { formatBytes, formatCompact, formatInt } from '~/lib/viz/charts/number-format.ts';
import { configFromQuery, configLabel, configToQuery, type TrainConfig } from '~/lib/viz/train/train-config.ts';
import { curveLayout, type CurvePoint, type CurveLayout } from '~/lib/viz/train/train-curves.ts';
import { TRAIN_SUBSET } from '~/lib/viz/train/train-data.ts';
import {
  parseRuns,
  RUNS_KEY,
  runsToCsv,
  type FamilyPoint,
  serializeRuns,
  type RunRecord,
} from '~/lib/viz/train/train-runs.ts';
import { estimateSeconds, memoryBytes, refusal, statsKey, type StatsTable } from '~/lib/viz/train/train-stats.ts';
import type { ImageSet } from '~/lib/data/fashion-mnist.ts';
import type { PlaygroundRequest, PlaygroundResponse, Probe } from '~/workers/train-playground.ts';
import { h } from '~/components/debugger/dom.ts';
import { followTheme, onThemeChange, themePalette } from '~/components/debugger/palette.ts';
import { saveFile } from '~/components/kit/save-file.ts';
import { probeView } from './train-inside.ts';
import {
  drawConfusion,
  drawCurveChart,
  drawInspection,
  drawKernels,
  drawMisses,
  drawRuns,
  type KernelData,
  svgWidth,
} from './train-figures.ts';
import { loadData, readStore, writeStore } from './train-storage.ts';

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
type Phase = 'idle' | 'loading' | 'running' | 'paused' | 'evaluating';

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
  private kernelData?: KernelData;
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
    // The watched image's activation is painted from the theme: repaint it in the new one.
    onThemeChange(() => {
      this.probeDirty = true;
      this.schedule();
    });
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
        return saveFile('depthwise-runs.csv', 'text/csv', runsToCsv(this.runs()));
      case 'json':
        return saveFile('depthwise-runs.json', 'application/json', serializeRuns(this.runs()));
      case 'clear':
        writeStore(RUNS_KEY, null);
        this.drawRuns();
        this.status('All runs cleared.');
        return;
    }
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
        {
          const box = this.q('[data-inspect-out]');
          followTheme(box, drawInspection(box, m.inspect, themePalette(this)));
        }
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
    setTimeout(() => drawConfusion(this.q('[data-confusion]'), this.test!, predicted), 0);
    setTimeout(() => drawMisses(this.q('[data-misses]'), this.test!, predicted), 0);
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

  private drawCurves(): void {
    const x =
      this.phase === 'idle' && this.trainLoss.length === 0
        ? Math.floor(TRAIN_SUBSET.train / this.config.batch) * this.config.epochs
        : this.totalSteps;
    const w = svgWidth(this.q('[data-chart="loss"]'), 520);
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
    drawCurveChart(this.q(`[data-chart="${name}"]`), this.axes, name, l);
  }

  private drawKernels(): void {
    if (!this.kernelData || !this.kernelsDirty) return;
    this.kernelsDirty = false;
    this.out('kernelnote', drawKernels(this.q('[data-kernels]'), this.kernelData));
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

  private drawRuns(): void {
    drawRuns(this.q('[data-chart="runs"]'), this.q('[data-runs]'), this.runs(), this.cfg.family ?? []);
  }
}

if (!customElements.get('train-playground')) customElements.define('train-playground', TrainPlaygroundElement);
