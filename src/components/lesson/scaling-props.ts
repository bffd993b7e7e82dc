/**
 * Props of the lesson's <ScalingPlayground>: checked at build time, so a wrong prop in MDX fails
 * the build with a message naming the prop, what was received and what was expected.
 */
import { SECTIONS, type Section } from '../scaling/sections.ts';
import { PHI_MAX, PHI_MIN, snapPhi } from '../../lib/viz/scaling/scaling-config.ts';
import { expectKnownProps, expectNumber, expectOptionalString, failProp } from './props.ts';

export interface ScalingLessonProps {
  readonly phi: number;
  readonly hide: readonly Section[];
  readonly caption?: string;
}

const KNOWN = ['phi', 'hide', 'caption'];

export function scalingLessonProps(props: Record<string, unknown>): ScalingLessonProps {
  const C = 'ScalingPlayground';
  expectKnownProps(C, props, KNOWN);
  // Off-grid φ is accepted and snapped to the slider's 0.1 grid.
  const phi = props.phi === undefined ? 1 : snapPhi(expectNumber(C, 'phi', props.phi, PHI_MIN, PHI_MAX));
  const h = props.hide ?? [];
  if (!Array.isArray(h) || h.some((x) => !(SECTIONS as readonly unknown[]).includes(x))) {
    failProp(C, 'hide', `a list of ${SECTIONS.map((s) => `"${s}"`).join(', ')}`, h);
  }
  const hide = h as Section[];
  const caption = expectOptionalString(C, 'caption', props.caption);
  return { phi, hide, caption };
}
