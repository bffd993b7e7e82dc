/**
 * "Measure it": times the current scaled model and the released B0–B7 in onnxruntime-web, in a
 * worker, one model at a time, with a progress bar and a cancel button (cancel terminates the
 * worker). Models above the memory budget are refused with the estimate (src/lib/viz/scaling/scaling-measure.ts).
 * Results: a table and a latency-against-MACs chart (log–log).
 */
import * as d3 from '~/components/viz/d3.ts';
import { formatCompact, formatMs } from '~/lib/viz/charts/number-format.ts';
import { AXIS, msLabel, scatterLayout } from '~/lib/viz/scaling/scaling-charts.ts';
import { MEASURE_RUNS, memoryBudget, memoryRefusal } from '~/lib/viz/scaling/scaling-measure.ts';
import type { ScaledModel } from '~/lib/viz/scaling/scaling-model.ts';
import type { MeasureJob, MeasureResponse } from './measure-protocol.ts';

export interface ReleasedInfo {
  readonly id: string;
  readonly label: string;
  readonly macs: number;
  readonly params: number;
  readonly peakLiveBytes: number;
  readonly width: number;
  readonly depth: number;
  readonly resolution: number;
}

interface Row {
  readonly job: MeasureJob;
  readonly macs: number;
  readonly params: number;
  ms?: number;
  note: string;
}

