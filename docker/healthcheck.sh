#!/bin/bash
# Container healthcheck for the avcwatch images.
# With AVCWATCH_HTTP_PORT set (the images set it to the command's default API port), healthy means the
# app's own /health answered 200 on loopback: the streams app reports 200 only while Kafka Streams is
# RUNNING, the tailer while it is connected to Kafka and has not failed, so a JVM that is alive but stuck
# counts as unhealthy (a rebalance shorter than the retries times the interval does not). Without it (the API turned off with --http-port off: unset the variable
# too), the fallback is connectivity only: an established TCP connection to the Kafka port.
# Uses bash's /dev/tcp and /proc only: the JRE image has no curl to rely on, and nothing is installed.
set -eu
http_port="${AVCWATCH_HTTP_PORT:-}"
if [[ -n "$http_port" && "$http_port" != off ]]; then
    if ! exec 3<>"/dev/tcp/127.0.0.1/${http_port}" 2>/dev/null; then
        echo "the avcwatch API does not answer on 127.0.0.1:${http_port}" >&2
        exit 1
    fi
    printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    status_line=""
    IFS= read -r -t 4 status_line <&3 || true
    exec 3<&-
    case "$status_line" in
        "HTTP/1."?" 200"*) exit 0 ;;
    esac
    echo "avcwatch /health answered: ${status_line:-nothing}" >&2
    exit 1
fi
port_hex=$(printf '%04X' "${AVCWATCH_KAFKA_PORT:-9092}")
# /proc/net/tcp{,6} rows: "sl local_address rem_address st ...", addresses as HEXIP:HEXPORT, st 01 = ESTABLISHED.
# The remote address is the only field that can be followed by " 01 ".
if cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | grep -Eq ":${port_hex} 01 "; then
    exit 0
fi
echo "no established connection to a Kafka broker on port ${AVCWATCH_KAFKA_PORT:-9092}" >&2
exit 1
