#!/bin/bash
# The simulator's throughput and CPU time per request for the documented text message, with wrk at 64 connections.
# CPU per request (utime + stime of the simulator's process over the measured run) still means something on a busy
# machine, where requests/s mostly measures the other load.
#
# Usage (from the repository root, after ./mvnw -B -q -pl camel-livedesk-simulator -am -DskipTests package):
#   camel-livedesk-simulator/src/test/wrk/capacity.sh [JAR] [simulator options...]
#   camel-livedesk-simulator/src/test/wrk/capacity.sh camel-livedesk-simulator/target/camel-livedesk-simulator.jar \
#       --client-rate-limit 10000000/1m --conversation-rate-limit 10000000/1m      # the cost of the rate limits
set -euo pipefail
JAR=${1:-camel-livedesk-simulator/target/camel-livedesk-simulator.jar}
shift || true
PORT=${PORT:-18080}
SCRIPT=$(dirname "$0")/send-text.lua
URL=http://127.0.0.1:$PORT/api/v2/accounts/conversations/141/messages
if [ $# -eq 0 ]; then
    set -- --no-rate-limits   # standalone limits are on by default: wrk would measure 429s
fi
java -jar "$JAR" --port "$PORT" --conversations 141 --no-request-log --threads 4 "$@" > /dev/null &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/__simulator/health" && break; sleep 0.2; done
wrk -t2 -c64 -d5s -s "$SCRIPT" "$URL" > /dev/null                      # warm-up: JIT
BEFORE=$(awk '{print $14 + $15}' /proc/$PID/stat)
RESULT=$(wrk -t2 -c64 -d10s -s "$SCRIPT" "$URL")
AFTER=$(awk '{print $14 + $15}' /proc/$PID/stat)
REQUESTS=$(echo "$RESULT" | grep -oE '^ *[0-9]+ requests in' | grep -oE '[0-9]+')
echo "$RESULT"
echo "CPU per request: $(( (AFTER - BEFORE) * 1000000 / $(getconf CLK_TCK) / REQUESTS )) us over $REQUESTS requests"
