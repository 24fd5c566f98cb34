"""The table ``make bench`` prints and writes: each row against its target."""


def table(results):
    scenarios = results["scenarios"]
    static = scenarios["static"]["requests_per_second"]
    rows = [
        ("scenario", "req/s", "× static", "p50 ms", "p99 ms", "CPU ms", "target", "met")
    ]

    def row(name, data, target=None, extra_ok=True):
        if "skipped" in data:
            rows.append((name, "-", "-", "-", "-", "-", "-", data["skipped"]))
            return
        rate = data["requests_per_second"]
        ratio = data.get("ratio", rate / static)
        cpu = data.get("cpu_ms_per_request")
        met = (
            "" if target is None else ("yes" if ratio >= target and extra_ok else "NO")
        )
        rows.append(
            (
                name,
                f"{rate:,.0f}",
                f"{ratio:.2f}",
                f"{data['p50_ms']:.1f}",
                f"{data['p99_ms']:.1f}",
                "" if cpu is None else f"{cpu:.2f}",
                "" if target is None else f"≥ {target}",
                met,
            )
        )

    row("1. static (whitenoise)", scenarios["static"])
    if "cached" in scenarios:
        row("2. article, page cache on", scenarios["cached"], 0.9)
    if "uncached" in scenarios:
        row("3. article, page cache off", scenarios["uncached"], 0.15)
    votes = [db for db in ("sqlite", "postgres") if f"votes_{db}" in scenarios]
    for database in votes:
        data = scenarios[f"votes_{database}"]
        row(f"4. votes, {database}", data, 0.25, data.get("exact", False))
    lines = [format_row(r) for r in rows]
    for name in ("cached", "uncached"):
        data = scenarios.get(name, {})
        if "static_requests_per_second" in data:
            lines.append(f"   {ratio_line(f'article, {name}', data)}")
    for database in votes:
        data = scenarios[f"votes_{database}"]
        if "skipped" not in data:
            lines.append(
                f"   votes on {database}: sent {data['sent']:,}, acknowledged "
                f"{data['acknowledged']:,}, stored {data['stored']:,}, refused "
                f"{data['refused']:,}, in flight at the end {data['unanswered']:,} → "
                f"{'exact' if data['exact'] else 'MISMATCH'}"
            )
            lines.append(f"   {cpu_line(database, data)}")
            lines.append(f"   {ratio_line(f'votes on {database}', data)}")
    idle = scenarios["static"]["machine_idle"]
    lines.append(f"   static: machine idle {idle:.0%} (limited by CPU when near 0)")
    lines += report_rows(scenarios.get("reports", {}))
    return "\n".join(lines)


def ratio_line(row, data):
    """What a paired row's ratio was measured against, and each run's."""
    static, ratios = data["static_requests_per_second"], data["ratios"]
    against = f"× the static file run just before it ({static:,.0f} req/s)"
    if len(ratios) == 1:
        return f"{row}: {against}"
    each = ", ".join(f"{ratio:.3f}" for ratio in ratios)
    return f"{row}: median of {len(ratios)} runs ({each}), each {against}"


def cpu_line(database, data):
    """Where a vote's CPU went: the web workers' and the database server's
    shares of the row's CPU ms, and how much of the machine sat idle."""
    cpu = data["cpu_ms_per_request"]
    server = data.get("database_cpu_ms_per_request")
    split = (
        f"{cpu:.2f} ms in the web workers"
        if server is None
        else f"{cpu - server:.2f} ms in the web workers + {server:.2f} ms in "
        "the database server"
    )
    idle = data["machine_idle"]
    return f"votes on {database}: CPU a vote {split}; machine idle {idle:.0%}"


# From 1,000 to 1,000,000 votes, each report row may cost at most 1.5× more;
# the uncached Needs attention and the digest, whose content grows with the
# articles flagged (docs/performance.md), at most 1.6×.
REPORT_LIMITS = {"attention_cold": 1.6, "digest": 1.6}
REPORT_LIMIT = 1.5


def report_rows(reports):
    lines = []
    if "1m" in reports:
        for view in (
            "report",
            "panel",
            "dashboard",
            "comparison",
            "attention",
            "attention_cold",
            "digest",
        ):
            if view not in reports["1k"]:
                continue
            small, large = reports["1k"][view], reports["1m"][view]
            ratio = large / small
            limit = REPORT_LIMITS.get(view, REPORT_LIMIT)
            met = "yes" if ratio <= limit else "NO"
            lines.append(
                f"5. {view:<14} {small:7.1f} ms with 1k votes, {large:7.1f} ms with "
                f"1M votes: {ratio:.2f}× (target ≤ {limit}: {met})"
            )
    return lines


def format_row(cells):
    widths = (28, 8, 9, 8, 8, 7, 7, 4)
    pairs = zip(cells, widths, strict=True)
    return "  ".join(str(cell).ljust(width) for cell, width in pairs)
