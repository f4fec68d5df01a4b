package io.avcwatch.tailer;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name, the key of lines that carry no {@code node=} when no {@code --host} is given. */
public final class HostName {
    private HostName() {
    }

    /** {@code /etc/hostname}, else what the resolver says, else {@code localhost}. */
    public static String local() {
        try {
            final String fromFile = Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip();
            if (!fromFile.isEmpty()) {
                return fromFile;
            }
        } catch (IOException e) {
            // no /etc/hostname (containers, non-Debian): ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
