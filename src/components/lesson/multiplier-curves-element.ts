/**
 * <multiplier-curves>: lesson 3's width and resolution multipliers in the browser. The two sliders
 * step through the zoo's real models (kit ranges whose named stops are α and pixel values);
 * every change redraws the panels and read-outs from multiplier-curves-scene.ts and marks the
 * paper's row for the selection, if it has one.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { ControlValues } from '~/lib/viz/kit/controls.ts';
import { curvePanels, multiplierTex, pointAt, type FamilyPoint } from '~/lib/viz/lessons/multiplier-curves.ts';
import {
  MULTIPLIER_RESOLUTIONS,
  MULTIPLIER_WIDTHS,
  multiplierReadouts,
  panelScene,
} from '~/lib/viz/lessons/multiplier-curves-scene.ts';
import { renderMath } from './render-math.ts';

interface CurvesState {
  points: FamilyPoint[];
  width: number;
  resolution: number;
}

class MultiplierCurvesElement extends WidgetElement<CurvesState> {
  /** The sliders hold stop indices; the state holds the α and pixel values they name. */
  protected override controlsChanged(values: ControlValues): void {
    this.state = {
      ...this.state,
      width: MULTIPLIER_WIDTHS[Number(values.width)]!,
      resolution: MULTIPLIER_RESOLUTIONS[Number(values.resolution)]!,
    };
    this.redraw();
  }

  protected redraw(): void {
    const { points, width: w, resolution: r } = this.state;
    const full = pointAt(points, 1, 224);
    const sel = pointAt(points, w, r);
    this.setReadouts(multiplierReadouts(full, sel));
    void renderMath(this.querySelector<HTMLElement>('.math')!, multiplierTex(full, sel));
    for (const tr of this.querySelectorAll<HTMLElement>('tr[data-row]')) {
      if (tr.dataset.row === `${w}@${r}`) tr.setAttribute('aria-current', 'true');
      else tr.removeAttribute('aria-current');
    }
    for (const p of curvePanels(points, w, r)) this.drawScene(`svg.panel[data-axis="${p.axis}"]`, panelScene(p));
  }
}

customElements.define('multiplier-curves', MultiplierCurvesElement);
