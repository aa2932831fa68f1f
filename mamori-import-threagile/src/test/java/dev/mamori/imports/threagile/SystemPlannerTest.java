package dev.mamori.imports.threagile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.mamori.imports.threagile.SystemPlan.Stakeholder;
import dev.mamori.model.Layer;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The system a Threagile model becomes, decided before anything is written. */
class SystemPlannerTest {

    /** A Threagile model read and checked, planned; fails on a malformed model. */
    static SystemPlan plan(String yaml, Diagnostics diagnostics) {
        ThreagileModel model = Fixtures.readModel(yaml, diagnostics);
        return new SystemPlanner(model, diagnostics).plan();
    }

    @Test
    void theOwnerOfMostAssetsInScopeOwnsTheSystemEvenIfAnotherOwnsMoreOutOfScope() {
        SystemPlan plan = plan("""
                title: Shop
                technical_assets:
                  Vendor Portal: { id: portal, owner: Vendor, out_of_scope: true }
                  Vendor CDN: { id: cdn, owner: Vendor, out_of_scope: true }
                  Shop Server: { id: server, owner: Shop Ops }
                """, new Diagnostics());
        assertThat(plan.ownerId()).isEqualTo("shop-ops");
        assertThat(plan.id()).isEqualTo("shop");
        assertThat(plan.name()).isEqualTo("Shop");
    }

    @Test
    void withoutOwnersInScopeTheOwnersOfAnyAssetThenOfDataCount() {
        assertThat(plan("""
                                technical_assets:
                                  Portal: { id: portal, owner: Vendor, out_of_scope: true }
                                data_assets:
                                  Orders: { id: orders, owner: Shop, confidentiality: internal, integrity: operational, availability: operational }
                                """, new Diagnostics()).ownerId()).isEqualTo("vendor");
        assertThat(plan("""
                                technical_assets:
                                  Portal: { id: portal }
                                data_assets:
                                  Orders: { id: orders, owner: Shop, confidentiality: internal, integrity: operational, availability: operational }
                                """, new Diagnostics()).ownerId()).isEqualTo("shop");
    }

    @Test
    void aModelThatNamesNoOwnerIsOwnedByAStakeholderToBeReplaced() {
        Diagnostics diagnostics = new Diagnostics();
        SystemPlan plan = plan("technical_assets:\n  Portal: { id: portal }\n", diagnostics);
        assertThat(plan.ownerId()).isEqualTo(SystemPlanner.UNKNOWN_OWNER_ID);
        assertThat(plan.stakeholders().values())
                .containsExactly(
                        new Stakeholder("unknown-owner", "Owner not stated in the Threagile model", List.of()));
        assertThat(diagnostics.sorted()).map(Diagnostic::message).anyMatch(m -> m.contains("'unknown-owner'"));
        // With no title, the system is named after the file.
        assertThat(plan.name()).isEqualTo("t");
    }

    @Test
    void stakeholdersComeInTheOrderFirstNamedWithTheRolesTheyTake() {
        SystemPlan plan = plan("""
                technical_assets:
                  Gateway: { id: gw, owner: Field Team }
                  Server: { id: server, owner: Ops Team }
                  Database: { id: db, owner: Ops Team }
                data_assets:
                  Readings: { id: readings, owner: Field-Team!, confidentiality: internal, integrity: operational, availability: operational }
                  Orders: { id: orders, owner: Ops Team, confidentiality: internal, integrity: operational, availability: operational }
                """, new Diagnostics());
        // The system's owner first, then owners of assets (operators), then of data (data owners);
        // two names that read as the same id get distinct ones.
        assertThat(plan.stakeholders().values())
                .containsExactly(
                        new Stakeholder("ops-team", "Ops Team", List.of("operator", "data-owner")),
                        new Stakeholder("field-team", "Field Team", List.of("operator")),
                        new Stakeholder("field-team-2", "Field-Team!", List.of("data-owner")));
        assertThat(plan.stakeholderId("Field-Team!")).isEqualTo("field-team-2");
    }

    @Test
    void componentsFlowsAndTheVpnShareOneSpaceOfIdsTakenInThatOrder() {
        Diagnostics diagnostics = new Diagnostics();
        SystemPlan plan = plan("""
                technical_assets:
                  Vpn Box:
                    id: vpn
                    communication_links:
                      Loop: { target: vpn, protocol: https }
                      "2": { target: gw, protocol: https, vpn: true }
                  Gateway:
                    id: gw
                    communication_links:
                      Up: { target: vpn, protocol: https, vpn: true }
                  Odd:
                    id: "odd id"
                """, diagnostics);
        assertThat(plan.componentIds())
                .containsExactly(entry("vpn", "vpn"), entry("gw", "gw"), entry("odd id", "odd-id"));
        // A link to its own asset has no flow; the flow "vpn-2" is taken before the VPN is named.
        assertThat(plan.flowIds()).containsExactly(entry("vpn>2", "vpn-2"), entry("gw>up", "gw-up"));
        assertThat(plan.vpn()).map(SystemPlan.Vpn::id).contains("vpn-3");
        assertThat(diagnostics.sorted())
                .map(Diagnostic::message)
                .contains("the id 'odd id' is written 'odd-id' in Mamori, whose ids are letters, digits, '-' and '_'");
    }

    @Test
    void kindsComeFromTheTechnologyThenTheTypeAndSetTheLayer() {
        SystemPlan plan = plan("""
                technical_assets:
                  Camera: { id: cam, technology: iot-device, tags: [camera] }
                  Sensor: { id: sensor, technology: iot }
                  Api Gateway: { id: api, technology: gateway, machine: container }
                  Store: { id: store, type: datastore }
                  Desk: { id: desk, used_as_client_by_human: true }
                """, new Diagnostics());
        assertThat(plan.componentKinds().get("cam"))
                .isEqualTo(new ComponentKinds.ComponentKind("camera", Layer.DEVICE, false));
        assertThat(plan.componentKinds().get("sensor").kind()).isEqualTo(ThreagileVocabulary.IOT_DEVICE);
        assertThat(plan.componentKinds().get("api").kind()).isEqualTo("api");
        assertThat(plan.componentKinds().get("store").kind()).isEqualTo("database");
        assertThat(plan.componentKinds().get("desk").kind()).isEqualTo("workstation");
        assertThat(plan.componentKinds().get("desk").layer()).isEqualTo(Layer.SERVICE);
        assertThat(plan.usesIotDeviceKind()).isTrue();
    }

    @Test
    void dataIsSensitiveWhenItsConfidentialityMattersHighlyOrItIsPersonal() {
        SystemPlan plan = plan("""
                data_assets:
                  Keys: { id: keys, confidentiality: strictly-confidential, integrity: critical, availability: critical }
                  Names: { id: names, tags: [PII], confidentiality: internal, integrity: operational, availability: operational }
                  Menu: { id: menu, confidentiality: public, integrity: operational, availability: operational }
                """, new Diagnostics());
        assertThat(plan.sensitiveDataIds()).containsExactlyInAnyOrder("keys", "names");
    }
}
