;; The engine's one WebAssembly kernel: C (m × n) = A (m × kd) · Bt (kd × n), plus an optional bias row, on
;; float32 storage. Source of src/engine/kernels/matmulWasm.ts (regenerate with `npm run wasm`).
;;
;; Why it is bit for bit the JavaScript kernel (linalg.ts matmulTransposed): every element of C is its own sum,
;; started at +0, of the products A[i,k]·Bt[k,j] in k order, then the bias, and rounded to float32 once when
;; stored. Each product of two float32 values is exact in float64, the adds are IEEE float64 adds in the same
;; order, and demote rounds to nearest-even as a Float32Array store does. SIMD only puts two columns (j, j+1)
;; in the two lanes of one f64x2: lanes never mix, and no fused multiply-add is used (it would round once less).
;;
;; The caller pads: m is even and n a multiple of 8 (2 rows × 8 columns per tile, 8 f64x2 accumulators).
;; Addresses are byte offsets into the exported memory.
(module
  (memory (export "memory") 1)
  (func (export "matmul") (param $a i32) (param $bt i32) (param $bias i32) (param $c i32)
        (param $m i32) (param $n i32) (param $kd i32) (param $hasBias i32)
    (local $i i32) (local $j i32) (local $k i32)
    (local $pa0 i32) (local $pa1 i32) (local $pb i32) (local $rowB i32) (local $pc i32)
    (local $x0 v128) (local $x1 v128) (local $y v128) (local $ya v128) (local $yb v128) (local $yc v128) (local $yd v128)
    (local $c00 v128) (local $c01 v128) (local $c02 v128) (local $c03 v128)
    (local $c10 v128) (local $c11 v128) (local $c12 v128) (local $c13 v128)
    (local.set $rowB (i32.shl (local.get $n) (i32.const 2)))
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
        (local.set $pa0 (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $kd)) (i32.const 2))))
        (local.set $pa1 (i32.add (local.get $pa0) (i32.shl (local.get $kd) (i32.const 2))))
        (local.set $pb (i32.add (local.get $bt) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $k (local.get $kd))
        (block $doneK (loop $loopK
          (br_if $doneK (i32.eqz (local.get $k)))
          (local.set $x0 (f64x2.splat (f64.promote_f32 (f32.load (local.get $pa0)))))
          (local.set $x1 (f64x2.splat (f64.promote_f32 (f32.load (local.get $pa1)))))
          (local.set $y (v128.load (local.get $pb)))
          (local.set $ya (f64x2.promote_low_f32x4 (local.get $y)))
          (local.set $yb (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $y) (local.get $y))))
          (local.set $y (v128.load offset=16 (local.get $pb)))
          (local.set $yc (f64x2.promote_low_f32x4 (local.get $y)))
          (local.set $yd (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $y) (local.get $y))))
          (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x0) (local.get $ya))))
          (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x0) (local.get $yb))))
          (local.set $c02 (f64x2.add (local.get $c02) (f64x2.mul (local.get $x0) (local.get $yc))))
          (local.set $c03 (f64x2.add (local.get $c03) (f64x2.mul (local.get $x0) (local.get $yd))))
          (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x1) (local.get $ya))))
          (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x1) (local.get $yb))))
          (local.set $c12 (f64x2.add (local.get $c12) (f64x2.mul (local.get $x1) (local.get $yc))))
          (local.set $c13 (f64x2.add (local.get $c13) (f64x2.mul (local.get $x1) (local.get $yd))))
          (local.set $pa0 (i32.add (local.get $pa0) (i32.const 4)))
          (local.set $pa1 (i32.add (local.get $pa1) (i32.const 4)))
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
        (local.set $pc (i32.add (local.get $pc) (local.get $rowB)))
        (v128.store (local.get $pc) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
           (f32x4.demote_f64x2_zero (local.get $c10)) (f32x4.demote_f64x2_zero (local.get $c11))))
        (v128.store offset=16 (local.get $pc) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
           (f32x4.demote_f64x2_zero (local.get $c12)) (f32x4.demote_f64x2_zero (local.get $c13))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $loopJ)))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $loopI)))
  )
)
