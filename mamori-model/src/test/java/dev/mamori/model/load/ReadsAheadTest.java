package dev.mamori.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadsAheadTest {

    private final Map<Path, Integer> reads = new ConcurrentHashMap<>();
    private final Map<Path, String> threads = new ConcurrentHashMap<>();

    private String read(Path path) {
        reads.merge(path, 1, Integer::sum);
        threads.put(path, Thread.currentThread().getName());
        if (path.toString().startsWith("broken")) {
            throw new IllegalArgumentException("cannot parse " + path);
        }
        return "tree of " + path;
    }

    @Test
    void filesStartedAheadAreReadOnceOnOtherThreadsAndTakenInAnyOrder() {
        List<Path> files = List.of(Path.of("a.yaml"), Path.of("b.yaml"), Path.of("c.yaml"));
        try (ReadsAhead<String> ahead = new ReadsAhead<>(this::read, 2)) {
            ahead.start(files, 10);
            ahead.start(files, 10); // started twice: still read once
            assertEquals(3, ahead.pending());
            assertEquals("tree of c.yaml", ahead.take(Path.of("c.yaml")));
            assertEquals("tree of a.yaml", ahead.take(Path.of("a.yaml")));
            assertEquals("tree of b.yaml", ahead.take(Path.of("b.yaml")));
            assertEquals(0, ahead.pending());
        }
        assertEquals(Map.of(Path.of("a.yaml"), 1, Path.of("b.yaml"), 1, Path.of("c.yaml"), 1), reads);
        threads.values().forEach(name -> assertTrue(name.startsWith("mamori-read-"), name));
    }

    @Test
    void aFileNotStartedIsReadWhenTakenOnTheCallersThread() {
        try (ReadsAhead<String> ahead = new ReadsAhead<>(this::read, 2)) {
            ahead.start(List.of(Path.of("alone.yaml")), 10); // one file alone is not read ahead
            assertEquals(0, ahead.pending());
            assertEquals("tree of alone.yaml", ahead.take(Path.of("alone.yaml")));
        }
        assertEquals(Thread.currentThread().getName(), threads.get(Path.of("alone.yaml")));
    }

    @Test
    void theBudgetBoundsWhatIsReadAheadAndOneThreadReadsNothingAhead() {
        List<Path> files = List.of(Path.of("a.yaml"), Path.of("b.yaml"), Path.of("c.yaml"));
        try (ReadsAhead<String> ahead = new ReadsAhead<>(this::read, 2)) {
            ahead.start(files, 2);
            assertEquals(2, ahead.pending());
        }
        try (ReadsAhead<String> ahead = new ReadsAhead<>(this::read, 1)) {
            ahead.start(files, 10);
            assertEquals(0, ahead.pending());
        }
    }

    @Test
    void whatAReadThrowsIsThrownWhenTaken() {
        try (ReadsAhead<String> ahead = new ReadsAhead<>(this::read, 2)) {
            ahead.start(List.of(Path.of("broken.yaml"), Path.of("fine.yaml")), 10);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ahead.take(Path.of("broken.yaml")));
            assertEquals("cannot parse broken.yaml", e.getMessage());
            assertEquals("tree of fine.yaml", ahead.take(Path.of("fine.yaml")));
        }
    }

    @Test
    void closingStopsReadsNeverTaken() throws InterruptedException {
        CountDownLatch begun = new CountDownLatch(2);
        CountDownLatch interrupted = new CountDownLatch(2);
        ReadsAhead<String> ahead = new ReadsAhead<>(
                path -> {
                    begun.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    return "late";
                },
                2);
        ahead.start(List.of(Path.of("slow-1.yaml"), Path.of("slow-2.yaml")), 10);
        assertTrue(begun.await(10, TimeUnit.SECONDS));
        ahead.close();
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the reads left were interrupted");
        assertEquals(0, ahead.pending());
    }
}
