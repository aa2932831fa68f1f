package dev.mamori.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mamori.report.Assessed;
import dev.mamori.report.diagram.Contrast;
import dev.mamori.report.diagram.Palette;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every label of the report against WCAG AA (4.5:1): the palette's pairs (badges, cards, heat-map
 * cells, diagram and chart text), and every colour the page's style sheet sets for text, on the
 * background it is set on.
 */
class ContrastTest {

    @Test
    void theCheckerFollowsWcag() {
        assertThat(Contrast.ratio("#000000", "#ffffff")).isCloseTo(21, within(1e-9));
        assertThat(Contrast.ratio("#fff", "#ffffff")).isCloseTo(1, within(1e-9));
        // the classic near miss: #777 on white is 4.48, just under AA
        assertThat(Contrast.ratio("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
        assertThat(Contrast.ratio("#ffffff", "#777777")).isEqualTo(Contrast.ratio("#777777", "#ffffff"));
        assertThat(Contrast.luminance("#808080")).isCloseTo(0.2158605, within(1e-6));
        // the orange that high findings were drawn in held white text at 3.8:1
        assertThat(Contrast.ratio("#ffffff", "#e65100")).isLessThan(Contrast.AA);
        assertThat(Contrast.blend("#000000", 0.5, "#ffffff")).isEqualTo("#808080");
    }

    @Test
    void everyPairOfThePaletteMeetsAa() {
        List<Palette.Pair> pairs = Palette.pairs();
        assertThat(pairs).hasSizeGreaterThan(40);
        assertThat(pairs)
                .allSatisfy(p -> assertThat(p.ratio())
                        .as("%s: %s on %s", p.where(), p.ink(), p.background())
                        .isGreaterThanOrEqualTo(Contrast.AA));
    }

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern CLASS = Pattern.compile("\\.([A-Za-z0-9_-]+)");

    /** A rule of the sheet: its selector and its declarations by property. */
    private record Rule(String selector, Map<String, String> declarations) {}

    private static List<Rule> rules(String sheet) {
        List<Rule> rules = new ArrayList<>();
        // media blocks are flattened: their rules are read like the others
        Matcher m = RULE.matcher(sheet.replaceAll("/\\*.*?\\*/", "").replaceAll("@media[^{]*\\{", ""));
        while (m.find()) {
            Map<String, String> declarations = new LinkedHashMap<>();
            for (String d : m.group(2).split(";")) {
                int colon = d.indexOf(':');
                if (colon > 0) {
                    declarations.put(
                            d.substring(0, colon).trim(), d.substring(colon + 1).trim());
                }
            }
            for (String selector : m.group(1).split(",")) {
                rules.add(new Rule(selector.trim(), declarations));
            }
        }
        return rules;
    }

    private static String colourOf(String value) {
        Matcher m = Pattern.compile("#[0-9a-fA-F]{6}\\b|#[0-9a-fA-F]{3}\\b").matcher(value);
        return m.find() ? m.group() : null;
    }

    @Test
    void everyTextColourOfThePagesStyleSheetMeetsAaOnItsBackground() {
        String html = HtmlReport.render(Assessed.example("venue/landscape.yaml"), "9.9.9");
        String sheet = org.jsoup.Jsoup.parse(html).selectFirst("head style").data();
        List<Rule> rules = rules(sheet);
        // the background a class paints, for text that a rule colours inside that class
        Map<String, String> classBackground = new LinkedHashMap<>();
        for (Rule r : rules) {
            String background = colourOf(
                    r.declarations().getOrDefault("background", r.declarations().getOrDefault("background-color", "")));
            Matcher single = Pattern.compile("^[a-z]*\\.([A-Za-z0-9_-]+)$").matcher(r.selector());
            if (background != null && single.find()) {
                classBackground.put(single.group(1), background);
            }
        }
        int checked = 0;
        for (Rule r : rules) {
            String ink = colourOf(r.declarations().getOrDefault("color", ""));
            if (ink == null) {
                continue;
            }
            String background = colourOf(
                    r.declarations().getOrDefault("background", r.declarations().getOrDefault("background-color", "")));
            if (background == null) {
                background = context(r.selector(), classBackground);
            }
            assertThat(Contrast.ratio(ink, background))
                    .as("%s { color: %s } on %s", r.selector(), ink, background)
                    .isGreaterThanOrEqualTo(Contrast.AA);
            checked++;
        }
        assertThat(checked).isGreaterThan(25);
        // the card labels that were grey on red: white on the critical card now
        assertThat(sheet).contains(".card.sev-critical .label { color: " + Palette.CRITICAL.ink() + "; }");
    }

    /** Where a rule's text sits: the header, the filter bar, a coloured class it names, or the page. */
    private static String context(String selector, Map<String, String> classBackground) {
        if (selector.startsWith("header") || selector.startsWith("nav")) {
            return Palette.HEADER;
        }
        List<String> classes = new ArrayList<>();
        CLASS.matcher(selector).results().forEach(m -> classes.add(m.group(1)));
        for (int i = classes.size() - 1; i >= 0; i--) {
            if (classBackground.containsKey(classes.get(i))) {
                return classBackground.get(classes.get(i));
            }
        }
        return Palette.PAGE;
    }
}
