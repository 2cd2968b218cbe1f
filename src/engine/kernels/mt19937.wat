;; NumPy's legacy generator (MT19937 with random_sample's 53-bit doubles) over a block of draws, for the dropout
;; masks: a training pass of the data-size experiment's 300-point network draws 38,400 doubles. Source of
;; src/engine/kernels/mt19937Wasm.ts (regenerate with `npm run wasm`).
;;
;; It continues the same state rng.ts's MersenneTwister works on (624 words at address $state, shared memory), so
;; a block is the next `count` results of random(), bit for bit: the same twist, the same tempering, and the same
;; double, (a·2^26 + b) / 2^53 with a = word >>> 5 and b = next word >>> 6, every step exact in float64 (so the
;; division by 2^53 is a multiplication by 2^-53, which is faster).
(module
  (memory (export "memory") 1)

  ;; Regenerates the 624 words (genrand's "twist") in place. Word k reads the old words k + 1 and k + 397 (or the
  ;; new word k − 227), none of them among the three words after it, so four words at a time (i32x4) give the
  ;; one-by-one result; the scalar loops finish what is left of each part.
  (func $twist (param $state i32)
    (local $k i32) (local $y i32) (local $p i32) (local $v v128)
    ;; k = 0 … 226: mt[k] = mt[k + 397] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)
    (local.set $k (i32.const 0))
    (block $done1v (loop $loop1v
      (br_if $done1v (i32.gt_u (i32.add (local.get $k) (i32.const 4)) (i32.const 227)))
      (local.set $p (i32.add (local.get $state) (i32.shl (local.get $k) (i32.const 2))))
      (local.set $v (v128.or
        (v128.and (v128.load (local.get $p)) (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000))
        (v128.and (v128.load offset=4 (local.get $p)) (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))))
      (v128.store (local.get $p) (v128.xor (v128.xor
        (v128.load offset=1588 (local.get $p))
        (i32x4.shr_u (local.get $v) (i32.const 1)))
        (v128.and (v128.const i32x4 0x9908b0df 0x9908b0df 0x9908b0df 0x9908b0df)
          (i32x4.eq (v128.and (local.get $v) (v128.const i32x4 1 1 1 1)) (v128.const i32x4 1 1 1 1)))))
      (local.set $k (i32.add (local.get $k) (i32.const 4)))
      (br $loop1v)))
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
    (block $done2v (loop $loop2v
      (br_if $done2v (i32.gt_u (i32.add (local.get $k) (i32.const 4)) (i32.const 623)))
      (local.set $p (i32.add (local.get $state) (i32.shl (local.get $k) (i32.const 2))))
      (local.set $v (v128.or
        (v128.and (v128.load (local.get $p)) (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000))
        (v128.and (v128.load offset=4 (local.get $p)) (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))))
      (v128.store (local.get $p) (v128.xor (v128.xor
        (v128.load (i32.sub (local.get $p) (i32.const 908)))
        (i32x4.shr_u (local.get $v) (i32.const 1)))
        (v128.and (v128.const i32x4 0x9908b0df 0x9908b0df 0x9908b0df 0x9908b0df)
          (i32x4.eq (v128.and (local.get $v) (v128.const i32x4 1 1 1 1)) (v128.const i32x4 1 1 1 1)))))
      (local.set $k (i32.add (local.get $k) (i32.const 4)))
      (br $loop2v)))
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
    (local $a i32) (local $b i32) (local $end i32) (local $runEnd i32) (local $p i32) (local $y i32) (local $w v128)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))))
    (block $done (loop $draw
      (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
      (if (i32.ge_u (local.get $index) (i32.const 623)) (then
        ;; The pair straddles a twist (index 623) or starts after one: the general step.
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
        (f64.store (local.get $out)
          (f64.mul (f64.add (f64.mul (f64.convert_i32_u (local.get $a)) (f64.const 67108864)) (f64.convert_i32_u (local.get $b)))
            (f64.const 0x1p-53)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $draw)))
      ;; A run of whole pairs inside the current state: no twist checks.
      (local.set $runEnd (i32.add (local.get $out)
        (i32.shl (i32.shr_u (i32.sub (i32.const 624) (local.get $index)) (i32.const 1)) (i32.const 3))))
      (if (i32.gt_u (local.get $runEnd) (local.get $end)) (then (local.set $runEnd (local.get $end))))
      (local.set $p (i32.add (local.get $state) (i32.shl (local.get $index) (i32.const 2))))
      ;; Four words (two doubles) at a time: the tempering in i32x4 lanes, then the even words give a, the odd b.
      (block $quadsDone (loop $quads
        (br_if $quadsDone (i32.gt_u (i32.add (local.get $out) (i32.const 16)) (local.get $runEnd)))
        (local.set $w (v128.load (local.get $p)))
        (local.set $w (v128.xor (local.get $w) (i32x4.shr_u (local.get $w) (i32.const 11))))
        (local.set $w (v128.xor (local.get $w) (v128.and (i32x4.shl (local.get $w) (i32.const 7))
          (v128.const i32x4 0x9d2c5680 0x9d2c5680 0x9d2c5680 0x9d2c5680))))
        (local.set $w (v128.xor (local.get $w) (v128.and (i32x4.shl (local.get $w) (i32.const 15))
          (v128.const i32x4 0xefc60000 0xefc60000 0xefc60000 0xefc60000))))
        (local.set $w (v128.xor (local.get $w) (i32x4.shr_u (local.get $w) (i32.const 18))))
        (v128.store (local.get $out)
          (f64x2.mul
            (f64x2.add
              (f64x2.mul
                (f64x2.convert_low_i32x4_u (i32x4.shr_u
                  (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11 (local.get $w) (local.get $w)) (i32.const 5)))
                (v128.const f64x2 67108864 67108864))
              (f64x2.convert_low_i32x4_u (i32x4.shr_u
                (i8x16.shuffle 4 5 6 7 12 13 14 15 4 5 6 7 12 13 14 15 (local.get $w) (local.get $w)) (i32.const 6))))
            (v128.const f64x2 0x1p-53 0x1p-53)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $index (i32.add (local.get $index) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $quads)))
      (block $runDone (loop $run
        (br_if $runDone (i32.ge_u (local.get $out) (local.get $runEnd)))
        (local.set $y (i32.load (local.get $p)))
        (local.set $y (i32.xor (local.get $y) (i32.shr_u (local.get $y) (i32.const 11))))
        (local.set $y (i32.xor (local.get $y) (i32.and (i32.shl (local.get $y) (i32.const 7)) (i32.const 0x9d2c5680))))
        (local.set $y (i32.xor (local.get $y) (i32.and (i32.shl (local.get $y) (i32.const 15)) (i32.const 0xefc60000))))
        (local.set $a (i32.shr_u (i32.xor (local.get $y) (i32.shr_u (local.get $y) (i32.const 18))) (i32.const 5)))
        (local.set $y (i32.load offset=4 (local.get $p)))
        (local.set $y (i32.xor (local.get $y) (i32.shr_u (local.get $y) (i32.const 11))))
        (local.set $y (i32.xor (local.get $y) (i32.and (i32.shl (local.get $y) (i32.const 7)) (i32.const 0x9d2c5680))))
        (local.set $y (i32.xor (local.get $y) (i32.and (i32.shl (local.get $y) (i32.const 15)) (i32.const 0xefc60000))))
        (local.set $b (i32.shr_u (i32.xor (local.get $y) (i32.shr_u (local.get $y) (i32.const 18))) (i32.const 6)))
        (f64.store (local.get $out)
          (f64.mul (f64.add (f64.mul (f64.convert_i32_u (local.get $a)) (f64.const 67108864)) (f64.convert_i32_u (local.get $b)))
            (f64.const 0x1p-53)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $index (i32.add (local.get $index) (i32.const 2)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $run)))
      (br $draw)))
    (local.get $index))
)
