"""One scenario's measurement: wrk's rate and latency, and the CPU it cost.

Rates move with whatever else the machine runs; the CPU time the serving
processes spent a request moves much less, so every row reports both, and
how much of the machine sat idle meanwhile.
"""

import json
import os
import re
import subprocess
from pathlib import Path


def wrk(
    url,
    duration,
    connections=32,
    script=None,
    script_args=(),
    serving=None,
    database=None,
):
    """Requests/s and latency percentiles (ms) from wrk.

    With a Lua ``script``, its ``done()`` may print one line of JSON, which
    is returned as ``script_result``. ``serving()`` gives the pids of the
    processes that serve the requests (gunicorn's workers) and
    ``database()`` those of the database server's backends, asked before and
    after: their CPU time per request is returned too (together, and the
    database's share apart), a figure that other work on the machine changes
    far less than the rate. ``machine_idle`` is the share of the machine's
    CPU time left idle meanwhile: near 0 when the row is limited by CPU, as
    the static file is, higher when its processes wait (a disk flush, a lock).
    """
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency"]
    if script:
        command += ["-s", str(script)]
    command.append(url)
    if script_args:
        command += ["--", *map(str, script_args)]
    serving, database = serving or list, database or list
    web_before = {pid: cpu_seconds(pid) for pid in serving()}
    database_before = {pid: cpu_seconds(pid) for pid in database()}
    idle_before = machine_cpu()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    idle_after = machine_cpu()
    web_used = cpu_used_since(web_before, serving())
    database_used = cpu_used_since(database_before, database())
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    result = {
        "requests_per_second": rate,
        "p50_ms": _wrk_latency(output, "50%"),
        "p99_ms": _wrk_latency(output, "99%"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1).strip() if socket_errors else "",
        "machine_idle": idle_share(idle_before, idle_after),
    }
    answered = int(re.search(r"(\d+) requests in", output).group(1))
    if web_before and answered:
        result["cpu_ms_per_request"] = 1000 * (web_used + database_used) / answered
    if database_before and answered:
        result["database_cpu_ms_per_request"] = 1000 * database_used / answered
    printed = [line for line in output.splitlines() if line.startswith("{")]
    if printed:
        result["script_result"] = json.loads(printed[-1])
    return result


def cpu_used_since(before, pids_now):
    """CPU seconds used since ``before`` (pid → seconds) by those processes
    and by ``pids_now``, which may have started since."""
    return sum(
        max(0.0, cpu_seconds(pid) - before.get(pid, 0.0))
        for pid in set(pids_now) | set(before)
    )


def machine_cpu():
    """(idle, total) CPU time of the whole machine so far, in clock ticks."""
    fields = [int(n) for n in Path("/proc/stat").read_text().split()[1:9]]
    return fields[3] + fields[4], sum(fields)  # idle + iowait, all


def idle_share(before, after):
    """The share of the machine's CPU time left idle between two ``machine_cpu``."""
    idle, total = after[0] - before[0], after[1] - before[1]
    return idle / total if total else 0.0


def cpu_seconds(pid):
    """User + system CPU seconds process ``pid`` has used, or 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wrk_latency(output, label):
    match = re.search(rf"{re.escape(label)}\s+([\d.]+)(us|ms|s)\b", output)
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
