/**
 * <scaling-playground>: the live side of ScalingPlayground.astro. Every update recomputes the
 * scaled model with the same pure modules the build used (src/lib/viz/scaling/) and writes the
 * numbers into the server-rendered markup; the diagram and charts move with D3 transitions (scaling-draw.ts).
 *
 * What is debounced and why: nothing on the φ path (config → graph → analysis → layouts stays
 * under 16 ms, scripts/bench-scaling.ts), except writing the URL (150 ms, see render). The single-dimension search (dozens of graphs) waits
 * until the slider rests for 300 ms; the MACs curve for new coefficients (71 graphs) is rebuilt in
 * small slices between frames; measuring runs in a worker.
 */
import {
  coefficientProblem,
  PAPER_COEFFICIENTS,
  phiProblem,
  snapPhi,
  type Coefficients,
} from '~/lib/viz/scaling/scaling-config.ts';
import { curvePoint, phiGrid, type CurvePoint } from '~/lib/viz/scaling/scaling-curve.ts';
import type { DiagramFrame } from '~/lib/viz/scaling/scaling-diagram.ts';
import {
  depthOnly,
  depthProfile,
  resolutionOnly,
  widthOnly,
  type DepthProfile,
  type SingleDimMatch,
} from '~/lib/viz/scaling/scaling-single-dim.ts';
import { singleColumns } from '~/lib/viz/scaling/scaling-single-table.ts';
import { parseState, serializeState, type PlaygroundState } from '~/lib/viz/state/scaling-url.ts';
import {
  diagramFrame,
  playgroundContext,
  playgroundView,
  type PlaygroundContext,
  type PlaygroundView,
} from '~/lib/viz/scaling/scaling-view.ts';
import type { MeasurePanel, ReleasedInfo } from './measure-panel.ts';
import { drawCurve, drawDiagram, drawScatter, writeSingles } from './scaling-draw.ts';

interface Config {
  state: PlaygroundState;
  syncUrl: boolean;
  sections: string[];
  curve: [number, number, number, number, number][];
  released: ReleasedInfo[];
}

const SINGLE_DELAY = 300;
const URL_DELAY = 150;

class ScalingPlaygroundElement extends HTMLElement {
  private cfg!: Config;
  private state!: PlaygroundState;
  private ctx!: PlaygroundContext;
  private frame!: DiagramFrame;
  private curve!: CurvePoint[];
  private singles: SingleDimMatch[] = [];
  private depth?: DepthProfile;
  private singleTimer: ReturnType<typeof setTimeout> | undefined;
  private curveToken = 0;
  private problems: string[] = [];
  private view?: PlaygroundView;
  private measure?: MeasurePanel;
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  /** Element lookups done once: data-out key → elements, "row:cell" → element. */
  private outs = new Map<string, Element[]>();
  private cells = new Map<string, Element>();

  connectedCallback(): void {
    this.cfg = JSON.parse(this.dataset.config ?? '{}') as Config;
    this.ctx = playgroundContext();
    this.curve = this.cfg.curve.map(([phi, ideal, formula, actual, params]) => ({
      phi,
      ideal,
      formula,
      actual,
      params,
    }));
    let state = this.cfg.state;
    if (this.cfg.syncUrl) {
      const parsed = parseState(location.search, this.cfg.state);
      state = parsed.state;
      this.problems = [...parsed.problems];
    }
    this.state = state;
    this.frame = diagramFrame(state.coefficients);
    for (const el of this.querySelectorAll('[data-out]')) {
      const key = (el as HTMLElement).dataset.out!;
      this.outs.set(key, [...(this.outs.get(key) ?? []), el]);
    }
    for (const el of this.querySelectorAll('tr[data-row] [data-cell], tr[data-gap] [data-cell]')) {
      const tr = el.closest('tr')!;
      this.cells.set(`${tr.dataset.row ?? tr.dataset.gap}:${(el as HTMLElement).dataset.cell}`, el);
    }
    this.wire();
    this.writeCoefficientInputs(state.coefficients);
    const coeffsChanged = !sameCoefficients(state.coefficients, PAPER_COEFFICIENTS);
    if (coeffsChanged) this.rebuildCurve();
    this.render(false);
    if (state.phi !== this.cfg.state.phi || coeffsChanged) this.scheduleSingles();
    // "Measure it" loads its panel (worker protocol, charts) on the first click: a lesson page's
    // JavaScript before any interaction stays within its budget (tests/e2e/budget.mjs).
    this.querySelector('[data-action="measure"]')?.addEventListener('click', () => void this.openMeasure(), {
      once: true,
    });
    this.dataset.ready = 'true';
  }

