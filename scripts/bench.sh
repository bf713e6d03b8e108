#!/usr/bin/env bash
# Benchmarks (docs/performance.md). Called by `make bench` after `make publish` (artifacts/lambda/bootstrap).
#  1. cold start: the native AOT bootstrap against the JIT build of the same host, loopback Runtime API, offline
#     and with AWS clients against moto_server (scripts/coldstart-aws-world.py)
#  2. classification throughput against `grep -F -c -f <catalog literals>` (the literals the classifier's automaton
#     looks for, printed by the benchmark program) on the same bytes: a generated plain log (peak memory of the
#     streaming classify path on 300 MB), and dense logs — the labelled corpus concatenated to ~100 MB, the same
#     bytes the DenseLogBenchmarks suite reads (BENCH_DENSE_FILE)
#  3. BenchmarkDotNet suites (short in-process job): per-line classification, 1 KB → 1 MB batches, correlation
#     with a cached inventory of 1 → 10,000 nodes
# Environment: BENCH_RUNS (cold-start runs per build, default 20), BENCH_LOG_MB (default 300), BENCH_SKIP_BDN=1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DOTNET=${DOTNET:-dotnet}
OUT=$ROOT/artifacts/bench
RUNS=${BENCH_RUNS:-20}
LOG_MB=${BENCH_LOG_MB:-300}
WORK=$(mktemp -d /tmp/instanton-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"

AOT=$ROOT/artifacts/lambda/bootstrap
test -x "$AOT" || { echo "bench: $AOT is missing (make publish)"; exit 2; }

echo "== building the JIT host (framework-dependent, same project without native AOT)"
$DOTNET publish functions/InstantOnRemediate.Lambda/InstantOnRemediate.Lambda.csproj -c Release -r linux-x64 \
    --self-contained false -p:PublishAot=false -o "$OUT/jit" -v q -nologo >"$OUT/jit-publish.log" 2>&1 \
    || { tail -20 "$OUT/jit-publish.log"; exit 1; }

echo "== cold start ($RUNS runs per build, detect, events/detect/eks-rseq-al2.json)"
python3 scripts/coldstart.py --event events/detect/eks-rseq-al2.json --runs "$RUNS" \
    --target "aot=$AOT" --target "jit=$OUT/jit/bootstrap" --json "$OUT/coldstart.json"

echo "== cold start with AWS clients (USE_AWS=true against moto_server on 127.0.0.1: EC2, EKS, SSM, DynamoDB)"
# Every run is a new restore failure on the same node, so each cold start reads the instance, node group and AMI,
# the pause switch, and writes the state table: the path of the first alert in an account.
MOTO_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto.log" 2>&1 &
MOTO_PID=$!
trap 'kill $MOTO_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$MOTO_PORT/moto-api/" && break; sleep 0.1; done
AWS_ENV=(AWS_ENDPOINT_URL="http://127.0.0.1:$MOTO_PORT" AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
         AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true)
WORLD=$(env "${AWS_ENV[@]}" python3 scripts/coldstart-aws-world.py "$WORK/aws-events" $((RUNS * 2 + 4)))
ENV_ARGS=(--env USE_AWS=true)
for kv in "${AWS_ENV[@]}"; do ENV_ARGS+=(--env "$kv"); done
while read -r kv; do ENV_ARGS+=(--env "$kv"); done < <(python3 -c 'import json, sys; [print(f"{k}={v}") for k, v in json.loads(sys.argv[1]).items()]' "$WORLD")
python3 scripts/coldstart.py --event "$WORK/aws-events" --runs "$RUNS" "${ENV_ARGS[@]}" \
    --target "aot=$AOT" --target "jit=$OUT/jit/bootstrap" --json "$OUT/coldstart-aws.json"
kill $MOTO_PID 2>/dev/null || true

echo "== building the benchmarks"
$DOTNET build tests/InstantOnRemediate.Benchmarks -c Release -v q -nologo >"$OUT/bench-build.log" 2>&1 \
    || { tail -20 "$OUT/bench-build.log"; exit 1; }
BENCH="$DOTNET $ROOT/tests/InstantOnRemediate.Benchmarks/bin/Release/net10.0/InstantOnRemediate.Benchmarks.dll"

echo "== classification throughput: ${LOG_MB} MB plain log (an InstantOn failure episode every 200,000 lines)"
# The baseline is given exactly the literals the classifier's automaton looks for (every catalog layer).
$BENCH --print-literals >"$WORK/literals.txt"
python3 - "$WORK/app.log" "$LOG_MB" <<'PY'
import random, sys
log, mb = sys.argv[1], int(sys.argv[2])
rnd = random.Random(1)
plain = [
    "[INFO] GET /api/orders/{0} 200 3ms user={1}",
    "2025-05-08T10:00:{2:02d}.123Z  INFO 1 --- [executor-thread-{3}] c.e.orders.OrderService : order {0} reserved for {1}",
    "[AUDIT   ] CWWKT0016I: Web application available (default_host): http://orders-{3}:9080/api/",
    "2025-05-08 10:00:{2:02d},456 DEBUG [pool-{3}-thread-1] o.h.SQL - select o.id, o.status from orders o where o.id='{0}'",
]
episode = [
    "CWWKE0964E: Restoring the checkpoint server process failed. Check the /logs/checkpoint/restore.log log to determine why the checkpoint process was not restored.",
    "Error (criu/cr-restore.c:1492): 133 killed by signal 11: Segmentation fault",
    "Error (criu/cr-restore.c:2447): Restoring FAILED.",
]
target = mb * 1_000_000
written = 0
with open(log, "w") as f:
    i = 0
    while written < target:
        block = []
        for _ in range(10_000):
            if i % 200_000 < len(episode):
                line = episode[i % 200_000]
            else:
                line = plain[i % 4].format("%010x" % rnd.getrandbits(40), rnd.randrange(100_000), rnd.randrange(60), rnd.randrange(16))
            block.append(line)
            i += 1
        text = "\n".join(block) + "\n"
        f.write(text)
        written += len(text)
print(f"generated {written / 1e6:.0f} MB, {i} lines")
PY
# GNU time reports CPU and peak RSS where it is installed; without it the commands just run.
timed() { local label=$1; shift; if [ -x /usr/bin/time ]; then /usr/bin/time -f "$label: %e s wall, %U s user, peak RSS %M KB" "$@"; else "$@"; fi; }
echo "-- baseline: grep -F -c -f <catalog literals> (single thread)"
timed grep grep -F -c -f "$WORK/literals.txt" "$WORK/app.log" 2>&1 | sed 's/^/   /'
echo "-- RestoreDetector.ClassifyLines (the CLI classify path, streamed)"
timed classify $BENCH --classify-file "$WORK/app.log" 2>&1 | sed 's/^/   /'
rm -f "$WORK/app.log"

echo "== dense logs: the labelled corpus (tests/data/corpus/criu/*.log) concatenated to ~100 MB"
# Same bytes as SampleLogs.DenseCorpus(): files in ordinal name order, each ending in one newline, repeated.
python3 - "$WORK/dense.log" <<'PY'
import glob, sys
unit = b"".join(open(f, "rb").read().rstrip(b"\n") + b"\n" for f in sorted(glob.glob("tests/data/corpus/criu/*.log")))
copies = 100_000_000 // len(unit) + 1
with open(sys.argv[1], "wb") as out:
    for _ in range(copies):
        out.write(unit)
print(f"generated {len(unit) * copies / 1e6:.0f} MB ({copies} copies of {len(unit)} bytes)")
PY
echo "-- baseline: grep -F -c -f <catalog literals>, 3 runs (single thread)"
for _ in 1 2 3; do timed grep grep -F -c -f "$WORK/literals.txt" "$WORK/dense.log" 2>&1 | sed 's/^/   /'; done
echo "-- RestoreDetector.ClassifyStream, one process start (JIT warm-up included)"
timed classify $BENCH --classify-file "$WORK/dense.log" 2>&1 | sed 's/^/   /'
export BENCH_DENSE_FILE="$WORK/dense.log"

if [ "${BENCH_SKIP_BDN:-0}" != "1" ]; then
    echo "== BenchmarkDotNet (short in-process job; reports in $OUT/BenchmarkDotNet.Artifacts)"
    # The GC configuration the Lambda binary is compiled with (functions/InstantOnRemediate.Lambda/*.csproj):
    # a 16 MiB gen0 budget, no background GC.
    (cd "$OUT" && DOTNET_GCgen0size=1000000 DOTNET_gcConcurrent=0 $BENCH --quick --filter "*" --exporters github 2>&1 \
        | grep -E "^\|| Method|^// batch" || true)
fi
echo "== done"
