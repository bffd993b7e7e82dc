/**
 * <class-gates>: lesson 5's gates-per-class figure in the browser. Picking a block or a network
 * redraws the heatmap and the read-outs from the figure data the build embedded, through the same
 * layout functions the build rendered with.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { ControlValues } from '~/lib/viz/kit/controls.ts';
import {
  classGatesReadouts,
  heatmapScene,
  type ClassGatesFigure,
  type ClassGatesState,
} from '~/lib/viz/lessons/class-gates-layout.ts';

class ClassGatesElement extends WidgetElement<ClassGatesState> {
  private fig!: ClassGatesFigure;

  protected override setup(): void {
    this.fig = JSON.parse(this.dataset.figure ?? 'null') as ClassGatesFigure;
  }

  protected override controlsChanged(values: ControlValues): void {
    const block = Number(values.block);
    const run = Number(values.run);
    if (!this.fig.blocks[block] || !this.fig.runs[run]) return;
    this.state = { block, run };
    this.redraw();
  }

  protected redraw(): void {
    this.drawScene('svg.gate-heat', heatmapScene(this.fig, this.state.block, this.state.run));
    this.setReadouts(classGatesReadouts(this.fig, this.state));
  }
}

customElements.define('class-gates', ClassGatesElement);
