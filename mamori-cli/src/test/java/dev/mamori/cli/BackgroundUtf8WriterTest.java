package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The background writer writes the bytes Java's own UTF-8 writer writes, whatever the text and however it is cut. */
class BackgroundUtf8WriterTest {

    /** Characters drawn to hit every branch: ASCII, 2- and 3-byte, paired and unpaired surrogates. */
    private static final char[] ALPHABET = {
        'a', 'Z', ' ', '\n', '{', '"', '\u00e9', '\u00d7', '\u07ff', '\u0800', '\u3042', '\uffff', '\ud83d', '\ude00',
        '\udbff', '\udc00'
    };

    @Test
    void writesWhatOutputStreamWriterWritesForRandomTextsAndCuts() throws IOException {
        Random random = new Random(21);
        for (int round = 0; round < 300; round++) {
            // Some texts longer than a chunk (64 K), so that surrogate pairs fall across chunk ends.
            int length = round % 10 == 0 ? 70_000 + random.nextInt(140_000) : random.nextInt(300);
            StringBuilder text = new StringBuilder(length);
            boolean asciiMostly = random.nextBoolean();
            for (int i = 0; i < length; i++) {
                text.append(
                        asciiMostly && random.nextInt(50) != 0
                                ? (char) ('a' + random.nextInt(26))
                                : ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            try (Writer reference = new OutputStreamWriter(expected, StandardCharsets.UTF_8);
                    Writer background = new BackgroundUtf8Writer(actual)) {
                int at = 0;
                while (at < length) {
                    int n = Math.min(length - at, 1 + random.nextInt(random.nextBoolean() ? 8 : 100_000));
                    switch (random.nextInt(4)) {
                        case 0 -> {
                            String part = text.substring(at, at + n);
                            reference.write(part);
                            background.write(part);
                        }
                        case 1 -> {
                            char[] part = new char[n + 4];
                            text.getChars(at, at + n, part, 2);
                            reference.write(part, 2, n);
                            background.write(part, 2, n);
                        }
                        case 2 -> {
                            n = 1;
                            reference.write(text.charAt(at));
                            background.write(text.charAt(at));
                        }
                        default -> {
                            reference.append(text, at, at + n);
                            background.append(text, at, at + n);
                            reference.flush();
                            background.flush();
                        }
                    }
                    at += n;
                }
            }
            assertThat(actual.toByteArray())
                    .as("round %d, %d characters", round, length)
                    .isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void flushWaitsUntilEverythingIsWritten() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new BackgroundUtf8Writer(out)) {
            String line = "x".repeat(1000) + "\u00d7\n";
            for (int i = 0; i < 500; i++) {
                writer.write(line);
            }
            writer.flush();
            assertThat(out.size()).isEqualTo(500 * 1003); // × is two bytes
        }
    }

    @Test
    void aFailureToWriteIsThrownToTheWriterAndNothingHangs() {
        OutputStream failing = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 200_000) {
                    throw new IOException("No space left on device");
                }
            }
        };
        assertThatThrownBy(() -> {
                    try (Writer writer = new BackgroundUtf8Writer(failing)) {
                        for (int i = 0; i < 100_000; i++) {
                            writer.write("a line of text that fills the disk\n");
                        }
                    }
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No space left on device");
    }

    @Test
    void writingAfterCloseIsRefused() throws IOException {
        Writer writer = new BackgroundUtf8Writer(new ByteArrayOutputStream());
        writer.close();
        writer.close(); // a second close does nothing
        assertThatThrownBy(() -> writer.write("late")).isInstanceOf(IOException.class);
    }
}
