/**
 * Props of the lesson's <ScalingPlayground>: checked at build time, so a wrong prop in MDX fails
 * the build with a message naming the prop, what was received and what was expected.
 */
import { SECTIONS, type Section } from '../scaling/sections.ts';
import { PHI_MAX, PHI_MIN, phiProblem, snapPhi } from '../../lib/viz/scaling/scaling-config.ts';
import { PropError } from './props.ts';

export interface ScalingLessonProps {
  readonly phi: number;
  readonly hide: readonly Section[];
  readonly caption?: string;
}

const KNOWN = new Set(['phi', 'hide', 'caption']);

export function scalingLessonProps(props: Record<string, unknown>): ScalingLessonProps {
  for (const k of Object.keys(props)) {
    if (!KNOWN.has(k)) throw new PropError(`<ScalingPlayground> has no prop "${k}"; expected phi, hide or caption`);
  }
  let phi = 1;
  if (props.phi !== undefined) {
    const p = phiProblem(props.phi);
    if (p) throw new PropError(`<ScalingPlayground> prop "phi": ${p} (from ${PHI_MIN} to ${PHI_MAX} in steps of 0.1)`);
    phi = snapPhi(props.phi as number);
  }
  let hide: Section[] = [];
  if (props.hide !== undefined) {
    const h = props.hide;
    if (!Array.isArray(h) || h.some((x) => typeof x !== 'string' || !(SECTIONS as readonly string[]).includes(x))) {
      throw new PropError(
        `<ScalingPlayground> prop "hide" expects a list of ${SECTIONS.map((s) => `"${s}"`).join(', ')}; received ${JSON.stringify(h)}`,
      );
    }
    hide = h as Section[];
  }
  const caption = props.caption;
  if (caption !== undefined && typeof caption !== 'string') {
    throw new PropError(`<ScalingPlayground> prop "caption" expects text; received ${JSON.stringify(caption)}`);
  }
  return { phi, hide, caption };
}
