package io.avcwatch.parsers.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.json.EventJsonWriter;
import io.avcwatch.parsers.stream.AuditStreamParser;
import io.avcwatch.parsers.stream.EventPrinter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact bytes {@code avcwatch parse} prints (both modes) for every conformance input and
 * for a generated hostile log (invalid UTF-8, control characters, quotes, backslashes, hex values),
 * so that speed work on the JSON path cannot change a single byte. The SHA-256 of each output is
 * committed in {@code json-output.sha256}; regenerate with {@code -Dgolden.update=true} only for
 * an intended format change. On a mismatch the actual output is left in {@code target/json-output/}.
 */
class JsonOutputGoldenTest {
    private static final Path DIGESTS = Conformance.ROOT.resolve("json-output.sha256");
    private static final String HOSTILE = "generated/hostile.log";

    @BeforeAll
    static void regenerateWhenAsked() throws Exception {
        if (!Boolean.getBoolean("golden.update")) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> digest : actualDigests().entrySet()) {
            text.append(digest.getValue()).append("  ").append(digest.getKey()).append('\n');
        }
        Files.writeString(DIGESTS, text.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void everyInputPrintsExactlyTheCommittedBytes() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIGESTS, StandardCharsets.UTF_8)) {
            int split = line.indexOf("  ");
            expected.put(line.substring(split + 2), line.substring(0, split));
        }
        Map<String, String> actual = actualDigests();
        assertThat(actual).hasSizeGreaterThanOrEqualTo(2 * 40 + 2);
        assertThat(actual).as("output digests; actual output in target/json-output/").isEqualTo(expected);
    }

    @Test
    void hostileBytesStillGiveValidUtf8JsonLines() throws Exception {
        for (EventJsonWriter.Mode mode : EventJsonWriter.Mode.values()) {
            byte[] output = print(new ByteArrayInputStream(hostileLog()), mode);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(output)).toString();
            List<String> lines = text.lines().toList();
            assertThat(lines).hasSizeGreaterThan(300);
            for (String line : lines) {
                assertThat(line.chars().allMatch(c -> c >= 0x20)).as(line).isTrue();
                assertThat(MiniJson.parse(line)).isInstanceOf(Map.class);
            }
        }
    }

    /** Digest per "input mode", for the conformance inputs and the hostile log. */
    private static Map<String, String> actualDigests() throws IOException, NoSuchAlgorithmException {
        Map<String, String> digests = new LinkedHashMap<>();
        List<Map.Entry<String, byte[]>> inputs = new ArrayList<>();
        for (Path input : Conformance.inputs()) {
            inputs.add(Map.entry(Conformance.ROOT.relativize(input).toString(), Files.readAllBytes(input)));
        }
        inputs.add(Map.entry(HOSTILE, hostileLog()));
        for (Map.Entry<String, byte[]> input : inputs) {
            for (EventJsonWriter.Mode mode : EventJsonWriter.Mode.values()) {
                byte[] output = print(new ByteArrayInputStream(input.getValue()), mode);
                String key = input.getKey() + " " + mode;
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(output));
                digests.put(key, digest);
                Path kept = Path.of("target", "json-output", key.replace('/', '_').replace(' ', '.') + ".jsonl");
                Files.createDirectories(kept.getParent());
                Files.write(kept, output);
            }
        }
        return digests;
    }

    /** What {@code avcwatch parse} prints for {@code in} (same settings, same printer). */
    private static byte[] print(InputStream in, EventJsonWriter.Mode mode) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EventPrinter printer = new EventPrinter(bytes, mode, 2)) {
            AuditStreamParser parser = new AuditStreamParser(AssemblerSettings.DEFAULT, printer, (n, e) -> { });
            parser.parse(in, 2);
            parser.finish();
        }
        return bytes.toByteArray();
    }

    /** A reproducible log of records whose values hold every kind of byte JSON must escape or replace. */
    static byte[] hostileLog() {
        String[] templates = {
            "type=AVC msg=audit(1700000000.SERIAL): avc:  denied  { read write } for  pid=7 comm=\"%s\" name=%s "
                + "scontext=system_u:system_r:container_t:s0:c1,c2 tcontext=%s tclass=file permissive=%s",
            "type=SYSCALL msg=audit(1700000000.SERIAL): arch=c000003e syscall=2 comm=\"%s\" exe=%s key=%s a0=%s",
            "type=EXECVE msg=audit(1700000000.SERIAL): argc=3 a0=\"%s\" a1=%s a2=%s a3=%s",
            "node=h%s type=USER_AVC msg=audit(1700000000.SERIAL): pid=1 msg='avc:  granted  { %s } for "
                + "scontext=%s tcontext=%s tclass=x'",
            "type=PROCTITLE msg=audit(1700000000.SERIAL): proctitle=%s cwd=\"%s\" path=%s %s=1",
            "type=CWD msg=audit(1700000000.SERIAL): cwd=%s\u001dAUID=%s UID=\"%s\" %s",
        };
        SplittableRandom random = new SplittableRandom(20261125);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        for (int serial = 1; serial <= 400; serial++) {
            String template = templates[random.nextInt(templates.length)]
                    .replace("SERIAL", String.format("%03d:%d", serial % 1000, serial));
            String[] parts = template.split("%s", -1);
            for (int i = 0; i < parts.length; i++) {
                log.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
                if (i + 1 < parts.length) {
                    log.writeBytes(hostileValue(random));
                }
            }
            log.write('\n');
        }
        return log.toByteArray();
    }

    private static byte[] hostileValue(SplittableRandom random) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        int length = 1 + random.nextInt(12);
        switch (random.nextInt(7)) {
            case 0 -> { // any byte but the line end: invalid UTF-8, controls, quotes, spaces
                for (int i = 0; i < length; i++) {
                    int b = random.nextInt(255);
                    value.write(b >= '\n' ? b + 1 : b);
                }
            }
            case 1 -> { // ASCII troublemakers only, so the line may stay ASCII
                String pick = "\"\\\t\r\u0001\u001f\u007f/' =ab";
                for (int i = 0; i < length; i++) {
                    value.write(pick.charAt(random.nextInt(pick.length())));
                }
            }
            case 2 -> { // valid multi-byte UTF-8
                String[] pick = {"\u00e9", "\u4e2d", "\ud83d\ude00", "\u2028", "x"};
                for (int i = 0; i < length; i++) {
                    value.writeBytes(pick[random.nextInt(pick.length)].getBytes(StandardCharsets.UTF_8));
                }
            }
            case 3 -> { // audit's hex encoding of arbitrary bytes (decodes to invalid UTF-8 too)
                for (int i = 0; i < length; i++) {
                    value.writeBytes(String.format("%02X", random.nextInt(256)).getBytes(StandardCharsets.US_ASCII));
                }
            }
            case 4 -> value.writeBytes(new String[] {"(null)", "?", "\"\"", "\"", "0", "ABC", "abcd"}[random.nextInt(7)]
                    .getBytes(StandardCharsets.US_ASCII));
            case 5 -> value.writeBytes(("system_u:object_r:t" + random.nextInt(5) + ":s0:c" + random.nextInt(1024)
                    + ",c" + random.nextInt(1024)).getBytes(StandardCharsets.US_ASCII));
            default -> value.writeBytes("\"q\\\"uoted\"".getBytes(StandardCharsets.US_ASCII));
        }
        return value.toByteArray();
    }
}
