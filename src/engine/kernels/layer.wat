;; The engine's layer kernel: everything a training pass does to a layer of a float32 network, on the module's
;; memory. Source of src/engine/kernels/layerWasm.ts (regenerate with `npm run wasm`); layerKernel.ts calls it and
;; holds the JavaScript version of each function, which these give bit for bit (layerKernel.test.ts compares them):
;; - matmul: C (m × n) = A (m × kd) · Bt (kd × n), plus an optional bias row (linalg.ts matmulTransposed); A and
;;   Bt are float32 values stored as float64 (exactly), so that the inner loop only loads and multiplies;
;; - activate: tanh (fast-tanh.ts tanhFloat32) or ReLU in place;
;; - drop: the dropout kernel's keep rule and scale (dropout.ts dropoutKernel);
;; - backprop: a hidden layer's gradient back through dropout and the activation (mlp.ts);
;; - transpose and column_sums: a layer's deltas for its weight and bias gradients.
;;
;; Why matmul is bit for bit the JavaScript kernel: every element of C is its own sum, started at +0, of the
;; products A[i,k]·Bt[k,j] in k order, then the bias, and rounded to float32 once when stored. Each product of two
;; float32 values is exact in float64, the adds are IEEE float64 adds in the same order, and demote rounds to
;; nearest-even as a Float32Array store does. SIMD only puts two columns (j, j+1) in the two lanes of one f64x2:
;; lanes never mix, and no fused multiply-add is used (it would round once less). The element-wise functions do
;; the same float64 operations as their JavaScript in the same order (JavaScript has no fused multiply-add
;; either), and round to float32 once, where the JavaScript stores into a Float32Array.
;;
;; matmul's caller pads: m is even and n a multiple of 8 (2 rows × 8 columns per tile, 8 f64x2 accumulators).
;; The element-wise functions read a matrix of `rows` × `cols` whose rows are `stride` floats apart (matmul's
;; padded C), next to compact ones. Addresses are byte offsets into the exported memory.
(module
  ;; Math.exp, for tanh's saturated tail: calling the same function keeps those bits the JavaScript's too.
  (import "math" "exp" (func $exp (param f64) (result f64)))
  (memory (export "memory") 1)
  (func (export "matmul") (param $a i32) (param $bt i32) (param $bias i32) (param $c i32)
        (param $m i32) (param $n i32) (param $kd i32) (param $hasBias i32)
    (local $i i32) (local $j i32) (local $k i32)
    (local $pa0 i32) (local $pa1 i32) (local $pb i32) (local $rowB i32) (local $rowC i32) (local $pc i32)
    (local $x0 v128) (local $x1 v128) (local $y v128) (local $ya v128) (local $yb v128) (local $yc v128) (local $yd v128)
    (local $c00 v128) (local $c01 v128) (local $c02 v128) (local $c03 v128)
    (local $c10 v128) (local $c11 v128) (local $c12 v128) (local $c13 v128)
    (local.set $rowB (i32.shl (local.get $n) (i32.const 3)))
    (local.set $rowC (i32.shl (local.get $n) (i32.const 2)))
    (local.set $i (i32.const 0))
    (block $doneI (loop $loopI
      (br_if $doneI (i32.ge_u (local.get $i) (local.get $m)))
      (local.set $j (i32.const 0))
      (block $doneJ (loop $loopJ
        (br_if $doneJ (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $c00 (v128.const i64x2 0 0)) (local.set $c01 (v128.const i64x2 0 0))
        (local.set $c02 (v128.const i64x2 0 0)) (local.set $c03 (v128.const i64x2 0 0))
        (local.set $c10 (v128.const i64x2 0 0)) (local.set $c11 (v128.const i64x2 0 0))
        (local.set $c12 (v128.const i64x2 0 0)) (local.set $c13 (v128.const i64x2 0 0))
        (local.set $pa0 (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $kd)) (i32.const 3))))
        (local.set $pa1 (i32.add (local.get $pa0) (i32.shl (local.get $kd) (i32.const 3))))
        (local.set $pb (i32.add (local.get $bt) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $k (local.get $kd))
        (block $doneK (loop $loopK
          (br_if $doneK (i32.eqz (local.get $k)))
          (local.set $x0 (v128.load64_splat (local.get $pa0)))
          (local.set $x1 (v128.load64_splat (local.get $pa1)))
          (local.set $ya (v128.load (local.get $pb)))
          (local.set $yb (v128.load offset=16 (local.get $pb)))
          (local.set $yc (v128.load offset=32 (local.get $pb)))
          (local.set $yd (v128.load offset=48 (local.get $pb)))
          (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x0) (local.get $ya))))
          (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x0) (local.get $yb))))
          (local.set $c02 (f64x2.add (local.get $c02) (f64x2.mul (local.get $x0) (local.get $yc))))
          (local.set $c03 (f64x2.add (local.get $c03) (f64x2.mul (local.get $x0) (local.get $yd))))
          (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x1) (local.get $ya))))
          (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x1) (local.get $yb))))
          (local.set $c12 (f64x2.add (local.get $c12) (f64x2.mul (local.get $x1) (local.get $yc))))
          (local.set $c13 (f64x2.add (local.get $c13) (f64x2.mul (local.get $x1) (local.get $yd))))
          (local.set $pa0 (i32.add (local.get $pa0) (i32.const 8)))
          (local.set $pa1 (i32.add (local.get $pa1) (i32.const 8)))
          (local.set $pb (i32.add (local.get $pb) (local.get $rowB)))
          (local.set $k (i32.sub (local.get $k) (i32.const 1)))
          (br $loopK)))
        (if (local.get $hasBias) (then
          (local.set $pb (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2))))
          (local.set $y (v128.load (local.get $pb)))
          (local.set $ya (f64x2.promote_low_f32x4 (local.get $y)))
          (local.set $yb (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $y) (local.get $y))))
          (local.set $y (v128.load offset=16 (local.get $pb)))
          (local.set $yc (f64x2.promote_low_f32x4 (local.get $y)))
          (local.set $yd (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $y) (local.get $y))))
          (local.set $c00 (f64x2.add (local.get $c00) (local.get $ya)))
          (local.set $c01 (f64x2.add (local.get $c01) (local.get $yb)))
          (local.set $c02 (f64x2.add (local.get $c02) (local.get $yc)))
          (local.set $c03 (f64x2.add (local.get $c03) (local.get $yd)))
          (local.set $c10 (f64x2.add (local.get $c10) (local.get $ya)))
          (local.set $c11 (f64x2.add (local.get $c11) (local.get $yb)))
          (local.set $c12 (f64x2.add (local.get $c12) (local.get $yc)))
          (local.set $c13 (f64x2.add (local.get $c13) (local.get $yd)))))
        (local.set $pc (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 2))))
        (v128.store (local.get $pc) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
           (f32x4.demote_f64x2_zero (local.get $c00)) (f32x4.demote_f64x2_zero (local.get $c01))))
        (v128.store offset=16 (local.get $pc) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
           (f32x4.demote_f64x2_zero (local.get $c02)) (f32x4.demote_f64x2_zero (local.get $c03))))
        (local.set $pc (i32.add (local.get $pc) (local.get $rowC)))
        (v128.store (local.get $pc) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
           (f32x4.demote_f64x2_zero (local.get $c10)) (f32x4.demote_f64x2_zero (local.get $c11))))
        (v128.store offset=16 (local.get $pc) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
           (f32x4.demote_f64x2_zero (local.get $c12)) (f32x4.demote_f64x2_zero (local.get $c13))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $loopJ)))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $loopI)))
  )

  ;; tanhFloat32 of fast-tanh.ts, operation for operation: Eigen's rational form for |x| ≤ 7.905, else
  ;; 1 − 2/(e^{2|x|} + 1) with its sign.
  (func $tanh (param $x f64) (result f64)
    (local $x2 f64) (local $t f64)
    (if (i32.or (f64.gt (local.get $x) (f64.const 7.905)) (f64.lt (local.get $x) (f64.const -7.905)))
      (then
        (local.set $t (f64.sub (f64.const 1)
          (f64.div (f64.const 2) (f64.add (call $exp (f64.mul (f64.const 2) (f64.abs (local.get $x)))) (f64.const 1)))))
        (return (select (local.get $t) (f64.neg (local.get $t)) (f64.gt (local.get $x) (f64.const 0))))))
    (local.set $x2 (f64.mul (local.get $x) (local.get $x)))
    (f64.div
      (f64.mul (local.get $x)
        (f64.add (f64.const 4.89352455891786e-3) (f64.mul (local.get $x2)
        (f64.add (f64.const 6.37261928875436e-4) (f64.mul (local.get $x2)
        (f64.add (f64.const 1.48572235717979e-5) (f64.mul (local.get $x2)
        (f64.add (f64.const 5.12229709037114e-8) (f64.mul (local.get $x2)
        (f64.add (f64.const -8.60467152213735e-11) (f64.mul (local.get $x2)
        (f64.add (f64.const 2.00018790482477e-13) (f64.mul (local.get $x2) (f64.const -2.76076847742355e-16))))))))))))))
      (f64.add (f64.const 4.89352518554385e-3) (f64.mul (local.get $x2)
        (f64.add (f64.const 2.268434632439e-3) (f64.mul (local.get $x2)
        (f64.add (f64.const 1.18534705686654e-4) (f64.mul (local.get $x2) (f64.const 1.19825839466702e-6)))))))))

