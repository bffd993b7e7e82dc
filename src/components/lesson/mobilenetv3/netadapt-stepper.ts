/** <netadapt-stepper>: reruns the loop from the seed to the current step under the chosen rule (mbv3-netadapt-layout.ts). */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { AdaptBlock, Metric, StandIn } from '~/lib/viz/lessons/mbv3-netadapt.ts';
import { netAdaptView } from '~/lib/viz/lessons/mbv3-netadapt-layout.ts';

interface State {
  blocks: AdaptBlock[];
  metric: Metric;
  standin: StandIn;
  steps: number;
  [k: string]: unknown;
}

class NetAdaptStepper extends WidgetElement<State> {
  protected setup(): void {
    this.querySelector('[data-act="step"]')?.addEventListener('click', () => {
      this.state.steps++;
      this.redraw();
    });
    this.querySelector('[data-act="reset"]')?.addEventListener('click', () => {
      this.state.steps = 0;
      this.redraw();
    });
  }

  protected redraw(): void {
    const { blocks, steps, metric, standin } = this.state;
    const view = netAdaptView(blocks, steps, metric, standin);
    this.state.steps = view.step;
    this.drawScene('svg[data-scene="widths"]', view.scene);
    this.setReadouts(view.readouts);
    this.querySelector('[data-out="proposals"]')!.replaceChildren(
      ...view.rows.map(([scope, cut, ...nums], i) => {
        const tr = document.createElement('tr');
        if (i === 0) tr.className = 'picked';
        const code = document.createElement('code');
        code.textContent = scope;
        const first = document.createElement('td');
        first.append(code, ` ${cut}`);
        tr.append(
          first,
          ...nums.map((text) => {
            const td = document.createElement('td');
            td.className = 'num';
            td.textContent = text;
            return td;
          }),
        );
        return tr;
      }),
    );
  }
}

if (!customElements.get('netadapt-stepper')) customElements.define('netadapt-stepper', NetAdaptStepper);
