;; One step of Adam (optim.ts's Adam.step) over float32 parameters, with the moments m and v in float64. Source of
;; src/engine/kernels/adamWasm.ts (regenerate with `npm run wasm`).
;;
;; The same float64 operations as the JavaScript, in the same order, two parameters at a time (f64x2 lanes never
;; mix; f64x2.sqrt is correctly rounded, as Math.sqrt), and one rounding to float32 where the JavaScript stores
;; into the Float32Array:
;;   m = β1·m + (1 − β1)·g;  v = β2·v + ((1 − β2)·g)·g;  p = float32(p − (stepSize·m) / (√v / √(1 − β2ᵗ) + eps))
;; Addresses are byte offsets into the exported memory; m and v are 8-byte aligned.
(module
  (memory (export "memory") 1)
  (func (export "step") (param $params i32) (param $grads i32) (param $m i32) (param $v i32) (param $count i32)
        (param $beta1 f64) (param $oneMinusBeta1 f64) (param $beta2 f64) (param $oneMinusBeta2 f64)
        (param $stepSize f64) (param $sqrtCorrection2 f64) (param $eps f64)
    (local $i i32) (local $g v128) (local $mi v128) (local $vi v128) (local $gs f64) (local $ms f64) (local $vs f64)
    (local $b1 v128) (local $c1 v128) (local $b2 v128) (local $c2 v128) (local $s v128) (local $r v128) (local $e v128)
    (local.set $b1 (f64x2.splat (local.get $beta1)))
    (local.set $c1 (f64x2.splat (local.get $oneMinusBeta1)))
    (local.set $b2 (f64x2.splat (local.get $beta2)))
    (local.set $c2 (f64x2.splat (local.get $oneMinusBeta2)))
    (local.set $s (f64x2.splat (local.get $stepSize)))
    (local.set $r (f64x2.splat (local.get $sqrtCorrection2)))
    (local.set $e (f64x2.splat (local.get $eps)))
    (block $donePairs (loop $pairs
      (br_if $donePairs (i32.gt_u (i32.add (local.get $i) (i32.const 2)) (local.get $count)))
      (local.set $g (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $grads))))
      (local.set $mi (f64x2.add (f64x2.mul (local.get $b1) (v128.load (local.get $m))) (f64x2.mul (local.get $c1) (local.get $g))))
      (local.set $vi (f64x2.add (f64x2.mul (local.get $b2) (v128.load (local.get $v)))
        (f64x2.mul (f64x2.mul (local.get $c2) (local.get $g)) (local.get $g))))
      (v128.store (local.get $m) (local.get $mi))
      (v128.store (local.get $v) (local.get $vi))
      (v128.store64_lane 0 (local.get $params) (f32x4.demote_f64x2_zero
        (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $params)))
          (f64x2.div (f64x2.mul (local.get $s) (local.get $mi))
            (f64x2.add (f64x2.div (f64x2.sqrt (local.get $vi)) (local.get $r)) (local.get $e))))))
      (local.set $params (i32.add (local.get $params) (i32.const 8)))
      (local.set $grads (i32.add (local.get $grads) (i32.const 8)))
      (local.set $m (i32.add (local.get $m) (i32.const 16)))
      (local.set $v (i32.add (local.get $v) (i32.const 16)))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $pairs)))
    ;; The odd last parameter.
    (if (i32.lt_u (local.get $i) (local.get $count)) (then
      (local.set $gs (f64.promote_f32 (f32.load (local.get $grads))))
      (local.set $ms (f64.add (f64.mul (local.get $beta1) (f64.load (local.get $m))) (f64.mul (local.get $oneMinusBeta1) (local.get $gs))))
      (local.set $vs (f64.add (f64.mul (local.get $beta2) (f64.load (local.get $v)))
        (f64.mul (f64.mul (local.get $oneMinusBeta2) (local.get $gs)) (local.get $gs))))
      (f64.store (local.get $m) (local.get $ms))
      (f64.store (local.get $v) (local.get $vs))
      (f32.store (local.get $params) (f32.demote_f64
        (f64.sub (f64.promote_f32 (f32.load (local.get $params)))
          (f64.div (f64.mul (local.get $stepSize) (local.get $ms))
            (f64.add (f64.div (f64.sqrt (local.get $vs)) (local.get $sqrtCorrection2)) (local.get $eps)))))))))
)
