/**
 * The element behind ActivationProbe.astro: reads the pair and the probe from its form, redraws
 * the chart from the same layout the build used and re-renders the formulas.
 */
import { activationPair, activationScene, opsText, probe, probeTex, type PairName } from '~/lib/viz/lessons/mbv3-activations.ts';
import { renderMath } from '../render-math.ts';
import { renderScene } from './render-scene.ts';

interface PairInfo {
  name: PairName;
  soft: string;
  hard: string;
  max: { value: number; at: number };
  softOps: { arithmetic: number; divisions: number };
  hardOps: { arithmetic: number; divisions: number };
}

const f4 = (n: number): string => n.toFixed(4).replace('-', '−');

class ActivationProbe extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    const state = JSON.parse(this.dataset.state ?? '{}') as { pairs: PairInfo[] };
    form.hidden = false;
    const update = (): void => {
      const name = (form.elements.namedItem('pair') as HTMLSelectElement).value as PairName;
      const range = form.elements.namedItem('x') as HTMLInputElement;
      const x = Number(range.value);
      range.setAttribute('aria-valuetext', `x = ${x}`);
      const p = activationPair(name);
      const info = state.pairs.find((q) => q.name === name)!;
      const v = probe(p, x);
      const set = (k: string, t: string): void => {
        for (const el of this.querySelectorAll(`[data-out="${k}"]`)) el.textContent = t;
      };
      set('x', String(x));
      set('x-label', String(x));
      set('soft', f4(v.soft));
      set('hard', f4(v.hard));
      set('diff', f4(v.diff));
      set('soft-name', info.soft);
      set('hard-name', info.hard);
      set('max', `${f4(info.max.value)} at x = ±${info.max.at.toFixed(2)}`);
      set('soft-ops', opsText(info.softOps));
      set('hard-ops', opsText(info.hardOps));
      const svg = this.querySelector<SVGSVGElement>('svg[data-scene="curves"]');
      if (svg) renderScene(svg, activationScene(p, x));
      const eq = this.querySelector<HTMLElement>('[data-math]');
      if (eq) void renderMath(eq, probeTex(p, x));
    };
    form.addEventListener('input', update);
    form.addEventListener('change', update);
  }
}

customElements.define('activation-probe', ActivationProbe);
