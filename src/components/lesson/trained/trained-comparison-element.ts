/**
 * <trained-comparison>: picking another pair of a trained comparison re-draws the chart's
 * highlight and the read-outs from the figure the build embedded, through the same layout
 * functions (src/lib/viz/lessons/trained-comparison.ts). data-chart="macs" draws accuracy
 * against MACs instead of the seeds' strip.
 */
import { defineFigureWidget, indexState } from '~/components/kit/figure-widget.ts';
import {
  comparisonReadouts,
  macsScene,
  stripScene,
  type ComparisonFigure,
} from '~/lib/viz/lessons/trained-comparison.ts';

defineFigureWidget<ComparisonFigure, { pair: number }>('trained-comparison', {
  svg: 'svg.tc-chart',
  state: (values, fig) => indexState(values, { pair: fig.pairs }),
  scene: (fig, { pair }, host) => (host.dataset.chart === 'macs' ? macsScene(fig, pair) : stripScene(fig, pair)),
  readouts: (fig, { pair }) => comparisonReadouts(fig, pair),
});
