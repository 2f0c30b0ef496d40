#!/usr/bin/env bash
# kioskd — self-service kiosk and queue-ticket daemon
# SPDX-License-Identifier: Apache-2.0
#
# Prints the benchmark summary and the ratio report from a folder of percentile exports, written by
#   swift package benchmark baseline read NAME --format histogramPercentiles --path DIR
# (one `NAME.Target.Benchmark.metric.histogram.percentiles.tsv` per benchmark and metric, values in
# nanoseconds, counts and bytes because the benchmarks set `timeUnits: .nanoseconds`).
#
# Usage: Benchmarks/ratios.sh DIR
# Exit status: 0 (the ratios are reported, not gated: thresholds come later); 1 when DIR has no exports.
set -euo pipefail

dir=${1:?usage: ratios.sh DIR}

# value NAME METRIC PERCENTILE -> the value in base units (ns, count, bytes), or empty when that export
# is missing. Times are exported in ns; memory still in the unit its header names, e.g. "(M)".
value() {
    local name=${1//\//_} file
    for file in "$dir"/*."$name.$2.histogram.percentiles.tsv"; do
        [[ -f $file ]] || continue
        awk -F'\t' -v p="$3" '
            NR == 1 {
                scale = 1
                if ($2 ~ /\((K|μs|us)\)/) scale = 1e3
                else if ($2 ~ /\((M|ms)\)/) scale = 1e6
                else if ($2 ~ /\((G|s)\)/) scale = 1e9
            }
            NR > 1 && $1 == p { printf "%.0f\n", $2 * scale; exit }' "$file"
        return
    done
}

# scaled VALUE DIVISOR DECIMALS -> VALUE / DIVISOR, or "-" when VALUE is empty.
scaled() {
    if [[ -z $1 ]]; then echo "-"; else awk -v v="$1" -v d="$2" -v n="$3" 'BEGIN { printf "%.*f", n, v / d }'; fi
}

shopt -s nullglob
exports=("$dir"/*.histogram.percentiles.tsv)
if ((${#exports[@]} == 0)); then
    echo "ratios.sh: no *.histogram.percentiles.tsv in $dir" >&2
    exit 1
fi

# Every benchmark with a wall-clock export, in the order the names sort.
mapfile -t names < <(
    for file in "$dir"/*.wallClock.histogram.percentiles.tsv; do
        base=${file##*/}
        base=${base%.wallClock.histogram.percentiles.tsv}
        echo "${base#*.*.}"
    done | sort
)

echo
echo "kioskd benchmarks (wall clock in µs; mallocs per measured operation, client side only for HTTP; peak resident MB of the benchmark process, and of kioskd for HTTP)"
printf '%-32s %12s %12s %12s %12s %12s\n' "Benchmark" "p50 µs" "p99 µs" "mallocs p50" "peak MB" "kioskd MB"
for name in "${names[@]}"; do
    printf '%-32s %12s %12s %12s %12s %12s\n' "${name//_//}" \
        "$(scaled "$(value "$name" wallClock 50)" 1000 1)" \
        "$(scaled "$(value "$name" wallClock 99)" 1000 1)" \
        "$(scaled "$(value "$name" mallocCountTotal 50)" 1 0)" \
        "$(scaled "$(value "$name" peakMemoryResident 100)" 1000000 0)" \
        "$(scaled "$(value "$name" kioskdPeakMemoryResident 100)" 1000000 0)"
done

# ratio LABEL NUMERATOR-NAME PERCENTILE DENOMINATOR-NAME PERCENTILE AIM-TEXT AIM-MAX
ratio() {
    local top bottom
    top=$(value "$2" wallClock "$3")
    bottom=$(value "$4" wallClock "$5")
    if [[ -z $top || -z $bottom || $bottom == 0 ]]; then
        printf '%-58s %8s   %s\n' "$1" "-" "$6 (missing export)"
        return
    fi
    awk -v t="$top" -v b="$bottom" -v l="$1" -v a="$6" -v m="$7" 'BEGIN {
        r = t / b
        verdict = (m == "" ? "" : (r <= m ? "  ok" : "  ABOVE AIM"))
        printf "%-58s %8.2f   %s%s\n", l, r, a, verdict
    }'
}

# wire_ratio LABEL NAME PERCENTILE WIRE-NS AIM-TEXT AIM-MAX-PERCENT -> the value as a percentage of WIRE-NS.
wire_ratio() {
    local top
    top=$(value "$2" wallClock "$3")
    if [[ -z $top ]]; then
        printf '%-58s %8s   %s\n' "$1" "-" "$5 (missing export)"
        return
    fi
    awk -v t="$top" -v w="$4" -v l="$1" -v a="$5" -v m="$6" 'BEGIN {
        r = 100 * t / w
        verdict = (m == "" ? "" : (r < m ? "  ok" : "  ABOVE AIM"))
        printf "%-58s %7.3f%%   %s%s\n", l, r, a, verdict
    }'
}

