/**
 * `<block-latency>`: the browser half of BlockLatency.astro. "Measure" starts
 * block-latency.worker.ts through measure-client.ts (onnxruntime-web off the main thread), shows its progress, lets the
 * reader cancel (the worker is terminated), and on each model's medians redraws the latency-vs-MACs
 * scene (block-latency-chart.ts) and fills the table. The level select switches between the two
 * cuts, both measured in the same rounds. If onnxruntime fails, the status says so in words.
 */
import {
  disagreement,
  spearman,
  type LatencyPoint,
  type LatencyUnit,
  type UnitLevel,
  type UnitTiming,
} from '~/lib/viz/lessons/block-latency.ts';
import { latencyChart } from '~/lib/viz/lessons/block-latency-chart.ts';
import { formatSig } from '~/lib/viz/charts/number-format.ts';
import { renderMarks } from '~/components/kit/render-marks.ts';
import type { ModelSpec } from '~/lib/models/spec.ts';
import type { BlockLatencyRequest } from './block-latency-protocol.ts';
import { startMeasure, type Measurement } from './measure-client.ts';

interface State {
  models: string[];
  /** The models' specs in the zoo's grammar, named by their zoo ids: what the worker builds. */
  targets: { id: string; spec: ModelSpec }[];
  level: UnitLevel;
  rounds: number;
}

export class BlockLatencyElement extends HTMLElement {
  private state!: State;
  private job: Measurement | undefined;
  private units: LatencyUnit[] = [];
  private timings: UnitTiming[] = [];
  private threads = 1;

  connectedCallback(): void {
    this.state = JSON.parse(this.dataset.state ?? '{}') as State;
    const form = this.querySelector<HTMLFormElement>('form.bl-controls');
    if (!form) return;
    form.hidden = false;
    this.status(
      `Press “Measure on this device” to time every piece of ${this.state.models.join(' and ')} here, ${this.state.rounds} runs each after a warm-up.`,
    );
    this.button('measure').addEventListener('click', () => this.measure());
    this.button('cancel').addEventListener('click', () =>
      this.stop('Cancelled; the pieces measured so far stay plotted.'),
    );
    this.select().addEventListener('change', () => {
      this.state.level = this.select().value as UnitLevel;
      this.querySelectorAll<HTMLElement>('details[data-level]').forEach(
        (d) => (d.hidden = d.dataset.level !== this.state.level),
      );
      this.draw();
    });
  }

  disconnectedCallback(): void {
    this.job?.cancel();
  }

  private button(name: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`button[name="${name}"]`)!;
  }

  private select(): HTMLSelectElement {
    return this.querySelector<HTMLSelectElement>('select[name="level"]')!;
  }

  private status(text: string): void {
    this.querySelector('.bl-status')!.textContent = text;
  }

  private measure(): void {
    this.job?.cancel();
    this.units = [];
    this.timings = [];
    this.dataset.measuring = 'true';
    delete this.dataset.measured;
    this.button('measure').disabled = true;
    this.button('cancel').disabled = false;
    const progress = this.querySelector('progress')!;
    progress.value = 0;
    this.status('Starting onnxruntime-web…');
    const req: BlockLatencyRequest = {
      type: 'measure',
      targets: this.state.targets.map((t) => ({ ...t, cuts: [{ kind: 'block' }, { kind: 'layer' }] })),
      rounds: this.state.rounds,
      groupBy: 'all',
    };
    this.job = startMeasure(req, {
      progress: (f, phase) => {
        progress.value = f;
        this.status(`${phase}…`);
      },
      units: (_t, units) => this.units.push(...units),
      timings: (timings, threads) => {
        this.timings.push(...timings);
        this.threads = threads;
        this.draw();
      },
      done: () => {
        progress.value = 1;
        this.dataset.measured = 'true';
        this.stop(
          `Measured ${this.units.filter((u) => u.level === 'block').length} blocks and ${this.units.filter((u) => u.level === 'layer').length} layers on this device: median of ${this.state.rounds} runs each, onnxruntime-web (wasm, ${this.threads} thread${this.threads > 1 ? 's' : ''}). Untrained weights: latency does not depend on their values.`,
        );
      },
      error: (message) => this.stop(`${message}. Nothing more was measured; the pieces measured before stay plotted.`),
    });
  }

  private stop(message: string): void {
    this.job?.cancel();
    this.job = undefined;
    delete this.dataset.measuring;
    this.button('measure').disabled = false;
    this.button('cancel').disabled = true;
    this.status(message);
  }

  /** The points of the level shown, per model's own rate (each model's MACs and time are its own). */
  private points(): LatencyPoint[] {
    return this.state.models.flatMap((m) =>
      disagreement(
        this.units.filter((u) => u.model === m && u.level === this.state.level),
        this.timings,
      ),
    );
  }

  private draw(): void {
    const pts = this.points();
    if (pts.length === 0) return;
    const chart = this.querySelector<HTMLElement>('.bl-chart')!;
    chart.hidden = false;
    const scene = latencyChart(pts, {
      models: this.state.models,
      label: `Median latency on this device against MACs, per ${this.state.level === 'block' ? 'block' : 'layer'}`,
    });
    renderMarks(this.querySelector<SVGSVGElement>('svg.bl-svg')!, scene);
    const out = (k: string, v: string): void => {
      this.querySelector(`[data-out="${k}"]`)!.textContent = v;
    };
    out(
      'rho',
      formatSig(
        spearman(
          pts.map((p) => p.unit.macs),
          pts.map((p) => p.timing.medianMs),
        ),
      ),
    );
    const slow = pts.filter((p) => p.verdict === 'slow');
    out('slow', `${slow.length} of ${pts.length}`);
    const worst = pts.filter((p) => Number.isFinite(p.ratio)).sort((a, b) => b.ratio - a.ratio)[0];
    out('worst', worst ? `${worst.unit.model} ${worst.unit.label} (× ${formatSig(worst.ratio)})` : '–');
    const byKey = new Map(pts.map((p) => [p.unit.key, p]));
    this.querySelectorAll<HTMLTableRowElement>(`details[data-level="${this.state.level}"] tr[data-key]`).forEach(
      (tr) => {
        const p = byKey.get(tr.dataset.key!);
        if (!p) return;
        tr.querySelector('.ms')!.textContent = formatSig(p.timing.medianMs);
        tr.querySelector('.ratio')!.textContent = Number.isFinite(p.ratio) ? formatSig(p.ratio) : '–';
        tr.dataset.ms = String(p.timing.medianMs);
        tr.classList.toggle('bl-slow', p.verdict === 'slow');
      },
    );
  }
}

if (!customElements.get('block-latency')) customElements.define('block-latency', BlockLatencyElement);
