/**
 * <model-debugger>: the debugger page's behaviour. Chooses the input (sample, upload, drawing),
 * guards memory before anything is materialised, drives the shared Stepper with buttons, keys and
 * the timeline, keeps the view in the URL, and runs onnxruntime-web for latency, agreement and the
 * "this device" measurements.
 *
 * Why one file over 400 lines: it only wires the page's controls to one Stepper (the stepping, views
 * and diagram live in stepper.ts, detail-view.ts and the other modules beside it); the wiring for the
 * input, the buttons and keys, the URL and the measurements shares that Stepper and the prepared input.
 */
import type { Tensor } from '~/lib/engine/index.ts';
import {
  latencyScatter,
  mergeRows,
  parseRows,
  rowsToCsv,
  STORAGE_KEY,
  type DeviceRow,
} from '~/lib/viz/debugger/device-measure.ts';
import { formatCompact } from '~/lib/viz/charts/number-format.ts';
import { engineThreadsOffer, parseEngineThreads, type EngineThreads } from '~/lib/viz/debugger/engine-threads.ts';
import { memoryBudget, memoryVerdict, type MemoryNeed } from '~/lib/viz/state/memory-guard.ts';
import { formatView, parseView, type DebuggerView } from '~/lib/viz/state/url-state.ts';
import { CancelledError } from '~/components/runtime/runtime-client.ts';
import { saveFile } from '~/components/kit/save-file.ts';
import { dataTable, h, numColumn, s } from './dom.ts';
import { loadImage, prepareImage, sampleBatch, toCanvas, uploadToCanvas, type Prepared } from './image-input.ts';
import { DiagramLink } from './diagram-link.ts';
import { wirePad } from './draw-pad.ts';
import { compareWithOrt } from './ort-view.ts';
import { sampleByName } from './samples.ts';
import { stepKey, wireStepActions } from './step-actions.ts';
import { Stepper, type ClassesConfig } from './stepper.ts';

interface PageConfig {
  id: string;
  resolution: number;
  need: MemoryNeed;
  nodes: number;
  /** The classifier's classes (see Debugger.astro): top-5 predictions at the last node. */
  classes?: ClassesConfig;
}

/** How long stepping must pause before the URL is rewritten (see writeUrl). */
const URL_SETTLE_MS = 150;

class ModelDebugger extends HTMLElement {
  private stepper?: Stepper;
  private cfg!: PageConfig;
  private inputName = 'astronaut';
  private source: HTMLCanvasElement | null = null;
  private prepared: Prepared | null = null;
  private diagram: DiagramLink | null = null;
  /** The reader's "Engine threads" choice; the worker learns it on Load, on change and before a comparison. */
  private threads: EngineThreads = 1;

