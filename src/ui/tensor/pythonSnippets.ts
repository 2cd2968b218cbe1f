/**
 * The Python the lab hands to students: the article's example (corrected), a NumPy script that reproduces the
 * shown mask exactly, and the PyTorch equivalent. Numbers are written with JavaScript's shortest round-trip
 * repr, which is also Python's float repr, so `p = 0.35` here is the same double the engine used.
 */

export interface SnippetInput {
  seed: number;
  p: number;
  input: readonly number[];
  training: boolean;
  inplace: boolean;
  /** 1-based pass shown (0 in eval mode). */
  pass: number;
  /** random_sample() draws used before the shown pass. */
  drawsBefore: number;
}

/** One-line comments inside the code, in the reader's language. */
export interface SnippetComments {
  skip: (draws: number, passes: number) => string;
  draw: (pass: number) => string;
  pZero: string;
  pOne: string;
  evalIdentity: string;
  overwritten: string;
  nextPass: string;
  torchPrint: string;
}

/** A Python float literal: String(-0) is "0", which would lose the sign the lab shows. */
function pythonNumber(value: number): string {
  return Object.is(value, -0) ? '-0.0' : String(value);
}

function pythonList(values: readonly number[]): string {
  return `[${values.map(pythonNumber).join(', ')}]`;
}

/** The article's example, fixed: `import numpy as np`, a float32 array, and the current settings. */
export function articleCode(s: SnippetInput, comments: SnippetComments): string {
  const args = s.inplace ? `p=${s.p}, inplace=True` : `p=${s.p}`;
  const lines = ['import numpy as np', 'import torch', 'from torch import nn', '', `dropout = nn.Dropout(${args})`];
  if (!s.training) lines.push(`dropout.eval()  # ${comments.evalIdentity}`);
  lines.push(`x = np.asarray(${pythonList(s.input)}, dtype=np.float32)`);
  if (s.inplace) {
    lines.push('x = torch.as_tensor(x)', `y = dropout(x)  # ${comments.overwritten}`, 'y');
  } else {
    lines.push('dropout(torch.as_tensor(x))');
  }
  return lines.join('\n');
}

/** NumPy only: replays the exact draws of the shown pass, so the printed mask and output match the lab's. */
export function numpySnippet(s: SnippetInput, comments: SnippetComments): string {
  const lines = ['import numpy as np', '', `x = np.asarray(${pythonList(s.input)}, dtype=np.float32)`, `p = ${s.p}`];
  if (!s.training) {
    lines.push(`y = x.copy()  # ${comments.evalIdentity}`, 'keep = np.ones(x.shape, dtype=bool)');
  } else if (s.p === 1) {
    lines.push(`y = x * np.float32(0)  # ${comments.pOne}`, 'keep = np.zeros(x.shape, dtype=bool)');
  } else if (s.p === 0) {
    lines.push(`y = x.copy()  # ${comments.pZero}`, 'keep = np.ones(x.shape, dtype=bool)');
  } else {
    lines.push(`rng = np.random.RandomState(${s.seed})`);
    if (s.drawsBefore > 0) lines.push(`rng.random_sample(${s.drawsBefore})  # ${comments.skip(s.drawsBefore, s.pass - 1)}`);
    lines.push(
      `u = rng.random_sample(x.size)  # ${comments.draw(s.pass)}`,
      'keep = u >= p',
      // PyTorch's noise: 0 or 1 / (1 - p), both in float32; x * noise keeps the sign of dropped negatives (-0.).
      'y = x * (keep / np.float32(1 - p))',
    );
  }
  lines.push('print(keep.astype(int))', `print(y)  # ${comments.torchPrint}`);
  return lines.join('\n');
}

/** The same module in PyTorch, seeded with PyTorch's own generator (which draws a different mask). */
export function torchSnippet(s: SnippetInput, comments: SnippetComments): string {
  const args = s.inplace ? `p=${s.p}, inplace=True` : `p=${s.p}`;
  const lines = ['import torch', 'from torch import nn', '', `torch.manual_seed(${s.seed})`, `dropout = nn.Dropout(${args})`];
  if (!s.training) lines.push('dropout.eval()');
  lines.push(`x = torch.tensor(${pythonList(s.input)}, dtype=torch.float32)`, 'print(dropout(x))');
  // A second inplace call would drop from the already-dropped x, so only a fresh-tensor module gets a "next pass".
  if (s.training && !s.inplace) lines.push(`print(dropout(x))  # ${comments.nextPass}`);
  return lines.join('\n');
}
