#!/usr/bin/env python3
"""Helpers of bench/run.sh: request bodies, the SIO official to act as,
vegeta targets, parsing wrk/pgbench/vegeta output, and RESULTS.md.

    bench.py pick-user URL IIN BIN           -> prints {"user":..., "basis":...}
    bench.py bodies OUT QUERIES USERJSON     -> OUT/<lane>-<shape>.json templates
    bench.py targets BODY KEYS URL USER N    -> vegeta JSON targets on stdout
    bench.py wrk FILE                        -> {"rps","p50_ms","p99_ms","requests","errors"}
    bench.py pgbench FILE LOGDIR             -> same, from pgbench output and its log
    bench.py vegeta FILE                     -> {"rps","p50_ms","p99_ms","success"}
    bench.py measure                         -> the rounds (configured by run.sh's environment)
    bench.py report RAW ENVJSON OUT.md       -> the results tables
"""
import base64
import glob
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

SHAPES = ["point", "list", "links1", "links2"]
LANES = ["pgbench", "floor", "postgraphile", "sio"]
SHAPE_TITLES = {
    "point": "Person by IIN with vehicles",
    "list": "100-person list with vehicles, real estate (+ objects) and companies (+ entities)",
    "links1": "1-level links of a hub company (founders, directors)",
    "links2": "2-level links of a hub company (~50 x 50)",
}
LANE_TITLES = {
    "pgbench": "raw SQL (pgbench replaying the statements)",
    "floor": "Go floor (net/http + sqlx)",
    "postgraphile": "PostGraphile v4",
    "sio": "SIO (authz + audit on)",
}

PROBE = """query($b: BasisInput!, $iin: IIN!, $bin: BIN!) { inquiry(basis: $b) {
  person(iin: $iin) { iin vehicles { totalCount } realEstate { totalCount } companies { totalCount } }
  links(subject: {bin: $bin}, depth: 2, kinds: [FOUNDER, DIRECTOR], maxNodes: 5) { root } } }"""


def post(url, body, user=None):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    if user:
        req.add_header("X-Dev-User", user)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read())
    except urllib.error.HTTPError as e:
        return json.loads(e.read() or b"{}")


def pick_user(url, iin, bin_):
    """The first sandbox official with an open case under which every field
    of the benchmark's shapes resolves (persons, vehicles, real estate,
    companies, links of both levels)."""
    users = post(url, {"query": "{ sandboxUsers { iin blocked agreementSigned cases { number basis status court year } } }"})
    for u in users["data"]["sandboxUsers"]:
        if u["blocked"] or not u["agreementSigned"]:
            continue
        for c in u["cases"]:
            if c["status"] != "OPEN":
                continue
            b = {"kind": c["basis"], "caseNumber": c["number"], "justification": "нагрузочное тестирование"}
            if c.get("court"):
                b["court"], b["year"] = c["court"], c["year"]
            r = post(url, {"query": PROBE, "variables": {"b": b, "iin": iin, "bin": bin_}}, u["iin"])
            if not r.get("errors") and r.get("data", {}).get("inquiry", {}).get("links"):
                return {"user": u["iin"], "basis": b}
    sys.exit("no sandbox official may read every field of the benchmark")


def bodies(out, queries, userjson):
    """Request bodies with the placeholder __KEY__ for the random key."""
    user = json.load(open(userjson))
    var = {"point": "iin", "list": "iins", "links1": "bin", "links2": "bin"}
    os.makedirs(out, exist_ok=True)
    for shape in SHAPES:
        ph = "__PLACEHOLDER__"
        for lane, qfile in (("sio", "sio"), ("postgraphile", "pg"), ("floor", None)):
            v = {var[shape]: ph}
            if lane == "sio":
                v["b"] = user["basis"]
            if lane == "floor" and shape.startswith("links"):
                v["depth"] = int(shape[-1])
            body = {"variables": v}
            if qfile:
                body["query"] = open(os.path.join(queries, f"{qfile}-{shape}.graphql")).read()
            text = json.dumps(body, ensure_ascii=False).replace(f'"{ph}"', "__KEY__")
            open(os.path.join(out, f"{lane}-{shape}.json"), "w").write(text)


