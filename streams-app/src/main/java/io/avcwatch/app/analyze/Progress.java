package io.avcwatch.app.analyze;

/**
 * Where a run reports how far it got: lines processed by the streams application out of the lines the input
 * holds (an estimate while the files are still being read).
 */
public interface Progress extends AutoCloseable {

    /** Reports nothing (output is not a terminal, or a test). */
    Progress NONE = new Progress() {
        @Override
        public void update(final String phase, final long processed, final long total) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * @param phase     what the run is doing now, one or two words
     * @param processed lines the streams application has consumed
     * @param total     lines expected in all; at least {@code processed}
     */
    void update(String phase, long processed, long total);

    /** Finishes the display. */
    @Override
    void close();
}
