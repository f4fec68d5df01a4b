package io.avcwatch.tailer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFollowerTest {

    @TempDir
    Path dir;

    private static void append(final Path p, final String s) throws IOException {
        Files.write(p, s.getBytes(ISO_8859_1), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> drain(final FileFollower f) throws IOException {
        final List<String> out = new ArrayList<>();
        // A follower needs a few polls to notice a rotation (EOF, stat, EOF again, switch).
        for (int i = 0; i < 5; i++) {
            for (Line l : f.poll(1 << 20)) {
                out.add(new String(l.bytes(), ISO_8859_1));
            }
        }
        return out;
    }

    @Test
    void holdsAPartialLineUntilItsNewlineArrives() throws IOException {
        final Path log = dir.resolve("audit.log");
        append(log, "one\ntw");
        try (FileFollower f = FileFollower.resume(log, null)) {
            assertThat(drain(f)).containsExactly("one");
            assertThat(f.position().offset()).isEqualTo(4);
            append(log, "o\r\n");
            assertThat(drain(f)).containsExactly("two\r");
            assertThat(f.position().offset()).isEqualTo(9);
        }
    }

    @Test
    void waitsForAMissingFile() throws IOException {
        final Path log = dir.resolve("audit.log");
        try (FileFollower f = FileFollower.resume(log, null)) {
            assertThat(drain(f)).isEmpty();
            assertThat(f.position()).isNull();
            append(log, "late\n");
            assertThat(drain(f)).containsExactly("late");
        }
    }

    @Test
    void finishesTheRotatedFileIncludingItsUnterminatedTailThenSwitches() throws IOException {
        final Path log = dir.resolve("audit.log");
        append(log, "a1\na2\n");
        try (FileFollower f = FileFollower.resume(log, null)) {
            assertThat(drain(f)).containsExactly("a1", "a2");
            append(log, "a3\na4-no-newline");
            Files.move(log, dir.resolve("audit.log.1"));
            append(log, "b1\n");
            assertThat(drain(f)).containsExactly("a3", "a4-no-newline", "b1");
            assertThat(f.position()).isEqualTo(new FilePosition(FileFollower.inodeOf(log), 3));
        }
    }

    @Test
    void restartsAtZeroAfterTruncation() throws IOException {
        final Path log = dir.resolve("audit.log");
        append(log, "first line\nsecond line\n");
        try (FileFollower f = FileFollower.resume(log, null)) {
            assertThat(drain(f)).hasSize(2);
            Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
            assertThat(drain(f)).isEmpty();
            append(log, "new\n");
            assertThat(drain(f)).containsExactly("new");
        }
    }

    @Test
    void resumesInsideTheLiveFileAtTheCheckpoint() throws IOException {
        final Path log = dir.resolve("audit.log");
        append(log, "x1\nx2\nx3\n");
        final FilePosition cp = new FilePosition(FileFollower.inodeOf(log), 3);
        try (FileFollower f = FileFollower.resume(log, cp)) {
            assertThat(drain(f)).containsExactly("x2", "x3");
        }
    }

    @Test
    void resumesInARotatedFileAndCatchesUpThroughEveryNewerOne() throws IOException {
        final Path log = dir.resolve("audit.log");
        append(log, "g3-a\ng3-b\n");
        final FilePosition cp = new FilePosition(FileFollower.inodeOf(log), 5);
        Files.move(log, dir.resolve("audit.log.1"));
        append(log, "g2\n");
        Files.move(dir.resolve("audit.log.1"), dir.resolve("audit.log.2"));
        Files.move(log, dir.resolve("audit.log.1"));
        append(log, "live\n");
        try (FileFollower f = FileFollower.resume(log, cp)) {
            assertThat(drain(f)).containsExactly("g3-b", "g2", "live");
        }
    }
}
