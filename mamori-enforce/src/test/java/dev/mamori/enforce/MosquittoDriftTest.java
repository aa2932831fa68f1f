package dev.mamori.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A deployed Mosquitto ACL against the model's grants. */
class MosquittoDriftTest {

    private static final String PLANT = Landscapes.plant();

    private static MosquittoTarget.Broker broker() {
        var problems = new ArrayList<dev.mamori.model.diagnostics.Diagnostic>();
        var brokers = MosquittoTarget.grants(Landscapes.load(PLANT), Optional.empty(), problems);
        assertThat(problems).isEmpty();
        return brokers.get("plant.broker");
    }

    private static String generated() {
        return MosquittoTarget.generate(Landscapes.load(PLANT), Optional.empty(), "/etc/mosquitto/mamori")
                .files()
                .get("plant.broker.acl");
    }

    @Test
    void theGeneratedAclHasNoDrift() throws Exception {
        assertThat(MosquittoDrift.compare(broker(), generated(), "broker.acl")).isEmpty();
    }

    @Test
    void aGrantAddedByHandIsFoundAtItsLine() throws Exception {
        String acl = generated() + "topic readwrite plant/setpoint\n";
        int line = (int) acl.lines().count();
        var found = MosquittoDrift.compare(broker(), acl, "broker.acl");
        assertThat(found).hasSize(2).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Drift.Kind.NOT_IN_MODEL);
            assertThat(d.deployed()).isEqualTo("broker.acl:" + line);
            assertThat(d.message()).contains("user hmi may", "plant/setpoint");
        });
    }

    @Test
    void aModelledGrantMissingIsFoundAtTheFlow() throws Exception {
        String acl = generated().replace("topic read plant/#\n", "topic read plant/telemetry/#\n");
        var found = MosquittoDrift.compare(broker(), acl, "broker.acl");
        assertThat(found).hasSize(2);
        assertThat(found).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Drift.Kind.NOT_DEPLOYED);
            assertThat(d.model().line()).isEqualTo(Landscapes.line(PLANT, "id: dashboard"));
            assertThat(d.message()).contains("user app may subscribe to plant/#");
        });
        assertThat(found).anySatisfy(d -> assertThat(d.message()).contains("plant/telemetry/#", "no flow"));
    }

    @Test
    void aLineMosquittoWouldNotReadIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> MosquittoDrift.compare(broker(), "user hmi\nallow everything\n", "broker.acl"))
                .isInstanceOf(Drift.Unreadable.class)
                .hasMessageStartingWith("broker.acl:2: 'allow'");
    }
}
