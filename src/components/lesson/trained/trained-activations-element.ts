/**
 * <trained-activations>: picking another test image or layer redraws the maps and the read-outs
 * from the figure the build embedded (the engine's activations of the committed weights), through
 * the same layout functions (src/lib/viz/lessons/trained-activations.ts).
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { ControlValues } from '~/lib/viz/kit/controls.ts';
import {
  activationReadouts,
  activationScene,
  type ActivationFigure,
  type ActivationState,
} from '~/lib/viz/lessons/trained-activations.ts';

class TrainedActivationsElement extends WidgetElement<ActivationState> {
  private fig!: ActivationFigure;

  protected override setup(): void {
    this.fig = JSON.parse(this.dataset.figure ?? 'null') as ActivationFigure;
  }

  protected override controlsChanged(values: ControlValues): void {
    const image = Number(values.image);
    const layer = Number(values.layer);
    if (!this.fig.images[image] || !this.fig.layers[layer]) return;
    this.state = { image, layer };
    this.redraw();
  }

  protected redraw(): void {
    this.drawScene('svg.ta-map', activationScene(this.fig, this.state));
    this.setReadouts(activationReadouts(this.fig, this.state));
  }
}

if (!customElements.get('trained-activations')) customElements.define('trained-activations', TrainedActivationsElement);
