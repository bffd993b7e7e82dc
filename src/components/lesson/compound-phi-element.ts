/**
 * <compound-phi>: lesson 6's φ slider in the browser. The build wrote the model built at every φ
 * of the slider and the curves' points into data-state; a move redraws the chart from
 * compound-lesson-phi.ts (the function the build used), the read-outs and Equation 3's numbers.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { CurvePoint } from '~/lib/viz/scaling/scaling-curve.ts';
import { phiChart, phiReadouts, phiScene, type PhiChart, type PhiRow } from '~/lib/viz/lessons/compound-phi-scene.ts';

interface PhiState {
  phi: number;
  rows: PhiRow[];
  points: CurvePoint[];
}

/** How long the marker takes to reach the new φ (ms). */
const MOVE_MS = 200;

class CompoundPhiElement extends WidgetElement<PhiState> {
  private chart: PhiChart | null = null;

  protected redraw(): void {
    const i = this.state.rows.findIndex((r) => r.phi === this.state.phi);
    if (i < 0) return;
    const row = this.state.rows[i];
    this.chart ??= phiChart(this.state.points);
    this.drawScene('svg.chart', phiScene(this.chart, i), MOVE_MS);
    this.setReadouts(phiReadouts(row));
    for (const el of this.querySelectorAll<HTMLElement>('[data-eq]'))
      el.textContent = row.eq[el.dataset.eq as keyof PhiRow['eq']];
  }
}

customElements.define('compound-phi', CompoundPhiElement);
