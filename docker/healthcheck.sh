#!/bin/sh
# Container healthcheck for the avcwatch images: healthy while this container holds an established TCP
# connection to a Kafka broker port. Kafka clients keep one open while they poll or produce, and the
# CLI exits on a fatal error (the restart policy takes over), so "alive but cut off from Kafka" is the
# failure this catches. It is a connectivity check, not a throughput check: the JVM and its clients
# expose no HTTP endpoint, and the image carries no shell tools beyond the base OS.
# Reads /proc only: no network probe of its own, nothing to install.
set -eu
port_hex=$(printf '%04X' "${AVCWATCH_KAFKA_PORT:-9092}")
# /proc/net/tcp{,6} rows: "sl local_address rem_address st ...", addresses as HEXIP:HEXPORT, st 01 = ESTABLISHED.
# The remote address is the only field that can be followed by " 01 ".
if cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | grep -Eq ":${port_hex} 01 "; then
    exit 0
fi
echo "no established connection to a Kafka broker on port ${AVCWATCH_KAFKA_PORT:-9092}" >&2
exit 1
