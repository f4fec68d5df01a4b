package io.avcwatch.schemas;

/**
 * One mount of a container, from {@code docker inspect}'s {@code Mounts}.
 *
 * @param type        {@code bind}, {@code volume}, {@code tmpfs}, ...
 * @param source      host path (a bind of {@code /} or {@code /var/run/docker.sock} matters for escapes)
 * @param destination path inside the container
 * @param rw          whether it is writable
 */
public record ContainerMount(String type, String source, String destination, Boolean rw) {
}
