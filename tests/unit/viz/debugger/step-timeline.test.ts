import { describe, expect, it } from 'vitest';
import {
  cumulativeMacs,
  groupsOf,
  nextStop,
  opOrdinals,
  opStopAt,
  prevStop,
  scopeRange,
  stageBands,
  type TimelineNode,
} from '~/lib/viz/debugger/step-timeline.ts';

const n = (scope: string, macs = 0): TimelineNode => ({ name: scope, opType: 'X', scope, macs });
const nodes = [
  n('conv_stem', 10),
  n('bn1'),
  n('blocks.0.0.conv_dw', 5),
  n('blocks.0.0.bn1'),
  n('blocks.1.0.conv_pw', 7),
  n('blocks.1.0.bn1'),
  n('blocks.1.1.conv_pw', 3),
  n('blocks.1.1'),
  n('conv_head', 2),
  n('classifier', 1),
];

describe('step timeline', () => {
  it('groups nodes by block and stage the way the engine steps them', () => {
    expect(groupsOf(nodes, 'stage').map((g) => [g.key, g.start, g.end])).toEqual([
      ['stem', 0, 2],
      ['blocks.0', 2, 4],
      ['blocks.1', 4, 8],
      ['head', 8, 10],
    ]);
    expect(groupsOf(nodes, 'block').map((g) => g.key)).toEqual([
      'stem',
      'blocks.0.0',
      'blocks.1.0',
      'blocks.1.1',
      'head',
    ]);
  });

  it('steps forward to the last node of the next op, block or stage', () => {
    expect(nextStop(nodes, 'node', -1)).toBe(0);
    expect(nextStop(nodes, 'block', -1)).toBe(1);
    expect(nextStop(nodes, 'block', 1)).toBe(3);
    expect(nextStop(nodes, 'stage', 3)).toBe(7);
    expect(nextStop(nodes, 'stage', 5)).toBe(7); // mid-stage: to the end of this stage
    expect(nextStop(nodes, 'node', 9)).toBe(9); // clamped at the last node
  });

  it('steps back to the end of the previous group', () => {
    expect(prevStop(nodes, 'node', 5)).toBe(4);
    expect(prevStop(nodes, 'block', 5)).toBe(3);
    expect(prevStop(nodes, 'stage', 7)).toBe(3);
    expect(prevStop(nodes, 'stage', 1)).toBe(-1);
    expect(prevStop(nodes, 'node', 0)).toBe(-1);
  });

  // As the graph builder lays them out: a shared Constant (Clip bound, Reshape shape) stands just
  // before its first consumer, with scope '' (so it joins the group before it).
  const k = (name: string): TimelineNode => ({ name, opType: 'Constant', scope: '', macs: 0 });
  const withConsts = [
    n('conv_stem', 10),
    k('const.zero'),
    k('const.six'),
    n('bn1'),
    n('blocks.0.0.conv_dw', 5),
    k('const.shape'),
    n('blocks.1.0.conv_pw', 7),
    n('classifier', 1),
    k('const.tail'),
  ];

  it('never stops on a Constant node, which the op list leaves out', () => {
    expect(nextStop(withConsts, 'node', 0)).toBe(3);
    expect(nextStop(withConsts, 'node', 4)).toBe(6);
    expect(prevStop(withConsts, 'node', 3)).toBe(0);
    expect(prevStop(withConsts, 'node', 6)).toBe(4);
    // blocks.0's group ends on the Constant before blocks.1: the stop is its last op
    expect(nextStop(withConsts, 'block', 3)).toBe(4);
    expect(nextStop(withConsts, 'stage', 3)).toBe(4);
    expect(prevStop(withConsts, 'block', 6)).toBe(4);
    // a trailing Constant: clamped to the last op
    expect(nextStop(withConsts, 'node', 7)).toBe(7);
    // a jump onto a Constant lands on the op it feeds
    expect(opStopAt(withConsts, 1, 8)).toBe(3);
    expect(opStopAt(withConsts, 4, 8)).toBe(4);
    expect(opStopAt(withConsts, 5, 8)).toBe(6);
  });

  it('numbers ops as the op list does, Constants left out', () => {
    expect(opOrdinals(withConsts)).toEqual([1, 1, 1, 2, 3, 3, 4, 5, 5]);
  });

  it('accumulates MACs', () => {
    expect(cumulativeMacs(nodes)).toEqual([10, 10, 15, 15, 22, 22, 25, 25, 27, 28]);
  });

  it('lays stage bands over the scrubber in proportion to node counts', () => {
    const b = stageBands(nodes, 100);
    expect(b.map((x) => [x.x, x.w])).toEqual([
      [0, 20],
      [20, 20],
      [40, 40],
      [80, 20],
    ]);
  });

  it('finds the node range of a scope prefix without matching longer names', () => {
    expect(scopeRange(nodes, 'blocks.1.0')).toEqual({ start: 4, end: 6 });
    expect(scopeRange(nodes, 'blocks.1')).toEqual({ start: 4, end: 8 });
    expect(scopeRange(nodes, 'blocks.1.1')).toEqual({ start: 6, end: 8 });
    expect(scopeRange(nodes, 'blocks.9')).toBeNull();
  });
});
