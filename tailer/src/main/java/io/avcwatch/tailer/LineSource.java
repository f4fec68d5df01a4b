package io.avcwatch.tailer;

import java.io.IOException;
import java.util.List;

/** Something lines are read from: a followed file, a stream, a set of archives. */
public interface LineSource extends AutoCloseable {

    /**
     * Returns the lines available now, reading at most about {@code maxBytes}; an empty list means
     * "nothing new yet" for a live source.
     */
    List<Line> poll(int maxBytes) throws IOException;

    /** True once a finite source (stdin at EOF, archives) has returned its last line. */
    boolean exhausted();

    @Override
    void close() throws IOException;
}
