/** The playground's optional parts; φ, the numbers, the diagram, the stage table and the MACs curve are always shown. */
export const SECTIONS = ['coefficients', 'grid', 'single', 'released', 'measure'] as const;

export type Section = (typeof SECTIONS)[number];
