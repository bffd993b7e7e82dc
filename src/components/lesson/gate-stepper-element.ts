/**
 * <gate-stepper>: lesson 5's SE step-through in the browser. Back / Next reveal the rows one step
 * at a time (the static page shows all three); picking another input redraws the rows from
 * gate-scene.ts, the function the build used, the bars growing to their new values.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import { GATE_STEPS, gateView, type GateRunData } from '~/lib/viz/lessons/gate-scene.ts';

interface StepperState {
  runs: GateRunData[];
  domain: [number, number];
  seed: string;
}

/** How long the bars take to reach the new input's values (ms). */
const MOVE_MS = 300;
const LAST = GATE_STEPS.length - 1;

class GateStepperElement extends WidgetElement<StepperState> {
  private step = 0;

  protected override setup(): void {
    this.querySelector('[data-action="next"]')!.addEventListener('click', () => this.go(this.step + 1));
    this.querySelector('[data-action="back"]')!.addEventListener('click', () => this.go(this.step - 1));
    this.go(0);
  }

  private go(step: number): void {
    this.step = Math.max(0, Math.min(LAST, step));
    this.dataset.step = String(this.step);
    this.querySelectorAll<HTMLElement>('[data-row]').forEach((row, i) => (row.hidden = i >= this.step));
    this.querySelector('[data-out="where"]')!.textContent = GATE_STEPS[this.step]!;
    this.querySelector<HTMLButtonElement>('[data-action="back"]')!.disabled = this.step === 0;
    this.querySelector<HTMLButtonElement>('[data-action="next"]')!.disabled = this.step === LAST;
  }

  protected redraw(): void {
    const run = this.state.runs.find((r) => String(r.seed) === String(this.state.seed)) ?? this.state.runs[0]!;
    const view = gateView(run, this.state.domain);
    for (const row of view.rows) this.drawScene(`[data-row="${row.key}"] svg.bars`, row.scene, MOVE_MS);
    this.setReadouts(view.stats);
  }
}

customElements.define('gate-stepper', GateStepperElement);
