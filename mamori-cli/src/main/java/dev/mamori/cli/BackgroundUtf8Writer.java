package dev.mamori.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * A writer that hands what it is given, 64 K characters at a time, to a thread of its own, which
 * encodes it as UTF-8 and writes it to the stream. A large document (2 GB of JSON at 100,000
 * components) is so produced on one core while the part before it is encoded and written on
 * another, instead of the producer waiting for each write; the encoding also stays on its fast path
 * where {@link java.io.OutputStreamWriter}'s falls back to a character at a time for the rest of a
 * buffer after one non-ASCII character (docs/performance.md).
 *
 * <p>The bytes are those {@code new OutputStreamWriter(out, UTF_8)} writes, an unpaired surrogate
 * included (written as {@code ?}). A failure to write is thrown by the next call after it, by
 * {@link #flush} or by {@link #close}. {@link #close} waits until everything is written and ends the
 * thread; it leaves the stream open for its owner to close.
 */
final class BackgroundUtf8Writer extends Writer {

    private static final int CHUNK = 1 << 16;
    /** How many chunks may wait to be written: the producer is at most this far ahead. */
    private static final int AHEAD = 4;

    private enum Kind {
        DATA,
        FLUSH,
        END
    }

    private record Chunk(Kind kind, char[] chars, int length) {}

    private final OutputStream out;
    private final BlockingQueue<Chunk> toWrite = new ArrayBlockingQueue<>(AHEAD);
    private final BlockingQueue<char[]> spare = new ArrayBlockingQueue<>(AHEAD + 2);
    /** Released by the writing thread each time it has done a flush or the end. */
    private final Semaphore done = new Semaphore(0);

    private final Thread thread;
    private volatile IOException failure;
    private char[] buffer = new char[CHUNK];
    private int used;
    private boolean closed;

    // Owned by the writing thread.
    private final byte[] bytes = new byte[CHUNK * 3 + 8]; // 3 per character, 4 per pair, the end's ?
    private char pendingHigh; // a high surrogate that ended the last chunk, or 0

    BackgroundUtf8Writer(OutputStream out) {
        this.out = out;
        this.thread = new Thread(this::run, "mamori-output");
        thread.setDaemon(true); // never keeps the process alive; close() waits for it
        thread.start();
    }

    @Override
    public void write(int c) throws IOException {
        ensureOpen();
        if (used == CHUNK) {
            handOff(Kind.DATA);
        }
        buffer[used++] = (char) c;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        ensureOpen();
        Objects.checkFromIndexSize(offset, length, chars.length);
        while (length > 0) {
            if (used == CHUNK) {
                handOff(Kind.DATA);
            }
            int n = Math.min(length, CHUNK - used);
            System.arraycopy(chars, offset, buffer, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        ensureOpen();
        Objects.checkFromIndexSize(offset, length, text.length());
        while (length > 0) {
            if (used == CHUNK) {
                handOff(Kind.DATA);
            }
            int n = Math.min(length, CHUNK - used);
            text.getChars(offset, offset + n, buffer, used);
            used += n;
            offset += n;
            length -= n;
        }
    }

    /** Waits until everything written so far is encoded, written and flushed to the stream. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        handOff(Kind.FLUSH);
        awaitDone();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        handOff(Kind.END);
        awaitDone();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw interrupted();
        }
        throwIfFailed();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the output is closed");
        }
        throwIfFailed();
    }

    private void throwIfFailed() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw new IOException(failed.getMessage(), failed);
        }
    }

    /** Queues the filled part of the buffer (and a flush or the end) for the writing thread. */
    private void handOff(Kind kind) throws IOException {
        try {
            if (used > 0 || kind != Kind.DATA) {
                toWrite.put(new Chunk(kind, buffer, used));
                char[] next = spare.poll();
                buffer = next != null ? next : new char[CHUNK];
                used = 0;
            }
        } catch (InterruptedException e) {
            throw interrupted();
        }
        if (kind == Kind.DATA) {
            throwIfFailed();
        }
    }

    private void awaitDone() throws IOException {
        try {
            done.acquire();
        } catch (InterruptedException e) {
            throw interrupted();
        }
        throwIfFailed();
    }

    /** The exception a writer throws when its thread is interrupted, the interrupt kept for the caller. */
    private static InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted while writing");
    }

    private void run() {
        while (true) {
            Chunk chunk;
            try {
                chunk = toWrite.take();
            } catch (InterruptedException e) {
                failure = new InterruptedIOException("interrupted while writing");
                continue; // the producer still hands over its end, and waits for it
            }
            // After a failure the chunks are still taken, so the producer never waits on a full queue.
            if (failure == null) {
                try {
                    int n = encode(chunk.chars(), chunk.length());
                    if (chunk.kind() == Kind.END && pendingHigh != 0) {
                        bytes[n++] = '?';
                        pendingHigh = 0;
                    }
                    out.write(bytes, 0, n);
                    if (chunk.kind() != Kind.DATA) {
                        out.flush();
                    }
                } catch (IOException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    failure = new IOException(e.toString(), e);
                }
            }
            spare.offer(chunk.chars());
            if (chunk.kind() != Kind.DATA) {
                done.release();
            }
            if (chunk.kind() == Kind.END) {
                return;
            }
        }
    }

    /**
     * Encodes {@code length} characters into {@link #bytes}; returns the byte count. A high
     * surrogate that ends the chunk waits for the next one, as {@link java.io.OutputStreamWriter}'s
     * encoder keeps it; an unpaired surrogate is {@code ?}, its replacement.
     */
    private int encode(char[] chars, int length) {
        byte[] b = bytes;
        int n = 0;
        int i = 0;
        if (pendingHigh != 0 && length > 0) {
            if (Character.isLowSurrogate(chars[0])) {
                n = putCodePoint(b, n, Character.toCodePoint(pendingHigh, chars[0]));
                i = 1;
            } else {
                b[n++] = '?';
            }
            pendingHigh = 0;
        }
        while (i < length) {
            char c = chars[i];
            if (c < 0x80) {
                b[n++] = (byte) c;
                i++;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | (c >> 6));
                b[n++] = (byte) (0x80 | (c & 0x3F));
                i++;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == length) {
                    pendingHigh = c;
                    i++;
                } else if (Character.isLowSurrogate(chars[i + 1])) {
                    n = putCodePoint(b, n, Character.toCodePoint(c, chars[i + 1]));
                    i += 2;
                } else {
                    b[n++] = '?';
                    i++;
                }
            } else if (Character.isLowSurrogate(c)) {
                b[n++] = '?';
                i++;
            } else {
                b[n++] = (byte) (0xE0 | (c >> 12));
                b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (c & 0x3F));
                i++;
            }
        }
        return n;
    }

    private static int putCodePoint(byte[] b, int n, int codePoint) {
        b[n++] = (byte) (0xF0 | (codePoint >> 18));
        b[n++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        b[n++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        b[n++] = (byte) (0x80 | (codePoint & 0x3F));
        return n;
    }
}
