package dev.mamori.report.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonPipeTest {

    /** Everything {@code in} gives, read in pieces of random lengths. */
    private static String readAll(Reader in, Random random) throws IOException {
        StringWriter out = new StringWriter();
        char[] buffer = new char[1 + random.nextInt(200_000)];
        for (int n = in.read(buffer, 0, 1 + random.nextInt(buffer.length));
                n >= 0;
                n = in.read(buffer, 0, 1 + random.nextInt(buffer.length))) {
            out.write(buffer, 0, n);
        }
        return out.toString();
    }

    @Test
    void theReaderGetsExactlyWhatTheWriterWroteInWritesOfAnyLength() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 30; round++) {
            StringBuilder expected = new StringBuilder();
            int writes = random.nextInt(200);
            String[] pieces = new String[writes];
            for (int i = 0; i < writes; i++) {
                int length = random.nextInt(4) == 0 ? random.nextInt(300_000) : random.nextInt(50);
                StringBuilder piece = new StringBuilder(length);
                for (int c = 0; c < length; c++) {
                    piece.append((char) ('a' + random.nextInt(26)));
                }
                pieces[i] = piece.append(i % 7 == 0 ? "→日本" : "").toString();
                expected.append(pieces[i]);
            }
            String read = JsonPipe.read(
                    out -> {
                        for (String piece : pieces) {
                            out.write(piece);
                        }
                    },
                    in -> readAll(in, random));
            assertThat(read).isEqualTo(expected.toString());
        }
    }

    @Test
    void aFailureOfTheWriterReachesTheReaderWhereTheTextEnds() {
        assertThatThrownBy(() -> JsonPipe.read(
                        out -> {
                            out.write("x".repeat(200_000));
                            throw new IllegalStateException("the assessment could not be written");
                        },
                        in -> readAll(in, new Random(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the assessment could not be written");
        assertThatThrownBy(() -> JsonPipe.read(
                        out -> {
                            throw new OutOfMemoryError("Java heap space");
                        },
                        in -> readAll(in, new Random(1))))
                .isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aReaderThatStopsEarlyStopsTheWriter() throws Exception {
        Thread[] writer = new Thread[1];
        int first = JsonPipe.read(
                out -> {
                    writer[0] = Thread.currentThread();
                    for (int i = 0; i < 1_000_000; i++) {
                        out.write("endless text ");
                    }
                },
                Reader::read);
        assertThat(first).isEqualTo('e');
        writer[0].join(10_000);
        assertThat(writer[0].isAlive()).isFalse();
    }
}
