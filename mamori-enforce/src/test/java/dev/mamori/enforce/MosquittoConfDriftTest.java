package dev.mamori.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A deployed Mosquitto configuration against what the model asks of its broker. */
class MosquittoConfDriftTest {

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
                .get("plant.broker.conf");
    }

    private static List<Drift.Difference> drift(String conf) throws Drift.Unreadable {
        return MosquittoConfDrift.compare(broker(), conf, "b.conf").differences();
    }

    @Test
    void theGeneratedConfigurationHasNoDrift() throws Exception {
        assertThat(drift(generated())).isEmpty();
    }

    @Test
    void whetherTheFileRefusesClientsWithoutANameIsSaidWithItsPlace() throws Exception {
        String conf = generated();
        int line = Landscapes.line(conf, "allow_anonymous false");
        assertThat(MosquittoConfDrift.compare(broker(), conf, "b.conf").anonymousRefused())
                .contains("b.conf:" + line);
        String unsaid = conf.replace("allow_anonymous false\n", "");
        assertThat(MosquittoConfDrift.compare(broker(), unsaid, "b.conf").anonymousRefused())
                .contains("b.conf (no allow_anonymous: false by default)");
        // With settings per listener, one listener that lets them in is enough.
        String oneListener = conf + "listener 1884\nallow_anonymous true\n";
        assertThat(MosquittoConfDrift.compare(broker(), oneListener, "b.conf").anonymousRefused())
                .isEmpty();
    }

    @Test
    void noAclNoPasswordsAndNoListenerAreEachFound() throws Exception {
        String conf = generated()
                .lines()
                .filter(l -> !l.startsWith("acl_file") && !l.startsWith("password_file") && !l.startsWith("listener"))
                .reduce("", (a, b) -> a + b + "\n");
        List<Drift.Difference> found = drift(conf);
        assertThat(found)
                .extracting(Drift.Difference::deployed)
                .containsExactlyInAnyOrder(
                        "b.conf has no acl_file",
                        "b.conf has no password_file",
                        "b.conf has no listener 1883 127.0.0.10");
        assertThat(found).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Drift.Kind.NOT_IN_MODEL);
            assertThat(d.message()).contains("has no ACL: every client that logs in may publish and subscribe");
        });
        assertThat(found).allSatisfy(d -> assertThat(d.model().line()).isEqualTo(Landscapes.line(PLANT, "broker: {")));
    }

    @Test
    void aListenerOnEveryAddressAndSettingsPerListenerAreFound() throws Exception {
        String conf = generated()
                .replace("listener 1883 127.0.0.10", "listener 1883")
                .replace("per_listener_settings false", "per_listener_settings true");
        List<Drift.Difference> found = drift(conf);
        assertThat(found).hasSize(2).allSatisfy(d -> assertThat(d.kind()).isEqualTo(Drift.Kind.NOT_IN_MODEL));
        assertThat(found)
                .anySatisfy(d -> assertThat(d.message())
                        .contains("listens on port 1883 at every address, not only at 127.0.0.10"));
        assertThat(found).anySatisfy(d -> assertThat(d.message()).startsWith("per_listener_settings true"));
    }

    @Test
    void anIncludedFolderIsNamedAsNotRead() throws Exception {
        var result =
                MosquittoConfDrift.compare(broker(), generated() + "include_dir /etc/mosquitto/conf.d\n", "b.conf");
        assertThat(result.differences()).isEmpty();
        assertThat(result.notes()).singleElement().asString().contains("/etc/mosquitto/conf.d are not read");
    }

    @Test
    void aValueMosquittoWouldRefuseIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> drift("allow_anonymous maybe\n"))
                .isInstanceOf(Drift.Unreadable.class)
                .hasMessage("b.conf:1: allow_anonymous is true or false, not 'maybe'");
        assertThatThrownBy(() -> drift("\nlistener\n"))
                .isInstanceOf(Drift.Unreadable.class)
                .hasMessage("b.conf:2: 'listener' without a value");
    }
}
