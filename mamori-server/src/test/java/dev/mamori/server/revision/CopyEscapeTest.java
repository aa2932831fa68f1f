package dev.mamori.server.revision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** COPY's text format: what a finding's JSON and words are kept as, escaped once. */
class CopyEscapeTest {

    @Test
    void escapesWhatTheTextFormatReadsAsStructure() {
        assertThat(Copy.escape("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re");
        // JSON as the server writes it: a line break inside a string is already \n, two characters.
        assertThat(Copy.escape("{\"x\":\"one\\ntwo\"}")).isEqualTo("{\"x\":\"one\\\\ntwo\"}");
    }

    @Test
    void aValueWithNothingToEscapeIsTheSameString() {
        String plain = "{\"rule\":\"weak-auth\",\"element\":\"sys0.c1\"}";
        assertThat(Copy.escape(plain)).isSameAs(plain);
        assertThat(Copy.escape("")).isEmpty();
    }
}