  connectedCallback(): void {
    if (this.stepper) return;
    this.cfg = JSON.parse(this.dataset.config ?? '{}') as PageConfig;
    this.querySelectorAll<HTMLElement>('[data-js]').forEach((el) => (el.hidden = false));
    const view = parseView(location.search);
    this.inputName = sampleByName(view.input) ? view.input : 'astronaut';
    this.querySelectorAll<HTMLInputElement>('input[name="dbg-input"]').forEach(
      (r) => (r.checked = r.value === this.inputName),
    );

    // Memory guard, before anything heavy exists.
    const dm = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
    const verdict = memoryVerdict(
      this.cfg.need,
      memoryBudget(dm),
      dm
        ? `a quarter of the ${dm} GiB this browser reports, at most 1 GiB`
        : 'a fixed cap; this browser does not report its memory',
    );
    const guard = this.q('[data-dbg="guard"]');
    guard.textContent = verdict.message;
    guard.classList.toggle('dbg-refused', !verdict.ok);
    this.toggleAttribute('data-refused', !verdict.ok);

    const ddRoot = this.querySelector<HTMLElement>('[data-dd]');
    this.diagram = ddRoot ? new DiagramLink(ddRoot) : null;
    this.diagram?.enable(verdict.ok);

    const stepper = new Stepper(this, {
      source: { kind: 'zoo', id: this.cfg.id },
      classes: this.cfg.classes,
      makeInput: (dims) => this.makeInput(dims),
      calibration: () => sampleBatch(this.cfg.resolution),
      preprocessView: () => this.preprocessView(),
      onState: (st) => {
        this.diagram?.show(st.step);
        this.writeUrl({ input: this.inputName, step: st.step, channel: st.channel, pixel: st.pixel, side: 'out' });
      },
    });
    this.stepper = stepper;
    if (!verdict.ok) {
      this.querySelectorAll<HTMLButtonElement>(
        'button[data-act="start"], button[data-act="ort"], [data-dbg="scrubber"]',
      ).forEach((b) => (b.disabled = true));
      this.q('[data-dbg="status"]').textContent =
        'Stepping is off for this model on this device; the op list and the numbers above still describe it.';
    } else {
      this.q('[data-dbg="status"]').textContent =
        'Choose an input, then press “Load model” to materialise the weights in a background worker.';
    }

    window.addEventListener('pagehide', () => this.flushUrl());
    this.wireControls(stepper, verdict.ok);
    this.wireInputs(stepper);
    this.wireMeasure();
    this.wireThreads(stepper);
    this.renderDevice(parseRows(localStorage.getItem(STORAGE_KEY)));

    // A deep link with a step starts at once (the reader asked for that view); a plain visit waits for a click.
    if (verdict.ok && new URLSearchParams(location.search).has('step')) {
      void this.begin(view);
    }
  }

  private q<T extends HTMLElement = HTMLElement>(sel: string): T {
    return this.querySelector<T>(sel)!;
  }

  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  private urlView: DebuggerView | null = null;

