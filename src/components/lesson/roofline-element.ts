/**
 * <roofline-chart>: lesson 1's MACs-against-bytes chart in the browser. The balance slider steps
 * through BALANCES (its stops are MACs per byte, not 0–7); the layer comes from the select or a
 * click on a dot. Every change redraws from roofline-scene.ts, the functions the build used.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { LayerTraffic } from '~/lib/viz/lessons/roofline.ts';
import { BALANCES, layerTex } from '~/lib/viz/lessons/roofline-chart.ts';
import { rooflineReadouts, rooflineScene } from '~/lib/viz/lessons/roofline-scene.ts';
import { renderMath } from './render-math.ts';

interface RooflineState {
  model: string;
  layers: LayerTraffic[];
  selected: string;
  balance: number;
}

class RooflineElement extends WidgetElement<RooflineState> {
  private slider!: HTMLInputElement;
  private select!: HTMLSelectElement;

  protected override setup(): void {
    this.slider = this.querySelector<HTMLInputElement>('input[name="balance"]')!;
    this.select = this.querySelector<HTMLSelectElement>('select[name="layer"]')!;
    this.slider.addEventListener('input', () => {
      this.state = { ...this.state, balance: BALANCES[Number(this.slider.value)]! };
      this.redraw();
    });
    this.select.addEventListener('change', () => this.pick(this.select.value));
    this.querySelector('svg.chart')!.addEventListener('click', (e) => {
      const node = (e.target as Element).closest('circle.dot')?.getAttribute('data-node');
      if (node) this.pick(node);
    });
  }

  private pick(node: string): void {
    this.select.value = node;
    this.state = { ...this.state, selected: node };
    this.redraw();
  }

  protected redraw(): void {
    const { model, layers, balance, selected } = this.state;
    const layer = layers.find((l) => l.node === selected) ?? layers[0]!;
    this.slider.setAttribute('aria-valuetext', `${balance} MACs per byte`);
    this.querySelector('[data-out="balance"]')!.textContent = String(balance);
    this.drawScene('svg.chart', rooflineScene(model, layers, balance, layer.node));
    this.setReadouts(rooflineReadouts(layers, balance));
    void renderMath(this.querySelector<HTMLElement>('.layer-tex')!, layerTex(layer, balance));
  }
}

customElements.define('roofline-chart', RooflineElement);