  private async openMeasure(): Promise<void> {
    const { MeasurePanel } = await import('./measure-panel.ts');
    this.measure = new MeasurePanel(this, () => this.view!.model, this.cfg.released);
    this.measure.start();
  }

  disconnectedCallback(): void {
    clearTimeout(this.singleTimer);
    clearTimeout(this.urlTimer);
    this.measure?.cancel();
  }

  private wire(): void {
    const range = this.querySelector<HTMLInputElement>('input[name="phi"]')!;
    const num = this.querySelector<HTMLInputElement>('input[name="phi-number"]')!;
    range.addEventListener('input', () => this.setPhi(Number(range.value), 'range'));
    num.addEventListener('input', () => {
      if (num.value.trim() === '') return;
      const v = Number(num.value);
      const p = phiProblem(Number.isFinite(v) ? v : num.value);
      if (p) return this.showProblems([`${p}. The model shown is still φ = ${this.state.phi.toFixed(1)}.`]);
      this.setPhi(v, 'number');
    });
    num.addEventListener('change', () => {
      if (phiProblem(Number(num.value)) !== null || num.value.trim() === '') num.value = this.state.phi.toFixed(1);
    });
    const form = this.querySelector<HTMLFormElement>('form[data-form="coefficients"]');
    if (form) {
      form.addEventListener('submit', (e) => e.preventDefault());
      form.addEventListener('input', () => this.readCoefficients(form));
      this.querySelector('[data-action="paper"]')?.addEventListener('click', () =>
        this.setCoefficients(PAPER_COEFFICIENTS),
      );
    }
    this.querySelectorAll<HTMLButtonElement>('button[data-use]').forEach((b) =>
      b.addEventListener('click', () => this.setCoefficients(JSON.parse(b.dataset.use!) as Coefficients)),
    );
  }

  private setPhi(phi: number, from: 'range' | 'number'): void {
    this.state = { ...this.state, phi: snapPhi(phi) };
    this.problems = [];
    this.render(true, from);
    this.scheduleSingles();
  }

  private readCoefficients(form: HTMLFormElement): void {
    const names = { alpha: 'α', beta: 'β', gamma: 'γ' } as const;
    const c: Record<string, number> = {};
    const problems: string[] = [];
    for (const k of Object.keys(names) as (keyof typeof names)[]) {
      const raw = (form.elements.namedItem(k) as HTMLInputElement).value;
      const v = raw.trim() === '' ? NaN : Number(raw);
      const p = coefficientProblem(names[k], Number.isFinite(v) ? v : raw);
      if (p) problems.push(p);
      c[k] = v;
    }
    if (problems.length)
      return this.showProblems([...problems.map((p) => `${p}.`), 'The model shown keeps the last valid coefficients.']);
    this.setCoefficients(c as unknown as Coefficients, false);
  }

  private setCoefficients(c: Coefficients, writeInputs = true): void {
    this.state = { ...this.state, coefficients: { ...c } };
    this.problems = [];
    if (writeInputs) this.writeCoefficientInputs(c);
    this.frame = diagramFrame(c);
    this.rebuildCurve();
    this.render(true);
    this.scheduleSingles();
  }

  private writeCoefficientInputs(c: Coefficients): void {
    for (const k of ['alpha', 'beta', 'gamma'] as const) {
      const input = this.querySelector<HTMLInputElement>(`form[data-form="coefficients"] input[name="${k}"]`);
      if (input && input.value !== String(c[k])) input.value = String(c[k]);
    }
  }

