/** <progressive-stages>: redraws the stepper (effv2-progressive-layout.ts) and Algorithm 1's line when the model or stage changes. */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import { progressiveReadouts, progressiveScene, progressiveTex } from '~/lib/viz/lessons/effv2-progressive-layout.ts';
import type { ProgressiveModel } from '~/lib/viz/lessons/effv2-progressive.ts';
import { renderMath } from '../render-math.ts';

interface State {
  model: ProgressiveModel;
  stage: number;
  [k: string]: unknown;
}

class ProgressiveStages extends WidgetElement<State> {
  protected redraw(): void {
    const { model, stage } = this.state;
    const i = Number(stage) - 1;
    this.drawScene('svg.effv2-progressive', progressiveScene(model, i));
    this.setReadouts(progressiveReadouts(model, i));
    const math = this.querySelector<HTMLElement>('[data-math]');
    if (math) void renderMath(math, progressiveTex(model, i));
  }
}

if (!customElements.get('progressive-stages')) customElements.define('progressive-stages', ProgressiveStages);
