/**
 * <model-file-explorer>: /explore/'s behaviour. Takes a file (picker, drop, or a sample named in
 * the URL), parses it in a worker under a watchdog (a new file or Cancel terminates the worker, so
 * nothing blocks the tab), shows the summary, the blocks, the layer table with its downloads and
 * the compute breakdown, then steps through the model with the zoo debugger's Stepper and compares
 * it with onnxruntime-web. A refused file shows why and leaves the page ready for the next one.
 *
 * Why one file over 400 lines: one reader's file goes through one sequence (parse under a watchdog →
 * summary → run section → compare) whose steps share the worker, its request counter and the file's
 * bytes; the drawing it reuses is already in the debugger's modules (Stepper, compareWithOrt, image-input),
 * and the pure parts in src/lib/viz/debugger/explore-summary.ts.
 */
import type { Tensor } from '~/lib/engine/index.ts';
import type { DynamicInput } from '~/lib/engine/onnx/index.ts';
import { defaultSize, fillShapes, MAX_FILE_BYTES, type ExploreResult } from '~/lib/viz/debugger/explore-summary.ts';
import { exportRow, layersCsv, layersJson } from '~/lib/viz/models/layer-export.ts';
import { formatCompact, formatInt, formatMs } from '~/lib/viz/charts/number-format.ts';
import { memoryBudget, memoryVerdict } from '~/lib/viz/state/memory-guard.ts';
import { dataTable, h, numColumn, readoutRow } from '~/components/debugger/dom.ts';
import { loadImage, prepareImage, randomInput, toCanvas } from '~/components/debugger/image-input.ts';
import { compareWithOrt } from '~/components/debugger/ort-view.ts';
import { sampleByName } from '~/components/debugger/samples.ts';
import { Stepper } from '~/components/debugger/stepper.ts';
import { saveFile } from '~/components/kit/save-file.ts';
import { stepKey, wireStepActions } from '~/components/debugger/step-actions.ts';
import type { ExploreRequest, ExploreResponse } from './explore-protocol.ts';
import {
  breakdownView,
  diagramView,
  structureNote,
  summaryView,
  tableView,
  unsupportedView,
} from './explore-render.ts';

/** A parse that takes longer than this is stopped (the worker is terminated) and reported. */
const PARSE_WATCHDOG_MS = 60_000;

interface Sample {
  id: string;
  url: string;
}

type Distributive<T> = T extends unknown ? Omit<T, 'id'> : never;

class ModelFileExplorer extends HTMLElement {
  private worker: Worker | undefined;
  private seq = 0;
  private bytes: ArrayBuffer | null = null;
  private name = '';
  private result: ExploreResult | null = null;
  private stepper: Stepper | null = null;
  private shapes: Record<string, number[]> | undefined;

