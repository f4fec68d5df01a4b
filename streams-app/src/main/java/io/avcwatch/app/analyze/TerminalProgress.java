package io.avcwatch.app.analyze;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal (lines/s, percent, ETA), drawn by {@code me.tongfei:progressbar}. */
public final class TerminalProgress implements Progress {
    private final ProgressBar bar;

    /** A bar drawn on {@code out} (stderr: stdout holds the alerts). */
    public TerminalProgress(final PrintStream out) {
        this.bar = new ProgressBarBuilder()
                .setTaskName("analyze")
                .setInitialMax(0)
                .setUnit(" lines", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .clearDisplayOnFinish()
                .build();
    }

    /** A bar on stderr when it is a terminal, else {@link Progress#NONE} (piped output stays clean). */
    public static Progress onStderrIfTerminal() {
        return System.console() != null ? new TerminalProgress(System.err) : Progress.NONE;
    }

    @Override
    public void update(final String phase, final long processed, final long total) {
        bar.maxHint(Math.max(total, processed));
        bar.stepTo(processed);
        bar.setExtraMessage(phase);
    }

    @Override
    public void close() {
        bar.close();
    }
}
