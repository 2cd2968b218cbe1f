#!/usr/bin/env python3
"""Golden values for src/engine/rng.test.ts and dropout.test.ts, without NumPy.

CPython's `random` module runs the same MT19937 (in C) as NumPy's legacy RandomState. Only the seeding differs,
so we build NumPy's state ourselves with init_genrand(seed) and load it with random.setstate(). After that:
  random.random()        == RandomState(seed).random_sample()   (genrand_res53, draw for draw)
  random.getrandbits(32) == genrand_int32, the raw 32-bit output
  legacy_gauss below     == RandomState(seed).standard_normal() (Marsaglia polar method with a cached value)

Run: python3 scripts/golden-rng.py   (prints JSON; paste the numbers into the tests)
"""
import json
import math
import random
import struct


def numpy_random_state(seed):
    mt = [seed & 0xFFFFFFFF]
    for i in range(1, 624):
        prev = mt[i - 1] ^ (mt[i - 1] >> 30)
        mt.append((1812433253 * prev + i) & 0xFFFFFFFF)
    r = random.Random()
    r.setstate((3, tuple(mt) + (624,), None))  # pos 624: the first draw twists, exactly as NumPy does
    return r


def legacy_gauss(r, count):
    out, cached = [], None
    while len(out) < count:
        if cached is not None:
            out.append(cached)
            cached = None
            continue
        while True:
            x1 = 2.0 * r.random() - 1.0
            x2 = 2.0 * r.random() - 1.0
            r2 = x1 * x1 + x2 * x2
            if 0.0 < r2 < 1.0:
                break
        f = math.sqrt(-2.0 * math.log(r2) / r2)
        cached = f * x1
        out.append(f * x2)
    return out


def fround(x):
    return struct.unpack('f', struct.pack('f', x))[0]


def draws(seed, fn, upto):
    r = numpy_random_state(seed)
    return [fn(r) for _ in range(upto + 1)]


golden = {}
for seed in (0, 42, 889, 4294967295):
    samples = draws(seed, lambda r: r.random(), 1005)
    words = draws(seed, lambda r: r.getrandbits(32), 1250)
    golden[str(seed)] = {
        'random_0_2': samples[0:3],
        'random_310_315': samples[310:316],   # draw 311/312 uses words 622..625: crosses the first twist
        'random_620_630': samples[620:631],   # words 1240..1261 cross the second twist (1248)
        'random_1000_1005': samples[1000:1006],
        'uint32_620_630': words[620:631],     # the raw stream across the first twist (624)
        'uint32_1245_1250': words[1245:1251],
        'normal_0_9': legacy_gauss(numpy_random_state(seed), 10),
    }

golden['mt19937_5489_first_uint32'] = numpy_random_state(5489).getrandbits(32)

# The article's nn.Dropout(p=0.7) example on x = [1..10]: keep when u >= p, scale by float32(1/(1-p)).
p = 0.7
scale = fround(1.0 / (1.0 - p))
r = numpy_random_state(889)
golden['dropout_889_p07'] = [fround(x * scale) if r.random() >= p else 0.0 for x in range(1, 11)]

print(json.dumps(golden, indent=1))