def targets(body, keys, url, user, n):
    tmpl = open(body).read()
    ks = [k for k in open(keys).read().splitlines() if k]
    header = {"Content-Type": ["application/json"]}
    if user:
        header["X-Dev-User"] = [user]
    rnd = random.Random(int(n))
    for _ in range(int(n)):
        b = tmpl.replace("__KEY__", rnd.choice(ks))
        print(json.dumps({"method": "POST", "url": url, "header": header,
                          "body": base64.b64encode(b.encode()).decode()}))


def dur_ms(s):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", s)
    v, u = float(m.group(1)), m.group(2)
    return v * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[u]


def parse_wrk(path):
    t = open(path).read()
    out = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))}
    for p in ("50", "99"):
        m = re.search(rf"^\s+{p}%\s+(\S+)", t, re.M)
        out[f"p{p}_ms"] = dur_ms(m.group(1)) if m else None
    m = re.search(r"(\d+) requests in", t)
    out["requests"] = int(m.group(1)) if m else 0
    errs = 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    errs += int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
    errs += sum(int(x) for x in m.groups()) if m else 0
    out["errors"] = errs
    return out


def parse_pgbench(path, logdir):
    t = open(path).read()
    m = re.search(r"tps = ([\d.]+) \(without initial connection time\)", t) or re.search(r"tps = ([\d.]+)", t)
    out = {"rps": float(m.group(1))}
    m = re.search(r"number of transactions actually processed: (\d+)", t)
    out["requests"] = int(m.group(1)) if m else 0
    m = re.search(r"number of failed transactions: (\d+)", t)
    out["errors"] = int(m.group(1)) if m else 0
    lat = []
    for f in glob.glob(os.path.join(logdir, "pgbench_log.*")):
        for line in open(f):
            parts = line.split()
            if len(parts) >= 3:
                lat.append(int(parts[2]) / 1000)
    if lat:
        lat.sort()
        out["p50_ms"] = lat[len(lat) // 2]
        out["p99_ms"] = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
    else:
        out["p50_ms"] = out["p99_ms"] = None
    return out


def parse_vegeta(path):
    r = json.load(open(path))
    return {"rps": r.get("throughput", 0), "p50_ms": r["latencies"]["50th"] / 1e6,
            "p99_ms": r["latencies"]["99th"] / 1e6, "success": r.get("success", 0),
            "requests": r.get("requests", 0)}


def fmt(v, nd=1):
    if v is None:
        return "—"
    if v >= 100:
        return f"{v:.0f}"
    return f"{v:.{nd}f}"


def report(raw, envjson, out):
    rows = [json.loads(l) for l in open(raw) if l.strip()]
    env = json.load(open(envjson))
    by = {}
    for r in rows:
        by.setdefault((r["shape"], r["lane"], r["tool"], r.get("conc")), []).append(r)

    def med(shape, lane, tool, conc, key):
        xs = [r[key] for r in by.get((shape, lane, tool, conc), []) if r.get(key) is not None]
        return (statistics.median(xs), min(xs), max(xs), len(xs)) if xs else None

    L = []
    L.append("# SIO benchmark results\n")
    if env.get("contended"):
        L.append("> **Contended smoke run.** " + env["contended"] + " The figures show that the harness works; "
                 "they are not the performance of SIO. Re-run on a quiet machine (bench/README.md).\n")
    L.append(f"Run {env['started']} – {env['finished']} UTC, `{env['command']}`.\n")
    L.append("## Machine and data\n")
    for k in ("cpu", "nproc", "memory", "kernel", "postgres", "go", "node", "wrk", "pgbench", "dataset", "rounds", "duration", "vegeta"):
        if k in env:
            L.append(f"- **{k}**: {env[k]}")
    L.append("")
    L.append("Lanes: " + "; ".join(f"`{k}` = {v}" for k, v in LANE_TITLES.items()) + ".")
    L.append("Throughput: median req/s over the rounds (min–max), wrk (pgbench for `pgbench`) at c connections; "
             "p50/p99 from vegeta at the constant rate shown (pgbench/wrk percentiles at c=1 for `pgbench`); "
             "CPU = server process CPU ms per request (from /proc, at c=8).\n")
    summary = []
    for shape in SHAPES:
        if not any(k[0] == shape for k in by):
            continue
        L.append(f"## {shape}: {SHAPE_TITLES[shape]}\n")
        concs = sorted({k[3] for k in by if k[0] == shape and k[2] in ("wrk", "pgbench")})
        hdr = "| lane | " + " | ".join(f"req/s c={c} (min–max)" for c in concs) + " | p50 ms | p99 ms | rate | CPU ms/req |"
        L.append(hdr)
        L.append("|" + "---|" * (hdr.count("|") - 1))
        for lane in LANES:
            tool = "pgbench" if lane == "pgbench" else "wrk"
            cells = []
            for c in concs:
                m = med(shape, lane, tool, c, "rps")
                cells.append(f"{fmt(m[0])} ({fmt(m[1])}–{fmt(m[2])})" if m else "—")
            if lane == "pgbench":
                p50, p99 = med(shape, lane, tool, 1, "p50_ms"), med(shape, lane, tool, 1, "p99_ms")
                rate = "c=1"
            else:
                p50, p99 = med(shape, lane, "vegeta", None, "p50_ms"), med(shape, lane, "vegeta", None, "p99_ms")
                vr = by.get((shape, lane, "vegeta", None))
                rate = f"{vr[0]['rate']}/s" if vr else "—"
            cpu = med(shape, lane, tool, max(concs) if concs else None, "cpu_ms")
            L.append(f"| {lane} | " + " | ".join(cells) + f" | {fmt(p50 and p50[0], 2)} | {fmt(p99 and p99[0], 2)} | {rate} | {fmt(cpu and cpu[0], 2)} |")
        L.append("")
        for c in concs:
            s = med(shape, "sio", "wrk", c, "rps")
            pg = med(shape, "postgraphile", "wrk", c, "rps")
            fl = med(shape, "floor", "wrk", c, "rps")
            raw_ = med(shape, "pgbench", "pgbench", c, "rps")
            parts = []
            if s and pg:
                parts.append(f"SIO/PostGraphile **{s[0] / pg[0]:.2f}x**")
            if s and fl:
                parts.append(f"SIO/floor **{s[0] / fl[0]:.2f}x**")
            if fl and raw_:
                parts.append(f"floor/raw SQL {fl[0] / raw_[0]:.2f}x")
            if parts:
                L.append(f"- c={c}: " + ", ".join(parts))
                summary.append((shape, c, s[0] / pg[0] if s and pg else None, s[0] / fl[0] if s and fl else None))
        L.append("")
    gb = env.get("gobench")
    gbraw = env.get("gobench_file")
    if gb or gbraw:
        L.append("## In-process Go benchmarks (authz and audit overhead, executor allocations)\n")
        L.append("`BenchmarkServe` (gateway/serve_bench_test.go): the shapes served through SIO's HTTP handler in "
                 "process against the same database, 8 requests in flight, `-benchmem`, each body served once before timing, "
                 "the variants interleaved (rounds of one run of each). ns/op is the inverse of the throughput. Overhead = time per request with / without "
                 "(authz: the policy's @service directive vs a pass-through; audit: the PostgreSQL log with group "
                 "commit vs a log that records nothing), medians.\n")
    if gbraw and os.path.exists(gbraw):
        runs = {}
        for line in open(gbraw):
            # Further metrics (goroutines/op) may stand between ns/op and B/op.
            m = re.match(r"BenchmarkServe/shape=(\w+)/authz=(\w+)/audit=(\w+)-\d+\s+\d+\s+([\d.]+) ns/op\s+(?:.*?\s)?([\d.]+) B/op\s+([\d.]+) allocs/op", line)
            g = re.search(r"([\d.]+) goroutines/op", line)
            if m:
                runs.setdefault((m[1], m[2], m[3]), []).append((float(m[4]), float(m[5]), float(m[6]), float(g[1]) if g else None))
        med3 = lambda xs, i: statistics.median(x[i] for x in xs)
        L.append("| shape | ms/op authz+audit (n) | authz off | **authz overhead** | audit off | **audit overhead** | allocs/op | KB/op | allocs/op without audit | goroutines/op |")
        L.append("|---|---|---|---|---|---|---|---|---|---|")
        for shape in SHAPES:
            base, noaz, noau = runs.get((shape, "on", "on")), runs.get((shape, "off", "on")), runs.get((shape, "on", "off"))
            if not base:
                continue
            b = med3(base, 0)
            row = [shape, f"{b / 1e6:.2f} ({len(base)})"]
            for other in (noaz, noau):
                if other:
                    o = med3(other, 0)
                    row += [f"{o / 1e6:.2f}", f"{(b / o - 1) * 100:+.0f}%"]
                else:
                    row += ["—", "—"]
            row += [f"{med3(base, 2):.0f}", f"{med3(base, 1) / 1024:.0f}", f"{med3(noau, 2):.0f}" if noau else "—"]
            gs = [x[3] for x in base if x[3] is not None]
            row += [f"{statistics.median(gs):.0f}" if gs else "—"]
            L.append("| " + " | ".join(row) + " |")
        L.append("")
    if gb:
        L.append("<details><summary>benchstat</summary>\n")
        L.append("```")
        L.append(gb.rstrip())
        L.append("```\n</details>\n")
    L.append("## Targets\n")
    L.append("| shape | c | SIO/PostGraphile (target >= 2x) | SIO/floor (target >= 0.5x point, >= 0.4x lists) |")
    L.append("|---|---|---|---|")
    for shape, c, a, b in summary:
        want = 0.5 if shape == "point" else 0.4
        L.append(f"| {shape} | {c} | {fmt(a, 2) + 'x' if a else '—'} {'✅' if a and a >= 2 else '❌' if a else ''} | "
                 f"{fmt(b, 2) + 'x' if b else '—'} {'✅' if b and b >= want else '❌' if b else ''} |")
    l2 = med("links2", "sio", "vegeta", None, "p50_ms")
    if l2:
        L.append(f"\n2-level links p50 (vegeta, SIO): **{l2[0]:.1f} ms** (target < 50 ms on 1M persons).")
    L.append("")
    # The hand-written analysis (levers measured, what limits the targets).
    notes = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "NOTES.md")
    if os.path.exists(notes):
        L.append(open(notes).read())
    open(out, "w").write("\n".join(L) + "\n")


