package io.avcwatch.app.analyze;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerLabel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a finite run found.
 *
 * @param alerts      the committed content of {@code avc.alerts}, one per alert id (a storm's aggregate
 *                    replaces its first hit: same id, final count), sorted by event time
 * @param denials     the committed content of {@code avc.denials} when asked for, else empty
 * @param containers  the container labels published from the inventory files, latest per label
 * @param lines       lines read from the input files
 * @param deadLetters lines the pipeline could not use (in {@code audit.deadletter})
 * @param warnings    things the user should know (inspect objects skipped, ...), one line each
 * @param elapsed     wall-clock time of the run
 */
public record AnalysisResult(List<Alert> alerts, List<AvcDenial> denials, List<ContainerLabel> containers,
                             long lines, long deadLetters, List<String> warnings, Duration elapsed) {

    public AnalysisResult {
        alerts = List.copyOf(alerts);
        denials = List.copyOf(denials);
        containers = List.copyOf(containers);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
