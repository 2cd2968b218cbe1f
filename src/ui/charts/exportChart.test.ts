import { describe, expect, it } from 'vitest';
import { transformLinePath } from './exportChart';

describe('an exported chart bakes a transform into its lines', () => {
  const matrix = { a: 0.5, b: 0, c: 0, d: -0.1, e: 62, f: 14 };

  it('puts every vertex of a line of moves and lines through the matrix', () => {
    expect(transformLinePath('M0,-1000L10,-500.5L20,0M30,250', matrix)).toBe('M62,114L67,64.05L72,14M77,-11');
    expect(transformLinePath('', matrix)).toBe('');
  });

  it('leaves any other path data alone', () => {
    expect(transformLinePath('M0,0h5V10', matrix)).toBeNull();
    expect(transformLinePath('M0,0C1,1 2,2 3,3', matrix)).toBeNull();
    expect(transformLinePath('M0,0l5,5', matrix)).toBeNull();
  });
});
