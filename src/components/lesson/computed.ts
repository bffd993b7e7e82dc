/**
 * The registry behind `<Computed>`: every number lesson prose prints is computed at build time by one
 * named computation below, from the same functions the widgets use, so no figure is typed by hand.
 * Each entry lists its props (checked through props.ts: a typo or a wrong value fails the build with
 * a message naming the prop) and turns them into the text the reader sees.
 *
 *   <Computed of={{ kind: 'model', model: 'mobilenetv2_100', stat: 'macs' }} format="compact" />   (name="answer")
 *   <Computed name="conv" h={112} w={112} cin={32} cout={64} k={3} show="macs" />
 *   <Computed name="se" model="efficientnet_b0" show="params-pct" />
 *   <Computed name="expansion" t={6} show="mid" />
 *   <Computed name="compound" show="phi-depth" model="b7" />
 *
 * To add a number: add a `show` to the entry it belongs to (or a new entry), with a unit test in
 * tests/unit/viz/lessons/computed.test.ts that computes the expected text independently.
 */
import { answerValue, formatAnswer } from '~/lib/viz/lessons/question-answer.ts';
import { convCost } from '~/lib/viz/lessons/conv-cost.ts';
import { modelSECost } from '~/lib/viz/lessons/se-cost.ts';
import { seBlockWidths } from '~/lib/viz/lessons/se-widths.ts';
import { MOBILENETV2_BLOCK_3_1, expansionCost, paperMacs } from '~/lib/viz/lessons/expansion-cost.ts';
import { constraintValue, PAPER_COEFFICIENTS } from '~/lib/viz/scaling/scaling-config.ts';
import { RELEASED_IDS, releasedModels } from '~/lib/viz/scaling/scaling-released.ts';
import { table7Computed } from '~/lib/viz/lessons/compound-lesson-saturation.ts';
import {
  formatBytes,
  formatCompact,
  formatInt,
  formatShare,
  formatShareOf,
  formatSig,
} from '~/lib/viz/charts/number-format.ts';
import { convLayerFromProps } from './conv-layer-props.ts';
import { expectInt, expectKnownProps, expectNumber, expectOneOf, expectString, PropError } from './props.ts';

type Props = Record<string, unknown>;

interface Computation {
  /** The props it takes besides `name`. */
  readonly props: readonly string[];
  /** The text for checked props; `component` names the call in error messages. */
  readonly text: (p: Props, component: string) => { show: string; text: string };
}

const CONV_PROPS = ['h', 'w', 'cin', 'cout', 'k', 'stride', 'groups', 'padding', 'bias'] as const;

/** An answer description, as `<Question answer={…}>` takes (question-answer.ts names each kind's source). */
const answer: Computation = {
  props: ['of', 'format'],
  text(p, component) {
    const format =
      p.format === undefined
        ? 'text'
        : expectOneOf(component, 'format', p.format, [
            'int',
            'compact',
            'bytes',
            'percent',
            'sig',
            'times',
            'text',
          ] as const);
    let v;
    try {
      v = answerValue(p.of, 'of');
    } catch (e) {
      throw new PropError(`<${component}> prop ${(e as Error).message}`);
    }
    const text = {
      int: () => formatInt(v.value),
      compact: () => formatCompact(v.value),
      bytes: () => formatBytes(v.value),
      percent: () => formatShare(v.value),
      sig: () => formatSig(v.value),
      times: () => `${formatSig(v.value)}×`,
      text: () => formatAnswer(v.value, v.unit),
    }[format]();
    return { show: format, text };
  },
};

/** One convolution layer (defaults as ConvCostWidget), by conv-cost.ts. */
const conv: Computation = {
  props: [...CONV_PROPS, 'show'],
  text(p, component) {
    const show = expectOneOf(component, 'show', p.show, [
      'macs',
      'params',
      'shape',
      'per-output',
      'macs-compact',
      'positions',
    ] as const);
    const layer = convLayerFromProps(component, Object.fromEntries(CONV_PROPS.map((k) => [k, p[k]])));
    const c = convCost(layer);
    const text = {
      macs: () => formatInt(c.macs),
      'macs-compact': () => formatCompact(c.macs),
      params: () => formatInt(c.params),
      shape: () => `${c.hOut}×${c.wOut}×${layer.cout}`,
      'per-output': () => formatInt(c.macsPerOutput),
      positions: () => formatInt(c.hOut * c.wOut),
    }[show]();
    return { show, text };
  },
};

/**
 * Squeeze-and-excitation in a zoo model, by the engine's analysis (se-cost.ts, as SECostChart):
 * shares and totals; 'stage-*' need `stage`; 'block-in' | 'block-mid' | 'block-se' are the widths
 * of one block and need `block` (e.g. 'blocks.4.1').
 */
