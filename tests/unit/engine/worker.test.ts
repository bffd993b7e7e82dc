import { describe, expect, it } from 'vitest';
import { createWorkerHandler, f32, type WorkerResponse } from '~/lib/engine/index.ts';
import { graphOf, input, node } from './build-graph.ts';

function chain() {
  return graphOf({
    nodes: [
      node('Relu', ['x'], ['a'], {}, 'blocks.0.0.act'),
      node('Neg', ['a'], ['b'], {}, 'blocks.0.1.neg'),
      node('Neg', ['b'], ['y'], {}, 'blocks.1.0.neg'),
    ],
    inputs: [input('x', [2])],
    outputs: ['y'],
  });
}

/** A port that records messages, and a scheduler that queues ticks until we drain it. */
function harness() {
  const sent: WorkerResponse[] = [];
  const queue: (() => void)[] = [];
  const handle = createWorkerHandler({ postMessage: (m) => sent.push(m) }, (fn) => queue.push(fn));
  const drain = (): void => {
    while (queue.length) queue.shift()!();
  };
  return { sent, queue, handle, drain };
}

describe('worker adapter', () => {
  it('loads a graph, steps by node and by stage, and reports done with the outputs', () => {
    const { sent, handle } = harness();
    handle({ type: 'load', graph: chain(), feeds: { x: f32([2], [-1, 2]) } });
    expect(sent[0]).toEqual({ type: 'loaded', nodes: 3 });
    handle({ type: 'step' });
    expect(sent[1]).toMatchObject({
      type: 'steps',
      steps: [{ index: 0, node: 'Relu_a', opType: 'Relu', scope: 'blocks.0.0.act' }],
    });
    handle({ type: 'step', level: 'stage' });
    expect(sent[2]).toMatchObject({ type: 'steps', steps: [{ index: 1 }] });
    handle({ type: 'step', level: 'stage' });
    expect(sent[3]).toMatchObject({ type: 'steps', steps: [{ index: 2 }] });
    expect(sent[4].type).toBe('done');
    if (sent[4].type === 'done') expect(Array.from(sent[4].outputs.y.data)).toEqual([0, 2]);
  });

  it('runs to the end one node per tick and stops on cancel', () => {
    const { sent, handle, drain, queue } = harness();
    handle({ type: 'load', graph: chain(), feeds: { x: f32([2], [1, 2]) } });
    handle({ type: 'run' });
    expect(queue).toHaveLength(1);
    handle({ type: 'cancel' });
    drain();
    expect(sent.map((m) => m.type)).toEqual(['loaded', 'steps', 'cancelled']);
    handle({ type: 'load', graph: chain(), feeds: { x: f32([2], [1, 2]) } });
    handle({ type: 'run' });
    drain();
    expect(sent.slice(3).map((m) => m.type)).toEqual(['loaded', 'steps', 'steps', 'steps', 'done']);
  });

  it('reports engine errors as messages with their code', () => {
    const { sent, handle } = harness();
    handle({ type: 'step' });
    expect(sent[0]).toMatchObject({ type: 'error', code: 'no-graph' });
    handle({ type: 'load', graph: chain(), feeds: {} });
    handle({ type: 'step' });
    expect(sent[2]).toMatchObject({ type: 'error', code: 'missing-input' });
  });
});
