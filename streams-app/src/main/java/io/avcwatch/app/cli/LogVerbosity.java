package io.avcwatch.app.cli;

import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Log levels for the length of one command. A finite run ({@code analyze}) starts a broker and a streams
 * application whose normal chatter would bury its own output, so it lowers them to errors (avcwatch's own
 * warnings still show) and puts the configured levels back when it is done.
 */
final class LogVerbosity implements AutoCloseable {
    private static final String AVCWATCH = "io.avcwatch";

    private final Level root;
    private final Level avcwatch;
    private final boolean changed;

    private LogVerbosity(final boolean quiet) {
        this.root = LogManager.getRootLogger().getLevel();
        this.avcwatch = LogManager.getLogger(AVCWATCH).getLevel();
        this.changed = quiet;
        if (quiet) {
            Configurator.setLevel(Map.of(LogManager.ROOT_LOGGER_NAME, Level.ERROR, AVCWATCH, Level.WARN));
        }
    }

    /** Errors only from Kafka, warnings from avcwatch, until {@link #close()}; {@code verbose} keeps everything. */
    static LogVerbosity quietUnless(final boolean verbose) {
        return new LogVerbosity(!verbose);
    }

    @Override
    public void close() {
        if (changed) {
            Configurator.setLevel(Map.of(LogManager.ROOT_LOGGER_NAME, root, AVCWATCH, avcwatch));
        }
    }
}
