/** <v2-scaling>: redraws the blocks-per-stage chart (effv2-scaling-layout.ts) for the chosen model. */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import { scalingReadouts, scalingScene, type V2Models } from '~/lib/viz/lessons/effv2-scaling-layout.ts';
import type { V2Size } from '~/lib/viz/lessons/effv2-scaling.ts';

interface State {
  models: V2Models;
  size: V2Size;
  [k: string]: unknown;
}

class V2Scaling extends WidgetElement<State> {
  protected redraw(): void {
    const { models, size } = this.state;
    if (!models[size]) return;
    this.drawScene('svg.effv2-scaling', scalingScene(models, size));
    this.setReadouts(scalingReadouts(models, size));
  }
}

if (!customElements.get('v2-scaling')) customElements.define('v2-scaling', V2Scaling);