def http_post(url, body, user=None):
    """POST a raw body; (status, bytes)."""
    req = urllib.request.Request(url, data=body.encode(), headers={"Content-Type": "application/json"})
    if user:
        req.add_header("X-Dev-User", user)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def ticks(pid):
    """CPU ticks (user + system) of a process and its children (the
    PostGraphile cluster workers)."""
    pids = [pid]
    try:
        pids += [int(x) for x in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()]
    except Exception:
        pass
    total = 0
    for p in pids:
        try:
            f = open(f"/proc/{p}/stat").read()
        except OSError:
            continue
        fields = f[f.rindex(")") + 2:].split()
        total += int(fields[11]) + int(fields[12])
    return total


def secs(d):
    if d.endswith("ms"):
        return max(1, int(d[:-2]) // 1000)
    if d.endswith("s"):
        return int(d[:-1])
    if d.endswith("m"):
        return int(d[:-1]) * 60
    return int(d)


def measure():
    """Everything between starting the servers and the Go benchmarks:
    the official, the bodies, the checks, the pgbench recording, the
    warm-up and the interleaved rounds. Configuration from the environment
    (set by run.sh)."""
    E = os.environ
    out, here = E["BENCH_OUT"], E["BENCH_HERE"]
    bin_ = os.path.join(here, ".bin")
    lanes = E["LANES"].split()
    shapes = E["SHAPES"].split()
    conns = [int(c) for c in E["CONNS"].split()]
    rounds, duration, vdur = int(E["ROUNDS"]), E["DURATION"], E["VEGETA_DURATION"]
    pids = {"sio": int(E["SIO_PID"]), "floor": int(E["FLOOR_PID"]), "postgraphile": int(E["PG_PID"])}
    ports = {"sio": E["SIO_PORT"], "floor": E["FLOOR_PORT"], "postgraphile": E["PG_PORT"]}
    hz = os.sysconf("SC_CLK_TCK")
    rates = {"point": 50, "list": 10, "links1": 50, "links2": 5}
    for s in rates:
        rates[s] = int(E.get("RATE_" + s) or rates[s])

    def url(lane, shape):
        if lane == "floor":
            return f"http://127.0.0.1:{ports[lane]}/" + shape.rstrip("12")
        return f"http://127.0.0.1:{ports[lane]}/graphql"

    def log(msg):
        print(time.strftime("[%H:%M:%S] ", time.gmtime()) + msg, file=sys.stderr, flush=True)

    keys = {s: [k for k in open(os.path.join(out, "keys", s + ".txt")).read().splitlines() if k] for s in SHAPES}
    who = pick_user(url("sio", "point"), json.loads(keys["point"][0]), json.loads(keys["links1"][0]))
    json.dump(who, open(os.path.join(out, "user.json"), "w"))
    user = who["user"]
    log(f"SIO requests act as sandbox official {user} ({who['basis']['kind']} {who['basis']['caseNumber']})")
    bodies(os.path.join(out, "bodies"), os.path.join(here, "queries"), os.path.join(out, "user.json"))
    tmpl = {}
    for lane in ("sio", "floor", "postgraphile"):
        for s in SHAPES:
            tmpl[lane, s] = open(os.path.join(out, "bodies", f"{lane}-{s}.json")).read()

    # Every lane must answer every shape, without errors.
    rnd = random.Random(1)
    for s in shapes:
        for lane in ("floor", "postgraphile", "sio"):
            if lane not in lanes:
                continue
            st, body = http_post(url(lane, s), tmpl[lane, s].replace("__KEY__", keys[s][0]), user if lane == "sio" else None)
            if st != 200 or b'"errors"' in body:
                sys.exit(f"{lane} {s}: HTTP {st}: {body[:500]!r}")
            log(f"  {lane} {s} ok ({len(body)} bytes)")
        # The floor records the statements of its first 100 requests of
        # each shape as pgbench scripts (the SQL SIO emits).
        for _ in range(100):
            http_post(url("floor", s), tmpl["floor", s].replace("__KEY__", rnd.choice(keys[s])))

    raw = open(os.path.join(out, "raw.jsonl"), "a")

    def emit(r):
        raw.write(json.dumps(r) + "\n")
        raw.flush()

    def wrk_env(lane, s):
        env = dict(E, BENCH_BODY=os.path.join(out, "bodies", f"{lane}-{s}.json"), BENCH_KEYS=os.path.join(out, "keys", s + ".txt"))
        env["BENCH_USER"] = user if lane == "sio" else ""
        return env

    def run_wrk(lane, s, c, r):
        f = os.path.join(out, "cells", f"{lane}-{s}-c{c}-r{r}.txt")
        t0 = ticks(pids[lane])
        with open(f, "w") as fh:
            subprocess.run(["wrk", f"-t{min(c, 2)}", f"-c{c}", f"-d{duration}", "--latency", "-s",
                            os.path.join(here, "lib", "post.lua"), url(lane, s)], env=wrk_env(lane, s), stdout=fh, stderr=subprocess.STDOUT)
        t1 = ticks(pids[lane])
        res = parse_wrk(f)
        res.update(lane=lane, shape=s, conc=c, round=r, tool="wrk", cpu_ms=(t1 - t0) * 1000 / hz / max(res["requests"], 1))
        emit(res)
        log(f"  r{r} {s} c={c} {lane}: {res['rps']:.1f} req/s, p50 {res['p50_ms']} ms, CPU {res['cpu_ms']:.2f} ms/req, errors {res['errors']}")

    def run_pgbench(s, c, r):
        scripts = sorted(glob.glob(os.path.join(out, "pgbench-scripts", s + "-*.sql")))
        if not scripts:
            log(f"  no recorded statements for {s}")
            return
        f = os.path.join(out, "cells", f"pgbench-{s}-c{c}-r{r}")
        shutil.rmtree(f + ".log", ignore_errors=True)
        os.makedirs(f + ".log")
        args = ["pgbench", "-n", "-M", "extended", "-c", str(c), "-j", str(min(c, 2)), "-T", str(secs(duration)), "-l"]
        for sc in scripts:
            args += ["-f", sc + "@1"]
        args.append(E["BENCH_DB"])
        with open(f + ".txt", "w") as fh:
            subprocess.run(args, cwd=f + ".log", stdout=fh, stderr=subprocess.STDOUT)
        res = parse_pgbench(f + ".txt", f + ".log")
        shutil.rmtree(f + ".log", ignore_errors=True)
        res.update(lane="pgbench", shape=s, conc=c, round=r, tool="pgbench", cpu_ms=None)
        emit(res)
        log(f"  r{r} {s} c={c} pgbench: {res['rps']:.1f} requests/s, p50 {res['p50_ms']} ms")

    def run_vegeta(lane, s, r):
        rate = rates[s]
        n = rate * secs(vdur) + 10
        f = os.path.join(out, "cells", f"vegeta-{lane}-{s}-r{r}")
        header = {"Content-Type": ["application/json"]}
        if lane == "sio":
            header["X-Dev-User"] = [user]
        with open(f + ".targets", "w") as fh:
            for _ in range(n):
                b = tmpl[lane, s].replace("__KEY__", rnd.choice(keys[s]))
                fh.write(json.dumps({"method": "POST", "url": url(lane, s), "header": header,
                                     "body": base64.b64encode(b.encode()).decode()}) + "\n")
        attack = subprocess.Popen([os.path.join(bin_, "vegeta"), "attack", "-format=json", "-targets=" + f + ".targets",
                                   f"-rate={rate}/s", "-duration=" + vdur, "-timeout=30s"], stdout=subprocess.PIPE)
        with open(f + ".json", "w") as fh:
            subprocess.run([os.path.join(bin_, "vegeta"), "report", "-type=json"], stdin=attack.stdout, stdout=fh)
        attack.wait()
        os.remove(f + ".targets")
        res = parse_vegeta(f + ".json")
        res.update(lane=lane, shape=s, conc=None, round=r, tool="vegeta", rate=rate)
        emit(res)
        log(f"  r{r} {s} vegeta {rate}/s {lane}: p50 {res['p50_ms']:.1f} ms, p99 {res['p99_ms']:.1f} ms, success {res['success']}")

    log("warming up")
    for s in shapes:
        for lane in lanes:
            if lane != "pgbench":
                subprocess.run(["wrk", "-t2", "-c8", "-d2s", "-s", os.path.join(here, "lib", "post.lua"), url(lane, s)],
                               env=wrk_env(lane, s), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for r in range(1, rounds + 1):
        log(f"round {r} of {rounds}")
        for s in shapes:
            for c in conns:
                for lane in rnd.sample(lanes, len(lanes)):
                    if lane == "pgbench":
                        run_pgbench(s, c, r)
                    else:
                        run_wrk(lane, s, c, r)
            for lane in rnd.sample(lanes, len(lanes)):
                if lane != "pgbench":
                    run_vegeta(lane, s, r)


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "pick-user":
        print(json.dumps(pick_user(*args)))
    elif cmd == "bodies":
        bodies(*args)
    elif cmd == "targets":
        targets(*args)
    elif cmd == "wrk":
        print(json.dumps(parse_wrk(*args)))
    elif cmd == "pgbench":
        print(json.dumps(parse_pgbench(*args)))
    elif cmd == "vegeta":
        print(json.dumps(parse_vegeta(*args)))
    elif cmd == "measure":
        measure()
    elif cmd == "report":
        report(*args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
