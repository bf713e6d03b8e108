#!/usr/bin/env python3
"""Cold start of the Lambda host, measured locally against a loopback Lambda Runtime API.

For each run: start the binary with AWS_LAMBDA_RUNTIME_API pointing at a server on 127.0.0.1, record the time from
just before the process is spawned to its first GET .../invocation/next and to its first POST .../response (one
event, answered by the handler), read the peak resident set (VmHWM in /proc/<pid>/status) while the process waits
on its second /next, then stop it with SIGTERM. Reports median and p90 per command.

    python3 scripts/coldstart.py --event events/detect/eks-rseq-al2.json --runs 20 \
        --target aot=artifacts/lambda/bootstrap --target jit="dotnet artifacts/bench/jit/bootstrap.dll"

The server never leaves 127.0.0.1 and every wait is bounded.
"""
import argparse
import itertools
import json
import os
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

API = "/2018-06-01/runtime/invocation/"
RUN_TIMEOUT_S = 30.0


class Run:
    def __init__(self):
        self.t0 = 0
        self.first_next = None
        self.first_response = None
        self.pid = None
        self.cpu_next = None
        self.cpu_response = None
        self.second_next = threading.Event()
        self.error = None
        self.response_bytes = 0


def read_request(conn, buf):
    """One HTTP/1.1 request from a keep-alive connection: (method, path, body, rest of buffer) or None on close."""
    while b"\r\n\r\n" not in buf:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        buf += chunk
    head, _, rest = buf.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        rest += chunk
    return method, path, rest[:length], rest[length:]


def serve(listener, event, state, stop):
    """Accepts the host's connections; answers the first /next with the event, holds the second one."""
    listener.settimeout(0.2)
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except socket.timeout:
            continue
        except OSError:
            return  # the listener was closed: the run is over
        threading.Thread(target=handle, args=(conn, event, state, stop), daemon=True).start()


def handle(conn, event, state, stop):
    conn.settimeout(0.2)
    buf = b""
    with conn:
        while not stop.is_set():
            try:
                req = read_request(conn, buf)
            except socket.timeout:
                continue
            except OSError:
                return
            if req is None:
                return
            method, path, body, buf = req
            now = time.perf_counter_ns()
            run = state["run"]
            if method == "GET" and path == API + "next":
                if run.first_next is None:
                    run.first_next = now
                    run.cpu_next = cpu_ns(run.pid)
                    deadline = int(time.time() * 1000) + 60_000
                    head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            "Lambda-Runtime-Aws-Request-Id: 8476a536-e9f4-11e8-9739-2dfe598c3fcd\r\n"
                            f"Lambda-Runtime-Deadline-Ms: {deadline}\r\n"
                            "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:detect\r\n"
                            "Lambda-Runtime-Trace-Id: Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1\r\n"
                            f"Content-Length: {len(event)}\r\n\r\n").encode()
                    conn.sendall(head + event)
                else:
                    run.second_next.set()
                    stop.wait(RUN_TIMEOUT_S)  # the long poll is never answered: the process is stopped instead
                    return
            elif method == "POST" and path.endswith("/response"):
                run.first_response = now
                run.cpu_response = cpu_ns(run.pid)
                run.response_bytes = len(body)
                conn.sendall(b"HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n")
            elif method == "POST" and path.endswith("/error"):
                run.error = body.decode("utf-8", "replace")[:300]
                conn.sendall(b"HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n")
                run.second_next.set()
            else:
                conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")


def cpu_ns(pid):
    """CPU time the process has used so far (all threads, from /proc/<pid>/task/*/schedstat), in ns.

    Unlike wall time it hardly depends on what else the machine runs."""
    if pid is None:
        return None
    total = 0
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                    total += int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass
    except OSError:
        return None
    return total


def vm_hwm_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def one_run(command, event, handler, extra_env):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    port = listener.getsockname()[1]
    state = {"run": Run()}
    stop = threading.Event()
    server = threading.Thread(target=serve, args=(listener, event, state, stop), daemon=True)
    server.start()
    state_dir = tempfile.mkdtemp(prefix="coldstart-state-")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "DOTNET_ROOT": os.environ.get("DOTNET_ROOT", ""),
        "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
        "AWS_LAMBDA_RUNTIME_API": f"127.0.0.1:{port}",
        "_HANDLER": handler,
        "USE_AWS": "false",
        "STATE_DIRECTORY": state_dir,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_REGION": "us-east-1",
        "LOG_LEVEL": "warn",
        **extra_env,
    }
    run = state["run"]
    run.t0 = time.perf_counter_ns()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run.pid = proc.pid
    try:
        if not run.second_next.wait(RUN_TIMEOUT_S):
            raise RuntimeError(f"{command[0]}: no second /next within {RUN_TIMEOUT_S} s (exit code {proc.poll()})")
        hwm = vm_hwm_kb(proc.pid)
        if run.error:
            raise RuntimeError(f"{command[0]}: the invocation failed: {run.error}")
        if run.first_next is None or run.first_response is None:
            raise RuntimeError(f"{command[0]}: no /next or /response seen")
        return {
            "first_next_ms": (run.first_next - run.t0) / 1e6,
            "first_response_ms": (run.first_response - run.t0) / 1e6,
            "cpu_first_next_ms": (run.cpu_next or 0) / 1e6,
            "cpu_first_response_ms": (run.cpu_response or 0) / 1e6,
            "peak_rss_mb": hwm / 1024 if hwm else float("nan"),
            "response_bytes": run.response_bytes,
        }
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        stop.set()
        listener.close()
        server.join(2)
        shutil.rmtree(state_dir, ignore_errors=True)


