package dev.mamori.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the Mosquitto target writes for a model, read as text. */
class MosquittoTargetTest {

    private static final String PLANT = Landscapes.plant();

    private static Generated generate(String text) {
        return MosquittoTarget.generate(Landscapes.load(text), Optional.empty(), "/etc/mosquitto/mamori");
    }

    @Test
    void eachClientIsGrantedTheTopicsOfItsFlowsAndNothingElse() {
        Generated g = generate(PLANT);
        assertThat(g.problems()).isEmpty();
        assertThat(g.files()).containsOnlyKeys("plant.broker.acl", "plant.broker.conf");
        int telemetry = Landscapes.line(PLANT, "id: telemetry");
        int dashboard = Landscapes.line(PLANT, "id: dashboard");
        assertThat(g.files().get("plant.broker.acl"))
                .as("users in name order, each line under the flow that asked for it; no anonymous section")
                .endsWith("\nuser app\n# flow plant.dashboard plant.yaml:" + dashboard + "\ntopic read plant/#\n"
                        + "\nuser hmi\n# flow plant.telemetry plant.yaml:" + telemetry
                        + "\ntopic write plant/telemetry/#\n")
                .doesNotContain("readwrite");
        assertThat(g.files().get("plant.broker.conf"))
                .contains("allow_anonymous false\n")
                .contains("listener 1883 127.0.0.10\n")
                .contains("acl_file /etc/mosquitto/mamori/plant.broker.acl\n")
                .contains("password_file /etc/mosquitto/mamori/plant.broker.passwd\n");
    }

    @Test
    void anAnonymousFlowOpensTheBrokerToAnonymousClientsForItsTopicsOnly() {
        String text = PLANT.replace(
                "protocol: mqtt, authentication: password, topics: [plant/telemetry/#] }",
                "protocol: mqtt, topics: [plant/telemetry/#, plant/status] }");
        Generated g = generate(text);
        assertThat(g.problems()).isEmpty();
        String acl = g.files().get("plant.broker.acl");
        assertThat(acl.substring(0, acl.indexOf("\nuser ")))
                .as("before the first user line: what anonymous clients may do")
                .contains("topic write plant/telemetry/#\ntopic write plant/status\n");
        assertThat(acl).doesNotContain("user hmi");
        assertThat(g.files().get("plant.broker.conf")).contains("allow_anonymous true");
    }

    @Test
    void aFlowWithoutTopicsOrAClientWithoutUserIsRefusedWhereTheFlowIsWritten() {
        String text = PLANT.replace(", topics: [plant/telemetry/#]", "").replace(", mqtt-user: app", "");
        Generated g = generate(text);
        assertThat(g.files()).as("nothing is written when anything is missing").isEmpty();
        assertThat(g.problems()).hasSize(2);
        assertThat(g.problems().get(0).message()).contains("plant.telemetry", "no 'topics'", "publish");
        assertThat(g.problems().get(0).at().line()).isEqualTo(Landscapes.line(text, "id: telemetry"));
        assertThat(g.problems().get(1).message()).contains("plant.dashboard", "plant.app", "no 'mqtt-user'");
        assertThat(g.problems().get(1).at().line()).isEqualTo(Landscapes.line(text, "id: dashboard"));
    }

    @Test
    void mqttBetweenTwoClientsIsRefused() {
        String text = PLANT.replace("from: broker, to: app, protocol: mqtt", "from: hmi, to: app, protocol: mqtt");
        Generated g = generate(text);
        assertThat(g.problems())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("neither of kind 'broker'"));
    }

    @Test
    void theSameModelGivesTheSameBytes() {
        assertThat(generate(PLANT).files()).isEqualTo(generate(PLANT).files());
    }
}
