/** <v2-scaling>: redraws the blocks-per-stage chart (effv2-scaling-layout.ts) for the chosen model. */
import { defineFigureWidget } from '~/components/kit/figure-widget.ts';
import { scalingReadouts, scalingScene, type V2Models } from '~/lib/viz/lessons/effv2-scaling-layout.ts';
import type { V2Size } from '~/lib/viz/lessons/effv2-scaling.ts';

defineFigureWidget<V2Models, { size: V2Size }>('v2-scaling', {
  svg: 'svg.effv2-scaling',
  state: (v, models) => (Object.hasOwn(models, String(v.size)) ? { size: v.size as V2Size } : null),
  scene: (models, s) => scalingScene(models, s.size),
  readouts: (models, s) => scalingReadouts(models, s.size),
});