export class MeasurePanel {
  private worker?: Worker;
  private rows: Row[] = [];
  private readonly button: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly current: () => ScaledModel,
    private readonly released: readonly ReleasedInfo[],
  ) {
    this.button = root.querySelector('[data-action="measure"]')!;
    this.cancelButton = root.querySelector('[data-action="cancel"]')!;
    this.progress = root.querySelector('.measure-progress progress')!;
    this.status = root.querySelector('.measure-status')!;
    this.button.addEventListener('click', () => this.start());
    this.cancelButton.addEventListener('click', () => this.cancel(true));
  }

  /** Measures the current model and the released ones (the button's click; the first click builds the panel). */
  start(): void {
    this.cancel(false);
    const m = this.current();
    const budget = memoryBudget((navigator as Navigator & { deviceMemory?: number }).deviceMemory);
    const phi = m.config.phi.toFixed(1);
    const candidates = [
      {
        job: {
          id: 'current',
          label: `φ = ${phi}`,
          width: m.config.width,
          depth: m.config.depth,
          resolution: m.resolution,
        },
        macs: m.macs,
        params: m.params,
        peak: m.peakLiveBytes,
      },
      ...this.released.map((r) => ({
        job: { id: r.id, label: r.label, width: r.width, depth: r.depth, resolution: r.resolution },
        macs: r.macs,
        params: r.params,
        peak: r.peakLiveBytes,
      })),
    ];
    this.rows = candidates.map((c) => {
      const refusal = memoryRefusal(c.params, c.peak, budget);
      return { job: c.job, macs: c.macs, params: c.params, note: refusal ? `not run: ${refusal}` : 'waiting' };
    });
    const jobs = this.rows.filter((r) => r.note === 'waiting').map((r) => r.job);
    this.renderTable();
    if (jobs.length === 0) {
      this.status.textContent = 'Every model is above the memory budget; nothing was run.';
      return;
    }
    this.button.disabled = true;
    this.cancelButton.disabled = false;
    this.progress.value = 0;
    this.status.textContent = `Starting: ${jobs.length} model${jobs.length > 1 ? 's' : ''}, ${MEASURE_RUNS} runs each after a warm-up.`;
    this.root.dataset.measuring = 'true';
    const worker = new Worker(new URL('./measure.worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<MeasureResponse>) => this.receive(e.data, jobs.length);
    worker.onerror = (e) => {
      e.preventDefault();
      this.finish(`The measuring worker failed: ${e.message || 'it could not start'}.`);
    };
    worker.postMessage({ type: 'measure', jobs, runs: MEASURE_RUNS });
  }

  private receive(m: MeasureResponse, total: number): void {
    const row = 'job' in m ? this.rows.find((r) => r.job.id === m.job) : undefined;
    if (m.type === 'progress') {
      this.progress.value = m.done / total;
      this.status.textContent = `${m.phase} (${Math.floor(m.done) + 1} of ${total})…`;
      if (row) row.note = 'running';
    } else if (m.type === 'measured' && row) {
      row.ms = m.medianMs;
      row.note = `median of ${MEASURE_RUNS}, ${m.threads} thread${m.threads > 1 ? 's' : ''}`;
      this.renderChart();
    } else if (m.type === 'error') {
      if (row) row.note = `failed: ${m.message}`;
    } else if (m.type === 'done') {
      this.progress.value = 1;
      this.finish(`Done: ${this.rows.filter((r) => r.ms !== undefined).length} measured.`);
      return;
    }
    this.renderTable();
  }

  private finish(message: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.button.disabled = false;
    this.cancelButton.disabled = true;
    this.status.textContent = message;
    delete this.root.dataset.measuring;
    this.renderTable();
  }

  cancel(announce = false): void {
    if (!this.worker) return;
    for (const r of this.rows) if (r.note === 'waiting' || r.note === 'running') r.note = 'cancelled';
    const done = this.rows.filter((r) => r.ms !== undefined).length;
    this.finish(announce ? `Cancelled after ${done} measured.` : '');
  }

  private renderTable(): void {
    const table = this.root.querySelector<HTMLTableElement>('table.measure-table')!;
    table.hidden = false;
    const tr = d3
      .select(table)
      .select('tbody')
      .selectAll<HTMLTableRowElement, Row>('tr')
      .data(this.rows, (d) => d.job.id);
    tr.exit().remove();
    const entered = tr.enter().append('tr');
    entered.append('th').attr('scope', 'row');
    entered.append('td').attr('class', 'num macs');
    entered.append('td').attr('class', 'num ms');
    entered.append('td').attr('class', 'note');
    const all = entered.merge(tr);
    // data-ms carries the median at full precision (String round-trips a double), so the cell's
    // formatMs and one made from the attribute agree; toFixed(3) could round 25.0496 to 25.050, which
    // formats as 25.1 ms beside the cell's 25 ms.
    all.attr('data-id', (d) => d.job.id).attr('data-ms', (d) => (d.ms === undefined ? null : String(d.ms)));
    all.select('th').text((d) => d.job.label);
    all.select('td.macs').text((d) => formatCompact(d.macs));
    all.select('td.ms').text((d) => (d.ms === undefined ? '–' : formatMs(d.ms)));
    all.select('td.note').text((d) => d.note);
    all.order();
  }

  private renderChart(): void {
    const measured = this.rows.filter((r) => r.ms !== undefined);
    const fig = this.root.querySelector<HTMLElement>('.measure-fig')!;
    fig.hidden = measured.length === 0;
    if (measured.length === 0) return;
    const s = scatterLayout(
      measured.map((r) => ({ id: r.job.id, label: r.job.label, x: r.macs, y: r.ms! })),
      [],
      msLabel,
    );
    const svg = d3.select(fig).select<SVGSVGElement>('svg.latency');
    svg.selectAll('*').remove();
    const g = svg.append('g').attr('class', 'grid');
    for (const k of s.yTicks)
      g.append('line').attr('x1', AXIS.gridX1).attr('x2', AXIS.gridX2).attr('y1', k.pos).attr('y2', k.pos);
    const ay = svg.append('g').attr('class', 'axis y');
    for (const k of s.yTicks)
      ay.append('text')
        .attr('x', AXIS.yLabelX)
        .attr('y', k.pos + 4)
        .attr('text-anchor', 'end')
        .text(k.label);
    const ax = svg.append('g').attr('class', 'axis x');
    for (const k of s.xTicks)
      ax.append('text').attr('x', k.pos).attr('y', AXIS.xLabelY).attr('text-anchor', 'middle').text(k.label);
    ax.append('text').attr('x', AXIS.titleX).attr('y', AXIS.titleY).attr('text-anchor', 'middle').text('MACs');
    const pts = svg.append('g').attr('class', 'points');
    for (const p of s.points) {
      const pg = pts
        .append('g')
        .attr('class', `pt ${p.id === 'current' ? 'current' : 'released'}`)
        .attr('data-id', p.id)
        .attr('transform', `translate(${p.px},${p.py})`);
      pg.append('circle').attr('r', p.id === 'current' ? 6 : 4.5);
      pg.append('text').attr('x', p.dx).attr('y', p.dy).attr('text-anchor', p.anchor).text(p.label);
    }
  }
}
