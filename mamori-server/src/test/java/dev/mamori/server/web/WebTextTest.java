package dev.mamori.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebTextTest {

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertThat(AnalysisPages.duration(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(AnalysisPages.duration(Duration.ofMinutes(60))).isEqualTo("1 h");
        assertThat(AnalysisPages.duration(Duration.ofMinutes(1590))).isEqualTo("26 h 30 min");
        assertThat(AnalysisPages.duration(Duration.ofDays(2))).isEqualTo("2 d");
    }

    @Test
    void textInTheChartsIsEscaped() {
        assertThat(Xml.escape("<script>alert('x')</script> & \"q\"\u0007"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; ");
    }

    @Test
    void aFilesLinesAreNumberedAndOneHighlighted() {
        List<PageData.SourceLine> lines = FindingPages.lines("a: 1\r\nb: 2\nc: 3\n", 2);
        assertThat(lines).extracting(PageData.SourceLine::text).containsExactly("a: 1", "b: 2", "c: 3");
        assertThat(lines)
                .filteredOn(PageData.SourceLine::hit)
                .extracting(PageData.SourceLine::number)
                .containsExactly(2);
        assertThat(lines.get(1).anchor()).isEqualTo("L2");
    }

    @Test
    void aPathsRelationIsDrawnInItsOwnClass() {
        assertThat(AnalysisPages.linkClass("command")).isEqualTo("command");
        assertThat(AnalysisPages.linkClass("zone-member")).isEqualTo("zone-member");
        assertThat(AnalysisPages.linkClass("account")).isEqualTo("data");
    }

    @Test
    void aSystemIsTheHeadOfADottedName() {
        assertThat(Redacted.systemOf("cctv.nvr")).isEqualTo("cctv");
        assertThat(Redacted.systemOf("cctv")).isEqualTo("cctv");
        // A zone as the systemic paths name it belongs to its system, not to a system called "zone cctv".
        assertThat(Redacted.systemOf("zone cctv.video-ot")).isEqualTo("cctv");
    }
}
