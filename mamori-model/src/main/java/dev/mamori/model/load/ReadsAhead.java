package dev.mamori.model.load;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The files a model file imports, read and parsed ahead on other cores while the loader walks them
 * one by one: parsing is most of loading a large landscape, and a landscape split over files
 * (a file per system, or {@code generate --files N}) has several to parse at once. Only the reading
 * and parsing run ahead, each file on its own with its own diagnostics; what the loader does with
 * them, and so every message and its order, stays in the walk's order.
 *
 * @param <T> what reading one file gives
 */
final class ReadsAhead<T> implements AutoCloseable {

    private final Function<Path, T> read;
    private final int threads;
    private final Map<Path, Future<T>> started = new HashMap<>();
    private ExecutorService pool;

    /**
     * @param read reads and parses one file; it must be safe to call from several threads at once
     * @param threads how many files may be read at once (1: none ahead)
     */
    ReadsAhead(Function<Path, T> read, int threads) {
        this.read = read;
        this.threads = threads;
    }

    /** Reads with as many threads as there are cores. */
    static <T> ReadsAhead<T> onEveryCore(Function<Path, T> read) {
        return new ReadsAhead<>(read, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Starts reading {@code paths} (those not started yet), at most {@code budget} of them. One file
     * alone is left to be read when taken: ahead of nothing, a thread would only wait for it.
     */
    void start(List<Path> paths, int budget) {
        Set<Path> fresh = new LinkedHashSet<>();
        for (Path path : paths) {
            if (!started.containsKey(path) && fresh.size() < budget) {
                fresh.add(path);
            }
        }
        if (threads < 2 || fresh.size() < 2) {
            return;
        }
        for (Path path : fresh) {
            started.put(path, pool().submit(() -> read.apply(path)));
        }
    }

    /** How many files are being read ahead and not yet taken. */
    int pending() {
        return started.size();
    }

    /** What reading {@code path} gave: the result read ahead, or read now. */
    T take(Path path) {
        Future<T> ahead = started.remove(path);
        if (ahead == null) {
            return read.apply(path);
        }
        try {
            return ahead.get();
        } catch (ExecutionException e) {
            // What the read threw is thrown here, as if it had been read now (out of memory included).
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + path, e);
        }
    }

    /** Stops what was started and never taken (a file the walk skipped, or a walk cut short). */
    @Override
    public void close() {
        started.values().forEach(f -> f.cancel(true));
        started.clear();
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private ExecutorService pool() {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "mamori-read-" + n.incrementAndGet());
                // A thread left reading must not keep the program from ending.
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }
}
