package io.avcwatch.schemas;

import java.util.Objects;

/**
 * The short form of a container that alerts and denials point at.
 *
 * @param id    full container id (64 hex digits for Docker/Podman)
 * @param name  container name without the leading slash, or null when unknown
 * @param image image reference as configured ({@code docker.io/library/alpine:3.19}), or null
 */
public record ContainerRef(String id, String name, String image) {

    public ContainerRef {
        Objects.requireNonNull(id, "id");
    }
}
