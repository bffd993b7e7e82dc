/**
 * The name decoder of the MobileNetV3 lesson on the kit: its one control (the seed's timm names),
 * and what each decoded name shows (its parts, the zoo model it maps to, the read-outs). The build
 * decodes every name with mbv3-names.ts and counts it with the engine; this file only lays out the
 * result, so the browser runs it without either.
 */
import type { ControlSpec, Readout } from '../kit/controls.ts';
import type { NamePart } from './mbv3-names.ts';

export interface DecodedView {
  readonly name: string;
  readonly zooId: string;
  readonly parts: readonly Pick<NamePart, 'text' | 'meaning' | 'check' | 'ok'>[];
  /** Pre-formatted at build time: "5,483,032 (5.48 M)", "2.04 M" or "not listed", "217 M". */
  readonly params: string;
  readonly timm: string;
  readonly macs: string;
}

export function nameDecoderControls(names: readonly string[], value: string): ControlSpec[] {
  return [
    { kind: 'select', name: 'name', label: 'timm name', value, options: names.map((n) => ({ value: n, label: n })) },
  ];
}

export function nameDecoderReadouts(d: DecodedView): Readout[] {
  return [
    { key: 'params', label: 'Parameters (engine, zoo graph)', value: d.params },
    { key: 'timm', label: "timm's published count", value: d.timm },
    { key: 'macs', label: 'MACs at 224²', value: d.macs },
  ];
}

/** One table row per part: the part, what it means, and ✓ or ✗ with the zoo's spec. */
export function partRows(d: DecodedView): [string, string, string][] {
  return d.parts.map((p) => [p.text, p.meaning, `${p.ok ? '✓' : '✗'} ${p.check}`]);
}

export function modelHref(d: DecodedView): string {
  return `/models/${d.zooId}/`;
}
