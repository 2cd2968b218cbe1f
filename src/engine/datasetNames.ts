/**
 * The datasets the lab offers, in the order a chooser lists them, and their shapes. Apart from data.ts, so that
 * the link's settings and the network diagram can name them without loading the generator that makes them.
 */
export const DATASET_NAMES = ['sine', 'moons'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];
/** How many inputs each dataset's examples have (what `makeDataset(…).inputSize` will be). */
export const DATASET_INPUT_SIZE: Readonly<Record<DatasetName, number>> = Object.freeze({ sine: 1, moons: 2 });
