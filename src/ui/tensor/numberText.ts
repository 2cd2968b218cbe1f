/** Short, stable number texts for the tensor lab's tables and sentences (Python-style rounding). */
import { pythonFixed, pythonScientific } from './pytorchFormat';

/** Four decimals for ordinary magnitudes, scientific for huge or tiny ones, "0" for zero. */
export function shortNumber(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) return pythonScientific(value, 4);
  return pythonFixed(value, 4);
}

/** Like shortNumber without trailing zeros, for values a student typed: 2 → "2", 0.1 (float32) → "0.1". */
export function plainNumber(value: number): string {
  const text = shortNumber(value);
  if (text.includes('e')) return text.replace(/\.?0+e/, 'e');
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A probability as a percentage with enough digits to see tiny ones: 0.0282 → "2.82%", 5.9e-6 → "0.00059%". */
export function percent(probability: number): string {
  if (probability === 0) return '0%';
  const value = probability * 100;
  if (value >= 0.1) return `${pythonFixed(value, 2)}%`;
  if (value < 1e-4) return `${pythonScientific(value, 1)}%`;
  return `${Number(value.toPrecision(2)).toFixed(Math.min(20, 1 - Math.floor(Math.log10(value))))}%`;
}
