package io.avcwatch.app.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats of {@code avcwatch analyze --format}. */
public enum AlertFormat {
    /** An aligned terminal table, sorted by time. */
    TABLE,
    /** The alert JSON of the {@code avc.alerts} topic, one document per line. */
    JSONL,
    /** Elastic Common Schema 9.4 documents, one per line; SELinux details under {@code avcwatch.*}. */
    ECS,
    /** OCSF 1.8 Detection Finding (class 2004) events, one per line. */
    OCSF,
    /** ArcSight Common Event Format, one event per line. */
    CEF;

    /** The writer for this format. */
    public AlertWriter writer() {
        return switch (this) {
            case TABLE -> new AlertTable();
            case JSONL -> new JsonlAlertWriter();
            case ECS -> new EcsAlertWriter();
            case OCSF -> new OcsfAlertWriter();
            case CEF -> new CefAlertWriter();
        };
    }

    /**
     * The format an option value names, case-insensitively ({@code ecs}, {@code OCSF}); usable as a
     * picocli converter. An unknown name throws {@link IllegalArgumentException} listing the valid ones.
     */
    public static AlertFormat fromOption(final String value) {
        for (AlertFormat f : values()) {
            if (f.optionName().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + value + "'; expected one of "
                + Arrays.stream(values()).map(AlertFormat::optionName).collect(Collectors.joining(", ")));
    }

    /** The option value, e.g. {@code ecs}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
