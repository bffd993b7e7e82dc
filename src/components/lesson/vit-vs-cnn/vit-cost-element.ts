/**
 * <vit-cost>: redraws the attention-vs-depthwise chart, formulas and read-outs from the pure
 * layout (vit-cost-chart.ts) over the engine rows the build wrote into data-state.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { ControlValues } from '~/lib/viz/kit/controls.ts';
import { costReadouts, costScene, costTex, rowAt, type CostRow } from '~/lib/viz/lessons/vit-cost-chart.ts';
import { renderMath } from '../render-math.ts';

interface State {
  resolution: number;
  patch: number;
  dim: number;
  rows: CostRow[];
}

class VitCost extends WidgetElement<State> {
  protected controlsChanged(values: ControlValues): void {
    this.state = { ...this.state, resolution: Number(values.resolution), patch: Number(values.patch) };
    this.redraw();
  }

  protected redraw(): void {
    const row = rowAt(this.state.rows, this.state);
    this.drawScene('svg.cost-chart', costScene(this.state.rows, this.state));
    this.setReadouts(costReadouts(row));
    const math = this.querySelector<HTMLElement>('[data-math]');
    if (math) void renderMath(math, costTex(row, this.state.dim));
  }
}

customElements.define('vit-cost', VitCost);
