package io.avcwatch.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSizeTest {

    @Test
    void plainFilesByLengthAndGzipByTheUncompressedSizeInItsTrailer(@TempDir final Path dir) throws Exception {
        final byte[] text = "type=AVC msg=audit(1.000:1): avc:  denied  { read }\n".repeat(500)
                .getBytes(StandardCharsets.UTF_8);
        final Path plain = Files.write(dir.resolve("audit.log"), text);
        final Path gz = dir.resolve("audit.log.1.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text);
        }
        assertThat(Files.size(gz)).isLessThan(text.length);

        assertThat(InputSize.of(plain)).isEqualTo(text.length);
        assertThat(InputSize.of(gz)).isEqualTo(text.length);
        assertThat(InputSize.of(List.of(plain, gz, dir.resolve("missing.log")))).isEqualTo(2L * text.length);
    }
}
