package dev.mamori.model.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The YAML parser calls text what it calls text without asking SnakeYAML's resolver: that must be
 * what the resolver answers, and the tokens those of Jackson's own YAML parser.
 */
class InMemoryYamlFactoryTest {

    /** The resolver's own table: the implicit types it tries for a scalar's first character. */
    private static final class Table extends Resolver {
        /** Each as SnakeYAML describes it ("Tuple tag=… regexp=…"; the tuple's class is its own). */
        List<String> typesFor(char first) {
            List<String> types = new ArrayList<>();
            List<?> tuples = yamlImplicitResolvers.get(first);
            if (tuples != null) {
                tuples.forEach(t -> types.add(t.toString()));
            }
            return types;
        }
    }

    private static final String[] WORDS = {
        "true",
        "True",
        "false",
        "FALSE",
        "yes",
        "Yes",
        "no",
        "NO",
        "on",
        "Off",
        "y",
        "n",
        "~",
        "null",
        "Null",
        "12",
        "-3",
        "+4",
        "0x1f",
        "0b101",
        "017",
        "1_000",
        "1.5",
        "-.5",
        ".inf",
        "-.Inf",
        ".NaN",
        "6.02e23",
        "1:20",
        "2026-01-01",
        "2026-1-1 10:00:00",
        "=",
        "<<",
        "sys0.d6",
        "device",
        "gateway-0",
        "a b",
        "e1",
        "E5",
        "inf",
        "nan",
        "Z",
        "x",
        "Yes please",
        "no-reply",
        "true-ish",
        "offline",
        "tls",
        "Mqtt",
        "éclair",
        "$HOME",
        "_x",
        "/a"
    };

    @Test
    void whatItCallsTextTheResolverCallsText() {
        Resolver resolver = new Resolver();
        Table table = new Table();
        Random random = new Random(3);
        String tails = "abcxyzTFNOYonulesrE0123456789.:-_+ ~/$";
        int letters = 0;
        for (char first = 0; first < 0x3000; first++) {
            if (!InMemoryYamlFactory.isAsciiLetter(first)) {
                continue;
            }
            letters++;
            assertThat(table.typesFor(first))
                    .as("types starting with '%s'", first)
                    .allMatch(type -> type.contains("tag=" + Tag.BOOL + " ") || type.contains("tag=" + Tag.NULL + " "));
            for (int i = 0; i < 400; i++) {
                StringBuilder value = new StringBuilder().append(first);
                for (int n = random.nextInt(6); n > 0; n--) {
                    value.append(tails.charAt(random.nextInt(tails.length())));
                }
                String text = value.toString();
                if (!InMemoryYamlFactory.LETTERED_WORDS.contains(text)) {
                    assertThat(resolver.resolve(NodeId.scalar, text, true))
                            .as(text)
                            .isEqualTo(Tag.STR);
                }
            }
        }
        assertThat(letters).isEqualTo(52);
        assertThat(table.typesFor('y')).anyMatch(type -> type.contains("tag=" + Tag.BOOL + " "));
        assertThat(table.typesFor('n')).anyMatch(type -> type.contains("tag=" + Tag.NULL + " "));
        for (String word : InMemoryYamlFactory.LETTERED_WORDS) {
            Tag tag = resolver.resolve(NodeId.scalar, word, true);
            // the single letters are text to the resolver; Jackson is asked about them all the same
            assertThat(tag).as(word).isIn(Tag.BOOL, Tag.NULL, Tag.STR);
        }
    }

    @Test
    void theTokensAreThoseOfJacksonsOwnParser() throws Exception {
        InMemoryYamlFactory fast = new InMemoryYamlFactory(new LoaderOptions(), StreamReadConstraints.defaults());
        YAMLFactory plain = new YAMLFactory();
        Random random = new Random(17);
        for (int doc = 0; doc < 200; doc++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                String value = switch (random.nextInt(4)) {
                    case 0 -> "'" + word + "'";
                    case 1 -> "\"" + word + "\"";
                    case 2 -> "!!str " + word;
                    default -> word;
                };
                if (random.nextBoolean()) {
                    text.append("k").append(i).append(": ").append(value).append('\n');
                } else {
                    text.append("k")
                            .append(i)
                            .append(":\n  - ")
                            .append(value)
                            .append("\n  - ")
                            .append(word)
                            .append('\n');
                }
            }
            assertThat(tokens(fast.parser(text.toString())))
                    .as(text.toString())
                    .isEqualTo(tokens(plain.createParser(text.toString())));
        }
    }

    private static List<String> tokens(JsonParser parser) throws Exception {
        List<String> out = new ArrayList<>();
        try (parser) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                out.add(token + " " + parser.getText());
            }
        }
        return out;
    }
}
