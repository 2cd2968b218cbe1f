import { describe, expect, it } from 'vitest';
import { formatTensor, formatTensorElements, pythonFixed, pythonScientific } from './pytorchFormat';

// Expected strings follow PyTorch's repr rules (default print options); pytorchFormat.torch.test.ts checks the
// printer against strings captured from a real PyTorch.
const f32 = (values: number[]) => Float32Array.from(values);

describe('formatTensor (PyTorch repr)', () => {
  it("prints the article's example with PyTorch's wrapping at linewidth 80", () => {
    const scale = Math.fround(1 / (1 - 0.7));
    const y = f32([0, 2 * scale, 3 * scale, 0, 0, 0, 0, 8 * scale, 0, 0]);
    expect(formatTensor(y)).toBe(
      'tensor([ 0.0000,  6.6667, 10.0000,  0.0000,  0.0000,  0.0000,  0.0000, 26.6667,\n         0.0000,  0.0000])',
    );
  });

  it('prints all zeros and integer-valued floats in int mode', () => {
    expect(formatTensor(f32([0, 0, 0]))).toBe('tensor([0., 0., 0.])');
    expect(formatTensor(f32([1, 2, 3]))).toBe('tensor([1., 2., 3.])');
    expect(formatTensor(f32([-1, 0, 2]))).toBe('tensor([-1.,  0.,  2.])');
    expect(formatTensor(f32([100000]))).toBe('tensor([100000.])');
  });

  it('right-aligns mixed widths and negatives in fixed mode', () => {
    expect(formatTensor(f32([-1.5, 2.25, 10]))).toBe('tensor([-1.5000,  2.2500, 10.0000])');
    expect(formatTensor(f32([0.1, 2.5]))).toBe('tensor([0.1000, 2.5000])');
    expect(formatTensor(f32([123456.7]))).toBe('tensor([123456.7031])');
  });

  it('switches to scientific notation for large, tiny or widely spread values', () => {
    expect(formatTensor(f32([1e8, 1.5]))).toBe('tensor([1.0000e+08, 1.5000e+00])');
    expect(formatTensor(f32([1e-5, 1]))).toBe('tensor([1.0000e-05, 1.0000e+00])');
    expect(formatTensor(f32([1, 2000]))).toBe('tensor([1.0000e+00, 2.0000e+03])');
    expect(formatTensor(f32([-3e9, 0]))).toBe('tensor([-3.0000e+09,  0.0000e+00])');
  });

  it('wraps long tensors like torch.arange(20.)', () => {
    const x = f32(Array.from({ length: 20 }, (_, i) => i));
    expect(formatTensor(x)).toBe(
      'tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n        14., 15., 16., 17., 18., 19.])',
    );
  });

  it('prints non-finite values without a decimal point', () => {
    expect(formatTensor(f32([Infinity, 1]))).toBe('tensor([inf, 1.])');
    expect(formatTensor(f32([Number.NaN, 0.5]))).toBe('tensor([   nan, 0.5000])');
  });

  it('rounds exact ties to even as Python does', () => {
    expect(formatTensor(f32([1.03125]))).toBe('tensor([1.0312])');
    expect(formatTensor(f32([103125, 1]))).toBe('tensor([1.0312e+05, 1.0000e+00])');
    expect(formatTensor(f32([1.09375]))).toBe('tensor([1.0938])');
  });

  it('exposes padded elements for tables', () => {
    expect(formatTensorElements(f32([1, 10]))).toEqual([' 1.', '10.']);
  });
});

describe('Python float formatting', () => {
  it('matches f"{v:.4f}" including negative zero and ties', () => {
    expect(pythonFixed(1.03125, 4)).toBe('1.0312');
    expect(pythonFixed(-1.03125, 4)).toBe('-1.0312');
    expect(pythonFixed(1.03135, 4)).toBe('1.0313');
    expect(pythonFixed(2.5, 0)).toBe('2');
    expect(pythonFixed(3.5, 0)).toBe('4');
    expect(pythonFixed(-0, 4)).toBe('-0.0000');
    expect(pythonFixed(Math.fround(1 / 0.3), 4)).toBe('3.3333');
  });

  it('matches f"{v:.4e}"', () => {
    expect(pythonScientific(1e8, 4)).toBe('1.0000e+08');
    expect(pythonScientific(1.5e-12, 4)).toBe('1.5000e-12');
    expect(pythonScientific(-2.5e100, 4)).toBe('-2.5000e+100');
    expect(pythonScientific(0, 4)).toBe('0.0000e+00');
    expect(pythonScientific(103125, 4)).toBe('1.0312e+05');
    expect(pythonScientific(103135, 4)).toBe('1.0314e+05');
  });
});
