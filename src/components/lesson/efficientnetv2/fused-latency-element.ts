/**
 * <fused-latency>: measures Table 3's stages on this device through the shared latency worker
 * (measure-bar.ts; one stage at a time, so the all-fused late stages' weights are never all held),
 * then redraws the stage chart, the variant's read-outs and the table (effv2-fused-latency.ts).
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import { formatMs } from '~/lib/viz/charts/number-format.ts';
import type { UnitTiming } from '~/lib/viz/lessons/block-latency.ts';
import type { LatencyTarget } from '~/lib/viz/lessons/latency-pieces.ts';
import {
  fusedLatencyReadouts,
  fusedLatencyScene,
  stageLatencies,
  type FusedLatencyData,
} from '~/lib/viz/lessons/effv2-fused-latency.ts';
import type { FusedVariant } from '~/lib/viz/lessons/effv2-variants.ts';
import { bindMeasureBar } from '../latency/measure-bar.ts';

interface State {
  data: FusedLatencyData;
  targets: LatencyTarget[];
  variant: FusedVariant;
  [k: string]: unknown;
}

class FusedLatency extends WidgetElement<State> {
  private timings: UnitTiming[] = [];

  protected setup(): void {
    const { data } = this.state;
    bindMeasureBar(this, {
      request: () => ({ type: 'measure', targets: this.state.targets, rounds: data.rounds, groupBy: 'stage' }),
      timings: (t) => {
        this.timings = t;
        this.redraw();
      },
      measured: () =>
        `Measured on this device at ${data.resolution} px: each stage's first two blocks, median of ${data.rounds} interleaved runs`,
    });
  }

  protected redraw(): void {
    const stages = stageLatencies(this.state.data, this.timings);
    this.drawScene('svg.effv2-lat', fusedLatencyScene(stages, this.state.variant));
    this.setReadouts(fusedLatencyReadouts(stages, this.state.variant));
    for (const s of stages) {
      const row = this.querySelector<HTMLTableRowElement>(`tr[data-stage="${s.stage}"]`);
      if (!row) continue;
      for (const [cell, ms] of [
        ['ms-fused', s.msFused],
        ['ms-mbconv', s.msMbconv],
      ] as const) {
        const td = row.querySelector<HTMLElement>(`[data-cell="${cell}"]`)!;
        td.textContent = ms === null ? '–' : formatMs(ms);
        if (ms === null) delete td.dataset.ms;
        else td.dataset.ms = String(ms);
      }
    }
  }
}

if (!customElements.get('fused-latency')) customElements.define('fused-latency', FusedLatency);
