#!/bin/bash
# The simulator's throughput and CPU time per request for the documented text message, with wrk at 64 connections.
# CPU per request (utime + stime of the simulator's process over the measured run) still means something on a busy
# machine, where requests/s mostly measures the other load.
#
# Usage (from the repository root, after ./mvnw -B -q -pl camel-livedesk-simulator -am -DskipTests package):
#   camel-livedesk-simulator/src/test/wrk/capacity.sh [JAR] [simulator options...]
#   camel-livedesk-simulator/src/test/wrk/capacity.sh camel-livedesk-simulator/target/camel-livedesk-simulator.jar \
#       --client-rate-limit 10000000/1m --conversation-rate-limit 10000000/1m      # the cost of the rate limits
#   PAGE=compare camel-livedesk-simulator/src/test/wrk/capacity.sh     # without and with the inbox page open in a
#       headless Chromium (Debian's chromium), alternating twice, in one run against the same simulator process
set -euo pipefail
JAR=${1:-camel-livedesk-simulator/target/camel-livedesk-simulator.jar}
shift || true
PORT=${PORT:-18080}
SCRIPT=$(dirname "$0")/send-text.lua
BASE=http://127.0.0.1:$PORT
URL=$BASE/api/v2/accounts/conversations/141/messages
if [ $# -eq 0 ]; then
    set -- --no-rate-limits   # standalone limits are on by default: wrk would measure 429s
fi
java -jar "$JAR" --port "$PORT" --conversations 141 --no-request-log --threads 4 "$@" > /dev/null &
PID=$!
BROWSER=
trap 'kill $PID 2>/dev/null || true; [ -z "$BROWSER" ] || kill $BROWSER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -s -o /dev/null "$BASE/__simulator/health" && break; sleep 0.2; done
wrk -t2 -c64 -d5s -s "$SCRIPT" "$URL" > /dev/null                      # warm-up: JIT

# CPU ticks (utime + stime) of the simulator, and of the page's Chromium processes when one is open
ticks() {
    awk '{print $14 + $15}' /proc/$PID/stat
}
browser_ticks() {
    local total=0 pid
    if [ -n "$BROWSER" ]; then
        for pid in $(pgrep -f -- "--user-data-dir=$PROFILE" || true); do
            total=$(( total + $(awk '{print $14 + $15}' /proc/$pid/stat 2> /dev/null || echo 0) ))
        done
    fi
    echo $total
}

measure() {
    local before after browser_before browser_after result requests hz
    hz=$(getconf CLK_TCK)
    before=$(ticks)
    browser_before=$(browser_ticks)
    result=$(wrk -t2 -c64 -d10s -s "$SCRIPT" "$URL")
    after=$(ticks)
    browser_after=$(browser_ticks)
    requests=$(echo "$result" | grep -oE '^ *[0-9]+ requests in' | grep -oE '[0-9]+')
    echo "$result"
    echo "CPU per request: $(( (after - before) * 1000000 / hz / requests )) us over $requests requests"
    if [ -n "$BROWSER" ]; then
        echo "Chromium CPU during the run: $(( (browser_after - browser_before) * 1000 / hz )) ms"
    fi
}

if [ "${PAGE:-}" != compare ]; then
    measure
    exit 0
fi

open_page() {
    # a profile folder of its own, so no other Chromium's state is read or changed
    PROFILE=$(mktemp -d)
    chromium --headless=new --no-sandbox --disable-gpu --user-data-dir="$PROFILE" --remote-debugging-port=0 \
        "$BASE/__simulator/ui" > /dev/null 2>&1 &
    BROWSER=$!
    for _ in $(seq 1 100); do
        curl -s "$BASE/__simulator/stats" | grep -q '"pages_waiting":[1-9]' && return 0
        sleep 0.2
    done
    echo "the page did not connect"
    exit 1
}

close_page() {
    kill "$BROWSER" 2> /dev/null || true
    wait "$BROWSER" 2> /dev/null || true
    BROWSER=
    rm -rf "$PROFILE"
}

# twice each, alternating, so that a drift of the machine's other load shows instead of passing for the page's cost
for round in 1 2; do
    echo "=== round $round: no page open"
    measure
    open_page
    echo "=== round $round: the inbox page open (long polling, refreshing at most twice a second)"
    measure
    close_page
done
