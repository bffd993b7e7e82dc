/**
 * <se-cost-chart>: lesson 5's SE cost chart in the browser. The build wrote every model's layout
 * into data-state; picking a model redraws its chart from se-cost-layout.ts (the bars grow to
 * their new lengths) and rewrites the sentence under it.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import { seCostReadouts, seCostScene, type SECostEntry } from '~/lib/viz/lessons/se-cost-layout.ts';

interface ChartState {
  model: string;
  entries: SECostEntry[];
}

/** How long the bars take to reach the new model's shares (ms). */
const MOVE_MS = 300;

class SECostChartElement extends WidgetElement<ChartState> {
  protected redraw(): void {
    const entry = this.state.entries.find((e) => e.id === this.state.model);
    if (!entry) return;
    this.drawScene('svg.chart', seCostScene(entry), MOVE_MS);
    this.querySelector('[data-out="model-name"]')!.textContent = entry.name;
    this.setReadouts(seCostReadouts(entry));
  }
}

customElements.define('se-cost-chart', SECostChartElement);
