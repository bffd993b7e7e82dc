/** <fused-stages>: redraws the stage chart (effv2-fused-layout.ts) from the build's data when a control moves. */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { FusedData } from '~/lib/viz/lessons/effv2-fused.ts';
import { fusedReadouts, fusedScene, type FusedMetric } from '~/lib/viz/lessons/effv2-fused-layout.ts';
import type { FusedBase, FusedVariant } from '~/lib/viz/lessons/effv2-variants.ts';

interface State {
  data: Record<FusedBase, FusedData>;
  base: FusedBase;
  variant: FusedVariant;
  metric: FusedMetric;
  [k: string]: unknown;
}

class FusedStages extends WidgetElement<State> {
  protected redraw(): void {
    const { data, base, variant, metric } = this.state;
    const d = data[base];
    if (!d) return;
    this.drawScene('svg.effv2-fused', fusedScene(d, variant, metric));
    this.setReadouts(fusedReadouts(d, variant));
  }
}

if (!customElements.get('fused-stages')) customElements.define('fused-stages', FusedStages);
