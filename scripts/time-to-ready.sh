#!/bin/sh
# Prints how long `java -jar JAR serve` takes from launch to its "ready: serving" log line, RUNS times (default 3):
# Vosk model loaded, prompts rendered, FastAGI and web ports bound. Each run gets its own spool, JSON-lines store
# and ports under a temporary directory, so no /var path is needed; the server is stopped after each run.
#
#   mvn -B -q package -DskipTests
#   sh scripts/time-to-ready.sh target/empathy-ivr.jar
#
# Environment: MODEL (default target/vosk-model-en-us, where the build unpacks it).
set -eu

[ $# -ge 1 ] || { echo "usage: $0 JAR [RUNS]" >&2; exit 2; }
jar=$1
runs=${2:-3}
model=${MODEL:-target/vosk-model-en-us}
[ -d "$model" ] || { echo "$0: no model in $model (mvn package unpacks it)" >&2; exit 1; }

run=1
while [ "$run" -le "$runs" ]; do
  dir=$(mktemp -d)
  cat > "$dir/ivr.properties" <<P
agi.port=$((20000 + $$ % 5000 + run))
web.port=$((30000 + $$ % 5000 + run))
speech.model-dir=$(cd "$model" && pwd)
spool.dir=$dir/spool
handoff.store-url=jsonl:$dir/handoffs.jsonl
P
  : > "$dir/out.log" # exists before the first look, whenever java gets to open it
  start=$(date +%s%N)
  java -jar "$jar" serve --config "$dir/ivr.properties" > "$dir/out.log" 2>&1 &
  pid=$!
  waited=0
  until grep -q 'ready: serving' "$dir/out.log" || [ "$waited" -ge 1200 ]; do
    sleep 0.05
    waited=$((waited + 1))
  done
  end=$(date +%s%N)
  if grep -q 'ready: serving' "$dir/out.log"; then
    echo "run $run: $(( (end - start) / 1000000 )) ms to ready"
  else
    echo "run $run: not ready after 60 s" >&2
    tail -n 5 "$dir/out.log" >&2
  fi
  kill "$pid"
  wait "$pid" || true
  rm -rf "$dir"
  run=$((run + 1))
done
