"""Run one command and report its wall time and peak memory on one line.

Usage: measure.py [--stdout FILE] -- COMMAND [ARG]...

The wall time is time.perf_counter() around subprocess.run; the peak memory is
resource.getrusage(RUSAGE_CHILDREN).ru_maxrss once the command has exited: the largest
resident set of the command or of any process it waited for (a pipeline's biggest stage, not
their sum). Run one wrapper process per measurement so the figure belongs to that run alone.
A child starts as a copy of this wrapper, so the figure is never below the wrapper's own size
(about 14 MB with CPython 3.11): measure `true` to see that floor.

The command's stdout goes to FILE (default: discarded); its stderr is passed through.
Prints "SECONDS<TAB>MAX_RSS_KB" (KiB, as Linux reports it) to stdout, or exits with the
command's status if the command failed.
"""

import resource
import subprocess
import sys
import time


def main(argv):
    stdout_path = None
    if argv[:1] == ["--stdout"]:
        stdout_path, argv = argv[1], argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    if not argv:
        sys.exit(__doc__)
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    start = time.perf_counter()
    status = subprocess.run(argv, stdout=out).returncode
    seconds = time.perf_counter() - start
    if status != 0:
        print(f"measure.py: command failed with status {status}: {' '.join(argv)}", file=sys.stderr)
        sys.exit(status if 0 < status < 256 else 1)
    max_rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(f"{seconds:.6f}\t{max_rss_kb}")


if __name__ == "__main__":
    main(sys.argv[1:])