;; $tanh on both lanes of an f64x2, for lanes that are not saturated (|x| ≤ 7.905; the caller checks): the same
  ;; operations in the same order as the scalar form, lane by lane.
  (func $tanh2 (param $x v128) (result v128)
    (local $x2 v128)
    (local.set $x2 (f64x2.mul (local.get $x) (local.get $x)))
    (f64x2.div
      (f64x2.mul (local.get $x)
        (f64x2.add (v128.const f64x2 4.89352455891786e-3 4.89352455891786e-3) (f64x2.mul (local.get $x2)
        (f64x2.add (v128.const f64x2 6.37261928875436e-4 6.37261928875436e-4) (f64x2.mul (local.get $x2)
        (f64x2.add (v128.const f64x2 1.48572235717979e-5 1.48572235717979e-5) (f64x2.mul (local.get $x2)
        (f64x2.add (v128.const f64x2 5.12229709037114e-8 5.12229709037114e-8) (f64x2.mul (local.get $x2)
        (f64x2.add (v128.const f64x2 -8.60467152213735e-11 -8.60467152213735e-11) (f64x2.mul (local.get $x2)
        (f64x2.add (v128.const f64x2 2.00018790482477e-13 2.00018790482477e-13) (f64x2.mul (local.get $x2) (v128.const f64x2 -2.76076847742355e-16 -2.76076847742355e-16))))))))))))))
      (f64x2.add (v128.const f64x2 4.89352518554385e-3 4.89352518554385e-3) (f64x2.mul (local.get $x2)
        (f64x2.add (v128.const f64x2 2.268434632439e-3 2.268434632439e-3) (f64x2.mul (local.get $x2)
        (f64x2.add (v128.const f64x2 1.18534705686654e-4 1.18534705686654e-4) (f64x2.mul (local.get $x2) (v128.const f64x2 1.19825839466702e-6 1.19825839466702e-6)))))))))

  ;; tanh of the two float32 values at $p, in place: both lanes at once unless one is saturated.
  (func $tanhPair (param $p i32)
    (local $x v128)
    (local.set $x (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))))
    (if (v128.any_true (f64x2.gt (f64x2.abs (local.get $x)) (v128.const f64x2 7.905 7.905)))
      (then
        (f32.store (local.get $p) (f32.demote_f64 (call $tanh (f64.promote_f32 (f32.load (local.get $p))))))
        (f32.store offset=4 (local.get $p) (f32.demote_f64 (call $tanh (f64.promote_f32 (f32.load offset=4 (local.get $p)))))))
      (else
        (v128.store64_lane 0 (local.get $p) (f32x4.demote_f64x2_zero (call $tanh2 (local.get $x)))))))

  ;; tanh of the four float32 values at $p, in place: two f64x2 of $tanh2's operations side by side, so that the
  ;; two chains of dependent multiplies and adds overlap; unless a value is saturated, then pair by pair.
  (func $tanhQuad (param $p i32)
    (local $x v128) (local $y v128) (local $x2 v128) (local $y2 v128) (local $px v128) (local $py v128) (local $qx v128) (local $qy v128)
    (local.set $x (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))))
    (local.set $y (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $p))))
    (if (v128.any_true (v128.or
          (f64x2.gt (f64x2.abs (local.get $x)) (v128.const f64x2 7.905 7.905))
          (f64x2.gt (f64x2.abs (local.get $y)) (v128.const f64x2 7.905 7.905))))
      (then (call $tanhPair (local.get $p)) (call $tanhPair (i32.add (local.get $p) (i32.const 8))) (return)))
    (local.set $x2 (f64x2.mul (local.get $x) (local.get $x)))
    (local.set $y2 (f64x2.mul (local.get $y) (local.get $y)))
    (local.set $px (v128.const f64x2 -2.76076847742355e-16 -2.76076847742355e-16))
    (local.set $py (v128.const f64x2 -2.76076847742355e-16 -2.76076847742355e-16))
    (local.set $px (f64x2.add (v128.const f64x2 2.00018790482477e-13 2.00018790482477e-13) (f64x2.mul (local.get $x2) (local.get $px))))
    (local.set $py (f64x2.add (v128.const f64x2 2.00018790482477e-13 2.00018790482477e-13) (f64x2.mul (local.get $y2) (local.get $py))))
    (local.set $px (f64x2.add (v128.const f64x2 -8.60467152213735e-11 -8.60467152213735e-11) (f64x2.mul (local.get $x2) (local.get $px))))
    (local.set $py (f64x2.add (v128.const f64x2 -8.60467152213735e-11 -8.60467152213735e-11) (f64x2.mul (local.get $y2) (local.get $py))))
    (local.set $px (f64x2.add (v128.const f64x2 5.12229709037114e-8 5.12229709037114e-8) (f64x2.mul (local.get $x2) (local.get $px))))
    (local.set $py (f64x2.add (v128.const f64x2 5.12229709037114e-8 5.12229709037114e-8) (f64x2.mul (local.get $y2) (local.get $py))))
    (local.set $px (f64x2.add (v128.const f64x2 1.48572235717979e-5 1.48572235717979e-5) (f64x2.mul (local.get $x2) (local.get $px))))
    (local.set $py (f64x2.add (v128.const f64x2 1.48572235717979e-5 1.48572235717979e-5) (f64x2.mul (local.get $y2) (local.get $py))))
    (local.set $px (f64x2.add (v128.const f64x2 6.37261928875436e-4 6.37261928875436e-4) (f64x2.mul (local.get $x2) (local.get $px))))
    (local.set $py (f64x2.add (v128.const f64x2 6.37261928875436e-4 6.37261928875436e-4) (f64x2.mul (local.get $y2) (local.get $py))))
    (local.set $px (f64x2.add (v128.const f64x2 4.89352455891786e-3 4.89352455891786e-3) (f64x2.mul (local.get $x2) (local.get $px))))
    (local.set $py (f64x2.add (v128.const f64x2 4.89352455891786e-3 4.89352455891786e-3) (f64x2.mul (local.get $y2) (local.get $py))))
    (local.set $px (f64x2.mul (local.get $x) (local.get $px)))
    (local.set $py (f64x2.mul (local.get $y) (local.get $py)))
    (local.set $qx (v128.const f64x2 1.19825839466702e-6 1.19825839466702e-6))
    (local.set $qy (v128.const f64x2 1.19825839466702e-6 1.19825839466702e-6))
    (local.set $qx (f64x2.add (v128.const f64x2 1.18534705686654e-4 1.18534705686654e-4) (f64x2.mul (local.get $x2) (local.get $qx))))
    (local.set $qy (f64x2.add (v128.const f64x2 1.18534705686654e-4 1.18534705686654e-4) (f64x2.mul (local.get $y2) (local.get $qy))))
    (local.set $qx (f64x2.add (v128.const f64x2 2.268434632439e-3 2.268434632439e-3) (f64x2.mul (local.get $x2) (local.get $qx))))
    (local.set $qy (f64x2.add (v128.const f64x2 2.268434632439e-3 2.268434632439e-3) (f64x2.mul (local.get $y2) (local.get $qy))))
    (local.set $qx (f64x2.add (v128.const f64x2 4.89352518554385e-3 4.89352518554385e-3) (f64x2.mul (local.get $x2) (local.get $qx))))
    (local.set $qy (f64x2.add (v128.const f64x2 4.89352518554385e-3 4.89352518554385e-3) (f64x2.mul (local.get $y2) (local.get $qy))))
    (v128.store64_lane 0 (local.get $p) (f32x4.demote_f64x2_zero (f64x2.div (local.get $px) (local.get $qx))))
    (v128.store64_lane offset=8 0 (local.get $p) (f32x4.demote_f64x2_zero (f64x2.div (local.get $py) (local.get $qy)))))

  ;; In place on C (rows × cols, row stride `stride`): tanh when $isTanh, else ReLU (x > 0 ? x : +0, NaN → +0).
  (func (export "activate") (param $c i32) (param $rows i32) (param $cols i32) (param $stride i32) (param $isTanh i32)
    (local $i i32) (local $p i32) (local $end i32) (local $v f64)
    (block $doneI (loop $loopI
      (br_if $doneI (i32.ge_u (local.get $i) (local.get $rows)))
      (local.set $p (i32.add (local.get $c) (i32.shl (i32.mul (local.get $i) (local.get $stride)) (i32.const 2))))
      (local.set $end (i32.add (local.get $p) (i32.shl (local.get $cols) (i32.const 2))))
      (if (local.get $isTanh) (then
        ;; Fours while four values remain in the row, then pairs, then the odd last one.
        (block $doneQuads (loop $quads
          (br_if $doneQuads (i32.gt_u (i32.add (local.get $p) (i32.const 16)) (local.get $end)))
          (call $tanhQuad (local.get $p))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br $quads)))
        (block $donePairs (loop $pairs
          (br_if $donePairs (i32.gt_u (i32.add (local.get $p) (i32.const 8)) (local.get $end)))
          (call $tanhPair (local.get $p))
          (local.set $p (i32.add (local.get $p) (i32.const 8)))
          (br $pairs)))))
      (block $doneJ (loop $loopJ
        (br_if $doneJ (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (f64.promote_f32 (f32.load (local.get $p))))
        (local.set $v (if (result f64) (local.get $isTanh)
          (then (call $tanh (local.get $v)))
          (else (select (local.get $v) (f64.const 0) (f64.gt (local.get $v) (f64.const 0))))))
        (f32.store (local.get $p) (f32.demote_f64 (local.get $v)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $loopJ)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $loopI))))

  ;; $kept ? $v : +0 for $kept 0 or 1, without a branch: a mask draws 0 and 1 at random, so a select that the
  ;; compiler turns into a jump would be mispredicted half the time. The bits of $v, or none.
  (func $keepOrZero (param $v f64) (param $kept i32) (result f64)
    (f64.reinterpret_i64 (i64.and (i64.reinterpret_f64 (local.get $v)) (i64.sub (i64.const 0) (i64.extend_i32_u (local.get $kept))))))

  ;; Dropout of C (rows × cols, row stride `stride`) into the compact `out` and `mask`: element k is kept when
  ;; $mode is 0 (p = 0), never when it is 1 (p = 1), and when its draw (float64 at draws + 8k) is ≥ p when it is
  ;; 2; out = float32(x × (kept ? scale : 0)), the caller passing scale 1 for p = 0 and 0 for p = 1.
  (func (export "drop") (param $c i32) (param $out i32) (param $mask i32) (param $draws i32)
        (param $rows i32) (param $cols i32) (param $stride i32) (param $p f64) (param $scale f64) (param $mode i32)
    (local $i i32) (local $j i32) (local $k i32) (local $src i32) (local $kept i32)
    (local $keptV v128) (local $pV v128) (local $scaleV v128) (local $allV v128)
    (local.set $pV (f64x2.splat (local.get $p)))
    (local.set $scaleV (f64x2.splat (local.get $scale)))
    ;; Modes 0 and 1: every lane kept (all ones) or none.
    (local.set $allV (i64x2.splat (i64.sub (i64.const 0) (i64.extend_i32_u (i32.eqz (local.get $mode))))))
    (block $doneI (loop $loopI
      (br_if $doneI (i32.ge_u (local.get $i) (local.get $rows)))
      (local.set $src (i32.add (local.get $c) (i32.shl (i32.mul (local.get $i) (local.get $stride)) (i32.const 2))))
      (local.set $j (i32.const 0))
      ;; Two elements at a time (f64x2), the lane masks all ones or all zeros, then the odd last one.
      (block $donePairs (loop $pairs
        (br_if $donePairs (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $cols)))
        (local.set $keptV
          (if (result v128) (i32.eq (local.get $mode) (i32.const 2))
            (then (f64x2.ge (v128.load (i32.add (local.get $draws) (i32.shl (local.get $k) (i32.const 3)))) (local.get $pV)))
            (else (local.get $allV))))
        (i32.store8 (i32.add (local.get $mask) (local.get $k))
          (i32.and (i32.wrap_i64 (i64x2.extract_lane 0 (local.get $keptV))) (i32.const 1)))
        (i32.store8 offset=1 (i32.add (local.get $mask) (local.get $k))
          (i32.and (i32.wrap_i64 (i64x2.extract_lane 1 (local.get $keptV))) (i32.const 1)))
        (v128.store64_lane 0 (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2)))
          (f32x4.demote_f64x2_zero (f64x2.mul
            (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $src)))
            (v128.and (local.get $scaleV) (local.get $keptV)))))
        (local.set $src (i32.add (local.get $src) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $pairs)))
      (block $doneJ (loop $loopJ
        (br_if $doneJ (i32.ge_u (local.get $j) (local.get $cols)))
        (local.set $kept
          (if (result i32) (i32.eq (local.get $mode) (i32.const 2))
            (then (f64.ge (f64.load (i32.add (local.get $draws) (i32.shl (local.get $k) (i32.const 3)))) (local.get $p)))
            (else (i32.eqz (local.get $mode)))))
        (i32.store8 (i32.add (local.get $mask) (local.get $k)) (local.get $kept))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2)))
          (f32.demote_f64 (f64.mul (f64.promote_f32 (f32.load (local.get $src)))
            (call $keepOrZero (local.get $scale) (local.get $kept)))))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $loopJ)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $loopI))))

  ;; In place on the gradient G (rows × cols, row stride `stride`) of a hidden layer's output: back through
  ;; dropout when $useMask (kept ? g × scale : +0, from the compact mask) and the activation, written in terms of
  ;; its compact output a: tanh' = 1 − a², ReLU' = [a > 0].
  (func (export "backprop") (param $g i32) (param $act i32) (param $mask i32)
        (param $rows i32) (param $cols i32) (param $stride i32) (param $useMask i32) (param $scale f64) (param $isTanh i32)
    (local $i i32) (local $j i32) (local $k i32) (local $p i32) (local $v f64) (local $a f64)
    (local $vV v128) (local $aV v128) (local $scaleV v128)
    (local.set $scaleV (f64x2.splat (local.get $scale)))
    (block $doneI (loop $loopI
      (br_if $doneI (i32.ge_u (local.get $i) (local.get $rows)))
      (local.set $p (i32.add (local.get $g) (i32.shl (i32.mul (local.get $i) (local.get $stride)) (i32.const 2))))
      (local.set $j (i32.const 0))
      ;; Two elements at a time (f64x2; a mask byte widens to a lane of all ones or all zeros), then the odd last one.
      (block $donePairs (loop $pairs
        (br_if $donePairs (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $cols)))
        (local.set $vV (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))))
        (if (local.get $useMask) (then
          (local.set $vV (v128.and (f64x2.mul (local.get $vV) (local.get $scaleV))
            (i64x2.ne (v128.const i64x2 0 0)
              (i64x2.extend_low_i32x4_u (i32x4.extend_low_i16x8_u (i16x8.extend_low_i8x16_u
                (v128.load16_splat (i32.add (local.get $mask) (local.get $k)))))))))))
        (local.set $aV (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $act) (i32.shl (local.get $k) (i32.const 2))))))
        (v128.store64_lane 0 (local.get $p) (f32x4.demote_f64x2_zero
          (if (result v128) (local.get $isTanh)
            (then (f64x2.mul (local.get $vV) (f64x2.sub (v128.const f64x2 1 1) (f64x2.mul (local.get $aV) (local.get $aV)))))
            (else (v128.and (local.get $vV) (f64x2.gt (local.get $aV) (v128.const f64x2 0 0)))))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $pairs)))
      (block $doneJ (loop $loopJ
        (br_if $doneJ (i32.ge_u (local.get $j) (local.get $cols)))
        (local.set $v (f64.promote_f32 (f32.load (local.get $p))))
        (if (local.get $useMask) (then
          (local.set $v (call $keepOrZero (f64.mul (local.get $v) (local.get $scale))
            (i32.load8_u (i32.add (local.get $mask) (local.get $k)))))))
        (local.set $a (f64.promote_f32 (f32.load (i32.add (local.get $act) (i32.shl (local.get $k) (i32.const 2))))))
        (f32.store (local.get $p) (f32.demote_f64
          (if (result f64) (local.get $isTanh)
            (then (f64.mul (local.get $v) (f64.sub (f64.const 1) (f64.mul (local.get $a) (local.get $a)))))
            (else (select (local.get $v) (f64.const 0) (f64.gt (local.get $a) (f64.const 0)))))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $loopJ)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $loopI))))

  ;; dst (cols × rows, compact, float64: matmul's A) = srcᵀ, src rows × cols compact float32.
  (func (export "transpose") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (local $r i32) (local $c i32) (local $p i32) (local $q i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $rows) (i32.const 3)))
    (local.set $p (local.get $src))
    (block $doneR (loop $loopR
      (br_if $doneR (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $q (i32.add (local.get $dst) (i32.shl (local.get $r) (i32.const 3))))
      (local.set $c (i32.const 0))
      (block $doneC (loop $loopC
        (br_if $doneC (i32.ge_u (local.get $c) (local.get $cols)))
        (f64.store (local.get $q) (f64.promote_f32 (f32.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $q (i32.add (local.get $q) (local.get $rowBytes)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $loopC)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $loopR))))

  ;; dst[c] = float32 of the float64 sum, from +0 in row order, of column c of src (rows × cols, compact float32):
  ;; a layer's bias gradient from its deltas. Row by row into float64 running sums at $sums, two columns per
  ;; f64x2, so the adds of different columns overlap instead of waiting on one long chain per column.
  (func (export "column_sums") (param $src i32) (param $dst i32) (param $sums i32) (param $rows i32) (param $cols i32)
    (local $r i32) (local $c i32) (local $p i32) (local $q i32)
    (memory.fill (local.get $sums) (i32.const 0) (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $p (local.get $src))
    (block $doneR (loop $loopR
      (br_if $doneR (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $q (local.get $sums))
      (local.set $c (i32.const 0))
      (block $donePairs (loop $pairs
        (br_if $donePairs (i32.gt_u (i32.add (local.get $c) (i32.const 2)) (local.get $cols)))
        (v128.store (local.get $q) (f64x2.add (v128.load (local.get $q))
          (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p)))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (local.set $c (i32.add (local.get $c) (i32.const 2)))
        (br $pairs)))
      (if (i32.lt_u (local.get $c) (local.get $cols)) (then
        (f64.store (local.get $q) (f64.add (f64.load (local.get $q)) (f64.promote_f32 (f32.load (local.get $p)))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $loopR)))
    (local.set $c (i32.const 0))
    (block $doneC (loop $loopC
      (br_if $doneC (i32.ge_u (local.get $c) (local.get $cols)))
      (f32.store (i32.add (local.get $dst) (i32.shl (local.get $c) (i32.const 2)))
        (f32.demote_f64 (f64.load (i32.add (local.get $sums) (i32.shl (local.get $c) (i32.const 3))))))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $loopC))))
)
