/**
 * <trained-comparison>: picking another pair of a trained comparison re-draws the chart's
 * highlight and the read-outs from the figure the build embedded, through the same layout
 * functions (src/lib/viz/lessons/trained-comparison.ts).
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { ControlValues } from '~/lib/viz/kit/controls.ts';
import {
  comparisonReadouts,
  macsScene,
  stripScene,
  type ComparisonFigure,
} from '~/lib/viz/lessons/trained-comparison.ts';

class TrainedComparisonElement extends WidgetElement<{ pair: number }> {
  private fig!: ComparisonFigure;

  protected override setup(): void {
    this.fig = JSON.parse(this.dataset.figure ?? 'null') as ComparisonFigure;
  }

  protected override controlsChanged(values: ControlValues): void {
    const pair = Number(values.pair);
    if (!this.fig.pairs[pair]) return;
    this.state = { pair };
    this.redraw();
  }

  protected redraw(): void {
    const { pair } = this.state;
    const scene = this.dataset.chart === 'macs' ? macsScene(this.fig, pair) : stripScene(this.fig, pair);
    this.drawScene('svg.tc-chart', scene);
    this.setReadouts(comparisonReadouts(this.fig, pair));
  }
}

if (!customElements.get('trained-comparison')) customElements.define('trained-comparison', TrainedComparisonElement);
