/**
 * The bundled sample images (public/samples/, licences in public/samples/LICENSES.md): public
 * domain or CC0 photographs that scikit-image ships, resized to 256 px on the longer side.
 */
export interface Sample {
  readonly name: string;
  readonly label: string;
  readonly url: string;
  readonly credit: string;
  readonly licence: 'Public domain' | 'CC0';
}

export const SAMPLES: readonly Sample[] = [
  {
    name: 'astronaut',
    label: 'Astronaut',
    url: '/samples/astronaut.jpg',
    credit: 'Eileen Collins, NASA',
    licence: 'Public domain',
  },
  { name: 'coffee', label: 'Coffee', url: '/samples/coffee.jpg', credit: 'Rachel Michetti', licence: 'CC0' },
  { name: 'chelsea', label: 'Cat', url: '/samples/chelsea.jpg', credit: 'Stefan van der Walt', licence: 'CC0' },
  { name: 'rocket', label: 'Rocket', url: '/samples/rocket.jpg', credit: 'SpaceX', licence: 'Public domain' },
];

export const sampleByName = (name: string): Sample | undefined => SAMPLES.find((s) => s.name === name);