  /** Rebuilds the 71-point curve for the current coefficients in slices, keeping the page responsive. */
  private rebuildCurve(): void {
    const token = ++this.curveToken;
    const c = this.state.coefficients;
    const phis = phiGrid();
    const out: CurvePoint[] = [];
    this.toggleAttribute('data-curve-busy', true);
    const step = () => {
      if (token !== this.curveToken) return;
      const t0 = performance.now();
      while (out.length < phis.length && performance.now() - t0 < 12)
        out.push(curvePoint(phis[out.length], c, this.ctx.base.macs));
      if (out.length < phis.length) {
        setTimeout(step, 0);
        return;
      }
      this.curve = out;
      this.toggleAttribute('data-curve-busy', false);
      this.render(true);
    };
    setTimeout(step, 0);
  }

  private singleToken = 0;

  /** After the slider rests, searches the three single-dimension matches one per task, so input stays responsive. */
  private scheduleSingles(): void {
    const table = this.querySelector<HTMLElement>('table.single');
    if (!table) return;
    clearTimeout(this.singleTimer);
    const token = ++this.singleToken;
    table.dataset.busy = 'true';
    table.setAttribute('aria-busy', 'true');
    this.singleTimer = setTimeout(() => {
      const model = this.view!.model;
      const found: SingleDimMatch[] = [];
      const searches = [
        () => widthOnly(model.macs),
        () => depthOnly(model.macs, (this.depth ??= depthProfile())),
        () => resolutionOnly(model.macs),
      ];
      const next = () => {
        if (token !== this.singleToken) return;
        found.push(searches[found.length]());
        if (found.length < searches.length) {
          setTimeout(next, 0);
          return;
        }
        this.singles = found;
        writeSingles(this, singleColumns(model, this.singles));
        table.dataset.busy = 'false';
        table.setAttribute('aria-busy', 'false');
      };
      next();
    }, SINGLE_DELAY);
  }

  private showProblems(problems: string[]): void {
    const alert = this.querySelector<HTMLElement>('.problem')!;
    alert.hidden = problems.length === 0;
    alert.textContent = problems.join(' ');
  }

  private render(animate: boolean, from?: 'range' | 'number'): void {
    const v = playgroundView(this.state, this.ctx, this.frame, this.curve, this.cfg.released);
    this.view = v;
    this.showProblems(this.problems);
    const write = (el: Element | undefined, text: string) => {
      if (el && el.textContent !== text) el.textContent = text;
    };
    for (const [key, text] of Object.entries(v.text)) for (const el of this.outs.get(key) ?? []) write(el, text);
    const range = this.querySelector<HTMLInputElement>('input[name="phi"]')!;
    const num = this.querySelector<HTMLInputElement>('input[name="phi-number"]')!;
    if (from !== 'range') range.value = String(this.state.phi);
    range.setAttribute('aria-valuetext', `φ = ${v.text.phi}`);
    if (from !== 'number') num.value = v.text.phi;
    for (const r of v.rows) {
      const cell = (name: string, text: string) => write(this.cells.get(`${r.id}:${name}`), text);
      cell('resolution', r.resolution.value);
      cell('resolution-diff', r.resolution.diff);
      cell('channels', r.channels.value);
      cell('channels-diff', r.channels.diff);
      cell('channels-exact', r.channels.exact);
      cell('repeats', r.repeats.value);
      cell('repeats-diff', r.repeats.diff);
      cell('repeats-exact', r.repeats.exact);
    }
    for (const g of v.gap) {
      write(this.cells.get(`${g.id}:label`), g.label);
      write(this.cells.get(`${g.id}:factor`), g.factor);
    }
    drawDiagram(this, v, animate);
    drawCurve(this, v, animate);
    drawScatter(this, v, animate);
    if (this.cfg.syncUrl) {
      // history.replaceState costs ~6 ms in Chromium (and is throttled when called hundreds of
      // times in a few seconds), so the URL follows once the slider rests.
      clearTimeout(this.urlTimer);
      this.urlTimer = setTimeout(() => {
        const q = serializeState(this.state);
        if (q !== location.search) history.replaceState(history.state, '', `${location.pathname}${q}${location.hash}`);
      }, URL_DELAY);
    }
  }
}

function sameCoefficients(a: Coefficients, b: Coefficients): boolean {
  return a.alpha === b.alpha && a.beta === b.beta && a.gamma === b.gamma;
}

export function defineScalingPlayground(): void {
  if (!customElements.get('scaling-playground')) customElements.define('scaling-playground', ScalingPlaygroundElement);
}
