/**
 * The element behind ActivationProbe.astro: on every control change, re-runs the same layout the
 * build used (scene, read-outs) and re-renders the formulas.
 */
import {
  activationPair,
  activationReadouts,
  activationScene,
  probeTex,
  type PairFacts,
  type PairName,
} from '~/lib/viz/lessons/mbv3-activations.ts';
import { WidgetElement } from '../../kit/widget-element.ts';
import { renderMath } from '../render-math.ts';

interface State {
  pair: PairName;
  x: number;
  facts: Record<PairName, PairFacts>;
}

class ActivationProbe extends WidgetElement<State> {
  protected redraw(): void {
    const { pair, x, facts } = this.state;
    const p = activationPair(pair);
    const range = this.querySelector('input[name="x"]');
    range?.setAttribute('aria-valuetext', `x = ${x}`);
    this.drawScene('svg[data-scene="curves"]', activationScene(p, x));
    this.setReadouts(activationReadouts(p, x, facts[pair]));
    const eq = this.querySelector<HTMLElement>('[data-math]');
    if (eq) void renderMath(eq, probeTex(p, x));
  }
}

customElements.define('activation-probe', ActivationProbe);
