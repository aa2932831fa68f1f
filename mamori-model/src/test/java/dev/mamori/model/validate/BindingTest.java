package dev.mamori.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.Component;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Flow;
import dev.mamori.model.Landscape;
import dev.mamori.model.Layer;
import dev.mamori.model.Mission;
import dev.mamori.model.Needs;
import dev.mamori.model.Scales;
import dev.mamori.model.load.Models;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Defaults and shorthands: what a model means when it says little. */
class BindingTest {

    @Test
    void componentDefaults() {
        Component hub =
                Models.valid(Models.BASE).systems().get("a").components().get("hub");
        assertThat(hub.id()).isEqualTo("a.hub");
        assertThat(hub.localId()).isEqualTo("hub");
        assertThat(hub.name()).isEqualTo("hub");
        assertThat(hub.layer()).as("a gateway's first layer").isEqualTo(Layer.DEVICE);
        assertThat(hub.count()).isEqualTo(1);
        assertThat(hub.credentials()).isEqualTo(Scales.Credentials.UNKNOWN);
        assertThat(hub.update()).isEqualTo(Scales.UpdatePath.UNKNOWN);
        assertThat(hub.secureBoot()).isEmpty();
        assertThat(hub.exposure()).isEmpty();
        assertThat(hub.tenancy()).isEqualTo(Scales.Tenancy.SINGLE);
        assertThat(hub.safetyFunction()).isFalse();
        assertThat(Models.valid(Models.BASE)
                        .systems()
                        .get("a")
                        .components()
                        .get("net")
                        .layer())
                .isEqualTo(Layer.NETWORK);
    }

    @Test
    void componentFactsAsWritten() {
        Landscape landscape = Models.valid(Models.BASE.replace(
                "hub: { kind: gateway }",
                "hub: { kind: gateway, layer: network, count: 12, credentials: default-shared, update: signed-automatic,"
                        + " secure-boot: false, debug: uart, exposure: [internet, physical], support-until: 2027-01-31,"
                        + " hazards: { fire: { severity: critical, interlock: fuse } },"
                        + " certifications: [{ scheme: jc-star, level: '1', until: 2028-03-31 }] }"));
        Component hub = landscape.systems().get("a").components().get("hub");
        assertThat(hub.layer()).isEqualTo(Layer.NETWORK);
        assertThat(hub.count()).isEqualTo(12);
        assertThat(hub.credentials()).isEqualTo(Scales.Credentials.DEFAULT_SHARED);
        assertThat(hub.update()).isEqualTo(Scales.UpdatePath.SIGNED_AUTOMATIC);
        assertThat(hub.secureBoot()).contains(false);
        assertThat(hub.debug()).containsExactly("uart");
        assertThat(hub.exposure()).isEqualTo(EnumSet.of(Scales.Exposure.INTERNET, Scales.Exposure.PHYSICAL));
        assertThat(hub.supportUntil())
                .hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2027-01-31"));
        assertThat(hub.hazards()).singleElement().satisfies(h -> {
            assertThat(h.id()).isEqualTo("a.hub.fire");
            assertThat(h.severity()).isEqualTo(Scales.HazardSeverity.CRITICAL);
            assertThat(h.interlock()).contains("fuse");
        });
        assertThat(hub.certifications()).singleElement().satisfies(c -> {
            assertThat(c.scheme()).isEqualTo("jc-star");
            assertThat(c.level()).contains("1");
        });
    }

    @Test
    void flowsTakeTheirProtocolsDefaults() {
        Landscape landscape = Models.valid(Models.BASE
                + "flows:\n  - { from: a.hub, to: b.cloud, protocol: https, agreement: X }\n"
                + "  - { id: raw, from: a.sensor, to: a.hub, protocol: mqtt, commands: true }\n");
        Flow https = landscape.flows().get(0);
        assertThat(https.encryption()).isEqualTo("tls");
        assertThat(https.authentication()).isEqualTo("none");
        assertThat(https.commands()).isFalse();
        assertThat(https.named()).isFalse();
        Flow mqtt = landscape.flows().get(1);
        assertThat(mqtt.encryption()).isEqualTo("none");
        assertThat(mqtt.id()).isEqualTo("raw");
        assertThat(mqtt.named()).isTrue();
        assertThat(mqtt.authorization()).isEqualTo(Scales.Authorization.NONE);
    }

