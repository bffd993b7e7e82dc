(module
  (import "env" "mem" (memory 1))
  (func $gemm (export "gemm") (param $M4 i32) (param $N8 i32) (param $K i32) (param $A i32) (param $B i32) (param $C i32) (param $S i32) (param $T_PTR i32) (param $ACT i32) (param $P0 f32) (param $P1 f32) (param $NB i32)
    (local $PB i32)
    (local $P_END i32)
    (local $KB2 i32)
    (local $KB3 i32)
    (local $I i32)
    (local $P i32)
    (local $AP i32)
    (local $AP_END i32)
    (local $BP i32)
    (local $KB i32)
    (local $LDB i32)
    (local $CROW i32)
    (local $SROW i32)
    (local $ACC00 v128)
    (local $ACC01 v128)
    (local $ACC10 v128)
    (local $ACC11 v128)
    (local $ACC20 v128)
    (local $ACC21 v128)
    (local $ACC30 v128)
    (local $ACC31 v128)
    (local $B0 v128)
    (local $B1 v128)
    (local $AV v128)
    (local $VS v128)
    (local $VT v128)
    (local $V v128)
    (local $VP0 v128)
    (local $VP1 v128)
    (local $T v128)
    (local $U v128)
    (local $Z v128)
    (local $LO v128)
    (local $HI v128)
    (local $LOG2E v128)
    (local $LN2_HI v128)
    (local $LN2_LO v128)
    (local $POLY5 v128)
    (local $POLY4 v128)
    (local $POLY3 v128)
    (local $POLY2 v128)
    (local $POLY1 v128)
    (local $POLY0 v128)
    (local $ONE v128)
    local.get $K
    i32.const 4
    i32.mul
    local.set $KB
    local.get $KB
    i32.const 2
    i32.mul
    local.set $KB2
    local.get $KB
    i32.const 3
    i32.mul
    local.set $KB3
    local.get $N8
    i32.const 4
    i32.mul
    local.set $LDB
    local.get $P0
    f32x4.splat
    local.set $VP0
    local.get $P1
    f32x4.splat
    local.set $VP1
    f32.const -87.30000305175781
    f32x4.splat
    local.set $LO
    f32.const 88.30000305175781
    f32x4.splat
    local.set $HI
    f32.const 1.4426950216293335
    f32x4.splat
    local.set $LOG2E
    f32.const 0.693359375
    f32x4.splat
    local.set $LN2_HI
    f32.const -0.00021219444170128554
    f32x4.splat
    local.set $LN2_LO
    f32.const 0.00019875691214110702
    f32x4.splat
    local.set $POLY5
    f32.const 0.001398199936375022
    f32x4.splat
    local.set $POLY4
    f32.const 0.008333452045917511
    f32x4.splat
    local.set $POLY3
    f32.const 0.04166579619050026
    f32x4.splat
    local.set $POLY2
    f32.const 0.1666666567325592
    f32x4.splat
    local.set $POLY1
    f32.const 0.5
    f32x4.splat
    local.set $POLY0
    f32.const 1
    f32x4.splat
    local.set $ONE
    local.get $NB
    i32.const 4
    i32.mul
    local.set $NB
    i32.const 0
    local.set $PB
    loop
      local.get $PB
      local.get $NB
      i32.add
      local.tee $P_END
      local.get $LDB
      local.get $P_END
      local.get $LDB
      i32.lt_u
      select
      local.set $P_END
      i32.const 0
      local.set $I
      loop
        local.get $PB
        local.set $P
        loop
          v128.const i32x4 0 0 0 0
          local.set $ACC00
          v128.const i32x4 0 0 0 0
          local.set $ACC01
          v128.const i32x4 0 0 0 0
          local.set $ACC10
          v128.const i32x4 0 0 0 0
          local.set $ACC11
          v128.const i32x4 0 0 0 0
          local.set $ACC20
          v128.const i32x4 0 0 0 0
          local.set $ACC21
          v128.const i32x4 0 0 0 0
          local.set $ACC30
          v128.const i32x4 0 0 0 0
          local.set $ACC31
          local.get $A
          local.get $I
          local.get $KB
          i32.mul
          i32.add
          local.tee $AP
          local.get $KB
          i32.add
          local.set $AP_END
          local.get $B
          local.get $P
          i32.add
          local.set $BP
          loop
            local.get $BP
            v128.load
            local.set $B0
            local.get $BP
            v128.load offset=16
            local.set $B1
            local.get $AP
            v128.load32_splat
            local.set $AV
            local.get $AV
            local.get $B0
            local.get $ACC00
            f32x4.relaxed_madd
            local.set $ACC00
            local.get $AV
            local.get $B1
            local.get $ACC01
            f32x4.relaxed_madd
            local.set $ACC01
            local.get $AP
            local.get $KB
            i32.add
            v128.load32_splat
            local.set $AV
            local.get $AV
            local.get $B0
            local.get $ACC10
            f32x4.relaxed_madd
            local.set $ACC10
            local.get $AV
            local.get $B1
            local.get $ACC11
            f32x4.relaxed_madd
            local.set $ACC11
            local.get $AP
            local.get $KB2
            i32.add
            v128.load32_splat
            local.set $AV
            local.get $AV
            local.get $B0
            local.get $ACC20
            f32x4.relaxed_madd
            local.set $ACC20
            local.get $AV
            local.get $B1
            local.get $ACC21
            f32x4.relaxed_madd
            local.set $ACC21
            local.get $AP
            local.get $KB3
            i32.add
            v128.load32_splat
            local.set $AV
            local.get $AV
            local.get $B0
            local.get $ACC30
            f32x4.relaxed_madd
            local.set $ACC30
            local.get $AV
            local.get $B1
            local.get $ACC31
            f32x4.relaxed_madd
            local.set $ACC31
            local.get $BP
            local.get $LDB
            i32.add
            local.set $BP
            local.get $AP
            i32.const 4
            i32.add
            local.tee $AP
            local.get $AP_END
            i32.lt_u
            br_if 0
          end
          local.get $C
          local.get $I
          local.get $LDB
          i32.mul
          i32.add
          local.get $P
          i32.add
          local.set $CROW
          local.get $I
          i32.const 4
          i32.mul
          local.set $SROW
          local.get $S
          local.get $SROW
          i32.add
          v128.load32_splat
          local.set $VS
          local.get $T_PTR
          local.get $SROW
          i32.add
          v128.load32_splat
          local.set $VT
          local.get $ACC00
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $CROW
          local.get $V
          v128.store
          local.get $ACC01
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $CROW
          local.get $V
          v128.store offset=16
          local.get $CROW
          local.get $LDB
          i32.add
          local.set $CROW
          local.get $S
          local.get $SROW
          i32.add
          v128.load32_splat offset=4
          local.set $VS
          local.get $T_PTR
          local.get $SROW
          i32.add
          v128.load32_splat offset=4
          local.set $VT
          local.get $ACC10
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $CROW
          local.get $V
          v128.store
          local.get $ACC11
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $CROW
          local.get $V
          v128.store offset=16
          local.get $CROW
          local.get $LDB
          i32.add
          local.set $CROW
          local.get $S
          local.get $SROW
          i32.add
          v128.load32_splat offset=8
          local.set $VS
          local.get $T_PTR
          local.get $SROW
          i32.add
          v128.load32_splat offset=8
          local.set $VT
          local.get $ACC20
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $CROW
          local.get $V
          v128.store
          local.get $ACC21
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $CROW
          local.get $V
          v128.store offset=16
          local.get $CROW
          local.get $LDB
          i32.add
          local.set $CROW
          local.get $S
          local.get $SROW
          i32.add
          v128.load32_splat offset=12
          local.set $VS
          local.get $T_PTR
          local.get $SROW
          i32.add
          v128.load32_splat offset=12
          local.set $VT
          local.get $ACC30
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $CROW
          local.get $V
          v128.store
          local.get $ACC31
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $CROW
          local.get $V
          v128.store offset=16
          local.get $CROW
          local.get $LDB
          i32.add
          local.set $CROW
          local.get $P
          i32.const 32
          i32.add
          local.tee $P
          local.get $P_END
          i32.lt_u
          br_if 0
        end
        local.get $I
        i32.const 4
        i32.add
        local.tee $I
        local.get $M4
        i32.lt_u
        br_if 0
      end
      local.get $PB
      local.get $NB
      i32.add
      local.tee $PB
      local.get $LDB
      i32.lt_u
      br_if 0
    end)
  (func $dw1 (export "dw1") (param $C i32) (param $IN i32) (param $HP i32) (param $WP i32) (param $W i32) (param $KH i32) (param $KW i32) (param $HO i32) (param $WO i32) (param $OUT i32) (param $S i32) (param $T_PTR i32) (param $ACT i32) (param $P0 f32) (param $P1 f32)
    (local $CH i32)
    (local $OY i32)
    (local $OX i32)
    (local $KY i32)
    (local $KX i32)
    (local $IN_C i32)
    (local $W_C i32)
    (local $OUT_ROW i32)
    (local $ROW_IN i32)
    (local $TAP i32)
    (local $WTAP i32)
    (local $WP4 i32)
    (local $PLANE i32)
    (local $ACC v128)
    (local $ACC2 v128)
    (local $VS v128)
    (local $VT v128)
    (local $V v128)
    (local $VP0 v128)
    (local $VP1 v128)
    (local $T v128)
    (local $U v128)
    (local $Z v128)
    (local $LO v128)
    (local $HI v128)
    (local $LOG2E v128)
    (local $LN2_HI v128)
    (local $LN2_LO v128)
    (local $POLY5 v128)
    (local $POLY4 v128)
    (local $POLY3 v128)
    (local $POLY2 v128)
    (local $POLY1 v128)
    (local $POLY0 v128)
    (local $ONE v128)
    local.get $WP
    i32.const 4
    i32.mul
    local.set $WP4
    local.get $HP
    local.get $WP4
    i32.mul
    local.set $PLANE
    local.get $P0
    f32x4.splat
    local.set $VP0
    local.get $P1
    f32x4.splat
    local.set $VP1
    f32.const -87.30000305175781
    f32x4.splat
    local.set $LO
    f32.const 88.30000305175781
    f32x4.splat
    local.set $HI
    f32.const 1.4426950216293335
    f32x4.splat
    local.set $LOG2E
    f32.const 0.693359375
    f32x4.splat
    local.set $LN2_HI
    f32.const -0.00021219444170128554
    f32x4.splat
    local.set $LN2_LO
    f32.const 0.00019875691214110702
    f32x4.splat
    local.set $POLY5
    f32.const 0.001398199936375022
    f32x4.splat
    local.set $POLY4
    f32.const 0.008333452045917511
    f32x4.splat
    local.set $POLY3
    f32.const 0.04166579619050026
    f32x4.splat
    local.set $POLY2
    f32.const 0.1666666567325592
    f32x4.splat
    local.set $POLY1
    f32.const 0.5
    f32x4.splat
    local.set $POLY0
    f32.const 1
    f32x4.splat
    local.set $ONE
    i32.const 0
    local.set $CH
    loop
      local.get $IN
      local.get $CH
      local.get $PLANE
      i32.mul
      i32.add
      local.set $IN_C
      local.get $W
      local.get $CH
      local.get $KH
      i32.mul
      local.get $KW
      i32.mul
      i32.const 4
      i32.mul
      i32.add
      local.set $W_C
      local.get $OUT
      local.get $CH
      local.get $HO
      i32.mul
      local.get $WO
      i32.mul
      i32.const 4
      i32.mul
      i32.add
      local.set $OUT_ROW
      local.get $S
      local.get $CH
      i32.const 4
      i32.mul
      i32.add
      v128.load32_splat
      local.set $VS
      local.get $T_PTR
      local.get $CH
      i32.const 4
      i32.mul
      i32.add
      v128.load32_splat
      local.set $VT
      i32.const 0
      local.set $OY
      loop
        local.get $IN_C
        local.get $OY
        i32.const 1
        i32.mul
        local.get $WP4
        i32.mul
        i32.add
        local.set $ROW_IN
        i32.const 0
        local.set $OX
        loop
          v128.const i32x4 0 0 0 0
          local.tee $ACC
          local.set $ACC2
          local.get $W_C
          local.set $WTAP
          i32.const 0
          local.set $KY
          loop
            local.get $ROW_IN
            local.get $KY
            local.get $WP4
            i32.mul
            i32.add
            local.get $OX
            i32.const 4
            i32.mul
            i32.add
            local.set $TAP
            i32.const 0
            local.set $KX
            local.get $KW
            i32.const 3
            i32.eq
            if
              local.get $WTAP
              v128.load32_splat
              local.set $V
              local.get $TAP
              v128.load
              local.get $V
              local.get $ACC
              f32x4.relaxed_madd
              local.set $ACC
              local.get $TAP
              v128.load offset=16
              local.get $V
              local.get $ACC2
              f32x4.relaxed_madd
              local.set $ACC2
              local.get $WTAP
              v128.load32_splat offset=4
              local.set $V
              local.get $TAP
              v128.load offset=4
              local.get $V
              local.get $ACC
              f32x4.relaxed_madd
              local.set $ACC
              local.get $TAP
              v128.load offset=20
              local.get $V
              local.get $ACC2
              f32x4.relaxed_madd
              local.set $ACC2
              local.get $WTAP
              v128.load32_splat offset=8
              local.set $V
              local.get $TAP
              v128.load offset=8
              local.get $V
              local.get $ACC
              f32x4.relaxed_madd
              local.set $ACC
              local.get $TAP
              v128.load offset=24
              local.get $V
              local.get $ACC2
              f32x4.relaxed_madd
              local.set $ACC2
              local.get $WTAP
              i32.const 12
              i32.add
              local.set $WTAP
            else
              local.get $KW
              i32.const 5
              i32.eq
              if
                local.get $WTAP
                v128.load32_splat
                local.set $V
                local.get $TAP
                v128.load
                local.get $V
                local.get $ACC
                f32x4.relaxed_madd
                local.set $ACC
                local.get $TAP
                v128.load offset=16
                local.get $V
                local.get $ACC2
                f32x4.relaxed_madd
                local.set $ACC2
                local.get $WTAP
                v128.load32_splat offset=4
                local.set $V
                local.get $TAP
                v128.load offset=4
                local.get $V
                local.get $ACC
                f32x4.relaxed_madd
                local.set $ACC
                local.get $TAP
                v128.load offset=20
                local.get $V
                local.get $ACC2
                f32x4.relaxed_madd
                local.set $ACC2
                local.get $WTAP
                v128.load32_splat offset=8
                local.set $V
                local.get $TAP
                v128.load offset=8
                local.get $V
                local.get $ACC
                f32x4.relaxed_madd
                local.set $ACC
                local.get $TAP
                v128.load offset=24
                local.get $V
                local.get $ACC2
                f32x4.relaxed_madd
                local.set $ACC2
                local.get $WTAP
                v128.load32_splat offset=12
                local.set $V
                local.get $TAP
                v128.load offset=12
                local.get $V
                local.get $ACC
                f32x4.relaxed_madd
                local.set $ACC
                local.get $TAP
                v128.load offset=28
                local.get $V
                local.get $ACC2
                f32x4.relaxed_madd
                local.set $ACC2
                local.get $WTAP
                v128.load32_splat offset=16
                local.set $V
                local.get $TAP
                v128.load offset=16
                local.get $V
                local.get $ACC
                f32x4.relaxed_madd
                local.set $ACC
                local.get $TAP
                v128.load offset=32
                local.get $V
                local.get $ACC2
                f32x4.relaxed_madd
                local.set $ACC2
                local.get $WTAP
                i32.const 20
                i32.add
                local.set $WTAP
              else
                loop
                  local.get $WTAP
                  v128.load32_splat
                  local.set $V
                  local.get $TAP
                  v128.load
                  local.get $V
                  local.get $ACC
                  f32x4.relaxed_madd
                  local.set $ACC
                  local.get $TAP
                  v128.load offset=16
                  local.get $V
                  local.get $ACC2
                  f32x4.relaxed_madd
                  local.set $ACC2
                  local.get $TAP
                  i32.const 4
                  i32.add
                  local.set $TAP
                  local.get $WTAP
                  i32.const 4
                  i32.add
                  local.set $WTAP
                  local.get $KX
                  i32.const 1
                  i32.add
                  local.tee $KX
                  local.get $KW
                  i32.lt_u
                  br_if 0
                end
              end
            end
            local.get $KY
            i32.const 1
            i32.add
            local.tee $KY
            local.get $KH
            i32.lt_u
            br_if 0
          end
          local.get $ACC
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $OUT_ROW
          local.get $OX
          i32.const 4
          i32.mul
          i32.add
          local.get $V
          v128.store
          local.get $ACC2
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $OUT_ROW
          local.get $OX
          i32.const 4
          i32.mul
          i32.add
          local.get $V
          v128.store offset=16
          local.get $OX
          i32.const 8
          i32.add
          local.tee $OX
          local.get $WO
          i32.lt_u
          br_if 0
        end
        local.get $OUT_ROW
        local.get $WO
        i32.const 4
        i32.mul
        i32.add
        local.set $OUT_ROW
        local.get $OY
        i32.const 1
        i32.add
        local.tee $OY
        local.get $HO
        i32.lt_u
        br_if 0
      end
      local.get $CH
      i32.const 1
      i32.add
      local.tee $CH
      local.get $C
      i32.lt_u
      br_if 0
    end)
  (func $dw2 (export "dw2") (param $C i32) (param $IN i32) (param $HP i32) (param $WP i32) (param $W i32) (param $KH i32) (param $KW i32) (param $HO i32) (param $WO i32) (param $OUT i32) (param $S i32) (param $T_PTR i32) (param $ACT i32) (param $P0 f32) (param $P1 f32)
    (local $CH i32)
    (local $OY i32)
    (local $OX i32)
    (local $KY i32)
    (local $KX i32)
    (local $IN_C i32)
    (local $W_C i32)
    (local $OUT_ROW i32)
    (local $ROW_IN i32)
    (local $TAP i32)
    (local $WTAP i32)
    (local $WP4 i32)
    (local $PLANE i32)
    (local $ACC v128)
    (local $ACC2 v128)
    (local $VS v128)
    (local $VT v128)
    (local $V v128)
    (local $VP0 v128)
    (local $VP1 v128)
    (local $T v128)
    (local $U v128)
    (local $Z v128)
    (local $LO v128)
    (local $HI v128)
    (local $LOG2E v128)
    (local $LN2_HI v128)
    (local $LN2_LO v128)
    (local $POLY5 v128)
    (local $POLY4 v128)
    (local $POLY3 v128)
    (local $POLY2 v128)
    (local $POLY1 v128)
    (local $POLY0 v128)
    (local $ONE v128)
    local.get $WP
    i32.const 4
    i32.mul
    local.set $WP4
    local.get $HP
    local.get $WP4
    i32.mul
    local.set $PLANE
    local.get $P0
    f32x4.splat
    local.set $VP0
    local.get $P1
    f32x4.splat
    local.set $VP1
    f32.const -87.30000305175781
    f32x4.splat
    local.set $LO
    f32.const 88.30000305175781
    f32x4.splat
    local.set $HI
    f32.const 1.4426950216293335
    f32x4.splat
    local.set $LOG2E
    f32.const 0.693359375
    f32x4.splat
    local.set $LN2_HI
    f32.const -0.00021219444170128554
    f32x4.splat
    local.set $LN2_LO
    f32.const 0.00019875691214110702
    f32x4.splat
    local.set $POLY5
    f32.const 0.001398199936375022
    f32x4.splat
    local.set $POLY4
    f32.const 0.008333452045917511
    f32x4.splat
    local.set $POLY3
    f32.const 0.04166579619050026
    f32x4.splat
    local.set $POLY2
    f32.const 0.1666666567325592
    f32x4.splat
    local.set $POLY1
    f32.const 0.5
    f32x4.splat
    local.set $POLY0
    f32.const 1
    f32x4.splat
    local.set $ONE
    i32.const 0
    local.set $CH
    loop
      local.get $IN
      local.get $CH
      local.get $PLANE
      i32.mul
      i32.add
      local.set $IN_C
      local.get $W
      local.get $CH
      local.get $KH
      i32.mul
      local.get $KW
      i32.mul
      i32.const 4
      i32.mul
      i32.add
      local.set $W_C
      local.get $OUT
      local.get $CH
      local.get $HO
      i32.mul
      local.get $WO
      i32.mul
      i32.const 4
      i32.mul
      i32.add
      local.set $OUT_ROW
      local.get $S
      local.get $CH
      i32.const 4
      i32.mul
      i32.add
      v128.load32_splat
      local.set $VS
      local.get $T_PTR
      local.get $CH
      i32.const 4
      i32.mul
      i32.add
      v128.load32_splat
      local.set $VT
      i32.const 0
      local.set $OY
      loop
        local.get $IN_C
        local.get $OY
        i32.const 2
        i32.mul
        local.get $WP4
        i32.mul
        i32.add
        local.set $ROW_IN
        i32.const 0
        local.set $OX
        loop
          v128.const i32x4 0 0 0 0
          local.tee $ACC
          local.set $ACC2
          local.get $W_C
          local.set $WTAP
          i32.const 0
          local.set $KY
          loop
            local.get $ROW_IN
            local.get $KY
            local.get $WP4
            i32.mul
            i32.add
            local.get $OX
            i32.const 8
            i32.mul
            i32.add
            local.set $TAP
            i32.const 0
            local.set $KX
            local.get $KW
            i32.const 3
            i32.eq
            if
              local.get $WTAP
              v128.load32_splat
              local.set $V
              local.get $TAP
              v128.load
              local.get $TAP
              v128.load offset=16
              i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
              local.get $V
              local.get $ACC
              f32x4.relaxed_madd
              local.set $ACC
              local.get $TAP
              v128.load offset=32
              local.get $TAP
              v128.load offset=48
              i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
              local.get $V
              local.get $ACC2
              f32x4.relaxed_madd
              local.set $ACC2
              local.get $WTAP
              v128.load32_splat offset=4
              local.set $V
              local.get $TAP
              v128.load offset=4
              local.get $TAP
              v128.load offset=20
              i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
              local.get $V
              local.get $ACC
              f32x4.relaxed_madd
              local.set $ACC
              local.get $TAP
              v128.load offset=36
              local.get $TAP
              v128.load offset=52
              i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
              local.get $V
              local.get $ACC2
              f32x4.relaxed_madd
              local.set $ACC2
              local.get $WTAP
              v128.load32_splat offset=8
              local.set $V
              local.get $TAP
              v128.load offset=8
              local.get $TAP
              v128.load offset=24
              i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
              local.get $V
              local.get $ACC
              f32x4.relaxed_madd
              local.set $ACC
              local.get $TAP
              v128.load offset=40
              local.get $TAP
              v128.load offset=56
              i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
              local.get $V
              local.get $ACC2
              f32x4.relaxed_madd
              local.set $ACC2
              local.get $WTAP
              i32.const 12
              i32.add
              local.set $WTAP
            else
              local.get $KW
              i32.const 5
              i32.eq
              if
                local.get $WTAP
                v128.load32_splat
                local.set $V
                local.get $TAP
                v128.load
                local.get $TAP
                v128.load offset=16
                i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                local.get $V
                local.get $ACC
                f32x4.relaxed_madd
                local.set $ACC
                local.get $TAP
                v128.load offset=32
                local.get $TAP
                v128.load offset=48
                i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                local.get $V
                local.get $ACC2
                f32x4.relaxed_madd
                local.set $ACC2
                local.get $WTAP
                v128.load32_splat offset=4
                local.set $V
                local.get $TAP
                v128.load offset=4
                local.get $TAP
                v128.load offset=20
                i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                local.get $V
                local.get $ACC
                f32x4.relaxed_madd
                local.set $ACC
                local.get $TAP
                v128.load offset=36
                local.get $TAP
                v128.load offset=52
                i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                local.get $V
                local.get $ACC2
                f32x4.relaxed_madd
                local.set $ACC2
                local.get $WTAP
                v128.load32_splat offset=8
                local.set $V
                local.get $TAP
                v128.load offset=8
                local.get $TAP
                v128.load offset=24
                i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                local.get $V
                local.get $ACC
                f32x4.relaxed_madd
                local.set $ACC
                local.get $TAP
                v128.load offset=40
                local.get $TAP
                v128.load offset=56
                i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                local.get $V
                local.get $ACC2
                f32x4.relaxed_madd
                local.set $ACC2
                local.get $WTAP
                v128.load32_splat offset=12
                local.set $V
                local.get $TAP
                v128.load offset=12
                local.get $TAP
                v128.load offset=28
                i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                local.get $V
                local.get $ACC
                f32x4.relaxed_madd
                local.set $ACC
                local.get $TAP
                v128.load offset=44
                local.get $TAP
                v128.load offset=60
                i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                local.get $V
                local.get $ACC2
                f32x4.relaxed_madd
                local.set $ACC2
                local.get $WTAP
                v128.load32_splat offset=16
                local.set $V
                local.get $TAP
                v128.load offset=16
                local.get $TAP
                v128.load offset=32
                i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                local.get $V
                local.get $ACC
                f32x4.relaxed_madd
                local.set $ACC
                local.get $TAP
                v128.load offset=48
                local.get $TAP
                v128.load offset=64
                i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                local.get $V
                local.get $ACC2
                f32x4.relaxed_madd
                local.set $ACC2
                local.get $WTAP
                i32.const 20
                i32.add
                local.set $WTAP
              else
                loop
                  local.get $WTAP
                  v128.load32_splat
                  local.set $V
                  local.get $TAP
                  v128.load
                  local.get $TAP
                  v128.load offset=16
                  i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                  local.get $V
                  local.get $ACC
                  f32x4.relaxed_madd
                  local.set $ACC
                  local.get $TAP
                  v128.load offset=32
                  local.get $TAP
                  v128.load offset=48
                  i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
                  local.get $V
                  local.get $ACC2
                  f32x4.relaxed_madd
                  local.set $ACC2
                  local.get $TAP
                  i32.const 4
                  i32.add
                  local.set $TAP
                  local.get $WTAP
                  i32.const 4
                  i32.add
                  local.set $WTAP
                  local.get $KX
                  i32.const 1
                  i32.add
                  local.tee $KX
                  local.get $KW
                  i32.lt_u
                  br_if 0
                end
              end
            end
            local.get $KY
            i32.const 1
            i32.add
            local.tee $KY
            local.get $KH
            i32.lt_u
            br_if 0
          end
          local.get $ACC
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $OUT_ROW
          local.get $OX
          i32.const 4
          i32.mul
          i32.add
          local.get $V
          v128.store
          local.get $ACC2
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $OUT_ROW
          local.get $OX
          i32.const 4
          i32.mul
          i32.add
          local.get $V
          v128.store offset=16
          local.get $OX
          i32.const 8
          i32.add
          local.tee $OX
          local.get $WO
          i32.lt_u
          br_if 0
        end
        local.get $OUT_ROW
        local.get $WO
        i32.const 4
        i32.mul
        i32.add
        local.set $OUT_ROW
        local.get $OY
        i32.const 1
        i32.add
        local.tee $OY
        local.get $HO
        i32.lt_u
        br_if 0
      end
      local.get $CH
      i32.const 1
      i32.add
      local.tee $CH
      local.get $C
      i32.lt_u
      br_if 0
    end)
  (func $affine (export "affine") (param $C i32) (param $INNER i32) (param $PTR i32) (param $S i32) (param $T_PTR i32) (param $ACT i32) (param $P0 f32) (param $P1 f32)
    (local $CH i32)
    (local $P i32)
    (local $END i32)
    (local $TAIL_END i32)
    (local $VS v128)
    (local $VT v128)
    (local $V v128)
    (local $VP0 v128)
    (local $VP1 v128)
    (local $T v128)
    (local $U v128)
    (local $Z v128)
    (local $LO v128)
    (local $HI v128)
    (local $LOG2E v128)
    (local $LN2_HI v128)
    (local $LN2_LO v128)
    (local $POLY5 v128)
    (local $POLY4 v128)
    (local $POLY3 v128)
    (local $POLY2 v128)
    (local $POLY1 v128)
    (local $POLY0 v128)
    (local $ONE v128)
    local.get $P0
    f32x4.splat
    local.set $VP0
    local.get $P1
    f32x4.splat
    local.set $VP1
    f32.const -87.30000305175781
    f32x4.splat
    local.set $LO
    f32.const 88.30000305175781
    f32x4.splat
    local.set $HI
    f32.const 1.4426950216293335
    f32x4.splat
    local.set $LOG2E
    f32.const 0.693359375
    f32x4.splat
    local.set $LN2_HI
    f32.const -0.00021219444170128554
    f32x4.splat
    local.set $LN2_LO
    f32.const 0.00019875691214110702
    f32x4.splat
    local.set $POLY5
    f32.const 0.001398199936375022
    f32x4.splat
    local.set $POLY4
    f32.const 0.008333452045917511
    f32x4.splat
    local.set $POLY3
    f32.const 0.04166579619050026
    f32x4.splat
    local.set $POLY2
    f32.const 0.1666666567325592
    f32x4.splat
    local.set $POLY1
    f32.const 0.5
    f32x4.splat
    local.set $POLY0
    f32.const 1
    f32x4.splat
    local.set $ONE
    i32.const 0
    local.set $CH
    local.get $PTR
    local.set $P
    loop
      local.get $S
      local.get $CH
      i32.const 4
      i32.mul
      i32.add
      v128.load32_splat
      local.set $VS
      local.get $T_PTR
      local.get $CH
      i32.const 4
      i32.mul
      i32.add
      v128.load32_splat
      local.set $VT
      local.get $P
      local.get $INNER
      i32.const -4
      i32.and
      i32.const 4
      i32.mul
      i32.add
      local.set $END
      local.get $P
      local.get $INNER
      i32.const 4
      i32.mul
      i32.add
      local.set $TAIL_END
      local.get $P
      local.get $END
      i32.lt_u
      if
        loop
          local.get $P
          v128.load
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $P
          local.get $V
          v128.store
          local.get $P
          i32.const 16
          i32.add
          local.tee $P
          local.get $END
          i32.lt_u
          br_if 0
        end
      end
      local.get $P
      local.get $TAIL_END
      i32.lt_u
      if
        loop
          local.get $P
          v128.load32_splat
          local.get $VS
          f32x4.mul
          local.get $VT
          f32x4.add
          local.set $V
          local.get $ACT
          if
            local.get $ACT
            i32.const 1
            i32.eq
            if
              local.get $V
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.set $V
            else
              local.get $ACT
              i32.const 2
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.max
                local.get $VP1
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 3
                i32.eq
                if
                  local.get $V
                  local.get $V
                  local.get $VP0
                  f32x4.mul
                  local.get $VP1
                  f32x4.add
                  v128.const i32x4 0 0 0 0
                  f32x4.max
                  local.get $ONE
                  f32x4.min
                  f32x4.mul
                  local.set $V
                else
                  local.get $ACT
                  i32.const 4
                  i32.eq
                  if
                    local.get $V
                    local.get $VP0
                    f32x4.mul
                    local.get $VP1
                    f32x4.add
                    v128.const i32x4 0 0 0 0
                    f32x4.max
                    local.get $ONE
                    f32x4.min
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 5
                    i32.eq
                    if
                      v128.const i32x4 0 0 0 0
                      local.get $V
                      f32x4.sub
                      local.set $T
                      local.get $T
                      local.get $LO
                      f32x4.max
                      local.get $HI
                      f32x4.min
                      local.set $T
                      local.get $T
                      local.get $T
                      local.get $LOG2E
                      f32x4.mul
                      f32x4.nearest
                      local.tee $U
                      local.get $LN2_HI
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.get $LN2_LO
                      f32x4.mul
                      f32x4.sub
                      local.get $U
                      local.set $T
                      local.set $U
                      local.get $POLY5
                      local.get $U
                      f32x4.mul
                      local.get $POLY4
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY3
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY2
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY1
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $POLY0
                      f32x4.add
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.mul
                      local.get $U
                      f32x4.add
                      local.get $ONE
                      f32x4.add
                      local.get $T
                      i32x4.trunc_sat_f32x4_s
                      i32.const 23
                      i32x4.shl
                      i32x4.add
                      local.set $T
                      local.get $ONE
                      local.get $ONE
                      local.get $T
                      f32x4.add
                      f32x4.div
                      local.set $V
                    else
                      local.get $ACT
                      i32.const 6
                      i32.eq
                      if
                        v128.const i32x4 0 0 0 0
                        local.get $V
                        f32x4.sub
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $ACT
                        i32.const 7
                        i32.eq
                        if
                          local.get $P0
                          f32.const 1
                          f32.eq
                          if
                            local.get $V
                            local.get $V
                            f32x4.mul
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                            f32x4.mul
                            local.get $V
                            f32x4.add
                            v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                            f32x4.mul
                            local.set $T
                            local.get $T
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $T
                            local.get $T
                            local.get $T
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $T
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $T
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $T
                            local.get $V
                            local.get $ONE
                            local.get $T
                            f32x4.add
                            f32x4.div
                            local.set $V
                          else
                            local.get $V
                            f32x4.abs
                            v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                            f32x4.mul
                            local.set $Z
                            local.get $ONE
                            local.get $ONE
                            local.get $Z
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            f32x4.add
                            f32x4.div
                            local.set $T
                            v128.const i32x4 0 0 0 0
                            local.get $Z
                            local.get $Z
                            f32x4.mul
                            f32x4.sub
                            v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                            f32x4.add
                            local.get $T
                            f32x4.mul
                            v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                            f32x4.add
                            f32x4.add
                            local.set $Z
                            local.get $Z
                            local.get $LO
                            f32x4.max
                            local.get $HI
                            f32x4.min
                            local.set $Z
                            local.get $Z
                            local.get $Z
                            local.get $LOG2E
                            f32x4.mul
                            f32x4.nearest
                            local.tee $U
                            local.get $LN2_HI
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.get $LN2_LO
                            f32x4.mul
                            f32x4.sub
                            local.get $U
                            local.set $Z
                            local.set $U
                            local.get $POLY5
                            local.get $U
                            f32x4.mul
                            local.get $POLY4
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY3
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY2
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY1
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $POLY0
                            f32x4.add
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.mul
                            local.get $U
                            f32x4.add
                            local.get $ONE
                            f32x4.add
                            local.get $Z
                            i32x4.trunc_sat_f32x4_s
                            i32.const 23
                            i32x4.shl
                            i32x4.add
                            local.set $Z
                            local.get $T
                            local.get $Z
                            f32x4.mul
                            local.set $Z
                            v128.const f32x4 2 2 2 2
                            local.get $Z
                            f32x4.sub
                            local.get $Z
                            local.get $V
                            v128.const i32x4 0 0 0 0
                            f32x4.ge
                            v128.bitselect
                            local.get $V
                            f32x4.mul
                            v128.const f32x4 0.5 0.5 0.5 0.5
                            f32x4.mul
                            local.set $V
                          end
                        end
                      end
                    end
                  end
                end
              end
            end
          end
          local.get $P
          local.get $V
          f32x4.extract_lane 0
          f32.store
          local.get $P
          i32.const 4
          i32.add
          local.tee $P
          local.get $TAIL_END
          i32.lt_u
          br_if 0
        end
      end
      local.get $CH
      i32.const 1
      i32.add
      local.tee $CH
      local.get $C
      i32.lt_u
      br_if 0
    end)
  (func $probe (export "probe") (param $A f32) (param $B f32) (param $C f32) (result f32)
    local.get $A
    f32x4.splat
    local.get $B
    f32x4.splat
    local.get $C
    f32x4.splat
    f32x4.relaxed_madd
    f32x4.extract_lane 0)
  (func $dwg1 (export "dwg1") (param $C i32) (param $IN i32) (param $HP i32) (param $WP i32) (param $DY i32) (param $KH i32) (param $KW i32) (param $HO i32) (param $WO4 i32) (param $ACC i32)
    (local $CH i32)
    (local $OY i32)
    (local $P i32)
    (local $KY i32)
    (local $KX i32)
    (local $IN_C i32)
    (local $DY_C i32)
    (local $ROW_IN i32)
    (local $DY_ROW i32)
    (local $TAP i32)
    (local $WP4 i32)
    (local $PLANE i32)
    (local $ROW4 i32)
    (local $ADDR i32)
    (local $A v128)
    local.get $WP
    i32.const 4
    i32.mul
    local.set $WP4
    local.get $HP
    local.get $WP4
    i32.mul
    local.set $PLANE
    local.get $WO4
    i32.const 4
    i32.mul
    local.set $ROW4
    local.get $ACC
    local.set $TAP
    i32.const 0
    local.set $CH
    loop
      local.get $IN
      local.get $CH
      local.get $PLANE
      i32.mul
      i32.add
      local.set $IN_C
      local.get $DY
      local.get $CH
      local.get $HO
      i32.mul
      local.get $ROW4
      i32.mul
      i32.add
      local.set $DY_C
      i32.const 0
      local.set $KY
      loop
        i32.const 0
        local.set $KX
        loop
          local.get $TAP
          v128.load
          local.set $A
          i32.const 0
          local.set $OY
          loop
            local.get $IN_C
            local.get $OY
            i32.const 1
            i32.mul
            local.get $KY
            i32.add
            local.get $WP4
            i32.mul
            i32.add
            local.get $KX
            i32.const 4
            i32.mul
            i32.add
            local.set $ROW_IN
            local.get $DY_C
            local.get $OY
            local.get $ROW4
            i32.mul
            i32.add
            local.set $DY_ROW
            i32.const 0
            local.set $P
            loop
              local.get $ROW_IN
              local.get $P
              i32.add
              v128.load
              local.get $DY_ROW
              local.get $P
              i32.add
              v128.load
              local.get $A
              f32x4.relaxed_madd
              local.set $A
              local.get $P
              i32.const 16
              i32.add
              local.tee $P
              local.get $ROW4
              i32.lt_u
              br_if 0
            end
            local.get $OY
            i32.const 1
            i32.add
            local.tee $OY
            local.get $HO
            i32.lt_u
            br_if 0
          end
          local.get $TAP
          local.get $A
          v128.store
          local.get $TAP
          i32.const 16
          i32.add
          local.set $TAP
          local.get $KX
          i32.const 1
          i32.add
          local.tee $KX
          local.get $KW
          i32.lt_u
          br_if 0
        end
        local.get $KY
        i32.const 1
        i32.add
        local.tee $KY
        local.get $KH
        i32.lt_u
        br_if 0
      end
      local.get $CH
      i32.const 1
      i32.add
      local.tee $CH
      local.get $C
      i32.lt_u
      br_if 0
    end)
  (func $dwg2 (export "dwg2") (param $C i32) (param $IN i32) (param $HP i32) (param $WP i32) (param $DY i32) (param $KH i32) (param $KW i32) (param $HO i32) (param $WO4 i32) (param $ACC i32)
    (local $CH i32)
    (local $OY i32)
    (local $P i32)
    (local $KY i32)
    (local $KX i32)
    (local $IN_C i32)
    (local $DY_C i32)
    (local $ROW_IN i32)
    (local $DY_ROW i32)
    (local $TAP i32)
    (local $WP4 i32)
    (local $PLANE i32)
    (local $ROW4 i32)
    (local $ADDR i32)
    (local $A v128)
    local.get $WP
    i32.const 4
    i32.mul
    local.set $WP4
    local.get $HP
    local.get $WP4
    i32.mul
    local.set $PLANE
    local.get $WO4
    i32.const 4
    i32.mul
    local.set $ROW4
    local.get $ACC
    local.set $TAP
    i32.const 0
    local.set $CH
    loop
      local.get $IN
      local.get $CH
      local.get $PLANE
      i32.mul
      i32.add
      local.set $IN_C
      local.get $DY
      local.get $CH
      local.get $HO
      i32.mul
      local.get $ROW4
      i32.mul
      i32.add
      local.set $DY_C
      i32.const 0
      local.set $KY
      loop
        i32.const 0
        local.set $KX
        loop
          local.get $TAP
          v128.load
          local.set $A
          i32.const 0
          local.set $OY
          loop
            local.get $IN_C
            local.get $OY
            i32.const 2
            i32.mul
            local.get $KY
            i32.add
            local.get $WP4
            i32.mul
            i32.add
            local.get $KX
            i32.const 4
            i32.mul
            i32.add
            local.set $ROW_IN
            local.get $DY_C
            local.get $OY
            local.get $ROW4
            i32.mul
            i32.add
            local.set $DY_ROW
            i32.const 0
            local.set $P
            loop
              local.get $ROW_IN
              local.get $P
              i32.const 2
              i32.mul
              i32.add
              local.tee $ADDR
              v128.load
              local.get $ADDR
              v128.load offset=16
              i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
              local.get $DY_ROW
              local.get $P
              i32.add
              v128.load
              local.get $A
              f32x4.relaxed_madd
              local.set $A
              local.get $P
              i32.const 16
              i32.add
              local.tee $P
              local.get $ROW4
              i32.lt_u
              br_if 0
            end
            local.get $OY
            i32.const 1
            i32.add
            local.tee $OY
            local.get $HO
            i32.lt_u
            br_if 0
          end
          local.get $TAP
          local.get $A
          v128.store
          local.get $TAP
          i32.const 16
          i32.add
          local.set $TAP
          local.get $KX
          i32.const 1
          i32.add
          local.tee $KX
          local.get $KW
          i32.lt_u
          br_if 0
        end
        local.get $KY
        i32.const 1
        i32.add
        local.tee $KY
        local.get $KH
        i32.lt_u
        br_if 0
      end
      local.get $CH
      i32.const 1
      i32.add
      local.tee $CH
      local.get $C
      i32.lt_u
      br_if 0
    end)
  (func $pad (export "pad") (param $C i32) (param $SRC i32) (param $H i32) (param $W i32) (param $SW i32) (param $DST i32) (param $HP i32) (param $WP i32) (param $TOP i32) (param $LEFT i32) (param $ZERO i32)
    (local $CH i32)
    (local $IY i32)
    (local $ROW i32)
    (local $SROW i32)
    (local $VEC_END i32)
    (local $P i32)
    (local $WP4 i32)
    (local $GAP i32)
    (local $D i32)
    local.get $DST
    i32.const 0
    local.get $ZERO
    memory.fill
    local.get $W
    i32.const 4
    i32.mul
    local.tee $ROW
    i32.const -16
    i32.and
    local.set $VEC_END
    local.get $WP
    i32.const 4
    i32.mul
    local.set $WP4
    local.get $SW
    i32.const 4
    i32.mul
    local.set $SROW
    local.get $HP
    local.get $H
    i32.const -1
    i32.mul
    i32.add
    local.get $WP4
    i32.mul
    local.set $GAP
    local.get $DST
    local.get $TOP
    local.get $WP
    i32.mul
    local.get $LEFT
    i32.add
    i32.const 4
    i32.mul
    i32.add
    local.set $D
    i32.const 0
    local.set $CH
    loop
      i32.const 0
      local.set $IY
      loop
        i32.const 0
        local.set $P
        local.get $P
        local.get $VEC_END
        i32.lt_u
        if
          loop
            local.get $D
            local.get $P
            i32.add
            local.get $SRC
            local.get $P
            i32.add
            v128.load
            v128.store
            local.get $P
            i32.const 16
            i32.add
            local.tee $P
            local.get $VEC_END
            i32.lt_u
            br_if 0
          end
        end
        local.get $P
        local.get $ROW
        i32.lt_u
        if
          loop
            local.get $D
            local.get $P
            i32.add
            local.get $SRC
            local.get $P
            i32.add
            f32.load
            f32.store
            local.get $P
            i32.const 4
            i32.add
            local.tee $P
            local.get $ROW
            i32.lt_u
            br_if 0
          end
        end
        local.get $D
        local.get $WP4
        i32.add
        local.set $D
        local.get $SRC
        local.get $SROW
        i32.add
        local.set $SRC
        local.get $IY
        i32.const 1
        i32.add
        local.tee $IY
        local.get $H
        i32.lt_u
        br_if 0
      end
      local.get $D
      local.get $GAP
      i32.add
      local.set $D
      local.get $CH
      i32.const 1
      i32.add
      local.tee $CH
      local.get $C
      i32.lt_u
      br_if 0
    end)
  (func $gemv (export "gemv") (param $M4 i32) (param $K i32) (param $A i32) (param $X i32) (param $C i32) (param $S i32) (param $T_PTR i32) (param $ACT i32) (param $P0 f32) (param $P1 f32)
    (local $I i32)
    (local $KB i32)
    (local $AP i32)
    (local $XP i32)
    (local $X_END i32)
    (local $ACC v128)
    (local $AV v128)
    (local $VS v128)
    (local $VT v128)
    (local $V v128)
    (local $VP0 v128)
    (local $VP1 v128)
    (local $T v128)
    (local $U v128)
    (local $Z v128)
    (local $LO v128)
    (local $HI v128)
    (local $LOG2E v128)
    (local $LN2_HI v128)
    (local $LN2_LO v128)
    (local $POLY5 v128)
    (local $POLY4 v128)
    (local $POLY3 v128)
    (local $POLY2 v128)
    (local $POLY1 v128)
    (local $POLY0 v128)
    (local $ONE v128)
    local.get $K
    i32.const 4
    i32.mul
    local.set $KB
    local.get $P0
    f32x4.splat
    local.set $VP0
    local.get $P1
    f32x4.splat
    local.set $VP1
    f32.const -87.30000305175781
    f32x4.splat
    local.set $LO
    f32.const 88.30000305175781
    f32x4.splat
    local.set $HI
    f32.const 1.4426950216293335
    f32x4.splat
    local.set $LOG2E
    f32.const 0.693359375
    f32x4.splat
    local.set $LN2_HI
    f32.const -0.00021219444170128554
    f32x4.splat
    local.set $LN2_LO
    f32.const 0.00019875691214110702
    f32x4.splat
    local.set $POLY5
    f32.const 0.001398199936375022
    f32x4.splat
    local.set $POLY4
    f32.const 0.008333452045917511
    f32x4.splat
    local.set $POLY3
    f32.const 0.04166579619050026
    f32x4.splat
    local.set $POLY2
    f32.const 0.1666666567325592
    f32x4.splat
    local.set $POLY1
    f32.const 0.5
    f32x4.splat
    local.set $POLY0
    f32.const 1
    f32x4.splat
    local.set $ONE
    i32.const 0
    local.set $I
    local.get $X
    local.get $KB
    i32.add
    local.set $X_END
    loop
      local.get $A
      local.get $I
      local.get $KB
      i32.mul
      i32.add
      local.set $AP
      local.get $X
      local.set $XP
      v128.const i32x4 0 0 0 0
      local.set $ACC
      loop
        local.get $AP
        v128.load32_splat
        local.set $AV
        local.get $AP
        local.get $KB
        i32.add
        local.get $AV
        v128.load32_lane 1
        local.set $AV
        local.get $AP
        local.get $KB
        i32.add
        local.get $KB
        i32.add
        local.get $AV
        v128.load32_lane 2
        local.set $AV
        local.get $AP
        local.get $KB
        i32.add
        local.get $KB
        i32.add
        local.get $KB
        i32.add
        local.get $AV
        v128.load32_lane 3
        local.set $AV
        local.get $AV
        local.get $XP
        v128.load32_splat
        local.get $ACC
        f32x4.relaxed_madd
        local.set $ACC
        local.get $AP
        i32.const 4
        i32.add
        local.set $AP
        local.get $XP
        i32.const 4
        i32.add
        local.tee $XP
        local.get $X_END
        i32.lt_u
        br_if 0
      end
      local.get $S
      local.get $I
      i32.const 4
      i32.mul
      i32.add
      v128.load
      local.set $VS
      local.get $T_PTR
      local.get $I
      i32.const 4
      i32.mul
      i32.add
      v128.load
      local.set $VT
      local.get $ACC
      local.get $VS
      f32x4.mul
      local.get $VT
      f32x4.add
      local.set $V
      local.get $ACT
      if
        local.get $ACT
        i32.const 1
        i32.eq
        if
          local.get $V
          v128.const i32x4 0 0 0 0
          f32x4.max
          local.set $V
        else
          local.get $ACT
          i32.const 2
          i32.eq
          if
            local.get $V
            local.get $VP0
            f32x4.max
            local.get $VP1
            f32x4.min
            local.set $V
          else
            local.get $ACT
            i32.const 3
            i32.eq
            if
              local.get $V
              local.get $V
              local.get $VP0
              f32x4.mul
              local.get $VP1
              f32x4.add
              v128.const i32x4 0 0 0 0
              f32x4.max
              local.get $ONE
              f32x4.min
              f32x4.mul
              local.set $V
            else
              local.get $ACT
              i32.const 4
              i32.eq
              if
                local.get $V
                local.get $VP0
                f32x4.mul
                local.get $VP1
                f32x4.add
                v128.const i32x4 0 0 0 0
                f32x4.max
                local.get $ONE
                f32x4.min
                local.set $V
              else
                local.get $ACT
                i32.const 5
                i32.eq
                if
                  v128.const i32x4 0 0 0 0
                  local.get $V
                  f32x4.sub
                  local.set $T
                  local.get $T
                  local.get $LO
                  f32x4.max
                  local.get $HI
                  f32x4.min
                  local.set $T
                  local.get $T
                  local.get $T
                  local.get $LOG2E
                  f32x4.mul
                  f32x4.nearest
                  local.tee $U
                  local.get $LN2_HI
                  f32x4.mul
                  f32x4.sub
                  local.get $U
                  local.get $LN2_LO
                  f32x4.mul
                  f32x4.sub
                  local.get $U
                  local.set $T
                  local.set $U
                  local.get $POLY5
                  local.get $U
                  f32x4.mul
                  local.get $POLY4
                  f32x4.add
                  local.get $U
                  f32x4.mul
                  local.get $POLY3
                  f32x4.add
                  local.get $U
                  f32x4.mul
                  local.get $POLY2
                  f32x4.add
                  local.get $U
                  f32x4.mul
                  local.get $POLY1
                  f32x4.add
                  local.get $U
                  f32x4.mul
                  local.get $POLY0
                  f32x4.add
                  local.get $U
                  f32x4.mul
                  local.get $U
                  f32x4.mul
                  local.get $U
                  f32x4.add
                  local.get $ONE
                  f32x4.add
                  local.get $T
                  i32x4.trunc_sat_f32x4_s
                  i32.const 23
                  i32x4.shl
                  i32x4.add
                  local.set $T
                  local.get $ONE
                  local.get $ONE
                  local.get $T
                  f32x4.add
                  f32x4.div
                  local.set $V
                else
                  local.get $ACT
                  i32.const 6
                  i32.eq
                  if
                    v128.const i32x4 0 0 0 0
                    local.get $V
                    f32x4.sub
                    local.set $T
                    local.get $T
                    local.get $LO
                    f32x4.max
                    local.get $HI
                    f32x4.min
                    local.set $T
                    local.get $T
                    local.get $T
                    local.get $LOG2E
                    f32x4.mul
                    f32x4.nearest
                    local.tee $U
                    local.get $LN2_HI
                    f32x4.mul
                    f32x4.sub
                    local.get $U
                    local.get $LN2_LO
                    f32x4.mul
                    f32x4.sub
                    local.get $U
                    local.set $T
                    local.set $U
                    local.get $POLY5
                    local.get $U
                    f32x4.mul
                    local.get $POLY4
                    f32x4.add
                    local.get $U
                    f32x4.mul
                    local.get $POLY3
                    f32x4.add
                    local.get $U
                    f32x4.mul
                    local.get $POLY2
                    f32x4.add
                    local.get $U
                    f32x4.mul
                    local.get $POLY1
                    f32x4.add
                    local.get $U
                    f32x4.mul
                    local.get $POLY0
                    f32x4.add
                    local.get $U
                    f32x4.mul
                    local.get $U
                    f32x4.mul
                    local.get $U
                    f32x4.add
                    local.get $ONE
                    f32x4.add
                    local.get $T
                    i32x4.trunc_sat_f32x4_s
                    i32.const 23
                    i32x4.shl
                    i32x4.add
                    local.set $T
                    local.get $V
                    local.get $ONE
                    local.get $T
                    f32x4.add
                    f32x4.div
                    local.set $V
                  else
                    local.get $ACT
                    i32.const 7
                    i32.eq
                    if
                      local.get $P0
                      f32.const 1
                      f32.eq
                      if
                        local.get $V
                        local.get $V
                        f32x4.mul
                        local.get $V
                        f32x4.mul
                        v128.const f32x4 0.044714998453855515 0.044714998453855515 0.044714998453855515 0.044714998453855515
                        f32x4.mul
                        local.get $V
                        f32x4.add
                        v128.const f32x4 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111 -1.5957691669464111
                        f32x4.mul
                        local.set $T
                        local.get $T
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $T
                        local.get $T
                        local.get $T
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $T
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $T
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $T
                        local.get $V
                        local.get $ONE
                        local.get $T
                        f32x4.add
                        f32x4.div
                        local.set $V
                      else
                        local.get $V
                        f32x4.abs
                        v128.const f32x4 0.7071067690849304 0.7071067690849304 0.7071067690849304 0.7071067690849304
                        f32x4.mul
                        local.set $Z
                        local.get $ONE
                        local.get $ONE
                        local.get $Z
                        v128.const f32x4 0.5 0.5 0.5 0.5
                        f32x4.mul
                        f32x4.add
                        f32x4.div
                        local.set $T
                        v128.const i32x4 0 0 0 0
                        local.get $Z
                        local.get $Z
                        f32x4.mul
                        f32x4.sub
                        v128.const f32x4 0.170872762799263 0.170872762799263 0.170872762799263 0.170872762799263
                        local.get $T
                        f32x4.mul
                        v128.const f32x4 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372 -0.8221522569656372
                        f32x4.add
                        local.get $T
                        f32x4.mul
                        v128.const f32x4 1.488515853881836 1.488515853881836 1.488515853881836 1.488515853881836
                        f32x4.add
                        local.get $T
                        f32x4.mul
                        v128.const f32x4 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782 -1.1352039575576782
                        f32x4.add
                        local.get $T
                        f32x4.mul
                        v128.const f32x4 0.27886807918548584 0.27886807918548584 0.27886807918548584 0.27886807918548584
                        f32x4.add
                        local.get $T
                        f32x4.mul
                        v128.const f32x4 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198 -0.18628805875778198
                        f32x4.add
                        local.get $T
                        f32x4.mul
                        v128.const f32x4 0.09678418189287186 0.09678418189287186 0.09678418189287186 0.09678418189287186
                        f32x4.add
                        local.get $T
                        f32x4.mul
                        v128.const f32x4 0.3740919530391693 0.3740919530391693 0.3740919530391693 0.3740919530391693
                        f32x4.add
                        local.get $T
                        f32x4.mul
                        v128.const f32x4 1.0000237226486206 1.0000237226486206 1.0000237226486206 1.0000237226486206
                        f32x4.add
                        local.get $T
                        f32x4.mul
                        v128.const f32x4 -1.265512228012085 -1.265512228012085 -1.265512228012085 -1.265512228012085
                        f32x4.add
                        f32x4.add
                        local.set $Z
                        local.get $Z
                        local.get $LO
                        f32x4.max
                        local.get $HI
                        f32x4.min
                        local.set $Z
                        local.get $Z
                        local.get $Z
                        local.get $LOG2E
                        f32x4.mul
                        f32x4.nearest
                        local.tee $U
                        local.get $LN2_HI
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.get $LN2_LO
                        f32x4.mul
                        f32x4.sub
                        local.get $U
                        local.set $Z
                        local.set $U
                        local.get $POLY5
                        local.get $U
                        f32x4.mul
                        local.get $POLY4
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY3
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY2
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY1
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $POLY0
                        f32x4.add
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.mul
                        local.get $U
                        f32x4.add
                        local.get $ONE
                        f32x4.add
                        local.get $Z
                        i32x4.trunc_sat_f32x4_s
                        i32.const 23
                        i32x4.shl
                        i32x4.add
                        local.set $Z
                        local.get $T
                        local.get $Z
                        f32x4.mul
                        local.set $Z
                        v128.const f32x4 2 2 2 2
                        local.get $Z
                        f32x4.sub
                        local.get $Z
                        local.get $V
                        v128.const i32x4 0 0 0 0
                        f32x4.ge
                        v128.bitselect
                        local.get $V
                        f32x4.mul
                        v128.const f32x4 0.5 0.5 0.5 0.5
                        f32x4.mul
                        local.set $V
                      end
                    end
                  end
                end
              end
            end
          end
        end
      end
      local.get $C
      local.get $I
      i32.const 4
      i32.mul
      i32.add
      local.get $V
      v128.store
      local.get $I
      i32.const 4
      i32.add
      local.tee $I
      local.get $M4
      i32.lt_u
      br_if 0
    end))
