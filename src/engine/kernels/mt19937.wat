;; NumPy's legacy generator (MT19937 with random_sample's 53-bit doubles) over a block of draws, for the dropout
;; masks: a training pass of the data-size experiment's 300-point network draws 38,400 doubles. Source of
;; src/engine/kernels/mt19937Wasm.ts (regenerate with `npm run wasm`).
;;
;; It continues the same state rng.ts's MersenneTwister works on (624 words at address $state, shared memory), so
;; a block is the next `count` results of random(), bit for bit: the same twist, the same tempering, and the same
;; double, (a·2^26 + b) / 2^53 with a = word >>> 5 and b = next word >>> 6, every step exact in float64.
(module
  (memory (export "memory") 1)

  ;; Regenerates the 624 words (genrand's "twist") in place.
  (func $twist (param $state i32)
    (local $k i32) (local $y i32) (local $p i32)
    ;; k = 0 … 226: mt[k] = mt[k + 397] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)
    (local.set $k (i32.const 0))
    (block $done1 (loop $loop1
      (br_if $done1 (i32.ge_u (local.get $k) (i32.const 227)))
      (local.set $p (i32.add (local.get $state) (i32.shl (local.get $k) (i32.const 2))))
      (local.set $y (i32.or
        (i32.and (i32.load (local.get $p)) (i32.const 0x80000000))
        (i32.and (i32.load offset=4 (local.get $p)) (i32.const 0x7fffffff))))
      (i32.store (local.get $p) (i32.xor (i32.xor
        (i32.load offset=1588 (local.get $p))
        (i32.shr_u (local.get $y) (i32.const 1)))
        (select (i32.const 0x9908b0df) (i32.const 0) (i32.and (local.get $y) (i32.const 1)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $loop1)))
    ;; k = 227 … 622: mt[k] = mt[k − 227] ^ …
    (block $done2 (loop $loop2
      (br_if $done2 (i32.ge_u (local.get $k) (i32.const 623)))
      (local.set $p (i32.add (local.get $state) (i32.shl (local.get $k) (i32.const 2))))
      (local.set $y (i32.or
        (i32.and (i32.load (local.get $p)) (i32.const 0x80000000))
        (i32.and (i32.load offset=4 (local.get $p)) (i32.const 0x7fffffff))))
      (i32.store (local.get $p) (i32.xor (i32.xor
        (i32.load (i32.sub (local.get $p) (i32.const 908)))
        (i32.shr_u (local.get $y) (i32.const 1)))
        (select (i32.const 0x9908b0df) (i32.const 0) (i32.and (local.get $y) (i32.const 1)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $loop2)))
    ;; k = 623: mt[623] = mt[396] ^ …, with mt[0] as the next word.
    (local.set $y (i32.or
      (i32.and (i32.load offset=2492 (local.get $state)) (i32.const 0x80000000))
      (i32.and (i32.load (local.get $state)) (i32.const 0x7fffffff))))
    (i32.store offset=2492 (local.get $state) (i32.xor (i32.xor
      (i32.load offset=1584 (local.get $state))
      (i32.shr_u (local.get $y) (i32.const 1)))
      (select (i32.const 0x9908b0df) (i32.const 0) (i32.and (local.get $y) (i32.const 1)))))
  )

  ;; The tempering of one word (genrand_int32's output step).
  (func $temper (param $y i32) (result i32)
    (local.set $y (i32.xor (local.get $y) (i32.shr_u (local.get $y) (i32.const 11))))
    (local.set $y (i32.xor (local.get $y) (i32.and (i32.shl (local.get $y) (i32.const 7)) (i32.const 0x9d2c5680))))
    (local.set $y (i32.xor (local.get $y) (i32.and (i32.shl (local.get $y) (i32.const 15)) (i32.const 0xefc60000))))
    (i32.xor (local.get $y) (i32.shr_u (local.get $y) (i32.const 18))))

  ;; Writes `count` doubles of random_sample() to $out (8-byte aligned), starting at word `index` of the state
  ;; (624 = twist first). Returns the index after the last word used.
  (func (export "fillRandom") (param $state i32) (param $index i32) (param $out i32) (param $count i32) (result i32)
    (local $a i32) (local $b i32) (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))))
    (block $done (loop $draw
      (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
      (if (i32.ge_u (local.get $index) (i32.const 624)) (then
        (call $twist (local.get $state))
        (local.set $index (i32.const 0))))
      (local.set $a (i32.shr_u
        (call $temper (i32.load (i32.add (local.get $state) (i32.shl (local.get $index) (i32.const 2)))))
        (i32.const 5)))
      (local.set $index (i32.add (local.get $index) (i32.const 1)))
      (if (i32.ge_u (local.get $index) (i32.const 624)) (then
        (call $twist (local.get $state))
        (local.set $index (i32.const 0))))
      (local.set $b (i32.shr_u
        (call $temper (i32.load (i32.add (local.get $state) (i32.shl (local.get $index) (i32.const 2)))))
        (i32.const 6)))
      (local.set $index (i32.add (local.get $index) (i32.const 1)))
      (f64.store (local.get $out) (f64.div
        (f64.add (f64.mul (f64.convert_i32_u (local.get $a)) (f64.const 67108864)) (f64.convert_i32_u (local.get $b)))
        (f64.const 9007199254740992)))
      (local.set $out (i32.add (local.get $out) (i32.const 8)))
      (br $draw)))
    (local.get $index))
)
