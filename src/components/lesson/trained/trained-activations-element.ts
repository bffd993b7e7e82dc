/**
 * <trained-activations>: picking another test image or layer redraws the maps and the read-outs
 * from the figure the build embedded (the engine's activations of the committed weights), through
 * the same layout functions (src/lib/viz/lessons/trained-activations.ts).
 */
import { defineFigureWidget, indexState } from '~/components/kit/figure-widget.ts';
import {
  activationReadouts,
  activationScene,
  type ActivationFigure,
  type ActivationState,
} from '~/lib/viz/lessons/trained-activations.ts';

defineFigureWidget<ActivationFigure, ActivationState>('trained-activations', {
  svg: 'svg.ta-map',
  state: (values, fig) => indexState(values, { image: fig.images, layer: fig.layers }),
  scene: activationScene,
  readouts: activationReadouts,
});
