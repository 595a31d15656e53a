#!/usr/bin/env bash
# Job queue benchmark (issue 9): durable no-op jobs on one SQLite file, next to huey's SqliteHuey in the same run.
# Both sides enqueue COUNT jobs from PRODUCERS concurrent producers, then drain them with 8 workers; both use WAL with
# synchronous=NORMAL: a commit survives a process crash (kill -9), while a power loss may lose the last commits
# before a checkpoint. (With synchronous=FULL every commit waits for an fsync, and on this machine both queues
# fall to a few hundred jobs per second, bound by the disk rather than the queue.)
# Figures are jobs per second: total (enqueue + complete), enqueue alone, complete alone. Goal: total >= 5,000/s
# and ahead of huey.
# Needs: .build/release/labguide (swift build -c release --product labguide) and huey (PyPI).
set -euo pipefail
cd "$(dirname "$0")/../.."
LABGUIDE=${LABGUIDE:-.build/release/labguide}
COUNT=${JOBS_BENCH_COUNT:-20000}
WORKERS=${JOBS_BENCH_WORKERS:-8}
# Enqueues come from this many concurrent producers on both sides, as a class clicking at once does; each enqueue is
# its own call (LabGuide commits the ones that arrive together in one transaction, huey one each).
PRODUCERS=${JOBS_BENCH_PRODUCERS:-8}

[ -x "$LABGUIDE" ] || { echo "jobs bench: missing $LABGUIDE" >&2; exit 1; }
python3 -c "import huey" 2>/dev/null || { echo "jobs bench: missing huey (pip install huey)" >&2; exit 1; }

FOLDER=$(mktemp -d)
trap 'rm -rf "$FOLDER"' EXIT

ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }

# The server's pool is 8 workers (AWS-bound jobs, fair to a class); no-op throughput is also shown with 32 workers on
# both sides, where the queue rather than the pool size is the limit.
for workers in ${JOBS_BENCH_WORKER_COUNTS:-$WORKERS 32}; do
    rm -f "$FOLDER"/jobs.sqlite*
    read -r ours_total ours_enqueue ours_complete < <("$LABGUIDE" bench-jobs --count "$COUNT" --workers "$workers" --producers "$PRODUCERS" --database "$FOLDER/jobs.sqlite")
    read -r huey_total huey_enqueue huey_complete < <(python3 scripts/bench/jobs/huey_noop.py "$COUNT" "$workers" "$PRODUCERS")
    echo "jobs.count=$COUNT workers=$workers producers=$PRODUCERS durability=wal+synchronous_normal"
    echo "jobs.labguide_per_second=$ours_total (enqueue $ours_enqueue/s, complete $ours_complete/s) goal>=5000"
    echo "jobs.huey_per_second=$huey_total (enqueue $huey_enqueue/s, complete $huey_complete/s)"
    echo "jobs.speedup_vs_huey=$(ratio "$ours_total" "$huey_total")"
done