# One read-text+photo answer frame is 1295 bytes; 8N1 sends 10 bits a byte:
# 1295 B × 10 bit/B ÷ 115200 bit/s = 0.112413… s ≈ 112,413,194 ns.
card_read_wire_ns=112413194

echo
echo "Ratios"
printf '%-58s %8s   %s\n' "" "value" "aim"
ratio "take ticket p50 / raw SQLite insert+commit p50" Queue:TakeTicket 50 Baseline:RawSQLiteInsertCommit 50 "≤ 1.5" 1.5
ratio "store write of a take p50 / raw SQLite insert+commit p50" Store:ApplyTake 50 Baseline:RawSQLiteInsertCommit 50 "≤ 1.5" 1.5
ratio "call next p99: 10000 waiting / 10 waiting" Queue:CallNext/10000 99 Queue:CallNext/10 99 "≈ 1 (flat)" 1.5
ratio "call next p99: 1000 waiting / 10 waiting" Queue:CallNext/1000 99 Queue:CallNext/10 99 "≈ 1 (flat)" 1.5
ratio "call next p50: 10000 waiting / 10 waiting" Queue:CallNext/10000 50 Queue:CallNext/10 50 "≈ 1 (flat)" 1.5
ratio "engine share of take: Engine:TakeTicket p50 / Queue p50" Engine:TakeTicket 50 Queue:TakeTicket 50 "small" ""
ratio "engine share of call: Engine:CallNext/10000 p50 / Queue p50" Engine:CallNext/10000 50 Queue:CallNext/10000 50 "small" ""
ratio "HTTP vs in-process: take ticket p50" HTTP:TakeTicket 50 Queue:TakeTicket 50 "close to 1" ""
ratio "HTTP vs in-process: call next p50 (10 waiting)" HTTP:CallNext 50 Queue:CallNext/10 50 "close to 1" ""
ratio "HTTP vs in-process: take ticket p99" HTTP:TakeTicket 99 Queue:TakeTicket 99 "close to 1" ""
wire_ratio "card read processing p99 / wire time of 1295 bytes at 115200 baud (112.4 ms)" \
    Card:DecodeValidateMaskSeal 99 "$card_read_wire_ns" "< 1%" 1

# pair LABEL NAME UNIT DIVISOR KIND AIM-TEXT AIM-LIMIT -> one row of a figure measured beside its baseline in the
# same process (custom metrics `ours` and `baseline`, p50), each shown divided by DIVISOR in UNIT, and the ratio
# ours / baseline. KIND `min` wants the ratio at least AIM-LIMIT, `max` at most; empty AIM-LIMIT only reports.
pair() {
    local ours baseline
    ours=$(value "$2" ours 50)
    baseline=$(value "$2" baseline 50)
    if [[ -z $ours || -z $baseline || $baseline == 0 ]]; then
        printf '%-44s %12s %12s %8s   %s\n' "$1" "-" "-" "-" "$6 (missing export)"
        return
    fi
    awk -v o="$ours" -v b="$baseline" -v d="$4" -v u="$3" -v l="$1" -v k="$5" -v a="$6" -v m="$7" 'BEGIN {
        r = o / b
        verdict = ""
        if (m != "") verdict = ((k == "min" ? r >= m : r <= m) ? "  ok" : "  MISSES AIM")
        printf "%-44s %12s %12s %8.2f   %s%s\n", l, sprintf("%.1f %s", o / d, u), sprintf("%.1f %s", b / d, u), r, a, verdict
    }'
}

echo
echo "Sync figures (ours beside its baseline in the same process and run; p50 of the iterations)"
printf '%-44s %12s %12s %8s   %s\n' "" "ours" "baseline" "ratio" "aim"
pair "push ingest, 16 kiosks × 150 cases / raw INSERT" Sync:Ingest/16x150 "krow/s" 1000 min "≥ 0.5" 0.5
pair "reconnect storm drain, jitter / no jitter" Sync:ReconnectStorm/4000x25 "s" 1000 max "< 1" 1
pair "local capture / bare durable 1-row commit" Capture:CaseVsRawCommit "µs" 1000 max "≤ 2" 2
pair "server RSS, 4000 kiosks polling / idle" Sync:PollingMemory/4000 "MB" 1000000 max "reported" ""
storm_refusals=$(value Sync:ReconnectStorm/4000x25 oursRefusals 50)
storm_baseline_refusals=$(value Sync:ReconnectStorm/4000x25 baselineRefusals 50)
printf '%-44s %12s %12s\n' "reconnect storm: pushes refused with 429" "${storm_refusals:--}" "${storm_baseline_refusals:--}"
