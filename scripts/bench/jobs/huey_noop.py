"""huey's side of scripts/bench/jobs.sh: COUNT no-op tasks enqueued one by one, then run by huey's own consumer
(8 thread workers, as LabGuide's pool), all on one SQLite file in WAL mode with synchronous=NORMAL, the durability
LabGuide runs with (huey's own `fsync` switch offers only FULL or OFF, so the storage sets NORMAL itself).
Prints `total enqueue complete` in tasks per second. Arguments: COUNT WORKERS PRODUCERS."""
import os
import sys
import tempfile
import threading
import time

from huey import Huey
from huey.storage import SqliteStorage


class NormalSyncStorage(SqliteStorage):
    def _create_connection(self):
        connection = super()._create_connection()
        connection.execute("pragma synchronous=1")
        return connection


count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
workers = int(sys.argv[2]) if len(sys.argv) > 2 else 8
producers = int(sys.argv[3]) if len(sys.argv) > 3 else 1
folder = tempfile.mkdtemp()
huey = Huey("bench", storage_class=NormalSyncStorage, filename=os.path.join(folder, "huey.sqlite"), journal_mode="wal")
done = 0
lock = threading.Lock()
finished = threading.Event()


@huey.task()
def noop():
    global done
    with lock:
        done += 1
        if done == count:
            finished.set()


def produce(share):
    for _ in range(share):
        noop()


start = time.perf_counter()
# Producers as concurrent requests from many learners, each enqueue its own transaction, as on LabGuide's side.
threads = [threading.Thread(target=produce, args=(count // producers + (1 if i < count % producers else 0),))
           for i in range(producers)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
enqueued = time.perf_counter()
consumer = huey.create_consumer(workers=workers, worker_type="thread", periodic=False, initial_delay=0.001,
                                backoff=1.0, max_delay=0.001)
consumer._set_signal_handlers = lambda: None  # signals belong to the main thread; this runs in another
runner = threading.Thread(target=consumer.run, daemon=True)
runner.start()
finished.wait()
completed = time.perf_counter()
consumer.stop(graceful=True)
print("%.0f %.0f %.0f" % (count / (completed - start), count / (enqueued - start), count / (completed - enqueued)))
