/**
 * The one place components get d3 from. d3's package marks itself side-effect free, so a bundler
 * drops d3-transition's patch of `selection.prototype.transition` unless it is imported for its
 * side effect; importing d3 through here keeps transitions working in every component.
 */
import 'd3-transition';

export * from 'd3';
