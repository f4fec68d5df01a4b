package io.avcwatch.app.scaleout;

import io.avcwatch.parsers.RecordHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Audit logs cut in two at an event time, so the input can be shipped in two rounds with an instance killed
 * in between. Every record of one event carries the same {@code msg=audit(time:serial)}, so a cut by time
 * never splits an event: the pause between the rounds (when idle hosts' open events are completed on the
 * wall clock) completes the same events in every run.
 *
 * @param first  the first part of each log, in {@code dir/part-1/}
 * @param second the rest, in {@code dir/part-2/} under the same file names
 * @param lines  lines in all
 */
record TwoPartInput(List<Path> first, List<Path> second, long lines) {
    TwoPartInput {
        first = List.copyOf(first);
        second = List.copyOf(second);
    }

    /** Cuts each log at the event time of its middle line. */
    static TwoPartInput split(final List<Path> logs, final Path dir) throws IOException {
        final List<Path> first = new ArrayList<>();
        final List<Path> second = new ArrayList<>();
        long lines = 0;
        for (final Path log : logs) {
            final List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            final long cut = timeOf(all.get(all.size() / 2), Long.MAX_VALUE);
            final List<String> before = new ArrayList<>();
            final List<String> after = new ArrayList<>();
            for (final String line : all) {
                (timeOf(line, cut) < cut ? before : after).add(line);
            }
            first.add(write(dir.resolve("part-1"), log, before));
            second.add(write(dir.resolve("part-2"), log, after));
            lines += all.size();
        }
        return new TwoPartInput(first, second, lines);
    }

    /** A line without a record header (none in these logs) stays in the second part. */
    private static long timeOf(final String line, final long otherwise) {
        final RecordHeader header = RecordHeader.scan(line);
        return header == null ? otherwise : header.epochMillis();
    }

    private static Path write(final Path dir, final Path log, final List<String> lines) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve(log.getFileName()), lines, StandardCharsets.UTF_8);
    }
}
