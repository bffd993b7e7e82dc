/**
 * <conv-cost-widget>: the cost calculator in the browser. A layer the fields describe is checked by
 * convProblem (bad input gets the reason, and the figure dims until it is fixed); a valid one is
 * drawn from conv-cost-scene.ts, the same functions the build used.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { ControlValues } from '~/lib/viz/kit/controls.ts';
import { convCost, convProblem, type ConvLayer } from '~/lib/viz/lessons/conv-cost.ts';
import {
  CONV_COST_FIELDS,
  convCostReadouts,
  convCostScene,
  convShapesLine,
} from '~/lib/viz/lessons/conv-cost-scene.ts';

class ConvCostElement extends WidgetElement<ConvLayer> {
  protected override controlsChanged(values: ControlValues): void {
    const layer: ConvLayer = {
      ...this.state,
      padding: values.padding === 'valid' ? 'valid' : 'same',
      bias: values.bias === true,
    };
    for (const name of CONV_COST_FIELDS) layer[name] = Number(values[name]);
    const problem = convProblem(layer);
    if (this.showProblem(problem && `Not a valid convolution: ${problem}.`)) return;
    this.state = layer;
    this.redraw();
  }

  protected redraw(): void {
    const cost = convCost(this.state);
    this.drawScene('svg.diagram', convCostScene(this.state, cost));
    this.querySelector('.shapes-line')!.textContent = convShapesLine(this.state, cost);
    this.setReadouts(convCostReadouts(this.state, cost));
  }
}

customElements.define('conv-cost-widget', ConvCostElement);
