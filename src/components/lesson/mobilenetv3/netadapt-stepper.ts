/** The element behind NetAdaptStepper.astro: reruns the loop from the seed to the current step under the chosen rule. */
import {
  adaptScene,
  proposals,
  runSteps,
  seedState,
  stateMacs,
  type AdaptBlock,
  type Metric,
  type StandIn,
} from '~/lib/viz/lessons/mbv3-netadapt.ts';
import { formatInt, formatShare } from '~/lib/viz/charts/number-format.ts';
import { renderMarks } from '../../kit/render-marks.ts';

const sig = (v: number): string => v.toFixed(3).replace('-', '−');

class NetAdaptStepper extends HTMLElement {
  private steps = 0;

  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    const { blocks } = JSON.parse(this.dataset.state ?? '{}') as { blocks: AdaptBlock[] };
    const seedMacs = stateMacs(blocks, seedState(blocks));
    const delta = 0.01 * seedMacs;
    form.hidden = false;
    const draw = (): void => {
      const metric = (form.elements.namedItem('metric') as HTMLSelectElement).value as Metric;
      const standIn = (form.elements.namedItem('standin') as HTMLSelectElement).value as StandIn;
      const { state, picks } = runSteps(blocks, this.steps, metric, standIn);
      this.steps = state.step;
      const macs = stateMacs(blocks, state);
      const ps = proposals(blocks, state, delta, metric, standIn);
      const set = (k: string, t: string): void => {
        const el = this.querySelector(`[data-out="${k}"]`);
        if (el) el.textContent = t;
      };
      set('step', String(state.step));
      set('macs', formatInt(macs));
      set('share', formatShare(macs / seedMacs));
      set('count', String(ps.length));
      const svg = this.querySelector<SVGSVGElement>('svg[data-scene="widths"]');
      if (svg) renderMarks(svg, adaptScene(blocks, state, picks[picks.length - 1]));
      const body = this.querySelector('[data-out="proposals"]');
      if (body) {
        body.replaceChildren(
          ...ps.slice(0, 5).map((p, i) => {
            const tr = document.createElement('tr');
            if (i === 0) tr.className = 'picked';
            const cells = [`${p.from}→${p.to}`, formatInt(p.dMacs), sig(p.dAcc), sig(p.score)];
            cells.forEach((text, j) => {
              const td = document.createElement('td');
              if (j === 0) {
                const code = document.createElement('code');
                code.textContent = p.scope;
                td.append(code, ` ${text}`);
              } else {
                td.className = 'num';
                td.textContent = text;
              }
              tr.append(td);
            });
            return tr;
          }),
        );
      }
    };
    form.addEventListener('change', draw);
    this.querySelector('[data-act="step"]')?.addEventListener('click', () => {
      this.steps++;
      draw();
    });
    this.querySelector('[data-act="reset"]')?.addEventListener('click', () => {
      this.steps = 0;
      draw();
    });
  }
}

customElements.define('netadapt-stepper', NetAdaptStepper);
