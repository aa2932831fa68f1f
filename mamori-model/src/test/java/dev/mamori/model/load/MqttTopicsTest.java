package dev.mamori.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.Landscape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MQTT topics on flows and the user name a component logs in to a broker with: what a broker ACL grants. */
class MqttTopicsTest {

    private static String model(String sensor, String flow) {
        return Models.BASE
                .replace(
                        "sensor: { kind: sensor, zone: lan-zone }",
                        "sensor: { kind: sensor, zone: lan-zone" + sensor + " }")
                .replace("      net: { kind: lan }\n", "      net: { kind: lan }\n    flows:\n      - " + flow + "\n");
    }

    private static int[] where(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as("%s in the model", needle).isNotNegative();
        int line =
                1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
        return new int[] {line, at - text.lastIndexOf('\n', at - 1)};
    }

    @Test
    void topicsAndTheUserNameAreRead() {
        Landscape l = Models.valid(model(
                ", mqtt-user: sensor-7",
                "{ from: sensor, to: hub, protocol: mqtt, topics: [site/+/temp, site/alarm/#, site/+/temp] }"));
        assertThat(l.systems().get("a").flows().get(0).topics())
                .as("in the order written, once each")
                .containsExactly("site/+/temp", "site/alarm/#");
        assertThat(l.systems().get("a").components().get("sensor").mqttUser()).contains("sensor-7");
        assertThat(l.systems().get("a").components().get("hub").mqttUser()).isEmpty();
        Landscape single = Models.valid(model("", "{ from: sensor, to: hub, protocol: mqtt, topics: \"#\" }"));
        assertThat(single.systems().get("a").flows().get(0).topics()).containsExactly("#");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b#", "a/#/c", "a+/b", "\" a/b\"", "\"\""})
    void aBadTopicFilterIsALocatedError(String topic) {
        String text = model("", "{ from: sensor, to: hub, protocol: mqtt, topics: [ok/1, " + topic + "] }");
        int[] at = where(text, topic + "]");
        DiagnosticsAssert.error(Models.load(text), "bad-mqtt", at[0], at[1], "topic filter");
    }

    @Test
    void topicsOnAnotherProtocolAreAnError() {
        String text = model("", "{ from: sensor, to: hub, protocol: coap, topics: [a/b] }");
        int[] at = where(text, "topics:");
        DiagnosticsAssert.error(Models.load(text), "bad-mqtt", at[0], at[1], "coap", "'topics'");
    }

    @Test
    void aUserNameWithABlankIsAnError() {
        String text = model(", mqtt-user: \"sensor 7\"", "{ from: sensor, to: hub, protocol: mqtt }");
        int[] at = where(text, "mqtt-user:");
        DiagnosticsAssert.error(Models.load(text), "bad-mqtt", at[0], at[1], "'mqtt-user'");
    }
}
