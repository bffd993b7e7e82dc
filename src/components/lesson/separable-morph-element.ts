/**
 * <separable-morph>: lesson 3's morph in the browser. The layer picker and the stage slider are
 * its own controls (the slider's stops are named stages and its length depends on the layer);
 * every change redraws from separable-morph-scene.ts, the functions the build used.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import { morphStages, stageMacsTex, stageName, stageTex, type MorphLayer } from '~/lib/viz/lessons/separable-morph.ts';
import { morphBarWidth, morphDrawnText, morphReadouts, morphScene } from '~/lib/viz/lessons/separable-morph-scene.ts';
import { renderMath } from './render-math.ts';

interface MorphState {
  layers: MorphLayer[];
  layer: number;
  stage: number;
}

class SeparableMorphElement extends WidgetElement<MorphState> {
  private select!: HTMLSelectElement;
  private slider!: HTMLInputElement;

  protected override setup(): void {
    this.select = this.querySelector<HTMLSelectElement>('select[name="layer"]')!;
    this.slider = this.querySelector<HTMLInputElement>('input[name="stage"]')!;
    this.select.addEventListener('change', () => {
      const last = morphStages(this.state.layers[Number(this.select.value)]!).length - 1;
      this.slider.max = String(last);
      if (Number(this.slider.value) > last) this.slider.value = String(last);
      this.read();
    });
    this.slider.addEventListener('input', () => this.read());
  }

  private read(): void {
    this.state = { ...this.state, layer: Number(this.select.value), stage: Number(this.slider.value) };
    this.redraw();
  }

  protected redraw(): void {
    const layer = this.state.layers[this.state.layer]!;
    const stages = morphStages(layer);
    const stage = stages[Math.min(this.state.stage, stages.length - 1)]!;
    this.slider.setAttribute('aria-valuetext', stageName(stage));
    this.querySelector('[data-out="stage"]')!.textContent = stageName(stage);
    this.querySelector('[data-out="drawn"]')!.textContent = morphDrawnText(layer, stage);
    this.querySelector<HTMLElement>('[data-bar="cur"]')!.style.width = morphBarWidth(layer, stage);
    this.drawScene('svg.diagram', morphScene(layer, stage));
    this.setReadouts(morphReadouts(layer, stage));
    void renderMath(this.querySelector<HTMLElement>('[data-tex-id="ratio"]')!, stageTex(layer, stage));
    void renderMath(this.querySelector<HTMLElement>('[data-tex-id="macs"]')!, stageMacsTex(layer, stage));
  }
}

customElements.define('separable-morph', SeparableMorphElement);
