#!/usr/bin/env python3
"""Golden values from a real PyTorch, for src/ui/tensor/pytorchFormat.torch.test.ts and
src/engine/dropout.torch.test.ts.

The tensor lab prints its results the way `print(tensor)` does in PyTorch. The printer in pytorchFormat.ts was
written from torch/_tensor_str.py; this script checks it against the real thing: it builds float32 vectors (the
article's example, dropout outputs for many p, edge cases, and seeded random vectors across magnitudes) and
records `repr(torch.tensor(values))` for each, with PyTorch's default print options.

Each value is stored as the decimal repr of its float32 value (exact as a double), so Math.fround in the test
gives back the same float32 bit for bit.

It also records what nn.Dropout itself computes on the CPU, for the engine: the survivors' scale for 400 values
of p, and whole outputs for inputs with negative numbers (a dropped negative is -0.). PyTorch's generator is not
NumPy's, so the engine test reads each mask back from PyTorch's output and replays it.

Run (Debian: apt-get install python3-torch; the system python, not a virtualenv):
  /usr/bin/python3 scripts/golden-torch.py printer > src/ui/tensor/pytorchFormat.torch.json
  /usr/bin/python3 scripts/golden-torch.py dropout > src/engine/dropout.torch.json
"""
import json
import math
import random
import sys

import torch


def f32_values(values):
    t = torch.tensor(values, dtype=torch.float32)
    return t, [float(v) for v in t.tolist()]


def case(name, values):
    t, stored = f32_values(values)
    return {
        "name": name,
        "values": [v if math.isfinite(v) else repr(v) for v in stored],
        "repr": repr(t),
    }


def dropout_outputs():
    """Inverted dropout on the article's input [1..10] (and others) for many p, with a fixed kept pattern."""
    out = []
    rng = random.Random(20261126)
    for p in [0.1, 0.2, 0.25, 0.3, 1 / 3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 0.99]:
        scale = 1.0 / (1.0 - p)
        for trial in range(3):
            x = list(range(1, 11)) if trial == 0 else [round(rng.uniform(-5, 5), 3) for _ in range(rng.randint(1, 24))]
            kept = [rng.random() >= p for _ in x]
            # PyTorch multiplies by the mask scaled in float32: x * (mask / (1 - p)).
            t = torch.tensor(x, dtype=torch.float32)
            mask = torch.tensor([1.0 if k else 0.0 for k in kept], dtype=torch.float32) * torch.tensor(scale, dtype=torch.float32)
            y = t * mask
            out.append(case(f"dropout p={p:.4g} trial {trial}", y.tolist()))
    return out


def edge_cases():
    return [
        case("article", [0, 2 / 0.3, 3 / 0.3, 0, 0, 0, 0, 8 / 0.3, 0, 0]),
        case("article input", list(range(1, 11))),
        case("zeros", [0.0] * 7),
        case("negative zero", [-0.0, 1.0]),
        case("one element", [3.14159]),
        case("integers mixed sign", [-1, 0, 2]),
        case("big integer", [100000]),
        case("integer beyond 1e8", [123456789]),
        case("fixed mixed width", [-1.5, 2.25, 10]),
        case("small fixed", [0.1, 2.5]),
        case("large fixed", [123456.7]),
        case("sci large", [1e8, 1.5]),
        case("sci tiny", [1e-5, 1]),
        case("sci spread", [1, 2000]),
        case("sci negative", [-3e9, 0]),
        case("below 1e-4 only", [5e-5, 7e-5]),
        case("exactly 1000 ratio", [1, 1000]),
        case("arange 20", [float(i) for i in range(20)]),
        case("arange 37 negative", [float(i - 18) for i in range(37)]),
        case("inf and int", [math.inf, 1]),
        case("minus inf", [-math.inf, 2.5]),
        case("nan and fraction", [math.nan, 0.5]),
        case("all nan", [math.nan, math.nan]),
        case("tie 1.03125", [1.03125]),
        case("tie 1.09375", [1.09375]),
        case("tie sci", [103125, 1]),
        case("many digits wrap", [1.23456789e4, -9.87654321e3, 0.5, 7, 12345.678] * 4),
        case("huge", [3.0e38, -1.0]),
        case("denormal", [1e-40, 1.0]),
    ]


def random_cases():
    rng = random.Random(889)
    out = []
    for i in range(120):
        n = rng.randint(1, 40)
        magnitude = 10 ** rng.uniform(-6, 9)
        kind = i % 4
        if kind == 0:
            values = [rng.uniform(-1, 1) * magnitude for _ in range(n)]
        elif kind == 1:
            values = [float(rng.randint(-1000, 1000)) for _ in range(n)]
        elif kind == 2:
            values = [rng.choice([0.0, rng.uniform(0, 1) * magnitude]) for _ in range(n)]
        else:
            values = [round(rng.uniform(-50, 50), rng.randint(0, 5)) for _ in range(n)]
        out.append(case(f"random {i}", values))
    return out


def float_json(v):
    """A float32 value as JSON: its exact decimal, or "-0.0"/"nan"/"inf" where JSON has no number for it."""
    if math.isfinite(v) and not (v == 0 and math.copysign(1, v) < 0):
        return v
    return repr(v)


def dropout_golden():
    """nn.Dropout on the CPU: the survivors' scale for many p, and outputs for inputs with negative numbers."""
    rng = random.Random(7)
    ps = [i / 100 for i in range(1, 100)] + [1 / 3, 2 / 3, 0.001, 0.999] + [rng.random() for _ in range(300)]
    scales = []
    for p in ps:
        torch.manual_seed(1)
        y = torch.nn.functional.dropout(torch.ones(256), p=p, training=True)
        kept = y[y != 0]
        if kept.numel() > 0:
            scales.append({"p": p, "scale": float(kept[0])})
    outputs = []
    for i, p in enumerate([0.1, 0.3, 0.5, 0.7, 0.9, 0.04, 0.42, 1.0]):
        n = rng.randint(5, 30)
        # No zeros in x: the mask is read back from the output (kept exactly where the output is not ±0).
        x = [round(rng.uniform(0.25, 9), 2) * rng.choice([-1, 1]) for _ in range(n)]
        torch.manual_seed(i)
        for inplace in (False, True):
            module = torch.nn.Dropout(p=p, inplace=inplace)
            t = torch.tensor(x, dtype=torch.float32)
            y = module(t)
            outputs.append({
                "p": p,
                "inplace": inplace,
                "x": [float(v) for v in torch.tensor(x, dtype=torch.float32).tolist()],
                "y": [float_json(float(v)) for v in y.tolist()],
                "repr": repr(y),
            })
    return {"torch": torch.__version__, "scales": scales, "outputs": outputs}


if __name__ == "__main__":
    torch.set_printoptions(profile="default")
    if sys.argv[1:] == ["dropout"]:
        print(json.dumps(dropout_golden(), indent=None).replace('{"p"', '\n  {"p"'))
    else:
        cases = edge_cases() + dropout_outputs() + random_cases()
        # One case a line, so a diff of the fixture shows which cases changed.
        lines = ",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in cases)
        print('{"torch": %s, "cases": [\n%s\n]}' % (json.dumps(torch.__version__), lines))
