package io.avcwatch.app.analyze;

import io.avcwatch.parsers.RecordHeader;
import io.avcwatch.tailer.ArchiveSource;
import io.avcwatch.tailer.Line;
import io.avcwatch.tailer.RawRecordFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hosts the input files name: {@code node=} of every record, or the default host for records without
 * one, as the shipper keys them (lines that hold no record are left out). Needed before shipping when an inventory file applies to
 * every host, because container labels must be in Kafka before the first denial is joined.
 */
final class HostScan {
    private static final int CHUNK = 1 << 20;

    private HostScan() {
    }

    static Set<String> hosts(final List<Path> files, final String defaultHost) throws IOException {
        final Set<String> hosts = new TreeSet<>();
        try (ArchiveSource source = new ArchiveSource(files)) {
            while (!source.exhausted()) {
                for (final Line line : source.poll(CHUNK)) {
                    if (RecordHeader.scan(new String(line.bytes(), StandardCharsets.ISO_8859_1)) != null) {
                        hosts.add(RawRecordFactory.hostOf(line.bytes(), defaultHost));
                    }
                }
            }
        }
        return hosts;
    }
}