def pct(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1)))))
    return ordered[k]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--event", required=True, action="append",
                    help="event JSON file answered to the first /next, or a directory of them; with several, each run "
                         "(warm-up runs included) takes the next one in turn")
    ap.add_argument("--handler", default="detect")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=2, help="runs per target not counted (page cache)")
    ap.add_argument("--target", action="append", required=True, help="NAME=COMMAND (the first is the one compared)")
    ap.add_argument("--json", help="write the raw figures here")
    ap.add_argument("--env", action="append", default=[], metavar="KEY=VALUE",
                    help="extra environment for every target (e.g. USE_AWS=true with AWS_ENDPOINT_URL)")
    args = ap.parse_args()
    extra_env = {}
    for spec in args.env:
        key, sep, value = spec.partition("=")
        if not sep or not key:
            ap.error(f"--env wants KEY=VALUE (got '{spec}')")
        extra_env[key] = value
    paths = []
    for spec in args.event:
        paths += sorted(os.path.join(spec, n) for n in os.listdir(spec) if n.endswith(".json")) if os.path.isdir(spec) else [spec]
    if not paths:
        ap.error("no event files")
    events = []
    for path in paths:
        with open(path, "rb") as f:
            events.append(f.read())
    turn = itertools.count()

    def next_event():
        return events[next(turn) % len(events)]

    targets = []
    for spec in args.target:
        name, _, cmd = spec.partition("=")
        targets.append((name, shlex.split(cmd)))

    results = {name: [] for name, _ in targets}
    for name, cmd in targets:
        for _ in range(args.warmup):
            one_run(cmd, next_event(), args.handler, extra_env)
    # Interleave the targets so that load from other processes on the machine hits them alike.
    for _ in range(args.runs):
        for name, cmd in targets:
            results[name].append(one_run(cmd, next_event(), args.handler, extra_env))

    spawn = []
    for _ in range(args.runs):
        t = time.perf_counter_ns()
        subprocess.run(["/bin/true"], check=False)
        spawn.append((time.perf_counter_ns() - t) / 1e6)
    print(f"machine reference: spawning /bin/true and waiting for it takes {statistics.median(spawn):.1f} ms (median; about 1 ms on an idle machine),"
          f" load average {open('/proc/loadavg').read().split()[0]}")
    described = f"event {os.path.basename(paths[0])} ({len(events[0])} bytes)" if len(events) == 1 else f"{len(events)} events ({min(map(len, events))}-{max(map(len, events))} bytes) in turn"
    print(f"cold start: {args.runs} runs per target, {described}, handler {args.handler}")
    print("wall = from spawn to the request arriving; cpu = CPU time the process had used by then (all threads)")
    print(f"{'target':<8} {'first /next ms':>22} {'first response ms':>22} {'cpu to /next ms':>22} {'cpu to response ms':>22} {'peak RSS MB':>18}")
    print(f"{'':<8} {'median':>10} {'p90':>11} {'median':>10} {'p90':>11} {'median':>10} {'p90':>11} {'median':>10} {'p90':>11} {'median':>8} {'max':>9}")
    summary = {}
    for name, _ in targets:
        rs = results[name]
        nxt = [r["first_next_ms"] for r in rs]
        rsp = [r["first_response_ms"] for r in rs]
        rss = [r["peak_rss_mb"] for r in rs]
        cnx = [r["cpu_first_next_ms"] for r in rs]
        crs = [r["cpu_first_response_ms"] for r in rs]
        summary[name] = {
            "first_next_ms": {"median": statistics.median(nxt), "p90": pct(nxt, 90)},
            "first_response_ms": {"median": statistics.median(rsp), "p90": pct(rsp, 90)},
            "cpu_first_next_ms": {"median": statistics.median(cnx), "p90": pct(cnx, 90)},
            "cpu_first_response_ms": {"median": statistics.median(crs), "p90": pct(crs, 90)},
            "peak_rss_mb": {"median": statistics.median(rss), "max": max(rss)},
            "response_bytes": rs[0]["response_bytes"],
        }
        s = summary[name]
        print(f"{name:<8} {s['first_next_ms']['median']:>10.1f} {s['first_next_ms']['p90']:>11.1f} "
              f"{s['first_response_ms']['median']:>10.1f} {s['first_response_ms']['p90']:>11.1f} "
              f"{s['cpu_first_next_ms']['median']:>10.1f} {s['cpu_first_next_ms']['p90']:>11.1f} "
              f"{s['cpu_first_response_ms']['median']:>10.1f} {s['cpu_first_response_ms']['p90']:>11.1f} "
              f"{s['peak_rss_mb']['median']:>8.1f} {s['peak_rss_mb']['max']:>9.1f}")
    if len(targets) > 1:
        base = targets[0][0]
        for name, _ in targets[1:]:
            a, b = summary[base], summary[name]
            print(f"{name} / {base}: first /next {b['first_next_ms']['median'] / a['first_next_ms']['median']:.1f}x, "
                  f"first response {b['first_response_ms']['median'] / a['first_response_ms']['median']:.1f}x, "
                  f"cpu to /next {b['cpu_first_next_ms']['median'] / a['cpu_first_next_ms']['median']:.1f}x, "
                  f"cpu to response {b['cpu_first_response_ms']['median'] / a['cpu_first_response_ms']['median']:.1f}x, "
                  f"peak RSS {b['peak_rss_mb']['median'] / a['peak_rss_mb']['median']:.1f}x (median over median)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"runs": args.runs, "summary": summary, "raw": results}, f, indent=2)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as e:
        print(f"coldstart: {e}", file=sys.stderr)
        sys.exit(1)
