/**
 * The debugger's squeeze-and-excitation detail: the SE block's five vectors and the one scaled value
 * at the selected channel and pixel (split from stepper.ts, which calls it when the step is an SE op).
 */
import type { ScaleExplanation } from '~/lib/engine/index.ts';
import type { DetailKind } from '~/lib/viz/debugger/detail-kind.ts';
import { planeShape } from '~/lib/viz/charts/heatmap.ts';
import type { NodeInfo } from '~/components/runtime/protocol.ts';
import type { RuntimeClient } from '~/components/runtime/runtime-client.ts';
import { seDetail } from './detail-view.ts';
import { h } from './dom.ts';

/** What the SE view reads from the stepper. */
export interface SeViewHost {
  readonly client: RuntimeClient;
  readonly nodes: readonly NodeInfo[];
  readonly step: number;
  readonly channel: number;
  readonly pixel: readonly [number, number] | null;
}

export async function seView(
  s: SeViewHost,
  kind: Extract<DetailKind, { kind: 'se' }>,
  width: number,
): Promise<HTMLElement> {
  const se = kind.se;
  const names = [se.squeeze, se.reduce, se.act, se.expand, se.gate, se.scaled];
  const { values } = await s.client.one({ type: 'values', names }, 'values');
  const vec = (name: string, label: string, domain?: [number, number]) =>
    values[name] ? { label, values: values[name].data as Float32Array, ...(domain ? { domain } : {}) } : null;
  let line: ScaleExplanation | undefined;
  const scaleNode = s.nodes.find((n) => n.outputs[0] === se.scaled);
  if (values[se.scaled] && scaleNode) {
    const sh = planeShape(values[se.scaled].dims);
    const c = Math.min(s.channel, sh.count - 1);
    const [py, px] = s.pixel ?? [Math.floor(sh.h / 2), Math.floor(sh.w / 2)];
    const ex = (
      await s.client.one(
        { type: 'explain', node: scaleNode.name, at: { c, y: Math.min(py, sh.h - 1), x: Math.min(px, sh.w - 1) } },
        'explained',
      )
    ).explanation;
    if (ex.kind === 'scale') line = ex;
    else if (ex.kind === 'binary') line = { kind: 'scale', node: ex.node, x: ex.a, gate: ex.b, y: ex.y };
  }
  // SiLU (x · σ(x), EfficientNet's activation) is one activation that ONNX writes as two ops.
  const actNode = s.nodes.find((n) => n.outputs[0] === se.act);
  const sigmoid =
    actNode?.opType === 'Mul'
      ? s.nodes.find((n) => n.opType === 'Sigmoid' && actNode.inputs.includes(n.outputs[0]))
      : undefined;
  const cur = s.nodes[s.step];
  const siluNote =
    sigmoid && (cur === actNode || cur === sigmoid)
      ? h(
          'p',
          { class: 'muted dbg-hint', 'data-dbg': 'silu-note' },
          `SiLU, x · σ(x), is one activation; ONNX writes it as two ops, ${sigmoid.name} (Sigmoid) then ${actNode!.name} (Mul), so it takes two steps here.`,
        )
      : null;
  const view = seDetail(
    [
      vec(se.squeeze, 'Squeeze: channel means'),
      vec(se.reduce, 'Reduce: 1×1 conv'),
      vec(se.act, sigmoid ? 'Activation: SiLU, x · σ(x)' : 'Activation'),
      vec(se.expand, 'Expand: 1×1 conv'),
      vec(se.gate, 'Gate in [0, 1]', [0, 1]),
    ],
    width,
    line,
    s.channel,
  );
  if (siluNote) view.prepend(siluNote);
  return view;
}
