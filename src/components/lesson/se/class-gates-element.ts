/**
 * <class-gates>: lesson 5's gates-per-class figure in the browser. Picking a block or a network
 * redraws the heatmap and the read-outs from the figure data the build embedded, through the same
 * layout functions the build rendered with.
 */
import { defineFigureWidget, indexState } from '~/components/kit/figure-widget.ts';
import * as gates from '~/lib/viz/lessons/class-gates-layout.ts';

defineFigureWidget<gates.ClassGatesFigure, gates.ClassGatesState>('class-gates', {
  svg: 'svg.gate-heat',
  state: (values, fig) => indexState(values, { block: fig.blocks, run: fig.runs }),
  scene: (fig, s) => gates.heatmapScene(fig, s.block, s.run),
  readouts: gates.classGatesReadouts,
});
