package dev.mamori.model.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.Models;
import dev.mamori.model.syntax.PlainValues;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/**
 * The same model written as YAML and as JSON loads to the same landscape, and converting a file
 * (as {@code mamori convert} does) changes nothing it means. Models are generated at random, valid
 * by construction, with text chosen to trip YAML quoting ("true", "1.0", "#", ": ", "~", unicode).
 */
@Tag("slow")
class YamlJsonRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private static final String[] AWKWARD = {
        "plain",
        "true",
        "false",
        "null",
        "~",
        "yes",
        "no",
        "1.0",
        "007",
        "1e3",
        "a: b",
        "# not a comment",
        "- dash",
        "  padded  ",
        "quote \"here\"",
        "it's",
        "東京 2020",
        "emoji 🚦",
        "multi\nline",
        "@at",
        "`tick`",
        "%percent",
        "{brace}",
        "[bracket]",
        "*star",
        "&amp",
        "!bang",
        "|pipe",
        ">fold",
        ""
    };
    private static final String[] DEVICE_KINDS = {"sensor", "actuator", "camera", "gateway", "turnstile", "meter"};
    private static final String[] PLATFORM_KINDS = {"cloud", "broker", "database", "update-server"};
    private static final String[][] PROTOCOLS = {
        {"mqtt", "tls"},
        {"mqtt", "none"},
        {"coap", "dtls"},
        {"coap", "oscore"},
        {"https", "tls"},
        {"modbus-tcp", "none"},
        {"opc-ua", "opcua-sign-encrypt"},
        {"ble", "ble-secure"},
        {"lorawan", "lorawan"}
    };
    private static final String[] CREDENTIALS = {
        "unknown", "none", "default-shared", "fleet-shared", "user-defined", "unique", "certificate"
    };
    private static final String[] UPDATES = {
        "unknown", "none", "manual", "automatic", "signed-manual", "signed-automatic"
    };
    private static final String[] EXPOSURES = {"physical", "adjacent", "partner", "internet"};
    private static final String[] SEVERITIES = {"negligible", "marginal", "critical", "catastrophic"};

    /** A random valid model as plain values, the shape both writers take. */
    static Map<String, Object> model(long seed, int systems) {
        Random random = new Random(seed);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("mamori", 1);
        root.put("landscape", pick(random, AWKWARD) + " landscape");
        root.put("description", pick(random, AWKWARD));
        root.put(
                "stakeholders",
                Map.of("ops", Map.of("name", pick(random, AWKWARD), "roles", List.of("operator", "data-owner"))));
        Map<String, Object> systemMap = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (int s = 0; s < systems; s++) {
            String sid = "s" + s;
            Map<String, Object> system = new LinkedHashMap<>();
            system.put("name", pick(random, AWKWARD));
            system.put("owner", "ops");
            system.put("operator", "ops");
            system.put("category", random.nextBoolean() ? "consumer" : "industrial");
            system.put("zones", List.of("z1", "z2"));
            Map<String, Object> components = new LinkedHashMap<>();
            int count = 1 + random.nextInt(5);
            for (int c = 0; c < count; c++) {
                Map<String, Object> component = new LinkedHashMap<>();
                boolean device = random.nextInt(3) > 0;
                component.put("kind", device ? pick(random, DEVICE_KINDS) : pick(random, PLATFORM_KINDS));
                component.put("name", pick(random, AWKWARD));
                component.put("count", 1 + random.nextInt(10_000));
                component.put("zone", random.nextBoolean() ? "z1" : "z2");
                component.put("credentials", pick(random, CREDENTIALS));
                component.put("update", pick(random, UPDATES));
                if (random.nextBoolean()) {
                    component.put("secure-boot", random.nextBoolean());
                }
                if (random.nextBoolean()) {
                    component.put(
                            "exposure",
                            random.nextBoolean()
                                    ? pick(random, EXPOSURES)
                                    : List.of(pick(random, EXPOSURES), "physical"));
                }
                if (random.nextInt(4) == 0) {
                    component.put(
                            "support-until",
                            "20" + (20 + random.nextInt(20)) + "-0" + (1 + random.nextInt(9)) + "-1"
                                    + random.nextInt(10));
                }
                if (device && random.nextInt(3) == 0) {
                    component.put(
                            "hazards",
                            Map.of(
                                    "harm",
                                    Map.of(
                                            "severity",
                                            pick(random, SEVERITIES),
                                            "description",
                                            pick(random, AWKWARD))));
                }
                component.put("tags", List.of(pick(random, AWKWARD)));
                components.put("c" + c, component);
                all.add(sid + ".c" + c);
            }
            system.put("components", components);
            systemMap.put(sid, system);
        }
        root.put("systems", systemMap);
        List<Object> flows = new ArrayList<>();
        for (int f = 0; f < all.size(); f++) {
            String from = all.get(random.nextInt(all.size()));
            String to = all.get(random.nextInt(all.size()));
            if (from.equals(to)) {
                continue;
            }
            String[] protocol = PROTOCOLS[random.nextInt(PROTOCOLS.length)];
            Map<String, Object> flow = new LinkedHashMap<>();
            flow.put("id", "f" + f);
            flow.put("from", from);
            flow.put("to", to);
            flow.put("protocol", protocol[0]);
            flow.put("encryption", protocol[1]);
            flow.put("commands", random.nextBoolean());
            flow.put("description", pick(random, AWKWARD));
            flows.add(flow);
        }
        root.put("flows", flows);
        Map<String, Object> mission = new LinkedHashMap<>();
        mission.put("needs", Map.of("at-least", 1, "of", List.of(all.get(0), Map.of("any", all))));
        mission.put("rto", (1 + random.nextInt(59)) + "m");
        mission.put("max-downtime", (1 + random.nextInt(9)) + "h");
        root.put("missions", Map.of("m", mission));
        return root;
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static Landscape load(String name, String text) {
        LoadResult result = Models.files(Map.of(name, text), name);
        assertThat(result.valid())
                .as(name + "\n" + text + "\n" + Models.render(result.diagnostics()))
                .isTrue();
        return result.landscape().orElseThrow();
    }

    private static void assertSameMeaning(Landscape a, Landscape b) {
        assertThat(a)
                .usingRecursiveComparison()
                .ignoringFieldsOfTypes(SourceLocation.class)
                // flows and references keep their locations as parts
                .ignoringFieldsMatchingRegexes("(.*\\.)?(file|line|column)")
                .ignoringFields("files")
                .isEqualTo(b);
    }

    @Property(tries = 100)
    void yamlAndJsonOfOneModelMeanTheSame(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int systems)
            throws JsonProcessingException {
        Map<String, Object> model = model(seed, systems);
        Landscape fromYaml = load("m.yaml", YAML.writeValueAsString(model));
        Landscape fromJson = load("m.json", JSON.writeValueAsString(model));
        assertSameMeaning(fromYaml, fromJson);
        assertThat(fromYaml.name()).isEqualTo(model.get("landscape"));
    }

    @Property(tries = 100)
    void convertingAFileKeepsItsMeaning(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int systems)
            throws JsonProcessingException {
        String yaml = YAML.writeValueAsString(model(seed, systems));
        Object tree = PlainValues.of(new TreeReader(ReadLimits.DEFAULT)
                .read("m.yaml", yaml.getBytes(StandardCharsets.UTF_8), TreeReader.Syntax.YAML, new Diagnostics())
                .orElseThrow());
        String json = JSON.writeValueAsString(tree);
        String yamlAgain = YAML.writeValueAsString(PlainValues.of(new TreeReader(ReadLimits.DEFAULT)
                .read("m.json", json.getBytes(StandardCharsets.UTF_8), TreeReader.Syntax.JSON, new Diagnostics())
                .orElseThrow()));
        Landscape original = load("m.yaml", yaml);
        assertSameMeaning(original, load("m.json", json));
        assertSameMeaning(original, load("m.yaml", yamlAgain));
    }
}
