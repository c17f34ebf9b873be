#!/usr/bin/env bash
# whosaid beyond one machine, on real engines: a JSONL corpus through one
# process, GNU parallel over shards, and Spark in local mode piping every
# partition through the binary (PySpark's RDD.pipe and Spark's own Scala
# RDD.pipe through the Java API).
#
# On a fresh Debian machine it installs what it needs: a headless JRE (17 or
# later) and GNU parallel from apt, pyspark from PyPI into a venv under
# target/spark/. It checks that each distributed output equals the
# single-process one row for row once sorted by (source, index) (the C-locale
# sort of the rows, which begin with those two fields), that no (source,
# index) occurs twice, and that a bad line fails a Spark task unless
# --skip-bad-lines is given. Prints rows, MB/s and wall time for each run;
# exits 0 only if every check holds.
#
#   benches/spark.sh [REPORTS]     default 100000 reports (about 400 MB of JSONL)
#   JOBS=2 MASTER='local[2]' KEEP=1 benches/spark.sh 100000
#     JOBS: GNU parallel job slots; MASTER: Spark master; KEEP=1 keeps the work folder
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:-100000}
jobs=${JOBS:-2}
cores=$(nproc)
master=${MASTER:-local[2]}
venv=target/spark/venv

# ---- what it needs -------------------------------------------------------
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
updated=
apt_install() {
  [ -n "$updated" ] || { as_root apt-get update -qq; updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" > /dev/null
}
# the first package of a list that apt can install
apt_candidate() {
  [ -n "$updated" ] || { as_root apt-get update -qq; updated=1; }
  local p
  for p in "$@"; do
    if apt-cache policy "$p" 2> /dev/null | grep -q 'Candidate: [0-9]'; then
      echo "$p"
      return
    fi
  done
}
java_major() { java -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'; }
if ! command -v java > /dev/null || [ "$(java_major)" -lt 17 ]; then
  jre=$(apt_candidate openjdk-17-jre-headless openjdk-21-jre-headless default-jre-headless)
  [ -n "$jre" ] || { echo "spark.sh: no headless JRE in apt" >&2; exit 1; }
  echo "installing $jre"
  apt_install "$jre"
fi
parallel --version 2> /dev/null | grep -q 'GNU parallel' || { echo "installing parallel"; apt_install parallel; }
[ -x /usr/bin/time ] || apt_install time
python3 -c 'import venv, ensurepip' 2> /dev/null || apt_install python3-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import pyspark' 2> /dev/null || { echo "installing pyspark"; "$venv/bin/pip" install -q pyspark; }
export PYSPARK_PYTHON=$PWD/$venv/bin/python
pyspark_version=$("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)')

nice cargo build --release -q --bin whosaid --example gen_corpus
bin=$PWD/target/release/whosaid
gen=target/release/examples/gen_corpus
cmd="$bin --input jsonl --format jsonl -j 1"

work=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-spark.XXXXXX")
if [ -n "${KEEP:-}" ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi

"$gen" --jsonl "$reports" > "$work/corpus.jsonl"
bytes=$(stat -c %s "$work/corpus.jsonl")

# ---- runs ----------------------------------------------------------------
# timed NAME COMMAND...: wall time in $work/NAME.secs, max RSS (KB) and CPU
# seconds (user + system, children included) in $work/NAME.rss and NAME.cpu
timed() {
  local name=$1 t0 t1
  shift
  t0=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$work/$name.time" "$@"
  awk '{ print $1 > "'"$work/$name.rss"'"; printf "%.1f\n", $2 + $3 > "'"$work/$name.cpu"'" }' "$work/$name.time"
  t1=$(date +%s%N)
  awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.2f\n", ns / 1e9 }' > "$work/$name.secs"
}

timed one sh -c "'$bin' --input jsonl --format jsonl < '$work/corpus.jsonl' > '$work/one.jsonl'"

mkdir "$work/shards"
split -n l/$((jobs * 4)) -d -a 3 --additional-suffix=.jsonl "$work/corpus.jsonl" "$work/shards/part-"
timed parallel parallel -j "$jobs" "$cmd {} > {.}.out" ::: "$work"/shards/*.jsonl

# a small corpus with one line that is not JSON, for the exit-status checks
head -n 150 "$work/corpus.jsonl" > "$work/bad.jsonl"
echo '{"id": "broken", "text": ' >> "$work/bad.jsonl"
sed -n '151,300p' "$work/corpus.jsonl" >> "$work/bad.jsonl"
"$bin" --input jsonl --format jsonl --skip-bad-lines < "$work/bad.jsonl" > "$work/bad-one.jsonl" 2> /dev/null

c=$(printf '\t')
{
  # the small runs first: they also warm up the JVM and the Python workers
  echo "bad-jvm${c}jvm${c}$work/bad.jsonl${c}$work/bad-jvm${c}$cmd"
  echo "bad-py${c}python${c}$work/bad.jsonl${c}$work/bad-py${c}$cmd"
  echo "skip-jvm${c}jvm${c}$work/bad.jsonl${c}$work/skip-jvm${c}$cmd --skip-bad-lines"
  echo "skip-py${c}python${c}$work/bad.jsonl${c}$work/skip-py${c}$cmd --skip-bad-lines"
  # each task's whosaid adds its CPU seconds to a file (the JVM's and Python's are not counted)
  echo "spark-py${c}python${c}$work/corpus.jsonl${c}$work/spark-py${c}/usr/bin/time -a -o $work/spark-py.cpu -f %U+%S $cmd"
  echo "spark-jvm${c}jvm${c}$work/corpus.jsonl${c}$work/spark-jvm${c}/usr/bin/time -a -o $work/spark-jvm.cpu -f %U+%S $cmd"
} > "$work/jobs.tsv"
timed spark "$venv/bin/python" benches/spark_pipe.py "$master" "$work/jobs.tsv" > "$work/spark.txt" 2> "$work/spark.log" || {
  echo "spark.sh: the Spark driver failed:" >&2
  tail -20 "$work/spark.log" >&2
  exit 1
}

# ---- checks --------------------------------------------------------------
sorted() { LC_ALL=C sort -S 25% -T "$work" --parallel=2 -o "$work/$1.sorted"; }
sorted one < "$work/one.jsonl"
cat "$work"/shards/*.out | sorted parallel
cat "$work"/spark-py/part-* | sorted spark-py
cat "$work"/spark-jvm/part-* | sorted spark-jvm
rows() { wc -l < "$work/$1.sorted"; }
result() { sed -n "s/^$1 //p" "$work/spark.txt"; }

status=0
check() { # what, and a command that holds
  local what=$1
  shift
  if "$@"; then echo "ok    $what"; else echo "FAIL  $what"; status=1; fi
}
same() { cmp -s "$work/one.sorted" "$work/$1.sorted"; }
no_doubles() { [ -z "$(sed 's/,"start":.*//' "$work/one.sorted" | uniq -d | head -1)" ]; }
spark_ok() { result "$1" | grep -q '^ok '; }
spark_failed_on_exit() { result "$1" | grep -qE '^failed .*(status 1|error code 1)'; }
same_rows() { # a Spark output folder equals a JSONL file, sorted
  cmp -s <(cat "$work/$1"/part-* | LC_ALL=C sort) <(LC_ALL=C sort "$work/$2")
}

echo
echo "machine: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $reports reports, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') of JSONL; Spark $pyspark_version $master, Java $(java_major); GNU parallel -j $jobs over $((jobs * 4)) shards"
echo "wall times follow each run's share of 2 cores shared with other builds; CPU seconds do not"
line() { # label rows seconds [note]
  awk -v l="$1" -v r="$2" -v s="$3" -v b="$bytes" -v n="${4:-}" \
    'BEGIN { printf "%-34s %9d rows  %7.1f s  %6.1f MB/s  %s\n", l, r, s, b / 1e6 / s, n }'
}
line "1 process (-j $cores, stdin)" "$(rows one)" "$(cat "$work/one.secs")" "$(cat "$work/one.cpu") CPU s; max RSS $(($(cat "$work/one.rss") / 1024)) MB"
line "GNU parallel (-j $jobs, whosaid -j 1)" "$(rows parallel)" "$(cat "$work/parallel.secs")" "$(cat "$work/parallel.cpu") CPU s"
for api in py jvm; do
  r=$(result "spark-$api")
  if [ "${r%% *}" = ok ]; then
    set -- $r
    cpu=$(awk -F+ '{ s += $1 + $2 } END { printf "%.1f", s }' "$work/spark-$api.cpu")
    line "Spark $master, $api pipe (-j 1)" "$(rows "spark-$api")" "$2" "$cpu CPU s in whosaid; $3 partitions; job time, no JVM start-up"
  else
    echo "Spark $api pipe: $r"
  fi
done
echo "Spark driver wall time, start-up and the bad-line runs included: $(cat "$work/spark.secs") s"
echo
check "1 process: every (source, index) once" no_doubles
check "GNU parallel output = 1 process, row for row" same parallel
check "Spark PySpark pipe output = 1 process, row for row" same spark-py
check "Spark JVM (Scala) pipe output = 1 process, row for row" same spark-jvm
check "a bad line without --skip-bad-lines fails the Spark task (JVM pipe: $(result bad-jvm | cut -d' ' -f3-))" spark_failed_on_exit bad-jvm
check "a bad line without --skip-bad-lines fails the Spark task (PySpark pipe, checkCode=True: $(result bad-py | cut -d' ' -f3-))" spark_failed_on_exit bad-py
check "with --skip-bad-lines the job succeeds (JVM pipe) with every good row" eval 'spark_ok skip-jvm && same_rows skip-jvm bad-one.jsonl'
check "with --skip-bad-lines the job succeeds (PySpark pipe) with every good row" eval 'spark_ok skip-py && same_rows skip-py bad-one.jsonl'
check "the bad line is reported on the task's stderr with its line number: $(grep -m1 -o 'whosaid: -:[0-9]*: invalid JSON' "$work/spark.log" || true)" \
  grep -q 'whosaid: -:[0-9]*: invalid JSON' "$work/spark.log"
exit $status
