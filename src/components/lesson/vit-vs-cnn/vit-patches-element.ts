/**
 * <vit-patches>: redraws the patch figure, its formula and read-outs from the pure layout
 * (vit-patches.ts) when the reader moves the pixel or changes the patch size.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { ControlValues } from '~/lib/viz/kit/controls.ts';
import { patchReadouts, patchScene, patchTex } from '~/lib/viz/lessons/vit-patches.ts';
import { renderMath } from '../render-math.ts';

interface State {
  resolution: number;
  dim: number;
  patch: number;
  x: number;
  y: number;
  engineMacs: Record<string, number>;
}

class VitPatches extends WidgetElement<State> {
  protected controlsChanged(values: ControlValues): void {
    this.state = { ...this.state, patch: Number(values.patch), x: Number(values.x), y: Number(values.y) };
    this.redraw();
  }

  protected redraw(): void {
    const { resolution: R, dim: D } = this.state;
    this.drawScene('svg.patches', patchScene(R, D, this.state));
    this.setReadouts(patchReadouts(R, D, this.state, this.state.engineMacs[String(this.state.patch)]));
    const math = this.querySelector<HTMLElement>('[data-math]');
    if (math) void renderMath(math, patchTex(R, D, this.state));
  }
}

customElements.define('vit-patches', VitPatches);