  /**
   * Puts the view in the URL once stepping pauses (URL_SETTLE_MS after the last move): a
   * replaceState on every step cost a few ms each while the reader held → down. Leaving the page
   * writes what is pending first, so a reload or a bookmark still gets the view on screen.
   */
  private writeUrl(v: DebuggerView): void {
    this.urlView = v;
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => this.flushUrl(), URL_SETTLE_MS);
  }

  private flushUrl(): void {
    clearTimeout(this.urlTimer);
    const v = this.urlView;
    this.urlView = null;
    if (!v) return;
    const url = `${location.pathname}${formatView(v)}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  }

  private async begin(view?: DebuggerView): Promise<void> {
    const st = this.stepper!;
    // A fresh worker (first Load, or after a cancel) runs on one thread until told otherwise.
    if (this.threads === 2) await this.applyThreads(st);
    await st.start(view?.step, view?.channel ?? 0, view?.pixel ? [view.pixel[0], view.pixel[1]] : null);
    if (!st.opened) return;
    this.q<HTMLButtonElement>('[data-act="start"]').textContent = 'Reload model';
    this.querySelectorAll<HTMLButtonElement>('[data-goto], [data-act="ort"]').forEach((b) => (b.disabled = false));
    this.q<HTMLInputElement>('[data-dbg="scrubber"]').disabled = false;
  }

  private async makeInput(dims: readonly number[]): Promise<Tensor> {
    if (!this.source) {
      const sample = sampleByName(this.inputName) ?? sampleByName('astronaut')!;
      const img = await loadImage(sample.url);
      this.source = toCanvas(img, img.naturalWidth, img.naturalHeight);
    }
    this.prepared = prepareImage(this.source, Number(dims[2]));
    return this.prepared.tensor;
  }

  private preprocessView(): HTMLElement | null {
    const p = this.prepared;
    if (!p) return null;
    const maxW = 240;
    const k = Math.min(1, maxW / p.source.width);
    const src = document.createElement('canvas');
    src.width = Math.round(p.source.width * k);
    src.height = Math.round(p.source.height * k);
    const ctx = src.getContext('2d')!;
    ctx.drawImage(p.source, 0, 0, src.width, src.height);
    ctx.strokeStyle = '#ff2d55';
    ctx.lineWidth = 2;
    ctx.setLineDash([5, 3]);
    ctx.strokeRect(p.plan.source.x * k, p.plan.source.y * k, p.plan.source.w * k, p.plan.source.h * k);
    const crop = p.crop;
    crop.classList.add('dbg-crop');
    src.setAttribute('role', 'img');
    src.setAttribute('aria-label', 'The source image with the centre crop marked');
    crop.setAttribute('role', 'img');
    crop.setAttribute('aria-label', `The ${crop.width}×${crop.height} crop the model sees`);
    return h(
      'section',
      { class: 'dbg-detail', 'data-dbg': 'detail-preprocess' },
      h('h4', {}, 'Preprocessing'),
      h(
        'p',
        {},
        `1. Resize so the short side is ${p.plan.resized.w < p.plan.resized.h ? p.plan.resized.w : p.plan.resized.h} px (${p.plan.resized.w}×${p.plan.resized.h}). ` +
          `2. Crop the centre ${p.plan.crop.size}×${p.plan.crop.size} (dashed). 3. Scale each pixel to [0, 1], subtract the ImageNet mean (0.485, 0.456, 0.406) and divide by the standard deviation (0.229, 0.224, 0.225), per colour channel.`,
      ),
      h('div', { class: 'dbg-zoom-row' }, src, crop),
    );
  }

  private wireControls(st: Stepper, ok: boolean): void {
    wireStepActions(this, st, { start: () => ok && this.begin(), ort: () => this.runOrt() });
    this.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>('[data-goto]');
      if (b && st.opened && !this.hasAttribute('data-busy')) void st.goto(Number(b.dataset.goto));
      // The diagram's ops and blocks: the worker runs forward (or resets and reruns) to that node,
      // cancellable like any step; before the model is loaded, a click loads it at that step.
      const d = (e.target as Element).closest<HTMLButtonElement>('button[data-dd-step]');
      if (!d || d.disabled || this.hasAttribute('data-busy')) return;
      const step = Number(d.dataset.ddStep);
      if (st.opened) void st.goto(step);
      else if (ok) void this.begin({ input: this.inputName, step, channel: 0, pixel: null, side: 'out' });
    });
    const scrub = this.q<HTMLInputElement>('[data-dbg="scrubber"]');
    scrub.addEventListener('change', () => {
      if (st.opened && !this.hasAttribute('data-busy')) void st.goto(Number(scrub.value));
    });
    this.addEventListener('dbg-cancelled', () => {
      this.querySelectorAll<HTMLButtonElement>(
        '[data-goto], [data-act="ort"], [data-act="next"], [data-act="prev"], [data-act="block"], [data-act="stage"], [data-act="end"], [data-act="reset"]',
      ).forEach((b) => (b.disabled = true));
      scrub.disabled = true;
      this.diagram?.show(-1);
      this.q<HTMLButtonElement>('[data-act="start"]').textContent = 'Load model';
    });
    document.addEventListener('keydown', (e) => stepKey(st, e, { busy: this.hasAttribute('data-busy'), stages: true }));
  }

  private wireInputs(st: Stepper): void {
    const use = async (name: string, source: HTMLCanvasElement | null): Promise<void> => {
      this.inputName = name;
      this.source = source;
      if (st.opened && !this.hasAttribute('data-busy')) await st.refeed();
      else st.status(`Input: ${name}. Press “Load model” to run it.`);
    };
    this.querySelectorAll<HTMLInputElement>('input[name="dbg-input"]').forEach((r) =>
      r.addEventListener('change', () => r.checked && void use(r.value, null)),
    );
    const upload = this.q<HTMLInputElement>('[data-dbg="upload"]');
    upload.addEventListener('change', async () => {
      const file = upload.files?.[0];
      if (!file) return;
      try {
        const canvas = await uploadToCanvas(file);
        this.querySelectorAll<HTMLInputElement>('input[name="dbg-input"]').forEach((r) => (r.checked = false));
        await use('upload', canvas);
      } catch (e) {
        st.status(e instanceof Error ? e.message : String(e), 'error');
        upload.value = '';
      }
    });
    const pad = this.q<HTMLCanvasElement>('[data-dbg="pad"]');
    const { clear } = wirePad(pad, { background: '#ffffff', ink: '#1b1f2a', lineWidth: 10 });
    this.q('[data-act="clear-drawing"]').addEventListener('click', clear);
    this.q('[data-act="use-drawing"]').addEventListener('click', () => {
      this.querySelectorAll<HTMLInputElement>('input[name="dbg-input"]').forEach((r) => (r.checked = false));
      void use('drawing', toCanvas(pad, pad.width, pad.height));
    });
  }

  private threadRadios(): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>('[data-dbg="threads-form"] input[name="engine-threads"]')];
  }

  private wireThreads(st: Stepper): void {
    const form = this.q<HTMLFormElement>('[data-dbg="threads-form"]');
    const note = this.q('[data-dbg="threads-note"]');
    const offer = engineThreadsOffer(globalThis.crossOriginIsolated === true, typeof SharedArrayBuffer !== 'undefined');
    note.textContent = offer.note;
    if (!offer.available) {
      form.querySelector('fieldset')?.toggleAttribute('disabled', true);
      return;
    }
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('change', () => {
      const checked = this.threadRadios().find((r) => r.checked);
      this.threads = parseEngineThreads(checked?.value);
      // Before Load there is no worker to tell; begin() tells the one it starts.
      if (st.opened) void this.applyThreads(st);
    });
  }

  /**
   * Tells the worker how many threads the engine should use. Two may be refused (the kernel worker
   * did not start in time, or at all): the choice falls back to 1 and the note says why.
   */
  private async applyThreads(st: Stepper): Promise<void> {
    const note = this.q('[data-dbg="threads-note"]');
    const want = this.threads;
    try {
      const [a] = await st.client.request({ type: 'threads', threads: want });
      const got = a?.type === 'threads' ? a.threads : 1;
      const message = a?.type === 'threads' ? a.message : undefined;
      if (got === want) {
        note.classList.remove('dbg-error');
        note.textContent = engineThreadsOffer(true, true).note;
        return;
      }
      this.fallBack(message ?? 'The engine stays on one thread.');
    } catch (e) {
      // A cancel stops the worker (and its kernel worker with it); the next Load asks again.
      if (e instanceof CancelledError) return;
      this.fallBack(`The engine stays on one thread: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private fallBack(message: string): void {
    this.threads = 1;
    for (const r of this.threadRadios()) r.checked = r.value === '1';
    const note = this.q('[data-dbg="threads-note"]');
    note.classList.add('dbg-error');
    note.textContent = message;
  }

  private async runOrt(): Promise<void> {
    const st = this.stepper!;
    const runs = Math.max(3, Math.min(50, Number(this.q<HTMLInputElement>('[data-dbg="ort-runs"]').value) || 10));
    await compareWithOrt(st, this, { runs, engine: true }, () => this.applyThreads(st));
  }

  private wireMeasure(): void {
    const boxes = (): string[] =>
      [...this.querySelectorAll<HTMLInputElement>('.dbg-measure-list input:checked')].map((b) => b.value);
    const stored = (): DeviceRow[] => parseRows(localStorage.getItem(STORAGE_KEY));
    this.q('[data-act="measure"]').addEventListener('click', async () => {
      if (this.hasAttribute('data-busy')) return;
      const ids = boxes();
      const out = this.q('[data-dbg="device"]');
      if (ids.length === 0) {
        out.replaceChildren(h('p', { class: 'dbg-error' }, 'Select at least one model.'));
        return;
      }
      this.toggleAttribute('data-busy', true);
      try {
        await this.stepper!.client.request(
          { type: 'measure', ids, runs: 5 },
          {
            onProgress: (phase, d, t) => this.stepper!.status(`${phase} (${d + 1} of ${t})`),
            onAnswer: (a) => {
              if (a.type !== 'measured') return;
              const rows = mergeRows(stored(), [{ ...a.row, at: new Date().toISOString() }]);
              localStorage.setItem(STORAGE_KEY, JSON.stringify(rows));
              this.renderDevice(rows);
            },
          },
        );
        this.stepper!.status('Measured. The points stay in this browser until you clear them.');
      } catch (e) {
        if (e instanceof CancelledError) this.stepper!.fail(e);
        else this.stepper!.status(`Measuring failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
      } finally {
        this.toggleAttribute('data-busy', false);
      }
    });
    this.q('[data-act="export-json"]').addEventListener('click', () =>
      saveFile('depthwise-latency.json', 'application/json', JSON.stringify(stored(), null, 2)),
    );
    this.q('[data-act="export-csv"]').addEventListener('click', () =>
      saveFile('depthwise-latency.csv', 'text/csv', rowsToCsv(stored())),
    );
    this.q('[data-act="clear-measure"]').addEventListener('click', () => {
      localStorage.removeItem(STORAGE_KEY);
      this.renderDevice([]);
    });
  }

  private renderDevice(rows: readonly DeviceRow[]): void {
    const out = this.q('[data-dbg="device"]');
    if (rows.length === 0) {
      out.replaceChildren(h('p', { class: 'muted' }, 'No measurements on this device yet.'));
      return;
    }
    const W = 560;
    const H = 260;
    const L = latencyScatter(rows, W, H, 40);
    const svg = s('svg', {
      viewBox: `0 0 ${W} ${H}`,
      class: 'dbg-plot',
      role: 'img',
      'aria-label': 'Latency against MACs for the measured models',
    });
    for (const t of L.xTicks)
      svg.append(
        s('line', { x1: t.x, x2: t.x, y1: 20, y2: H - 40 }),
        s('text', { x: t.x, y: H - 24, 'text-anchor': 'middle' }, formatCompact(t.value)),
      );
    for (const t of L.yTicks)
      svg.append(
        s('line', { x1: 40, x2: W - 20, y1: t.y, y2: t.y }),
        s('text', { x: 34, y: t.y + 4, 'text-anchor': 'end' }, `${t.value}`),
      );
    svg.append(
      s('text', { x: W / 2, y: H - 6, 'text-anchor': 'middle' }, 'MACs (log scale)'),
      s('text', { x: 4, y: 12 }, 'median ms'),
    );
    for (const p of L.points) {
      const c = s('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: 5, class: 'pt' });
      c.append(
        s(
          'title',
          {},
          `${p.id}: ${p.row.medianMs.toFixed(1)} ms, ${formatCompact(p.row.macs)} MACs, ${p.row.threads} thread${p.row.threads > 1 ? 's' : ''}`,
        ),
      );
      svg.append(c, s('text', { x: (p.x + 7).toFixed(1), y: (p.y - 6).toFixed(1) }, p.id));
    }
    const table = dataTable(
      { class: 'dbg-ops' },
      ['Model', numColumn('MACs'), numColumn('Median ms'), numColumn('Threads')],
      rows.map((r) =>
        h(
          'tr',
          {},
          h('td', {}, r.id),
          h('td', { class: 'num' }, formatCompact(r.macs)),
          h('td', { class: 'num' }, r.medianMs.toFixed(2)),
          h('td', { class: 'num' }, r.threads),
        ),
      ),
    );
    out.replaceChildren(svg, h('div', { class: 'table-scroll' }, table));
  }
}

if (!customElements.get('model-debugger')) customElements.define('model-debugger', ModelDebugger);
