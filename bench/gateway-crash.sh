#!/usr/bin/env bash
# Kills the server with SIGKILL in the middle of device load, starts it again, and checks that every
# packet the gateway acknowledged is stored, exactly once. Run from the project root after
# ./mvnw -DskipTests package. Uses ports 8095 (HTTP), 9295 (HJ 212) and 54330 (PostgreSQL).
set -euo pipefail
jar=server/target/lantian-server-0.1.0-SNAPSHOT.jar
bench=bench/target/benchmarks.jar
data=${DATA:-/tmp/lantian-crash}
devices=${DEVICES:-500}; rate=${RATE:-3000}; seconds=${SECONDS_OF_LOAD:-90}; kill_after=${KILL_AFTER:-40}

start_server() {
  nohup java -jar "$jar" --lantian.db.embedded.data-dir="$data" --server.port=8095 --lantian.gateway.port=9295 \
    --lantian.db.embedded.port=54330 --lantian.demo.enabled=false --lantian.security.admin-password=crash-test-1 \
    --lantian.gateway.max-connections-per-ip=100000 >> "$data.log" 2>&1 &
  server=$!
  until curl -sf -o /dev/null http://localhost:8095/actuator/health; do sleep 1; done
}

rm -rf "$data" "$data.log" "$data-acked.txt"
start_server
token=$(bench/token.sh http://localhost:8095 admin crash-test-1)
java -cp "$bench" org.lantian.bench.DeviceSimulator url=http://localhost:8095 token="$token" gateway=localhost:9295 \
  devices="$devices" rate="$rate" seconds="$seconds" acked="$data-acked.txt" &
simulator=$!
sleep "$kill_after"
echo "--- kill -9 of the server (pid $server) at $(date +%T)"
kill -9 "$server"
sleep 3
start_server
echo "--- server up again at $(date +%T)"
wait "$simulator"
java -cp "$bench" org.lantian.bench.DeviceSimulator verify="$data-acked.txt" "jdbc=jdbc:postgresql://localhost:54330/postgres?user=postgres"
kill "$server"