  connectedCallback(): void {
    this.querySelectorAll<HTMLElement>('[data-js]').forEach((el) => (el.hidden = false));
    this.querySelectorAll<HTMLElement>('[data-nojs]').forEach((el) => (el.hidden = true));
    const input = this.q<HTMLInputElement>('[data-x="file"]');
    input.addEventListener('change', () => {
      const f = input.files?.[0];
      if (f) void this.openFile(f);
      input.value = '';
    });
    const zone = this.q('[data-x="drop"]');
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      const f = e.dataTransfer?.files?.[0];
      if (f) void this.openFile(f);
    });
    this.q('[data-x="cancel"]').addEventListener('click', () =>
      this.stopWorker('Stopped. Open another file when you like.'),
    );
    this.addEventListener('click', (e) => {
      const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-sample]');
      if (!a) return;
      e.preventDefault();
      void this.openSample(a.dataset.sample!);
    });
    const id = new URLSearchParams(location.search).get('sample');
    if (id) void this.openSample(id);
  }

  private q<T extends HTMLElement = HTMLElement>(sel: string): T {
    return this.querySelector<T>(sel)!;
  }

  private samples(): Sample[] {
    return [...this.querySelectorAll<HTMLAnchorElement>('a[data-sample]')].map((a) => ({
      id: a.dataset.sample!,
      url: a.dataset.url!,
    }));
  }

  private status(text: string, busy = false): void {
    this.q('[data-x="status"]').textContent = text;
    this.q('[data-x="progress"]').hidden = !busy;
    this.q('[data-x="cancel"]').hidden = !busy;
  }

  private error(text: string | null): void {
    const el = this.q('[data-x="error"]');
    el.hidden = text === null;
    el.textContent = text ?? '';
  }

  private async openSample(id: string): Promise<void> {
    const s = this.samples().find((x) => x.id === id);
    if (!s) {
      this.error(`There is no sample named “${id}”. Choose one of the samples below.`);
      return;
    }
    history.replaceState(null, '', `${location.pathname}?sample=${encodeURIComponent(id)}`);
    this.q('[data-x="url-note"]').textContent = `The address names this sample, so a link to it opens ${id} here.`;
    this.status(`Downloading the sample ${id}…`, true);
    try {
      const res = await fetch(s.url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      await this.openBytes(await res.arrayBuffer(), `${id}.onnx`);
    } catch (e) {
      this.status('');
      this.error(`Could not load the sample ${id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async openFile(f: File): Promise<void> {
    // A file from this device is never put in the address: it never leaves the browser.
    history.replaceState(null, '', location.pathname);
    this.q('[data-x="url-note"]').textContent =
      'Your file is not in the address (it never leaves this browser), so a link to this page will not reopen it.';
    if (f.size > MAX_FILE_BYTES) {
      this.reset();
      this.error(
        `“${f.name}” is ${(f.size / 2 ** 20).toFixed(0)} MiB; files up to ${MAX_FILE_BYTES / 2 ** 20} MiB are read here. Nothing was loaded.`,
      );
      return;
    }
    await this.openBytes(await f.arrayBuffer(), f.name);
  }

  /** Drops the previous model's views and workers. */
  private reset(): void {
    this.stopWorker(null);
    this.stepper?.cancel();
    this.stepper = null;
    this.result = null;
    this.q('[data-x="results"]').replaceChildren();
    this.q('[data-x="shape-form"]').hidden = true;
    this.error(null);
  }

  private stopWorker(message: string | null): void {
    this.worker?.terminate();
    this.worker = undefined;
    if (message !== null) this.status(message);
  }

  private request(req: Distributive<ExploreRequest>, transfer: Transferable[] = []): Promise<ExploreResponse> {
    this.worker ??= new Worker(new URL('../../workers/explore.worker.ts', import.meta.url), { type: 'module' });
    const w = this.worker;
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.worker === w) this.stopWorker(null);
        reject(new Error(`reading the file took over ${PARSE_WATCHDOG_MS / 1000} s, so it was stopped`));
      }, PARSE_WATCHDOG_MS);
      w.onmessage = (e: MessageEvent<ExploreResponse>) => {
        const m = e.data;
        if (m.id !== id) return;
        if (m.type === 'progress') {
          this.status(m.phase, true);
          return;
        }
        clearTimeout(timer);
        resolve(m);
      };
      w.onerror = (e) => {
        e.preventDefault();
        clearTimeout(timer);
        reject(new Error(`the parser stopped: ${e.message || 'the worker failed'}`));
      };
      w.postMessage({ ...req, id }, transfer);
    });
  }

  private async openBytes(bytes: ArrayBuffer, name: string, shapes?: Record<string, number[]>): Promise<void> {
    this.reset();
    this.bytes = bytes;
    this.name = name;
    this.shapes = shapes;
    this.status(`Reading ${name}…`, true);
    const mySeq = this.seq + 1;
    let m: ExploreResponse;
    try {
      m = await this.request({
        type: 'explore',
        bytes: bytes.slice(0),
        file: name,
        ...(shapes ? { inputShapes: shapes } : {}),
      });
    } catch (e) {
      this.status('');
      this.error(`${name} was not read: ${e instanceof Error ? e.message : String(e)}. Open another file.`);
      return;
    }
    if (this.seq !== mySeq || this.bytes !== bytes) return;
    if (m.type === 'error') {
      this.status('');
      if (m.code === 'dynamic-shape' && m.dynamic) return this.askShapes(m.dynamic, m.message);
      this.error(`${name} was refused: ${m.message}. Open another file.`);
      this.q('[data-x="results"]').dataset.state = 'refused';
      return;
    }
    if (m.type !== 'explored') return;
    this.result = m.result;
    this.status(`${name}: read and analysed in this browser.`);
    this.render(m.result);
  }

  private askShapes(dynamic: readonly DynamicInput[], message: string): void {
    const form = this.q<HTMLFormElement>('[data-x="shape-form"]');
    const size = this.q<HTMLInputElement>('[data-x="size"]');
    size.value = String(defaultSize({}));
    this.q('[data-x="shape-why"]').textContent =
      `${message.split(';')[0]}. Choose the size of the symbolic dims (the batch is 1):`;
    form.hidden = false;
    form.onsubmit = (e) => {
      e.preventDefault();
      const n = Number(size.value);
      if (!Number.isSafeInteger(n) || n < 1 || n > 4096) {
        this.error('The size must be a whole number from 1 to 4096.');
        return;
      }
      if (this.bytes) void this.openBytes(this.bytes, this.name, fillShapes(dynamic, n));
    };
  }

  private render(r: ExploreResult): void {
    const out = this.q('[data-x="results"]');
    const sm = r.summary;
    out.dataset.state = 'loaded';
    const parts: (HTMLElement | null)[] = [summaryView(sm), unsupportedView(sm)];
    if (r.diagram && r.table) {
      parts.push(
        h(
          'section',
          { class: 'card x-section', 'aria-labelledby': 'x-arch-h' },
          h('h2', { id: 'x-arch-h' }, 'Architecture'),
          h(
            'p',
            { class: 'muted' },
            structureNote(r),
            ' Select a column to unfold its blocks; open a block to see its ops.',
          ),
          diagramView(r.diagram, sm.file),
        ),
      );
      if (r.bySection && r.byKind) {
        parts.push(
          h(
            'section',
            { class: 'card x-section', 'aria-labelledby': 'x-bd-h' },
            h('h2', { id: 'x-bd-h' }, 'Where the compute goes'),
            breakdownView(r.bySection, r.byKind, r.table.totals.macs),
          ),
        );
      }
      const dl = (kind: string, label: string) =>
        h('button', { type: 'button', class: 'button secondary', 'data-download': kind }, label);
      const sec = h(
        'section',
        { class: 'card x-section', 'aria-labelledby': 'x-table-h' },
        h('h2', { id: 'x-table-h' }, 'Layer table'),
        h(
          'p',
          { class: 'muted' },
          'One row per module (nodes of one block component); params, MACs and activation bytes add up to the summary. Download it, or a copy of the model with each node’s metrics in its properties for Netron.',
        ),
        h(
          'div',
          { class: 'x-actions' },
          dl('csv', 'CSV'),
          dl('json', 'JSON'),
          dl('netron', 'Netron (.onnx with metrics)'),
        ),
        tableView(r.table),
      );
      sec.addEventListener('click', (e) => {
        const b = (e.target as Element).closest<HTMLButtonElement>('[data-download]');
        if (b) void this.download(b.dataset.download!);
      });
      parts.push(sec);
    }
    parts.push(this.runSection(r));
    out.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  private async download(kind: string): Promise<void> {
    const r = this.result;
    if (!r?.table || !this.bytes) return;
    const base = this.name.replace(/\.onnx$/i, '');
    const label = (i: number) => r.table!.sections.find((s) => s.index === i)?.label ?? '';
    const rows = r.table.rows.map((row) => exportRow(row, label(row.section)));
    if (kind === 'csv') return saveFile(`${base}-layers.csv`, 'text/csv', layersCsv(rows));
    if (kind === 'json')
      return saveFile(`${base}-layers.json`, 'application/json', layersJson(base, rows, r.table.totals));
    try {
      const m = await this.request({ type: 'netron', bytes: this.bytes.slice(0), metrics: r.metrics ?? [] });
      if (m.type === 'netron') saveFile(`${base}-metrics.onnx`, 'application/octet-stream', m.bytes);
      else if (m.type === 'error') this.error(`The Netron copy failed: ${m.message}`);
    } catch (e) {
      this.error(`The Netron copy failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The step-through debugger (when the engine runs every op) and onnxruntime-web. */
  private runSection(r: ExploreResult): HTMLElement {
    const sm = r.summary;
    const sec = h(
      'section',
      { class: 'card x-section', 'aria-labelledby': 'x-run-h' },
      h('h2', { id: 'x-run-h' }, 'Run it'),
    );
    if (!sm.analysis || !r.table) {
      sec.append(
        h('p', {}, 'The engine cannot step through this model. onnxruntime-web runs the whole file on seeded inputs:'),
        this.ortOnly(sm),
      );
      return sec;
    }
    const dm = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
    const verdict = memoryVerdict(
      {
        weightBytes: sm.weightBytes,
        retainedBytes: sm.analysis.activationBytes,
        peakLiveBytes: sm.analysis.peakLiveBytes,
      },
      memoryBudget(dm),
      dm
        ? `a quarter of the ${dm} GiB this browser reports, at most 1 GiB`
        : 'a fixed cap; this browser does not report its memory',
    );
    const act = (name: string, label: string, disabled = true) =>
      h(
        'button',
        {
          type: 'button',
          class: `button${name === 'start' ? '' : ' secondary'}`,
          'data-act': name,
          disabled: disabled && name !== 'start',
        },
        label,
      );
    const first = sm.inputs[0];
    const image = first && first.dims.length === 4 && first.dims[1] === 3 && first.dims[2] === first.dims[3];
    const ops = h(
      'div',
      { class: 'dbg-scroll x-oplist-scroll', tabindex: 0, role: 'region', 'aria-label': 'Op list' },
      dataTable(
        { class: 'dbg-ops' },
        [numColumn('#'), 'Node', 'Op', numColumn('MACs')],
        r.table.rows
          .flatMap((row) => row.nodes.map((i) => i))
          .sort((a, b) => a - b)
          .map((i) => {
            const layer = r.metrics?.[i];
            return h(
              'tr',
              { 'data-op-index': i },
              h('td', { class: 'num' }, i + 1),
              h(
                'td',
                {},
                h(
                  'button',
                  { type: 'button', class: 'dbg-link', 'data-goto': i, disabled: true },
                  layer?.[0] ?? String(i),
                ),
              ),
              h('td', {}, layer?.[1].op ?? ''),
              h('td', { class: 'num' }, layer && layer[1].macs !== '0' ? formatInt(Number(layer[1].macs)) : ''),
            );
          }),
      ),
    );
    const dbg = h(
      'div',
      { class: 'x-debugger' },
      h('p', { class: 'dbg-guard' + (verdict.ok ? '' : ' dbg-refused') }, verdict.message),
      h(
        'p',
        { class: 'muted' },
        image
          ? 'Input: the astronaut sample photograph, resized, centre-cropped and normalised with the ImageNet mean and standard deviation.'
          : 'Input: seeded random numbers, N(0, 1), of the input’s shape.',
      ),
      h(
        'div',
        { class: 'dbg-controls' },
        act('start', 'Load model'),
        act('prev', '← Back'),
        act('next', 'Step op →'),
        act('block', 'Step block'),
        act('end', 'Run to end'),
        act('reset', 'Reset'),
        h('button', { type: 'button', class: 'button secondary', 'data-act': 'cancel' }, 'Cancel'),
      ),
      h(
        'p',
        { class: 'dbg-status muted', 'data-dbg': 'status', 'aria-live': 'polite' },
        'Press “Load model” to step through it in a background worker.',
      ),
      h('progress', { class: 'dbg-progress', 'data-dbg': 'progress', hidden: true }),
      h('p', { class: 'dbg-position', 'data-dbg': 'position', 'aria-live': 'polite' }),
      h(
        'dl',
        { class: 'dbg-counters' },
        readoutRow('MACs so far', '0', { 'data-dbg': 'macs' }),
        readoutRow('Time in the engine', '0 ms', { 'data-dbg': 'elapsed' }),
        readoutRow(
          'Whole model',
          `${formatCompact(sm.analysis.macs)} MACs, ${formatCompact(sm.analysis.params)} params`,
        ),
      ),
      ops,
      h('div', { class: 'dbg-views', 'data-dbg': 'views' }),
      h('h3', {}, 'onnxruntime-web'),
      h(
        'p',
        { class: 'muted' },
        'The same file in onnxruntime-web’s WebAssembly backend: median latency, and the largest difference from the engine at every node output.',
      ),
      h(
        'div',
        { class: 'dbg-controls' },
        h('button', { type: 'button', class: 'button', 'data-act': 'ort', disabled: true }, 'Run and compare'),
      ),
      h('div', { 'data-dbg': 'ort-result', 'aria-live': 'polite' }),
    );
    sec.append(dbg);
    if (!verdict.ok) {
      dbg.querySelector<HTMLButtonElement>('[data-act="start"]')!.disabled = true;
      return sec;
    }
    const stepper = new Stepper(dbg, {
      source: {
        kind: 'bytes',
        bytes: this.bytes!.slice(0),
        name: this.name,
        ...(this.shapes ? { inputShapes: this.shapes } : {}),
      },
      makeInput: (d) => this.makeInput(d, Boolean(image)),
    });
    this.stepper = stepper;
    const busy = (): boolean => dbg.hasAttribute('data-busy');
    wireStepActions(dbg, stepper, {
      start: async () => {
        await stepper.start();
        if (!stepper.opened) return;
        dbg.querySelectorAll<HTMLButtonElement>('[data-goto], [data-act="ort"]').forEach((b) => (b.disabled = false));
        dbg.querySelector('[data-act="start"]')!.textContent = 'Reload model';
      },
      ort: () => compareWithOrt(stepper, dbg, { runs: 5 }),
    });
    dbg.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>('[data-goto]');
      if (b && stepper.opened && !busy()) void stepper.goto(Number(b.dataset.goto));
    });
    // The zoo debugger's keys but for stages (this page has no stage buttons); the next file's stepper
    // removes this listener.
    const keys = (e: KeyboardEvent): void => {
      if (this.stepper !== stepper) return document.removeEventListener('keydown', keys);
      stepKey(stepper, e, { busy: busy(), stages: false });
    };
    document.addEventListener('keydown', keys);
    dbg.addEventListener('dbg-cancelled', () => {
      dbg
        .querySelectorAll<HTMLButtonElement>(
          '[data-goto], [data-act="ort"], [data-act="next"], [data-act="prev"], [data-act="block"], [data-act="end"], [data-act="reset"]',
        )
        .forEach((b) => (b.disabled = true));
      dbg.querySelector('[data-act="start"]')!.textContent = 'Load model';
    });
    return sec;
  }

  private async makeInput(dims: readonly number[], image: boolean): Promise<Tensor> {
    if (!image) return randomInput(dims);
    const sample = sampleByName('astronaut')!;
    const img = await loadImage(sample.url);
    return prepareImage(toCanvas(img, img.naturalWidth, img.naturalHeight), Number(dims[2])).tensor;
  }

  /** onnxruntime-web on the file as it is, for models the engine cannot run. */
  private ortOnly(sm: ExploreResult['summary']): HTMLElement {
    const out = h('div', { 'data-x': 'ort-only', 'aria-live': 'polite' });
    const button = h('button', { type: 'button', class: 'button' }, 'Run in onnxruntime-web');
    button.addEventListener('click', async () => {
      if (!this.bytes) return;
      const inputs = Object.fromEntries(
        sm.inputs.map((v) => [v.name, { dtype: v.dtype, dims: v.dims.map((d) => (typeof d === 'number' ? d : 1)) }]),
      );
      out.replaceChildren(h('p', { class: 'muted' }, 'Running…'));
      try {
        const m = await this.request({ type: 'ort-only', bytes: this.bytes.slice(0), inputShapes: inputs, runs: 5 });
        if (m.type === 'error') throw new Error(m.message);
        if (m.type !== 'ort-only') return;
        const r = m.result;
        out.replaceChildren(
          h(
            'dl',
            { class: 'dbg-sum' },
            readoutRow('Median latency', formatMs(r.medianMs), { 'data-x': 'ort-only-median' }),
            readoutRow('Threads', String(r.threads)),
            ...r.outputs.map((o) =>
              readoutRow(
                `Output ${o.name} [${o.dims.join(', ')}]`,
                `${o.first.map((x) => x.toPrecision(4)).join(', ')}${o.dims.reduce((a, b) => a * b, 1) > 5 ? ', …' : ''}`,
              ),
            ),
          ),
        );
      } catch (e) {
        out.replaceChildren(
          h(
            'p',
            { class: 'dbg-error' },
            `onnxruntime-web could not run it: ${e instanceof Error ? e.message : String(e)}`,
          ),
        );
      }
    });
    return h('div', {}, button, out);
  }
}

if (!customElements.get('model-file-explorer')) customElements.define('model-file-explorer', ModelFileExplorer);
