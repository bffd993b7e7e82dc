/**
 * <multiplier-curves>: lesson 3's width and resolution multipliers in the browser. The two sliders
 * step through the zoo's real models (their stops are α and pixel values, not the slider's 0–3);
 * every change redraws the panels and read-outs from multiplier-curves-scene.ts and marks the
 * paper's row for the selection, if it has one.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
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
  private slider(name: 'width' | 'resolution'): HTMLInputElement {
    return this.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  }

  protected override setup(): void {
    const read = () => {
      this.state = {
        ...this.state,
        width: MULTIPLIER_WIDTHS[Number(this.slider('width').value)]!,
        resolution: MULTIPLIER_RESOLUTIONS[Number(this.slider('resolution').value)]!,
      };
      this.redraw();
    };
    this.slider('width').addEventListener('input', read);
    this.slider('resolution').addEventListener('input', read);
  }

  protected redraw(): void {
    const { points, width: w, resolution: r } = this.state;
    this.slider('width').setAttribute('aria-valuetext', `α = ${w}`);
    this.slider('resolution').setAttribute('aria-valuetext', `${r} pixels`);
    this.querySelector('[data-out="width"]')!.textContent = String(w);
    this.querySelector('[data-out="resolution"]')!.textContent = String(r);
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