    @Test
    void confidentialityFollowsTheClassificationUnlessSaid() {
        Landscape landscape = Models.valid(Models.BASE
                + "data:\n  a1: { owner: ops, classification: restricted }\n"
                + "  a2: { owner: ops, classification: public, confidentiality: high, integrity: critical }\n");
        DataAsset a1 = landscape.data().get("a1");
        assertThat(a1.confidentiality()).isEqualTo(Scales.Need.CRITICAL);
        assertThat(a1.integrity()).isEqualTo(Scales.Need.MEDIUM);
        DataAsset a2 = landscape.data().get("a2");
        assertThat(a2.confidentiality()).isEqualTo(Scales.Need.HIGH);
        assertThat(a2.integrity()).isEqualTo(Scales.Need.CRITICAL);
    }

    @Test
    void needsExpressionsNest() {
        Landscape landscape = Models.valid(Models.BASE
                + "missions:\n  m:\n    needs: { all: [a.hub, { any: [a.sensor, b.cloud] }, { at-least: 1, of: [a.sensor] }] }\n"
                + "    rto: 1h30m\n    max-downtime: PT2H\n"
                + "    degraded-modes: [manual]\n  n: { needs: [a.hub, b.cloud] }\n  o: { needs: a.hub }\n");
        Mission m = landscape.missions().get("m");
        assertThat(m.needs()).isInstanceOf(Needs.All.class);
        assertThat(m.needs().parts()).hasSize(3);
        assertThat(m.needs().parts().get(1)).isInstanceOf(Needs.Any.class);
        assertThat(((Needs.AtLeast) m.needs().parts().get(2)).k()).isEqualTo(1);
        assertThat(m.needs().references())
                .extracting(r -> r.text())
                .containsExactly("a.hub", "a.sensor", "b.cloud", "a.sensor");
        assertThat(m.rto()).contains(Duration.ofMinutes(90));
        assertThat(m.maxTolerableDowntime()).contains(Duration.ofHours(2));
        assertThat(m.degradedModes())
                .singleElement()
                .satisfies(d -> assertThat(d.id()).isEqualTo("manual"));
        assertThat(landscape.missions().get("n").needs()).isInstanceOf(Needs.All.class);
        assertThat(landscape.missions().get("o").needs()).isInstanceOf(Needs.One.class);
    }

    @Test
    void responsibilitiesCoverEveryPhaseUnlessSaid() {
        Landscape landscape = Models.valid(
                Models.BASE
                        + "responsibilities:\n  - { for: a.hub, responsible: ops }\n  - { for: a, phases: [design, build], accountable: ops }\n");
        assertThat(landscape.responsibilities().get(0).phases()).hasSize(7);
        assertThat(landscape.responsibilities().get(1).phases())
                .containsExactlyInAnyOrder(Scales.Phase.DESIGN, Scales.Phase.BUILD);
    }

    @Test
    void zonesMayBeWrittenAsAListOfIds() {
        var zone = Models.valid(Models.BASE).systems().get("a").zones().get("lan-zone");
        assertThat(zone.id()).isEqualTo("a.lan-zone");
        assertThat(zone.trust()).isEqualTo(Scales.Trust.MEDIUM);
        assertThat(zone.kind()).isEqualTo(Scales.ZoneKind.GENERAL);
    }

    @Test
    void yamlAndJsonMeanTheSame() {
        String json = """
                {"mamori": 1, "landscape": "J", "stakeholders": {"ops": {"roles": ["operator"]}},
                 "systems": {"a": {"owner": "ops", "operator": "ops", "category": "consumer",
                   "components": {"x": {"kind": "sensor", "count": 3}}}}}
                """;
        String yaml = """
                mamori: 1
                landscape: J
                stakeholders: { ops: { roles: [operator] } }
                systems:
                  a: { owner: ops, operator: ops, category: consumer, components: { x: { kind: sensor, count: 3 } } }
                """;
        Component fromJson = Models.valid(json).systems().get("a").components().get("x");
        Component fromYaml = Models.valid(yaml).systems().get("a").components().get("x");
        assertThat(fromJson)
                .usingRecursiveComparison()
                .ignoringFieldsOfTypes(dev.mamori.model.diagnostics.SourceLocation.class)
                .isEqualTo(fromYaml);
    }
}
