/**
 * <separable-morph>: lesson 3's morph in the browser. The layer picker and the stage slider are kit
 * controls; the slider's named stops are the layer's stages, so picking another layer swaps its
 * stops (replaceRange). Every change redraws from separable-morph-scene.ts, the functions the build used.
 */
import { replaceRange } from '~/components/kit/controls-client.ts';
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { ControlValues } from '~/lib/viz/kit/controls.ts';
import { morphStages, stageMacsTex, stageTex, type MorphLayer } from '~/lib/viz/lessons/separable-morph.ts';
import {
  morphBarWidth,
  morphDrawnText,
  morphReadouts,
  morphScene,
  morphStageControl,
} from '~/lib/viz/lessons/separable-morph-scene.ts';
import { renderMath } from './render-math.ts';

interface MorphState {
  layers: MorphLayer[];
  layer: number;
  stage: number;
}

class SeparableMorphElement extends WidgetElement<MorphState> {
  protected override controlsChanged(values: ControlValues, changed: string | null): void {
    const layer = Number(values.layer);
    let stage = Number(values.stage);
    if (changed === 'layer' && this.form) {
      const spec = morphStageControl(this.state.layers[layer]!, stage);
      stage = spec.value as number;
      replaceRange(this.form, spec, stage);
    }
    this.state = { ...this.state, layer, stage };
    this.redraw();
  }

  protected redraw(): void {
    const layer = this.state.layers[this.state.layer]!;
    const stages = morphStages(layer);
    const stage = stages[Math.min(this.state.stage, stages.length - 1)]!;
    this.querySelector('[data-out="drawn"]')!.textContent = morphDrawnText(layer, stage);
    this.querySelector<HTMLElement>('[data-bar="cur"]')!.style.width = morphBarWidth(layer, stage);
    this.drawScene('svg.diagram', morphScene(layer, stage));
    this.setReadouts(morphReadouts(layer, stage));
    void renderMath(this.querySelector<HTMLElement>('[data-tex-id="ratio"]')!, stageTex(layer, stage));
    void renderMath(this.querySelector<HTMLElement>('[data-tex-id="macs"]')!, stageMacsTex(layer, stage));
  }
}

customElements.define('separable-morph', SeparableMorphElement);
