package io.avcwatch.parsers.record;

import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.FieldValues;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A SOCKADDR record: the hex-encoded {@code struct sockaddr} a process connected or bound to.
 *
 * @param record  the underlying record
 * @param family  {@code inet}, {@code inet6}, {@code local}, {@code netlink} or {@code family N}
 * @param address the IP address or socket path, or null
 * @param port    the port for inet/inet6, or null
 */
public record SockaddrRecord(AuditRecord record, String family, String address, Integer port) {

    /** The SOCKADDR view of {@code record}, or empty for other types or an unreadable saddr. */
    public static Optional<SockaddrRecord> of(AuditRecord record) {
        if (!"SOCKADDR".equals(record.type())) {
            return Optional.empty();
        }
        String saddr = record.rawValue("saddr");
        if (saddr == null || saddr.length() < 4 || !isHexAnyCase(saddr)) {
            return Optional.empty();
        }
        byte[] b = FieldValues.hexBytes(saddr);
        int family = (b[0] & 0xff) | (b[1] & 0xff) << 8;
        return Optional.of(switch (family) {
            case 1 -> new SockaddrRecord(record, "local", localPath(b), null);
            case 2 -> b.length >= 8 ? new SockaddrRecord(record, "inet",
                    (b[4] & 0xff) + "." + (b[5] & 0xff) + "." + (b[6] & 0xff) + "." + (b[7] & 0xff), port(b))
                    : new SockaddrRecord(record, "inet", null, null);
            case 10 -> new SockaddrRecord(record, "inet6", b.length >= 24 ? ipv6(b) : null,
                    b.length >= 4 ? port(b) : null);
            case 16 -> new SockaddrRecord(record, "netlink", null, null);
            default -> new SockaddrRecord(record, "family " + family, null, null);
        });
    }

    private static boolean isHexAnyCase(String s) {
        if ((s.length() & 1) != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Integer port(byte[] b) {
        return (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    private static String localPath(byte[] b) {
        int start = 2;
        boolean abstractName = b.length > 2 && b[2] == 0;
        if (abstractName) {
            start = 3;
        }
        int end = start;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        String path = new String(b, start, end - start, StandardCharsets.UTF_8);
        return abstractName ? "@" + path : path;
    }

    private static String ipv6(byte[] b) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i > 0) {
                out.append(':');
            }
            out.append(Integer.toHexString((b[8 + 2 * i] & 0xff) << 8 | (b[9 + 2 * i] & 0xff)));
        }
        return out.toString();
    }
}
