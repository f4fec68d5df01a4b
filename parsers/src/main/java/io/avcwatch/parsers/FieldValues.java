package io.avcwatch.parsers;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Turns raw audit values into what they mean: the kernel writes untrusted strings quoted, or
 * hex-encoded when they hold a space, a quote or a control character.
 */
public final class FieldValues {
    /** Fields the kernel and auditd hex-encode when needed (auparse's "escaped" field types). */
    private static final Set<String> ENCODED = Set.of("comm", "exe", "name", "path", "cwd", "proctitle", "cmd",
            "data", "key", "acct", "ocomm", "old-chardev", "new-chardev", "root_dir", "watch", "dir", "file",
            "vm", "new_group", "grp", "old_prom", "sw", "invalid_context", "opid_comm", "filename");

    private FieldValues() {
    }

    /**
     * The meaning of {@code raw} for field {@code name}: quotes removed, hex decoded (UTF-8) for
     * fields that may be hex-encoded; any other value unchanged.
     */
    public static String decode(String name, String raw) {
        if (raw == null) {
            return null;
        }
        int length = raw.length();
        if (length >= 2 && raw.charAt(0) == '"' && raw.charAt(length - 1) == '"') {
            return raw.substring(1, length - 1);
        }
        if (isEncoded(name) && isHex(raw)) {
            return new String(hexBytes(raw), StandardCharsets.UTF_8);
        }
        return raw;
    }

    /** True when {@code name} is a field that may be hex-encoded (EXECVE arguments: see {@link #decodeArgument}). */
    public static boolean isEncoded(String name) {
        return ENCODED.contains(name);
    }

    /**
     * True when field {@code name} of a {@code type} record may be hex-encoded: the encoded
     * fields, plus {@code a0}, {@code a1}... of EXECVE (in SYSCALL they are register values).
     */
    public static boolean isEncoded(String type, String name) {
        return ENCODED.contains(name) || ("EXECVE".equals(type) && isExecveArgument(name));
    }

    /** The meaning of an EXECVE argument value: quotes removed or hex decoded. */
    public static String decodeArgument(String raw) {
        return decode("proctitle", raw);
    }

    private static boolean isExecveArgument(String name) {
        if (name.length() < 2 || name.charAt(0) != 'a') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '[' && c != ']') {
                return false;
            }
        }
        return true;
    }

    /** True for a non-empty, even-length string of upper-case hex digits (audit's encoding). */
    public static boolean isHex(String raw) {
        int length = raw.length();
        if (length == 0 || (length & 1) != 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** Bytes of an upper- or lower-case hex string; callers check {@link #isHex} first. */
    public static byte[] hexBytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digit(hex.charAt(2 * i)) << 4) | digit(hex.charAt(2 * i + 1)));
        }
        return out;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0;
    }
}
