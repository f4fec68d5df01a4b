package io.avcwatch.app.output;

import io.avcwatch.schemas.Severity;

/** How each format scores avcwatch's severities. */
final class Severities {
    private Severities() {
    }

    /** ECS {@code event.severity}/{@code risk_score}: the bands Elastic's detection rules use (21/47/73/99). */
    static long ecsScore(final Severity s) {
        return switch (s) {
            case CRITICAL -> 99;
            case HIGH -> 73;
            case MEDIUM -> 47;
            case LOW -> 21;
            case INFO -> 1;
        };
    }

    /** OCSF {@code severity_id}: 1 Informational .. 5 Critical. */
    static int ocsfId(final Severity s) {
        return switch (s) {
            case CRITICAL -> 5;
            case HIGH -> 4;
            case MEDIUM -> 3;
            case LOW -> 2;
            case INFO -> 1;
        };
    }

    /** The caption OCSF's dictionary gives {@link #ocsfId}. */
    static String ocsfCaption(final Severity s) {
        return switch (s) {
            case CRITICAL -> "Critical";
            case HIGH -> "High";
            case MEDIUM -> "Medium";
            case LOW -> "Low";
            case INFO -> "Informational";
        };
    }

    /** CEF's 0..10 severity; ArcSight reads 9-10 as very high, 7-8 high, 4-6 medium, 0-3 low. */
    static int cef(final Severity s) {
        return switch (s) {
            case CRITICAL -> 10;
            case HIGH -> 8;
            case MEDIUM -> 5;
            case LOW -> 3;
            case INFO -> 1;
        };
    }
}
