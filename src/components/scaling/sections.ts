import type { PlaygroundView } from '~/lib/viz/scaling/scaling-view.ts';

/** The playground's optional parts; φ, the numbers, the diagram, the stage table and the MACs curve are always shown. */
export const SECTIONS = ['coefficients', 'grid', 'single', 'released', 'measure'] as const;

export type Section = (typeof SECTIONS)[number];

/**
 * What a section component (Scaling*.astro) receives: the view of the initial state, computed once by
 * ScalingPlayground.astro, and its heading level (2 on the playground's own page, 3 inside a lesson).
 */
export interface SectionProps {
  view: PlaygroundView;
  headingLevel: 2 | 3;
}
