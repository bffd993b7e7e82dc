/**
 * <bottleneck-manifold>: lesson 4's ReLU experiment in the browser. The dimension select and the
 * ReLU switch are kit controls; "New random matrix" draws the next seed. Every change redraws both
 * panels from manifold-scene.ts, the function the build used; the dots glide to their new places.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { ControlValues } from '~/lib/viz/kit/controls.ts';
import { manifoldView, type ManifoldState } from '~/lib/viz/lessons/manifold-scene.ts';

/** How long the dots take to move to where the new round trip puts them (ms). */
const MOVE_MS = 300;

class BottleneckManifoldElement extends WidgetElement<ManifoldState> {
  protected override setup(): void {
    this.querySelector('button[name="reseed"]')?.addEventListener('click', () => {
      this.state = { ...this.state, seed: this.state.seed + 1 };
      this.redraw();
    });
  }

  protected override controlsChanged(values: ControlValues): void {
    this.state = { ...this.state, n: Number(values.n), relu: values.relu === true };
    this.redraw();
  }

  protected redraw(): void {
    const view = manifoldView(this.state);
    this.drawScene('svg.out', view.output, MOVE_MS);
    this.querySelector('[data-out="title"]')!.textContent = view.title;
    this.setReadouts(view.readouts);
  }
}

customElements.define('bottleneck-manifold', BottleneckManifoldElement);