const se: Computation = {
  props: ['model', 'show', 'stage', 'block'],
  text(p, component) {
    const shows = [
      'params-pct',
      'macs-pct',
      'se-params',
      'se-macs',
      'params',
      'macs',
      'stage-params-pct',
      'stage-macs-pct',
      'block-in',
      'block-mid',
      'block-se',
    ] as const;
    const show = expectOneOf(component, 'show', p.show, shows);
    const model = expectString(component, 'model', p.model, 'a zoo model id with SE such as "efficientnet_b0"');
    if (show === 'block-in' || show === 'block-mid' || show === 'block-se') {
      const block = expectString(`${component} show="${show}"`, 'block', p.block, 'a block scope like "blocks.4.1"');
      const w = seBlockWidths(model, block);
      return {
        show,
        text: String(show === 'block-in' ? w.inChannels : show === 'block-mid' ? w.midChannels : w.seWidth),
      };
    }
    const c = modelSECost(model);
    if (show === 'stage-params-pct' || show === 'stage-macs-pct') {
      const row = c.stages[expectInt(component, 'stage', p.stage, 0, c.stages.length - 1)];
      return {
        show,
        text:
          show === 'stage-params-pct' ? formatShareOf(row.seParams, row.params) : formatShareOf(row.seMacs, row.macs),
      };
    }
    const text = {
      'params-pct': () => formatShareOf(c.seParams, c.params),
      'macs-pct': () => formatShareOf(c.seMacs, c.macs),
      'se-params': () => formatInt(c.seParams),
      'se-macs': () => formatCompact(c.seMacs),
      params: () => formatInt(c.params),
      macs: () => formatCompact(c.macs),
    }[show]();
    return { show, text };
  },
};

/** MobileNetV2's blocks.3.1 at expansion ratio t (1 to 10 in steps of 0.5; default 6), as ExpansionExplorer. */
const expansion: Computation = {
  props: ['t', 'show'],
  text(p, component) {
    const shows = [
      'mid',
      'macs',
      'expand-macs',
      'dw-macs',
      'project-macs',
      'params',
      'input',
      'expanded',
      'peak',
      'pw-share',
      'paper-macs',
      'expanded-over-input',
    ] as const;
    const show = expectOneOf(component, 'show', p.show, shows);
    const t = p.t === undefined ? 6 : expectNumber(component, 't', p.t, 1, 10, 0.5);
    const c = expansionCost(MOBILENETV2_BLOCK_3_1, t);
    const text = {
      mid: () => String(c.mid),
      macs: () => formatInt(c.macs),
      'expand-macs': () => formatInt(c.layers[0].macs),
      'dw-macs': () => formatInt(c.layers[1].macs),
      'project-macs': () => formatInt(c.layers[2].macs),
      params: () => formatInt(c.params),
      input: () => formatBytes(c.inputBytes),
      expanded: () => formatBytes(c.expandedBytes),
      peak: () => formatBytes(c.peakBytes),
      'pw-share': () => formatShareOf(c.layers[0].macs + c.layers[2].macs, c.macs),
      'paper-macs': () => formatInt(paperMacs(MOBILENETV2_BLOCK_3_1, t)),
      'expanded-over-input': () => String(Math.round((c.expandedBytes / c.inputBytes) * 10) / 10),
    }[show]();
    return { show, text };
  },
};

/**
 * The compound-scaling lesson (EfficientNet §3.3): 'constraint' α·β²·γ² (3 decimals); 'constraint-pow7'
 * (α·β²·γ²)^7 and 'two-pow7' 2^7, to compare at φ = 7; 'macs' | 'params' of a released model (engine);
 * 'phi-*' the φ a released model implies (1 decimal); 'table7-macs' | 'table7-paper' our MACs / the
 * paper's FLOPS for a row (0–4) of Table 7.
 */
const compound: Computation = {
  props: ['show', 'model', 'row'],
  text(p, component) {
    const shows = [
      'constraint',
      'constraint-pow7',
      'two-pow7',
      'macs',
      'params',
      'phi-depth',
      'phi-width',
      'phi-resolution',
      'phi-macs',
      'table7-macs',
      'table7-paper',
    ] as const;
    const show = expectOneOf(component, 'show', p.show, shows);
    const k = constraintValue(PAPER_COEFFICIENTS);
    if (show === 'constraint') return { show, text: k.toFixed(3) };
    if (show === 'constraint-pow7') return { show, text: (k ** 7).toFixed(1) };
    if (show === 'two-pow7') return { show, text: String(2 ** 7) };
    if (show === 'table7-macs' || show === 'table7-paper') {
      const r = table7Computed()[expectInt(component, 'row', p.row, 0, 4)];
      return { show, text: show === 'table7-macs' ? formatCompact(r.macs) : `${r.paperFlops / 1e9} B` };
    }
    const id = expectOneOf(component, 'model', p.model, RELEASED_IDS);
    const released = releasedModels();
    const m = released.find((x) => x.id === `efficientnet_${id}`)!;
    const text = {
      macs: () => formatCompact(m.macs),
      params: () => formatCompact(m.params),
      'phi-depth': () => m.phiDepth.toFixed(1),
      'phi-width': () => m.phiWidth.toFixed(1),
      'phi-resolution': () => m.phiResolution.toFixed(1),
      'phi-macs': () => Math.log2(m.macs / released[0].macs).toFixed(1),
    }[show]();
    return { show, text };
  },
};

export const COMPUTATIONS = { answer, conv, se, expansion, compound } as const;
export type ComputationName = keyof typeof COMPUTATIONS;
const NAMES = Object.keys(COMPUTATIONS) as ComputationName[];

/** `<Computed>`'s props → the computation's name, what it shows and the text. */
export function computedText(props: Props): { name: ComputationName; show: string; text: string } {
  const { name: rawName = 'answer', ...rest } = props;
  const name = expectOneOf('Computed', 'name', rawName, NAMES);
  const component = name === 'answer' ? 'Computed' : `Computed name="${name}"`;
  const c: Computation = COMPUTATIONS[name];
  expectKnownProps(component, rest, c.props);
  return { name, ...c.text(rest, component) };
}
