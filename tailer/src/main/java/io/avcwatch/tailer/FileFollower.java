package io.avcwatch.tailer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one log file like {@code tail -F}, by inode rather than by name.
 *
 * <ul>
 *   <li><b>Rotation by rename</b> (auditd {@code max_log_file_action = ROTATE}, logrotate without
 *       copytruncate): the open descriptor keeps pointing at the renamed file. When the path names
 *       a new inode, the old file is read to EOF twice (once before and once after noticing, for
 *       writers that rename before they close), its unterminated last line is shipped as is, and
 *       reading switches to the new file from byte 0.</li>
 *   <li><b>Truncation</b> (copytruncate): the size drops below the read offset; reading restarts
 *       at 0.</li>
 *   <li><b>Missing file</b>: polled until it appears.</li>
 *   <li><b>Partial last line</b>: held until its newline arrives.</li>
 * </ul>
 *
 * <p>{@link #resume} restarts from a checkpoint: when the checkpointed inode is no longer at the path
 * it is looked for among the rotated siblings ({@code audit.log.1}, {@code audit.log.2}, ...); that
 * file is finished from the checkpoint, then every newer rotated file, then the live file.
 */
public final class FileFollower implements LineSource {
    private static final Logger LOG = LoggerFactory.getLogger(FileFollower.class);

    private final Path path;
    private final String source;
    private final byte[] buf = new byte[64 * 1024];
    private OpenFile current;
    private long readOffset;
    private LineSplitter splitter;
    private boolean rotationSeen;
    private boolean warnedMissing;
    /** Offset to start the live file at once it is opened (from a checkpoint on the same inode). */
    private long pendingLiveOffset;

    private FileFollower(final Path path) {
        this.path = path.toAbsolutePath();
        this.source = this.path.toString();
    }

    /** An open descriptor of one file; it stays valid when the file is renamed. */
    private record OpenFile(FileChannel channel, Path openedAs, long inode, long startOffset) {
    }

    /**
     * Starts following {@code path} where {@code checkpoint} left off, or from its first byte when
     * there is no checkpoint (a new tailer ships the whole current file, not just what comes next).
     */
    public static FileFollower resume(final Path path, final FilePosition checkpoint) throws IOException {
        final FileFollower f = new FileFollower(path);
        if (checkpoint == null) {
            return f;
        }
        final Long live = inodeOf(f.path);
        if (live != null && live == checkpoint.inode()) {
            f.pendingLiveOffset = checkpoint.offset();
            return f;
        }
        for (Path rotated : RotatedSet.rotatedSiblings(f.path)) {
            final Long ino = inodeOf(rotated);
            if (ino != null && ino == checkpoint.inode()) {
                final OpenFile of = open(rotated, checkpoint.offset());
                if (of != null && of.inode() == checkpoint.inode()) {
                    LOG.info("Resuming {} in rotated file {} at offset {}", f.path, rotated, checkpoint.offset());
                    f.start(of);
                    return f;
                }
            }
        }
        LOG.warn("Checkpointed file (inode {}) of {} is gone; lines after offset {} of it cannot be shipped",
                checkpoint.inode(), f.path, checkpoint.offset());
        return f;
    }

    @Override
    public List<Line> poll(final int maxBytes) throws IOException {
        final List<Line> out = new ArrayList<>();
        if (current == null && !openNext(null)) {
            return out;
        }
        int total = 0;
        while (total < maxBytes) {
            final int n = current.channel().read(ByteBuffer.wrap(buf), readOffset);
            if (n <= 0) {
                break;
            }
            readOffset += n;
            total += n;
            splitter.feed(buf, n, current.openedAs().toString(), current.inode(), out);
        }
        if (total > 0) {
            return out;
        }
        if (!current.openedAs().equals(path)) {
            openNext(finishCurrent(out));
        } else {
            checkRotationAndTruncation(out);
        }
        return out;
    }

    /** The checkpoint for everything returned so far; null before any file was opened. */
    public FilePosition position() {
        return current == null ? null : new FilePosition(current.inode(), splitter.committedOffset());
    }

    @Override
    public boolean exhausted() {
        return false;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.channel().close();
        }
    }

    private void checkRotationAndTruncation(final List<Line> out) throws IOException {
        final Long live = inodeOf(path);
        if (live != null && live != current.inode()) {
            if (!rotationSeen) {
                rotationSeen = true;
                return;
            }
            LOG.info("{} was rotated (inode {} -> {}); finished the old file at offset {}",
                    path, current.inode(), live, readOffset);
            openNext(finishCurrent(out));
            return;
        }
        rotationSeen = false;
        if (current.channel().size() < readOffset) {
            LOG.warn("{} was truncated (size {} < offset {}); reading from the start", path,
                    current.channel().size(), readOffset);
            final Line tail = splitter.flush(source, current.inode());
            if (tail != null) {
                out.add(tail);
            }
            readOffset = 0;
            splitter.reset(0);
        }
    }

    /** Ships the unterminated tail of a finished file, closes it and returns its inode. */
    private long finishCurrent(final List<Line> out) throws IOException {
        final Line tail = splitter.flush(current.openedAs().toString(), current.inode());
        if (tail != null) {
            out.add(tail);
        }
        current.channel().close();
        final long inode = current.inode();
        current = null;
        rotationSeen = false;
        return inode;
    }

    /**
     * Opens what comes after the file with inode {@code finished}: the next newer rotated sibling if
     * that file is among them (several rotations may have happened while it was read), else the live
     * path. False if there is nothing to open yet.
     */
    private boolean openNext(final Long finished) throws IOException {
        if (finished != null) {
            final OpenFile newer = openNewerSibling(finished);
            if (newer != null) {
                start(newer);
                return true;
            }
        }
        OpenFile live = open(path, pendingLiveOffset);
        if (live == null) {
            if (!warnedMissing) {
                LOG.info("Waiting for {} to appear", path);
                warnedMissing = true;
            }
            return false;
        }
        warnedMissing = false;
        if (live.channel().size() < live.startOffset()) {
            LOG.warn("{} is shorter than its checkpoint offset {}; it was truncated, reading from the start",
                    path, live.startOffset());
            live = new OpenFile(live.channel(), live.openedAs(), live.inode(), 0);
        }
        pendingLiveOffset = 0;
        start(live);
        return true;
    }

    private void start(final OpenFile file) {
        current = file;
        readOffset = file.startOffset();
        splitter = new LineSplitter(readOffset);
    }

    /** The rotated sibling just newer than inode {@code finished}, opened, or null if there is none. */
    private OpenFile openNewerSibling(final long finished) throws IOException {
        // A rename between listing and opening shows as an inode mismatch: list again.
        for (int attempt = 0; attempt < 5; attempt++) {
            final List<Path> rotated = RotatedSet.rotatedSiblings(path);
            final List<Long> inodes = new ArrayList<>();
            for (Path r : rotated) {
                inodes.add(inodeOf(r));
            }
            final int at = inodes.indexOf(finished);
            if (at < 0 || at == rotated.size() - 1) {
                return null;
            }
            final OpenFile next = open(rotated.get(at + 1), 0);
            if (next != null && next.inode() == inodes.get(at + 1)) {
                LOG.info("Catching up with rotated file {} before {}", rotated.get(at + 1), path);
                return next;
            }
            if (next != null) {
                next.channel().close();
            }
        }
        return null;
    }

    /** Opens {@code p}; null when it does not exist. The inode is read twice to avoid a rename race. */
    private static OpenFile open(final Path p, final long offset) throws IOException {
        while (true) {
            final Long before = inodeOf(p);
            if (before == null) {
                return null;
            }
            final FileChannel ch;
            try {
                ch = FileChannel.open(p, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                return null;
            }
            final Long after = inodeOf(p);
            if (before.equals(after)) {
                return new OpenFile(ch, p, before, offset);
            }
            ch.close();
        }
    }

    static Long inodeOf(final Path p) throws IOException {
        try {
            return (Long) Files.getAttribute(p, "unix:ino");
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
