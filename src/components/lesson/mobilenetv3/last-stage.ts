/**
 * <last-stage>: swaps the scene and read-outs the build computed for each variant
 * (mbv3-last-stage-layout.ts), and measures both stages on this device through the shared
 * latency worker (measure-bar.ts): the medians, their ratio and the share of the network's time.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { Readout } from '~/lib/viz/kit/controls.ts';
import type { Scene } from '~/lib/viz/kit/marks.ts';
import type { UnitTiming } from '~/lib/viz/lessons/block-latency.ts';
import type { LatencyTarget } from '~/lib/viz/lessons/latency-pieces.ts';
import {
  lastStageLatency,
  lastStageLatencyReadouts,
  lastStageTitle,
} from '~/lib/viz/lessons/mbv3-last-stage-layout.ts';
import type { StageVariant } from '~/lib/viz/lessons/mbv3-last-stage.ts';
import { bindMeasureBar } from '../latency/measure-bar.ts';

interface State {
  variant: StageVariant;
  views: Record<StageVariant, { scene: Scene; readouts: Readout[] }>;
  targets: LatencyTarget[];
  rounds: number;
  [k: string]: unknown;
}

class LastStage extends WidgetElement<State> {
  private timings: UnitTiming[] = [];

  protected setup(): void {
    bindMeasureBar(this, {
      request: () => ({ type: 'measure', targets: this.state.targets, rounds: this.state.rounds, groupBy: 'all' }),
      timings: (t) => {
        this.timings = t;
        this.showLatency();
      },
      measured: () => `Measured on this device: median of ${this.state.rounds} interleaved runs of each piece`,
    });
  }

  private showLatency(): void {
    const m = lastStageLatency(this.timings);
    this.setReadouts(lastStageLatencyReadouts(this.timings.length ? m : null));
    if (m.stage) {
      this.dataset.originalMs = String(m.stage.aMs);
      this.dataset.efficientMs = String(m.stage.bMs);
      this.dataset.ratio = String(m.stage.ratio);
    }
  }

  protected redraw(): void {
    const v = this.state.views[this.state.variant];
    if (!v) return;
    this.drawScene('svg[data-scene="stage"]', v.scene);
    this.setReadouts(v.readouts);
    const title = this.querySelector('[data-out="title"]');
    if (title) title.textContent = lastStageTitle(this.state.variant);
  }
}

if (!customElements.get('last-stage')) customElements.define('last-stage', LastStage);
