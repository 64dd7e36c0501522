"""The command line both peer benchmarks share: which workloads, how many timed repeats."""

import argparse

WORKLOADS = ("mlp8", "mlp16", "mlp64", "compare4", "grid", "landscape51")


def parse(description, benches):
    """(names, repeats) from sys.argv; an unknown workload or repeats < 1 is a usage error."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--workloads", default=",".join(WORKLOADS),
                        help="comma-separated subset of " + ",".join(WORKLOADS))
    parser.add_argument("--repeats", type=int, default=30,
                        help="timed repeats per workload (at least 20 recommended)")
    args = parser.parse_args()
    names = [w.strip() for w in args.workloads.split(",") if w.strip()]
    unknown = [w for w in names if w not in benches]
    if unknown:
        parser.error(f"unknown workload(s): {', '.join(unknown)}")
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    return names, args.repeats
