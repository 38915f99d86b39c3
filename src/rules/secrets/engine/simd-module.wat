;; The WebAssembly module of the SIMD keyword pass (simd-filter.ts), in the manner of
;; Hyperscan's Teddy:
;;   scan(length) -> count   the positions of a block whose three bytes some bucket accepts
;;   json(length, skip)      the same block read as a JSON string's raw text: its escapes
;;
;; scripts/assemble-wasm.mjs assembles this file with wabt into simd-module.generated.ts (npm
;; run build and npm run docs run it; a test fails when the two differ), so neither the runtime
;; nor dist/ needs an assembler. Names in braces, such as {INPUT} or {RESULT + 4}, are the memory
;; layout of simd-layout.ts, which simd-filter.ts imports too; the script writes in the numbers.
;;
;; Memory (simd-layout.ts):
;;   {TABLES}  the bucket tables: for each of a trigram's three positions, a 16-byte table for
;;             the low nibble of a byte, then one for its high nibble (simd-buckets.ts)
;;   {RESULT}  what `json` found: escapes, flags, where escapes start in the next block (3 x i32)
;;   {INPUT}   the block, then the two bytes after it (they end its last trigrams), then zeros
;;             (the last 16-byte loads read past the block)
;;   {OUTPUT}  what `scan` found: one i32 per accepted position, ascending
(module
  (memory $memory {PAGES})

  ;; Writes the positions in [0, length) where some bucket accepts the folded bytes at p, p + 1
  ;; and p + 2 to {OUTPUT}, ascending, and returns how many. That is every position where a
  ;; keyword starts, and some more (a bucket accepts any mix of its keywords' nibbles):
  ;; KeywordFilter checks each exactly. `length` is at most BLOCK.
  (func $scan (export "scan") (param $length i32) (result i32)
    (local $i i32) ;; the first of the 16 positions in hand
    (local $count i32) ;; positions written to {OUTPUT} so far
    (local $bits i32) ;; one bit per accepted position of the 16, lowest first
    (local $v v128) ;; 16 folded bytes
    (local $m v128) ;; per position of the 16, the buckets that accept it so far
    (local $nibble v128) ;; 0x0f in every byte
    (local $fold v128) ;; 0x20 in every byte
    ;; The six tables stay in locals (registers) for the whole call.
    (local $low0 v128) (local $high0 v128) ;; position 0 of a trigram
    (local $low1 v128) (local $high1 v128) ;; position 1
    (local $low2 v128) (local $high2 v128) ;; position 2
    (local.set $nibble (i8x16.splat (i32.const 15)))
    ;; Folding as KeywordFilter folds: bit 5 set in every byte, which lowers ASCII capitals (and
    ;; folds a few other bytes onto keyword bytes: more candidates, never fewer).
    (local.set $fold (i8x16.splat (i32.const 32)))
    (local.set $low0 (v128.load offset={TABLES} align=1 (i32.const 0)))
    (local.set $high0 (v128.load offset={TABLES + 16} align=1 (i32.const 0)))
    (local.set $low1 (v128.load offset={TABLES + 32} align=1 (i32.const 0)))
    (local.set $high1 (v128.load offset={TABLES + 48} align=1 (i32.const 0)))
    (local.set $low2 (v128.load offset={TABLES + 64} align=1 (i32.const 0)))
    (local.set $high2 (v128.load offset={TABLES + 80} align=1 (i32.const 0)))
    (block $done
      (loop $sixteen
        (br_if $done (i32.ge_u (local.get $i) (local.get $length)))
        ;; For each byte, the buckets that accept it are those that accept both its nibbles;
        ;; i8x16.swizzle looks the nibbles of 16 bytes up in a 16-byte table at once. The three
        ;; positions' answers, ANDed, leave the buckets that accept a whole trigram.
        (local.set $v
          (v128.or (v128.load offset={INPUT} align=1 (local.get $i)) (local.get $fold)))
        (local.set $m
          (v128.and
            (i8x16.swizzle (local.get $low0) (v128.and (local.get $v) (local.get $nibble)))
            (i8x16.swizzle (local.get $high0) (i8x16.shr_u (local.get $v) (i32.const 4)))))
        (local.set $v
          (v128.or (v128.load offset={INPUT + 1} align=1 (local.get $i)) (local.get $fold)))
        (local.set $m
          (v128.and
            (v128.and
              (i8x16.swizzle (local.get $low1) (v128.and (local.get $v) (local.get $nibble)))
              (i8x16.swizzle (local.get $high1) (i8x16.shr_u (local.get $v) (i32.const 4))))
            (local.get $m)))
        (local.set $v
          (v128.or (v128.load offset={INPUT + 2} align=1 (local.get $i)) (local.get $fold)))
        (local.set $m
          (v128.and
            (v128.and
              (i8x16.swizzle (local.get $low2) (v128.and (local.get $v) (local.get $nibble)))
              (i8x16.swizzle (local.get $high2) (i8x16.shr_u (local.get $v) (i32.const 4))))
            (local.get $m)))
        ;; Most runs of 16 have no candidate: one test skips them.
        (if (v128.any_true (local.get $m))
          (then
            ;; i8x16.bitmask takes each byte's top bit, and an accepting bucket may be any bit:
            ;; compare with zero first.
            (local.set $bits
              (i8x16.bitmask (i8x16.ne (local.get $m) (v128.const i32x4 0 0 0 0))))
            ;; The last 16 may run past the block, into the bytes that only end its trigrams.
            (if (i32.lt_u (i32.sub (local.get $length) (local.get $i)) (i32.const 16))
              (then
                (local.set $bits
                  (i32.and
                    (local.get $bits)
                    (i32.sub
                      (i32.shl (i32.const 1) (i32.sub (local.get $length) (local.get $i)))
                      (i32.const 1))))))
            ;; Each set bit, lowest first, is a position to report.
            (block $reported
              (loop $report
                (br_if $reported (i32.eqz (local.get $bits)))
                (i32.store offset={OUTPUT}
                  (i32.shl (local.get $count) (i32.const 2))
                  (i32.add (local.get $i) (i32.ctz (local.get $bits))))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))
                ;; drop the lowest set bit
                (local.set $bits
                  (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
                (br $report)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $sixteen)))
    (local.get $count))

  ;; Over a block of a JSON string's raw text (between its quotes), which `scan` has just read:
  ;; counts its escapes and says whether it can be read as it is written (Scanner.skim). A
  ;; backslash at or after `skip` starts an escape, and the byte after it belongs to it (a
  ;; backslash before `skip` is the second byte of the previous escape, as in \\). Writes to
  ;; {RESULT}:
  ;;   escapes  how many (the decoded text is that much shorter than the raw)
  ;;   flags    1: a control byte, which JSON does not allow raw; 2: an escape other than
  ;;            \" \\ \b \f \n \r \t, such as \/ or \u, which can make a keyword the raw text
  ;;            does not show (or is not JSON at all)
  ;;   skip     where escapes start in the next block: 1 when this block's last byte starts
  ;;            one (the next block's first byte is escaped), else 0 or less
  (func $json (export "json") (param $length i32) (param $skip i32)
    (local $i i32) ;; the first of the 16 bytes in hand
    (local $bits i32) ;; one bit per byte of the 16 that matched, lowest first
    (local $at i32) ;; a backslash's position
    (local $escapes i32)
    (local $flags i32)
    (local $char i32) ;; the byte a backslash escapes
    (local $v v128) ;; the 16 bytes
    (local $m v128) ;; 0xff for each of them that matched
    (local $backslash v128) ;; 0x5c in every byte
    (local $space v128) ;; 0x20 in every byte
    (local.set $backslash (i8x16.splat (i32.const 0x5c)))
    (local.set $space (i8x16.splat (i32.const 0x20)))
    (block $done
      (loop $sixteen
        (br_if $done (i32.ge_u (local.get $i) (local.get $length)))
        (local.set $v (v128.load offset={INPUT} align=1 (local.get $i)))
        ;; Control bytes (below 0x20) within the block.
        (local.set $m (i8x16.lt_u (local.get $v) (local.get $space)))
        (if (v128.any_true (local.get $m))
          (then
            (local.set $bits (i8x16.bitmask (local.get $m)))
            ;; The last 16 may run past the block (into the zero padding, for one).
            (if (i32.lt_u (i32.sub (local.get $length) (local.get $i)) (i32.const 16))
              (then
                (local.set $bits
                  (i32.and
                    (local.get $bits)
                    (i32.sub
                      (i32.shl (i32.const 1) (i32.sub (local.get $length) (local.get $i)))
                      (i32.const 1))))))
            (if (local.get $bits)
              (then (local.set $flags (i32.or (local.get $flags) (i32.const 1)))))))
        ;; Backslashes, each looked at in turn: whether one starts an escape depends on the one
        ;; before it.
        (local.set $m (i8x16.eq (local.get $v) (local.get $backslash)))
        (if (v128.any_true (local.get $m))
          (then
            (local.set $bits (i8x16.bitmask (local.get $m)))
            (if (i32.lt_u (i32.sub (local.get $length) (local.get $i)) (i32.const 16))
              (then
                (local.set $bits
                  (i32.and
                    (local.get $bits)
                    (i32.sub
                      (i32.shl (i32.const 1) (i32.sub (local.get $length) (local.get $i)))
                      (i32.const 1))))))
            (block $seen
              (loop $backslashes
                (br_if $seen (i32.eqz (local.get $bits)))
                (local.set $at (i32.add (local.get $i) (i32.ctz (local.get $bits))))
                ;; drop the lowest set bit
                (local.set $bits
                  (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
                (if (i32.ge_u (local.get $at) (local.get $skip))
                  (then
                    (local.set $escapes (i32.add (local.get $escapes) (i32.const 1)))
                    (local.set $skip (i32.add (local.get $at) (i32.const 2)))
                    ;; At the block's last byte this reads the first byte after the block,
                    ;; which simd-filter.ts copies in with it.
                    (local.set $char (i32.load8_u offset={INPUT + 1} (local.get $at)))
                    ;; Whether it is one of \" \\ \b \f \n \r \t:
                    (i32.eq (local.get $char) (i32.const 0x22)) ;; "
                    (i32.or (i32.eq (local.get $char) (i32.const 0x5c))) ;; \
                    (i32.or (i32.eq (local.get $char) (i32.const 0x62))) ;; b
                    (i32.or (i32.eq (local.get $char) (i32.const 0x66))) ;; f
                    (i32.or (i32.eq (local.get $char) (i32.const 0x6e))) ;; n
                    (i32.or (i32.eq (local.get $char) (i32.const 0x72))) ;; r
                    (i32.or (i32.eq (local.get $char) (i32.const 0x74))) ;; t
                    (if (i32.eqz)
                      (then (local.set $flags (i32.or (local.get $flags) (i32.const 2)))))))
                (br $backslashes)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $sixteen)))
    (i32.store offset={RESULT} (i32.const 0) (local.get $escapes))
    (i32.store offset={RESULT + 4} (i32.const 0) (local.get $flags))
    (i32.store offset={RESULT + 8} (i32.const 0) (i32.sub (local.get $skip) (local.get $length))))

  (export "memory" (memory $memory)))
