/**
 * <compound-saturation>: lesson 6's single-dimension scaling in the browser. The build wrote each
 * dimension's Figure 3 series into data-state; picking a dimension shows its chart and puts the
 * coefficient slider on that series' stops (at its last), moving the slider rings another model.
 * Charts and sentence come from compound-saturation-scene.ts, the functions the build used.
 */
import { replaceRange } from '~/components/kit/controls-client.ts';
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { ControlValues } from '~/lib/viz/kit/controls.ts';
import type { ScaleDim, ScalePoint } from '~/lib/viz/lessons/compound-lesson-saturation.ts';
import {
  saturationReadouts,
  saturationScene,
  saturationStepControl,
} from '~/lib/viz/lessons/compound-saturation-scene.ts';

interface SaturationState {
  dim: ScaleDim;
  step: number;
  series: Record<ScaleDim, ScalePoint[]>;
}

/** How long the ring takes to reach the picked model (ms). */
const MOVE_MS = 200;

class CompoundSaturationElement extends WidgetElement<SaturationState> {
  protected setup(): void {
    this.showPanel();
  }

  protected controlsChanged(values: ControlValues, changed: string | null): void {
    const dim = values.dim as ScaleDim;
    if (changed === 'dim' && this.form) {
      const series = this.state.series[dim];
      const last = series.length - 1;
      replaceRange(this.form, saturationStepControl(series, last), last);
      this.state = { ...this.state, dim, step: last };
      this.showPanel();
    } else this.state = { ...this.state, dim, step: Number(values.step) };
    this.redraw();
  }

  private showPanel(): void {
    for (const p of this.querySelectorAll<HTMLElement>('[data-panel]')) p.hidden = p.dataset.panel !== this.state.dim;
  }

  protected redraw(): void {
    const { dim, step } = this.state;
    const series = this.state.series[dim];
    if (!series[step]) return;
    this.drawScene(`[data-panel="${dim}"] svg.chart`, saturationScene(series, step), MOVE_MS);
    this.setReadouts(saturationReadouts(series[step]));
  }
}

customElements.define('compound-saturation', CompoundSaturationElement);
