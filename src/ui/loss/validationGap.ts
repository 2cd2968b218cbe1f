/** Which model does worse on unseen data, and by how much: what the loss panel says under its chart. */
export interface ValidationGap {
  /** The model with the higher validation loss ('plain' when they are equal). */
  worse: 'plain' | 'dropout';
  /** Its validation loss above the other's, in whole percent of the other's. */
  percent: number;
}

/**
 * Said of whichever model is behind, so the sentence never reads "−13% worse": early in a run the dropout model
 * is usually behind (each pass trains a thinned network), and the model without dropout falls behind once it
 * overfits. Both losses must be positive (a mean squared error on noisy data is).
 */
export function validationGap(plainVal: number, dropoutVal: number): ValidationGap {
  const worse = plainVal >= dropoutVal ? 'plain' : 'dropout';
  const [higher, lower] = worse === 'plain' ? [plainVal, dropoutVal] : [dropoutVal, plainVal];
  return { worse, percent: Math.round((higher / lower - 1) * 100) };
}
