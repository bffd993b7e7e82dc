/**
 * <roofline-chart>: lesson 1's MACs-against-bytes chart in the browser. The balance slider is a kit
 * range whose named stops are BALANCES (it holds the stop index); the layer comes from the select
 * or a click on a dot. Every change redraws from roofline-scene.ts, the functions the build used.
 */
import { setControls } from '~/components/kit/controls-client.ts';
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { ControlValues } from '~/lib/viz/kit/controls.ts';
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
  protected override setup(): void {
    this.querySelector('svg.chart')!.addEventListener('click', (e) => {
      const node = (e.target as Element).closest('circle.dot')?.getAttribute('data-node');
      if (!node || !this.form) return;
      setControls(this.form, { layer: node });
      this.state = { ...this.state, selected: node };
      this.redraw();
    });
  }

  protected override controlsChanged(values: ControlValues): void {
    this.state = { ...this.state, balance: BALANCES[Number(values.balance)]!, selected: String(values.layer) };
    this.redraw();
  }

  protected redraw(): void {
    const { model, layers, balance, selected } = this.state;
    const layer = layers.find((l) => l.node === selected) ?? layers[0]!;
    this.drawScene('svg.chart', rooflineScene(model, layers, balance, layer.node));
    this.setReadouts(rooflineReadouts(layers, balance));
    void renderMath(this.querySelector<HTMLElement>('.layer-tex')!, layerTex(layer, balance));
  }
}

customElements.define('roofline-chart', RooflineElement);
