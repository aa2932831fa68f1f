package dev.mamori.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SyntaxTest {

    /** The fast checks accept exactly what the documented patterns accept. */
    @Property(tries = 3000)
    void idAndReferenceChecksAgreeWithTheirPatterns(
            @ForAll
                    @StringLength(max = 12)
                    @Chars({'a', 'Z', '0', '-', '_', '.', ' ', 'é', '東'})
                    @CharRange(from = 'a', to = 'c')
                    String s) {
        assertThat(Syntax.isId(s)).isEqualTo(Syntax.ID.matcher(s).matches());
        assertThat(Syntax.isReference(s)).isEqualTo(Syntax.REFERENCE.matcher(s).matches());
    }

    @Test
    void durations() {
        assertThat(Syntax.span("15m")).contains(Duration.ofMinutes(15));
        assertThat(Syntax.span("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(Syntax.span("2d")).contains(Duration.ofDays(2));
        assertThat(Syntax.span("PT4H")).contains(Duration.ofHours(4));
        assertThat(Syntax.span("15")).isEmpty();
        assertThat(Syntax.span("m")).isEmpty();
        assertThat(Syntax.span("")).isEmpty();
        assertThat(Syntax.span("30m1h")).isEmpty();
        assertThat(Syntax.span("99999999999999999999d")).isEmpty();
    }
}
