"""Timeline benchmarks: Kubernetes audit import into SQLite, and merging five sources.

    .venv/bin/python bench/bench_timeline.py                 # 1,000,000 audit events (~1 GB)
    .venv/bin/python bench/bench_timeline.py --events 100000 # quicker
    .venv/bin/python bench/bench_timeline.py --all-mutations # every line is inserted

Measures, in the same run: the time to only parse the lines with the JSON library the importer
uses (`json`), the time of `blameless timeline import` through the service into a fresh SQLite
database (one transaction), the ratio of the two and the import's peak RSS (measured in a child
process, so that generating the file does not count). Then: merge 5 sources totalling
`--merge-events` events, infer milestones, compute durations and inconsistencies. Then: read
one PagerDuty page of `--pagerduty-entries` log entries (`{"log_entries": [...]}`, ~35 MB by
default) through the importer, with its time and peak RSS (in a child process too).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

OUT = Path(__file__).parent / "out"
T0 = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
# Read-heavy, as in real clusters (controllers and kubelets list, get and watch).
VERBS = [
    ("get", 45),
    ("list", 20),
    ("watch", 15),
    ("patch", 8),
    ("update", 5),
    ("create", 4),
    ("delete", 3),
]
RESOURCES = [
    "pods",
    "deployments",
    "configmaps",
    "secrets",
    "services",
    "leases",
    "namespaces",
    "events",
    "replicasets",
    "endpointslices",
]
USERS = [
    "system:serviceaccount:kube-system:deployment-controller",
    "system:node:gke-prod-pool-1",
    "priya@acme.example",
    "system:serviceaccount:ops:staging-cleanup",
    "system:serviceaccount:argocd:argocd-application-controller",
    "alex@acme.example",
]
AGENTS = [
    "kube-controller-manager/v1.29.2 (linux/amd64) kubernetes/4b8e819/system:serviceaccount",
    "kubectl/v1.29.2 (linux/amd64) kubernetes/4b8e819",
    "kubelet/v1.29.2 (linux/amd64)",
    "argocd-application-controller/v2.10.1 (linux/amd64)",
]


def audit_line(rng: random.Random, when: datetime, stage: str, verb: str) -> str:
    """One `audit.k8s.io/v1` event of about 1 KB at the Metadata level."""
    resource_name = rng.choice(RESOURCES)
    namespace = rng.choice(["checkout-prod", "payments", "kube-system", "staging", "argocd"])
    name = f"{resource_name[:-1]}-{rng.randrange(10**6):06d}"
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"
    event = {
        "kind": "Event",
        "apiVersion": "audit.k8s.io/v1",
        "level": "Metadata",
        "auditID": str(uuid.UUID(int=rng.getrandbits(128))),
        "stage": stage,
        "requestURI": f"/apis/apps/v1/namespaces/{namespace}/{resource_name}/{name}?timeout=10s",
        "verb": verb,
        "user": {
            "username": rng.choice(USERS),
            "uid": str(uuid.UUID(int=rng.getrandbits(128))),
            "groups": [
                "system:serviceaccounts",
                "system:serviceaccounts:kube-system",
                "system:authenticated",
            ],
            "extra": {"authentication.kubernetes.io/pod-name": [f"controller-{rng.randrange(99)}"]},
        },
        "sourceIPs": [f"10.20.{rng.randrange(255)}.{rng.randrange(255)}"],
        "userAgent": rng.choice(AGENTS),
        "objectRef": {
            "resource": resource_name,
            "namespace": namespace,
            "name": name,
            "apiGroup": "apps",
            "apiVersion": "v1",
        },
        "requestReceivedTimestamp": stamp,
        "stageTimestamp": stamp,
        "annotations": {
            "authorization.k8s.io/decision": "allow",
            "authorization.k8s.io/reason": 'RBAC: allowed by ClusterRoleBinding "system:controller:'
            'deployment-controller" of ClusterRole "system:controller:deployment-controller" to '
            'ServiceAccount "deployment-controller/kube-system"',
            "pod-security.kubernetes.io/enforce-policy": "restricted:latest",
        },
    }
    if stage == "ResponseComplete":
        event["responseStatus"] = {"metadata": {}, "code": 200 if verb != "create" else 201}
    return json.dumps(event, separators=(",", ":"))


def generate(path: Path, count: int, all_mutations: bool) -> None:
    """`count` audit lines: requests logged at RequestReceived and ResponseComplete."""
    rng = random.Random(2026)
    verbs, weights = zip(*VERBS, strict=True)
    with path.open("w", encoding="utf-8") as out:
        for index in range(count):
            when = T0 + timedelta(milliseconds=index * 7)
            if all_mutations:
                stage, verb = (
                    "ResponseComplete",
                    rng.choice(["patch", "update", "create", "delete"]),
                )
            else:
                stage = "RequestReceived" if index % 2 == 0 else "ResponseComplete"
                verb = rng.choices(verbs, weights)[0]
            out.write(audit_line(rng, when, stage, verb) + "\n")


def parse_only(path: Path) -> float:
    """Seconds to read and `json.loads` every line (the floor of any importer)."""
    start = time.perf_counter()
    with path.open("rb") as lines:
        for line in lines:
            json.loads(line)
    return time.perf_counter() - start


def import_in_child(path: Path, database: Path) -> dict[str, float]:
    """Run the import in a fresh process; returns its seconds, rows and peak RSS."""
    done = subprocess.run(
        [sys.executable, __file__, "--child-import", str(path), str(database)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def child_import(path: Path, database: Path) -> None:
    from blameless.services.timeline import import_timeline
    from blameless.store import migrate
    from blameless.store.engine import create_database_engine, transaction

    url = f"sqlite:///{database}"
    engine = create_database_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    start = time.perf_counter()
    with transaction(url) as session:
        report = import_timeline(
            session, "INC-2026-001", source="k8s-audit", path=path, create_title="bench"
        )
    seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "inserted": report.inserted,
                "read": report.read,
                "filtered": report.filtered,
                "rss_mb": rss_mb,
            }
        )
    )


def pagerduty_page(path: Path, count: int) -> None:
    """One `{"log_entries": [...]}` page of `count` entries (about 350 bytes each)."""
    with path.open("w", encoding="utf-8") as out:
        out.write(f'{{"limit": {count}, "offset": 0, "log_entries": [\n')
        for n in range(count):
            entry = {
                "id": f"R{n:024d}",
                "type": "notify_log_entry",
                "summary": f"Notified responder {n % 40} by email.",
                "created_at": (T0 + timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "agent": {"id": "PUSER01", "type": "user_reference", "summary": "Priya Natarajan"},
                "channel": {"type": "auto"},
                "html_url": f"https://acme.pagerduty.com/incidents/Q2EU8BLNG5127X/log_entries/R{n}",
            }
            out.write(("," if n else "") + json.dumps(entry) + "\n")
        out.write('], "more": false, "total": null}\n')


def child_pagerduty(path: Path) -> None:
    from blameless.timeline import ImportContext, read_events

    start = time.perf_counter()
    count = sum(1 for _ in read_events("pagerduty", path, ImportContext()))
    seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "events": count, "rss_mb": rss_mb}))


def bench_pagerduty(count: int) -> dict[str, float]:
    """Read one page of `count` entries in a fresh process: seconds, events, peak RSS."""
    path = OUT / f"pagerduty-page-{count}.json"
    if not path.exists():
        pagerduty_page(path, count)
    done = subprocess.run(
        [sys.executable, __file__, "--child-pagerduty", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    result["mb"] = path.stat().st_size / 1e6
    return result


def bench_merge(total: int) -> dict[str, float]:
    """Merge five synthetic sources of `total` events, infer milestones, check them."""
    from blameless.model import TimelineEvent
    from blameless.timeline.checks import find_inconsistencies
    from blameless.timeline.merge import merge_events
    from blameless.timeline.milestones import compute_durations, resolve_milestones

    rng = random.Random(7)
    kinds = {
        "slack": "message",
        "pagerduty": "notify",
        "alertmanager": "alert-firing",
        "k8s-audit": "k8s-patch",
        "git": "commit",
    }
    streams = [
        sorted(
            (
                TimelineEvent(
                    T0 + timedelta(seconds=rng.uniform(0, 7200)),
                    f"{source} event {i}",
                    actor="someone",
                    source=source,
                    source_id=f"{source}-{i}",
                    kind=kinds[source],
                )
                for i in range(total // 5)
            ),
            key=lambda e: e.timestamp,
        )
        for source in kinds
    ]
    start = time.perf_counter()
    merged = merge_events(streams)
    milestones = resolve_milestones(merged)
    compute_durations(milestones)
    issues = find_inconsistencies(merged)
    return {"seconds": time.perf_counter() - start, "events": len(merged), "issues": len(issues)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="audit lines to generate")
    parser.add_argument(
        "--all-mutations",
        action="store_true",
        help="every line a mutation at ResponseComplete (worst case)",
    )
    parser.add_argument("--merge-events", type=int, default=200_000)
    parser.add_argument("--pagerduty-entries", type=int, default=100_000)
    parser.add_argument("--child-import", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-pagerduty", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_import:
        child_import(*args.child_import)
        return
    if args.child_pagerduty:
        child_pagerduty(args.child_pagerduty)
        return
    OUT.mkdir(exist_ok=True)
    tag = "mut" if args.all_mutations else "mix"
    audit = OUT / f"k8s-audit-{args.events}-{tag}.jsonl"
    if not audit.exists():
        start = time.perf_counter()
        generate(audit, args.events, args.all_mutations)
        print(f"generated {audit} in {time.perf_counter() - start:.1f} s")
    size_mb = audit.stat().st_size / 1e6
    print(
        f"input: {args.events:,} lines, {size_mb:,.0f} MB "
        f"({audit.stat().st_size / args.events:,.0f} bytes/event)"
    )
    parse = parse_only(audit)
    print(f"parse only (json.loads per line): {parse:.1f} s")
    database = OUT / "bench-timeline.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    result = import_in_child(audit, database)
    print(
        f"import into SQLite: {result['seconds']:.1f} s, {int(result['inserted']):,} rows "
        f"({int(result['filtered']):,} filtered), ratio {result['seconds'] / parse:.2f}x parse "
        f"(target <= 3x), peak RSS {result['rss_mb']:.0f} MB (target < 300 MB)"
    )
    merged = bench_merge(args.merge_events)
    print(
        f"merge {args.merge_events:,} events from 5 sources + milestones + checks: "
        f"{merged['seconds']:.2f} s (target < 5 s), {int(merged['events']):,} kept"
    )
    page = bench_pagerduty(args.pagerduty_entries)
    print(
        f"PagerDuty page of {int(page['events']):,} entries ({page['mb']:.0f} MB): "
        f"{page['seconds']:.1f} s, peak RSS {page['rss_mb']:.0f} MB (streamed entry by entry)"
    )


if __name__ == "__main__":
    main()
