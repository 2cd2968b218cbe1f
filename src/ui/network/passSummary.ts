/**
 * Counting for the readout line, from the masks the worker sent: per hidden layer how many units the shown pass
 * dropped, and how many hidden units it kept in total. Every hidden unit is kept or dropped on its own, so a
 * network with N hidden units has 2^N possible thinned sub-networks; each pass trains one of them.
 */
// The engine's own module, not its index: the network is on the first screen (see FIRST_SCREEN_ENGINE in vite.config.ts).
import { dropoutScale } from '../../engine/dropout';
import { decimalText } from '../shell/liveText';
import type { PassView } from '../../state/store';

export interface PassSummary {
  layers: { dropped: number; total: number }[];
  kept: number;
  total: number;
}

/** Eval mode (or no pass yet) drops nothing. */
export function summarisePass(pass: PassView | null, widths: readonly number[], view: 'train' | 'eval'): PassSummary {
  const layers = widths.map((total, l) => {
    const mask = view === 'train' ? pass?.masks[l] : undefined;
    if (!mask || mask.length !== total) return { dropped: 0, total };
    let kept = 0;
    for (let i = 0; i < mask.length; i++) kept += mask[i];
    return { dropped: total - kept, total };
  });
  const total = widths.reduce((a, b) => a + b, 0);
  const dropped = layers.reduce((a, layer) => a + layer.dropped, 0);
  return { layers, kept: total - dropped, total };
}

/** The engine's inverted-dropout factor that kept units are multiplied by during training, as text ("1.43"). */
export function boostText(p: number, locale: string): string {
  return decimalText(dropoutScale(p), locale, 2);
}
