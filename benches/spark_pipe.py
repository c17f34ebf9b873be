"""Runs whosaid as a Spark stage, for benches/spark.sh.

    python spark_pipe.py MASTER JOBS

JOBS is a file of tab-separated lines `name, api, input, output, command`;
each job is `textFile(input).pipe(command).saveAsTextFile(output)` in one
SparkContext. `api` is `python` (PySpark's RDD.pipe, with checkCode=True so a
non-zero exit fails the task as in Scala) or `jvm` (Spark's own Scala
RDD.pipe, reached through the Java API: what a Scala job runs, without a
Python worker in the way). Prints one line per job:

    name ok SECONDS PARTITIONS
    name failed SECONDS REASON
"""

import re
import sys
import time

from pyspark import SparkConf, SparkContext


def reason(e):
    """The line of a Spark failure that says why the task failed."""
    text = str(e)
    for pattern in (r"Subprocess exited with status \d+", r"PIPE_FUNCTION_EXITED[^\n]*", r"[\w.]+Exception: [^\n]*"):
        m = re.search(pattern, text)
        if m:
            return m.group(0)
    return text.strip().splitlines()[0] if text.strip() else type(e).__name__


def run(sc, api, source, target, command):
    if api == "python":
        lines = sc.textFile(source)
        lines.pipe(command, checkCode=True).saveAsTextFile(target)
    elif api == "jvm":
        lines = sc._jsc.textFile(source)
        lines.pipe(command).saveAsTextFile(target)
    else:
        raise ValueError(f"unknown api {api!r}")
    return lines.getNumPartitions()


def main():
    master, jobs = sys.argv[1], sys.argv[2]
    conf = SparkConf().setMaster(master).setAppName("whosaid-pipe").set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    with open(jobs, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            name, api, source, target, command = line.rstrip("\n").split("\t")
            started = time.monotonic()
            try:
                parts = run(sc, api, source, target, command)
                print(f"{name} ok {time.monotonic() - started:.3f} {parts}", flush=True)
            except Exception as e:  # a failed job is a result here, reported and judged by the caller
                print(f"{name} failed {time.monotonic() - started:.3f} {reason(e)}", flush=True)
    sc.stop()


if __name__ == "__main__":
    main()
