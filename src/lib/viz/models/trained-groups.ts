/**
 * The series the family chart colours and joins (trained-chart.ts): the models that answer one
 * question together. A series is drawn as a line through its models' mean accuracies in MACs order
 * — MobileNetV1's width multipliers (MobileNetV1 §4.2, Table 6), EfficientNet's compound φ = 0…3
 * and its single-dimension scalings, each starting from B0 as in EfficientNet Figure 3 — and
 * MobileNetV2's linear-bottleneck ablation is a pair at equal MACs (MobileNetV2 §6.3). Every other
 * model is in "other architectures", in a neutral colour. Colours are the chart palette's
 * (`c1`…`c6`; `c0` is the neutral one).
 */

export interface ChartGroup {
  readonly id: string;
  /** The legend's words. */
  readonly label: string;
  /** Palette index: 1…6, or 0 for the neutral colour. */
  readonly colour: number;
  /** Its models (tiny-family ids), in MACs order. */
  readonly members: readonly string[];
  /**
   * A model the series line starts from without being a member (coloured by its own group): the
   * single-dimension scalings start at B0, as EfficientNet Figure 3's curves start at the baseline.
   */
  readonly from?: string;
  /** Joined by a line (a series along one knob); false for a pair at equal MACs. */
  readonly line: boolean;
}

const B0 = 'tiny_efficientnet_b0';
const single = (dim: 'width' | 'depth' | 'res', word: string, colour: number): ChartGroup => ({
  id: `${dim}-only`,
  label: `B0 scaled in ${word} only`,
  colour,
  members: [`${B0}_${dim}1`, `${B0}_${dim}2`],
  from: B0,
  line: true,
});

export const CHART_GROUPS: readonly ChartGroup[] = [
  {
    id: 'mobilenetv1-width',
    label: 'MobileNetV1, width α = 0.25…1',
    colour: 1,
    members: ['tiny_mobilenetv1_025', 'tiny_mobilenetv1_050', 'tiny_mobilenetv1_075', 'tiny_mobilenetv1'],
    line: true,
  },
  {
    id: 'mobilenetv2-ablation',
    label: 'MobileNetV2, linear and ReLU6 bottleneck',
    colour: 2,
    members: ['tiny_mobilenetv2', 'tiny_mobilenetv2_relu6'],
    line: false,
  },
  {
    id: 'compound',
    label: 'EfficientNet compound φ = 0…3',
    colour: 3,
    members: [0, 1, 2, 3].map((p) => `tiny_efficientnet_b${p}`),
    line: true,
  },
  single('width', 'width', 4),
  single('depth', 'depth', 5),
  single('res', 'resolution', 6),
];

export const OTHER_GROUP: ChartGroup = {
  id: 'other',
  label: 'Other architectures',
  colour: 0,
  members: [],
  line: false,
};

/** The group a model is drawn in: its series, or "other architectures". */
export function chartGroup(id: string): ChartGroup {
  return CHART_GROUPS.find((g) => g.members.includes(id)) ?? OTHER_GROUP;
}

/** The chart label of a model: its id without `tiny_`, and `efficientnet_` shortened to `effnet_`. */
export const chartLabel = (id: string): string => id.replace(/^tiny_/, '').replace(/^efficientnet_/, 'effnet_');
