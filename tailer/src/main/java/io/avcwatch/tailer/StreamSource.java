package io.avcwatch.tailer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines from a byte stream: stdin fed by the auditd plugin ({@code format = string}) or one archive.
 * A stream has no inode; offsets count bytes since the stream started.
 */
public final class StreamSource implements LineSource {
    /** The source name of the auditd plugin stream. */
    public static final String STDIN = "-";
    private final InputStream in;
    private final String source;
    private final LineSplitter splitter = new LineSplitter(0);
    private final byte[] buf = new byte[64 * 1024];
    private boolean eof;

    /**
     * @param in the stream; closed by {@link #close()}
     * @param source the name recorded in each record's source header, {@link #STDIN} for the plugin stream
     */
    public StreamSource(final InputStream in, final String source) {
        this.in = in;
        this.source = source;
    }

    /** Blocks until some bytes arrive (stdin has no "nothing yet"), then returns the complete lines. */
    @Override
    public List<Line> poll(final int maxBytes) throws IOException {
        final List<Line> out = new ArrayList<>();
        int total = 0;
        while (!eof && out.isEmpty() || !eof && total < maxBytes && in.available() > 0) {
            final int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                final Line tail = splitter.flush(source, 0);
                if (tail != null) {
                    out.add(tail);
                }
                break;
            }
            total += n;
            splitter.feed(buf, n, source, 0, out);
        }
        return out;
    }

    @Override
    public boolean exhausted() {
        return eof;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
