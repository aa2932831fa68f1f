package dev.mamori.report.diff;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.Writer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A text written on one thread and read on another, a chunk at a time: the writer is at most a few
 * chunks ahead of the reader, so the whole text is never held. For documents too large to be one
 * string (an assessment of 100,000 components is over a billion characters), read as they are
 * written.
 *
 * <p>Not {@code PipedWriter}: its reader waits up to a second at a time for the writer to notice it.
 */
final class JsonPipe {

    private JsonPipe() {}

    /** Writes the text. */
    interface Producer {
        void write(Writer out) throws IOException;
    }

    /** Reads the text. */
    interface Consumer<T> {
        T read(Reader in) throws IOException;
    }

    private static final int CHUNK = 1 << 16;
    private static final int AHEAD = 4;

    /** What the writer hands over: characters, the end, or why the writing failed. */
    private record Chunk(char[] chars, int length, Throwable failure) {
        static final Chunk END = new Chunk(new char[0], -1, null);
    }

    /**
     * What {@code consumer} makes of the text {@code producer} writes. The producer runs on a thread
     * of its own; when it fails, the reader sees the failure where the text ends, and when the
     * consumer stops early, the producer is stopped.
     */
    static <T> T read(Producer producer, Consumer<T> consumer) throws IOException {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(AHEAD);
        Thread writing = new Thread(() -> write(producer, queue), "mamori-json-pipe");
        writing.setDaemon(true);
        writing.start();
        try (Reader in = new QueueReader(queue)) {
            return consumer.read(in);
        } finally {
            writing.interrupt();
            queue.clear();
        }
    }

    private static void write(Producer producer, BlockingQueue<Chunk> queue) {
        try {
            try (QueueWriter out = new QueueWriter(queue)) {
                producer.write(out);
            }
            queue.put(Chunk.END);
        } catch (InterruptedException | InterruptedIOException e) {
            // the reader stopped reading: nothing waits for the rest
        } catch (IOException | RuntimeException | Error e) {
            try {
                queue.put(new Chunk(null, 0, e));
            } catch (InterruptedException stopped) {
                // the reader stopped reading
            }
        }
    }

    /** Fills chunks and queues each when it is full, and the last one on close. */
    private static final class QueueWriter extends Writer {
        private final BlockingQueue<Chunk> queue;
        private char[] chunk = new char[CHUNK];
        private int length;

        QueueWriter(BlockingQueue<Chunk> queue) {
            this.queue = queue;
        }

        @Override
        public void write(char[] text, int offset, int count) throws IOException {
            while (count > 0) {
                int n = Math.min(count, CHUNK - length);
                System.arraycopy(text, offset, chunk, length, n);
                length += n;
                offset += n;
                count -= n;
                if (length == CHUNK) {
                    hand();
                }
            }
        }

        private void hand() throws IOException {
            try {
                queue.put(new Chunk(chunk, length, null));
            } catch (InterruptedException e) {
                throw new InterruptedIOException("the reader stopped reading");
            }
            chunk = new char[CHUNK];
            length = 0;
        }

        @Override
        public void flush() {
            // chunks are handed over when full: a flush in the middle of a document changes nothing
        }

        @Override
        public void close() throws IOException {
            if (length > 0) {
                hand();
            }
        }
    }

    /** Reads the queued chunks in turn; where the writer failed, throws what it threw. */
    private static final class QueueReader extends Reader {
        private final BlockingQueue<Chunk> queue;
        private Chunk current = new Chunk(new char[0], 0, null);
        private int position;

        QueueReader(BlockingQueue<Chunk> queue) {
            this.queue = queue;
        }

        @Override
        public int read(char[] into, int offset, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            while (current != Chunk.END && position == current.length()) {
                try {
                    current = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading a piped document");
                }
                position = 0;
                // The writer's own exception, so that an error (memory running out) is seen as itself.
                Throwable failure = current.failure();
                if (failure instanceof IOException e) {
                    throw e;
                }
                if (failure instanceof RuntimeException e) {
                    throw e;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
            }
            if (current == Chunk.END) {
                return -1;
            }
            int n = Math.min(count, current.length() - position);
            System.arraycopy(current.chars(), position, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            // the queue belongs to the pipe, which stops the writer
        }
    }
}
