package dev.mamori.imports.threagile;

import static dev.mamori.imports.threagile.Fixtures.component;
import static dev.mamori.imports.threagile.Fixtures.data;
import static dev.mamori.imports.threagile.Fixtures.flow;
import static dev.mamori.imports.threagile.Fixtures.importFixture;
import static dev.mamori.imports.threagile.Fixtures.map;
import static dev.mamori.imports.threagile.Fixtures.model;
import static dev.mamori.imports.threagile.Fixtures.printed;
import static dev.mamori.imports.threagile.Fixtures.system;
import static dev.mamori.imports.threagile.Fixtures.treatments;
import static dev.mamori.imports.threagile.Fixtures.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each fixture covers one part of the mapping of docs/import-threagile.md, asserted element by element. */
class ThreagileImporterTest {

    @Nested
    class TechnicalAssets {
        private final ImportResult result = importFixture("technical-assets.yaml");
        private final Map<String, Object> model = model(result);

        @Test
        void iotDevicesAreOnTheDeviceLayerWithTheKindTheirTagsName() {
            assertThat(component(model, "door-lock"))
                    .containsEntry("name", "Door Lock")
                    .containsEntry("kind", "lock")
                    .containsEntry("operator", "facility-services")
                    .containsEntry("tags", List.of("lock", "building-a"))
                    .doesNotContainKey("layer");
            // No tag names a kind: the generic kind the import declares in the model's vocabulary.
            assertThat(component(model, "room-sensor")).containsEntry("kind", "iot-device");
            assertThat(map(map(map(model.get("vocabulary")).get("component-kinds"))
                            .get("iot-device")))
                    .containsEntry("layers", List.of("device"));
        }

        @Test
        void gatewaysAreDevicesUnlessTheyRunInContainers() {
            assertThat(component(model, "floor-gateway"))
                    .containsEntry("kind", "gateway")
                    .containsEntry("exposure", "internet")
                    .doesNotContainKey("layer");
            assertThat(component(model, "api-gateway")).containsEntry("kind", "api");
        }

        @Test
        void servicesPlatformsAndClients() {
            assertThat(component(model, "portal"))
                    .containsEntry("kind", "web-app")
                    .containsEntry("exposure", "internet");
            assertThat(component(model, "building-broker"))
                    .containsEntry("kind", "broker")
                    .containsEntry("operator", "cloud-partner")
                    .containsEntry("tenancy", "multi-shared");
            assertThat(component(model, "event-store")).containsEntry("kind", "database");
            assertThat(component(model, "operator-laptop"))
                    .containsEntry("kind", "workstation")
                    .containsEntry("layer", "service")
                    .containsEntry("tags", List.of("out-of-scope"))
                    .doesNotContainKey("operator");
        }

        @Test
        void withoutAKnownTechnologyTheTypeDecides() {
            assertThat(component(model, "archive")).containsEntry("kind", "database");
            assertThat(component(model, "vendor-service")).containsEntry("kind", "cloud");
            assertThat(component(model, "mystery-box")).containsEntry("kind", "application");
        }

        @Test
        void whatHasNoKeyIsKeptInTheDescription() {
            assertThat(component(model, "operator-laptop").get("description"))
                    .isEqualTo("Threagile: technology desktop; type external-entity; used as a client by people;"
                            + " out of scope (Managed by corporate IT)");
        }

        @Test
        void theMostCommonOwnerOwnsTheSystemAndOwnersAreStakeholders() {
            assertThat(system(model))
                    .containsEntry("owner", "facility-services")
                    .containsEntry("category", "enterprise");
            assertThat(map(model.get("stakeholders")))
                    .containsOnlyKeys("facility-services", "cloud-partner")
                    .containsEntry("cloud-partner", Map.of("name", "Cloud Partner", "roles", List.of("operator")));
        }

        @Test
        void warnings() {
            assertThat(printed(result))
                    .containsExactly(
                            "technical-assets.yaml:58:5: warning: technical asset 'Operator Laptop' is out of scope in"
                                    + " Threagile; Mamori has no scope and assesses it like any component (it is tagged"
                                    + " out-of-scope)",
                            "technical-assets.yaml:67:17: warning: 'quantum-computer' is not a Threagile technology this"
                                    + " import knows; the kind is chosen from the asset's type (process)");
        }
    }

    @Nested
    class CommunicationLinks {
        private final ImportResult result = importFixture("communication-links.yaml");
        private final Map<String, Object> model = model(result);

        @Test
        void aLinkIsAFlowFromItsSourceCarryingWhatItSendsAndReceives() {
            assertThat(flow(model, "pump-report"))
                    .containsOnly(
                            entry("id", "pump-report"),
                            entry("from", "pump"),
                            entry("to", "edge"),
                            entry("protocol", "mqtt"),
                            entry("encryption", "none"),
                            entry("authentication", "none"),
                            entry("data", List.of("telemetry")),
                            entry(
                                    "description",
                                    "Threagile: link 'Report' (pump>report); protocol mqtt; authentication none;"
                                            + " sends telemetry"));
            assertThat(flow(model, "edge-read-pump"))
                    .containsEntry("protocol", "https")
                    .containsEntry("encryption", "tls")
                    .containsEntry("authentication", "token")
                    .containsEntry("authorization", "per-command")
                    .containsEntry("data", List.of("telemetry"))
                    .doesNotContainKey("commands");
        }

        @Test
        void writesToAnIotDeviceShellsAndDevopsWritesAreCommands() {
            assertThat(flow(model, "edge-set-pump"))
                    .containsEntry("commands", true)
                    .containsEntry("authentication", "certificate")
                    .containsEntry("authorization", "role-based");
            assertThat(flow(model, "engineering-maintenance-shell")).containsEntry("commands", true);
            assertThat(flow(model, "engineering-configure"))
                    .containsEntry("commands", true)
                    .containsEntry("authentication", "token")
                    .containsEntry("tags", List.of("two-factor"));
            // Read-only, or an ordinary business link: data only.
            assertThat(flow(model, "edge-read-pump")).doesNotContainKey("commands");
            assertThat(flow(model, "edge-archive")).doesNotContainKey("commands");
        }

        @Test
        void aVpnIsANetworkComponentTheFlowTravelsOver() {
            assertThat(flow(model, "edge-archive"))
                    .containsEntry("protocol", "sql")
                    .containsEntry("encryption", "none")
                    .containsEntry("network", List.of("vpn"))
                    .containsEntry("tags", List.of("nightly", "ip-filtered"))
                    .containsEntry("data", List.of("telemetry", "setpoints"));
            assertThat(component(model, "vpn")).containsEntry("kind", "vpn");
        }

        @Test
        void protocolsOutsideMamorisVocabularyAreDeclaredInTheModel() {
            assertThat(flow(model, "edge-directory-lookup"))
                    .containsEntry("protocol", "ldap")
                    .containsEntry("encryption", "tls")
                    .containsEntry("authentication", "password");
            assertThat(flow(model, "engineering-local-library"))
                    .containsEntry("protocol", "in-process")
                    .containsEntry("encryption", "host-local");
            Map<String, Object> vocabulary = map(model.get("vocabulary"));
            assertThat(map(vocabulary.get("protocols"))).containsOnlyKeys("in-process", "ldap");
            assertThat(map(map(vocabulary.get("encryption")).get("host-local"))).containsEntry("strength", "strong");
        }

        @Test
        void unknownWordsFallBackAndSelfLinksAreLeftOut() {
            assertThat(flow(model, "engineering-legacy-console"))
                    .containsEntry("protocol", "proprietary")
                    .containsEntry("encryption", "none")
                    .containsEntry("authentication", "none")
                    .doesNotContainKey("authorization");
            assertThat(Fixtures.list(system(model).get("flows"))).hasSize(9);
        }

        @Test
        void warnings() {
            assertThat(printed(result))
                    .containsExactly(
                            "communication-links.yaml:54:25: warning: Threagile's authentication 'session-id' reads as"
                                    + " 'token', which sql cannot carry in Mamori's vocabulary; the flow says 'password',"
                                    + " the nearest it can",
                            "communication-links.yaml:63:7: warning: communication link 'Loopback' goes from technical"
                                    + " asset 'Edge Server' to itself; a Mamori flow joins two components, so it is not"
                                    + " imported",
                            "communication-links.yaml:86:25: warning: Threagile's authentication 'none' cannot be"
                                    + " written on an ssh flow in Mamori's vocabulary; the flow says 'password', the"
                                    + " nearest it can",
                            "communication-links.yaml:95:19: warning: 'carrier-pigeon' is not a Threagile protocol this"
                                    + " import knows; the flow is imported as 'proprietary' without encryption",
                            "communication-links.yaml:96:25: warning: 'fingerprint' is not a Threagile authentication;"
                                    + " the flow is imported as unauthenticated",
                            "communication-links.yaml:97:24: warning: 'everyone' is not a Threagile authorization; the"
                                    + " flow is imported without authorization");
            assertThat(result.yaml().orElseThrow())
                    .contains("# Not imported: communication link 'Loopback' of edge (communication-links.yaml:63:7)");
        }
    }

    @Nested
    class TrustBoundaries {
        private final ImportResult result = importFixture("trust-boundaries.yaml");
        private final Map<String, Object> model = model(result);

        @Test
        void networkBoundariesAreFlatZonesAndAssetsSitInTheInnermost() {
            assertThat(map(system(model).get("zones"))).containsOnlyKeys("corp-cloud", "public-dmz", "plant-floor");
            assertThat(zone(model, "corp-cloud"))
                    .containsEntry("name", "Corporate Cloud")
                    .doesNotContainKey("kind")
                    .containsEntry(
                            "description",
                            "The cloud tenant. Threagile trust boundary of type network-cloud-provider; holds"
                                    + " public-dmz, secrets-host; Threagile tags: aws");
            assertThat(zone(model, "public-dmz"))
                    .containsEntry("kind", "dmz")
                    .containsEntry(
                            "description",
                            "Threagile trust boundary of type network-cloud-security-group; nested in corp-cloud");
            assertThat(component(model, "web")).containsEntry("zone", "public-dmz");
            assertThat(component(model, "app")).containsEntry("zone", "corp-cloud");
            assertThat(component(model, "sensor"))
                    .containsEntry("zone", "plant-floor")
                    .containsEntry("kind", "sensor");
            assertThat(component(model, "phone")).doesNotContainKey("zone");
        }

        @Test
        void anExecutionEnvironmentIsATagInTheZoneAroundIt() {
            assertThat(component(model, "vault"))
                    .containsEntry("zone", "corp-cloud")
                    .containsEntry("kind", "pki")
                    .containsEntry("tags", List.of("execution-environment:secrets-host"));
            assertThat(result.yaml().orElseThrow())
                    .contains("# secrets-host (Secrets Host) is a Threagile execution environment, not a network"
                            + " segment: its components sit in the zone around it (corp-cloud) and are tagged"
                            + " execution-environment:secrets-host. The VM holding the vault");
        }

        @Test
        void aSharedRuntimeIsATagAndAWarning() {
            assertThat(component(model, "web")).containsEntry("tags", List.of("shared-runtime:cluster"));
            assertThat(component(model, "app")).containsEntry("tags", List.of("shared-runtime:cluster"));
            assertThat(printed(result))
                    .containsExactly("trust-boundaries.yaml:48:3: warning: Mamori has no shared runtime: its 2"
                            + " technical assets are tagged shared-runtime:cluster, but that they fall together is not"
                            + " analysed");
        }
    }

    @Nested
    class DataAssets {
        private final ImportResult result = importFixture("data-assets.yaml");
        private final Map<String, Object> model = model(result);

        private Map<String, Object> ratings(String id) {
            Map<String, Object> d = data(model, id);
            return Map.of(
                    "classification", d.get("classification"),
                    "confidentiality", d.get("confidentiality"),
                    "integrity", d.get("integrity"),
                    "availability", d.get("availability"));
        }

        @Test
        void fiveLevelsOntoFour() {
            assertThat(ratings("brochure"))
                    .isEqualTo(Map.of(
                            "classification",
                            "public",
                            "confidentiality",
                            "low",
                            "integrity",
                            "low",
                            "availability",
                            "low"));
            assertThat(ratings("floor-plan"))
                    .isEqualTo(Map.of(
                            "classification",
                            "internal",
                            "confidentiality",
                            "medium",
                            "integrity",
                            "medium",
                            "availability",
                            "medium"));
            // Threagile's "restricted" is below its "confidential", unlike Mamori's.
            assertThat(ratings("project-files"))
                    .isEqualTo(Map.of(
                            "classification",
                            "confidential",
                            "confidentiality",
                            "medium",
                            "integrity",
                            "medium",
                            "availability",
                            "medium"));
            assertThat(ratings("contracts"))
                    .isEqualTo(Map.of(
                            "classification",
                            "confidential",
                            "confidentiality",
                            "high",
                            "integrity",
                            "high",
                            "availability",
                            "high"));
            assertThat(ratings("patient-records"))
                    .isEqualTo(Map.of(
                            "classification",
                            "restricted",
                            "confidentiality",
                            "critical",
                            "integrity",
                            "critical",
                            "availability",
                            "critical"));
        }

        @Test
        void ownersPersonalDataAndTheRest() {
            assertThat(data(model, "brochure"))
                    .containsEntry("name", "Brochure")
                    .containsEntry("owner", "acme-corp")
                    .containsEntry(
                            "description",
                            "Product brochure. Threagile: usage business; origin Marketing; quantity few; C/I/A"
                                    + " public/archive/archive");
            assertThat(data(model, "patient-records")).containsEntry("personal", true);
            assertThat(data(model, "contracts"))
                    .containsEntry("owner", "legal-dept")
                    .doesNotContainKey("personal");
            assertThat(data(model, "notes")).doesNotContainKey("owner");
            assertThat(map(model.get("stakeholders")).get("legal-dept"))
                    .isEqualTo(Map.of("name", "Legal Dept", "roles", List.of("data-owner")));
            assertThat(component(model, "records"))
                    .containsEntry("stores", List.of("floor-plan", "patient-records", "contracts"));
            assertThat(result.diagnostics()).isEmpty();
        }
    }

    @Nested
    class RiskTracking {
        private final ImportResult result = importFixture("risk-tracking.yaml");
        private final Map<String, Object> model = model(result);

        private List<String> treated() {
            return treatments(model).stream()
                    .map(t -> t.get("rule") + " on " + t.get("on") + ": " + t.get("status")
                            + (t.containsKey("until") ? " until " + t.get("until") : ""))
                    .toList();
        }

        @Test
        void trackedRisksBecomeTreatmentsOfEveryMamoriRuleThatFindsThem() {
            assertThat(treated())
                    .containsExactly(
                            "unencrypted-sensitive-data-in-transit on tracking.shop-orders: accepted until 2026-03-10",
                            "password-over-cleartext on tracking.shop-orders: accepted until 2026-03-10",
                            "commands-without-authentication on tracking.shop-stock-feed: mitigated",
                            "unauthenticated-exposed-service on tracking.warehouse: mitigated",
                            // The wildcard covers what the first entry did not name outright.
                            "unencrypted-sensitive-data-in-transit on tracking.shop-stock-feed: false-positive");
            assertThat(treatments(model).get(0))
                    .containsEntry(
                            "reason",
                            "Database sits on the same host (Threagile risk tracking"
                                    + " unencrypted-communication@shop>orders@shop@orders-db, checked by Kenji Sato, on"
                                    + " 2025-03-10)")
                    .containsEntry("ticket", "SHOP-1");
        }

        @Test
        void whatCannotBeTreatedIsReportedAndKept() {
            assertThat(printed(result))
                    .containsExactly(
                            "risk-tracking.yaml:41:5: warning: Threagile's acceptance of"
                                    + " unencrypted-communication@shop>orders@shop@orders-db never lapses, but a Mamori"
                                    + " acceptance must: it holds until 2026-03-10, 12 months after it was checked",
                            "risk-tracking.yaml:53:3: warning: no Mamori rule finds the weakness of"
                                    + " missing-authentication-second-factor@shop>orders@shop@orders-db on the imported"
                                    + " flow (password-only-internet-login needs a password or API key into an"
                                    + " internet-facing component), so there is nothing to treat; kept as a comment",
                            "risk-tracking.yaml:56:3: warning: Threagile's risk 'sql-nosql-injection' has no"
                                    + " corresponding Mamori rule; its tracking (mitigated) is kept as a comment",
                            "risk-tracking.yaml:59:3: warning: 'something-strange' is not one of Threagile's built-in"
                                    + " risks, so no Mamori rule corresponds to it; its tracking (accepted) is kept as a"
                                    + " comment",
                            "risk-tracking.yaml:63:5: warning: the tracking of"
                                    + " unencrypted-communication@shop>stock-feed@shop@warehouse is 'in-discussion',"
                                    + " which records no decision, so there is no Mamori treatment to write; it is kept"
                                    + " as a comment",
                            "risk-tracking.yaml:65:3: warning: 'shop>*' in"
                                    + " unencrypted-communication@shop>*@shop@orders-db is a partial wildcard, which this"
                                    + " import cannot match; write a whole part as * or name the element; kept as a"
                                    + " comment",
                            "risk-tracking.yaml:68:3: warning: missing-authentication@shop does not read as Threagile's"
                                    + " link risk id, category@link@source@target, so the link it is about cannot be"
                                    + " told; kept as a comment",
                            "risk-tracking.yaml:71:3: warning: unencrypted-communication@nowhere>x@nowhere@shop matches"
                                    + " no communication link of the model; kept as a comment",
                            "risk-tracking.yaml:75:5: warning: 'escalated' is not a Threagile risk status; the tracking"
                                    + " of missing-authentication@shop>orders@shop@orders-db is not imported",
                            "risk-tracking.yaml:77:3: warning: every element unencrypted-communication@shop>orders@*@*"
                                    + " covers is tracked by another entry written before it or naming its link"
                                    + " outright; nothing is left for it to treat");
            assertThat(result.yaml().orElseThrow())
                    .contains(
                            "# Not imported: risk_tracking sql-nosql-injection@shop@orders-db (risk-tracking.yaml:56:3)\n"
                                    + "#   status: mitigated\n"
                                    + "#   justification: Prepared statements everywhere\n");
        }
    }

    @Nested
    class Sections {
        private final ImportResult result = importFixture("sections.yaml");
        private final Map<String, Object> model = model(result);

        @Test
        void theLandscapeAndSystemSayWhereTheyComeFrom() {
            assertThat(model)
                    .containsEntry("landscape", "Sections")
                    .containsEntry(
                            "description",
                            "Imported from the Threagile model sections.yaml (Threagile version 1.0.0, by Mika Berg).");
            assertThat(system(model))
                    .containsEntry("owner", "unknown-owner")
                    .containsEntry("description", "Sells tea online. Business criticality in Threagile: important.");
        }

        @Test
        void sectionsWithoutCounterpartAreReportedAndKeptAsComments() {
            assertThat(printed(result))
                    .containsExactly(
                            "sections.yaml:3:1: warning: no technical or data asset names an owner, and a Mamori system"
                                    + " needs one; the system is owned by a stakeholder 'unknown-owner' to be replaced",
                            "sections.yaml:7:1: warning: 'application_description' has no Mamori counterpart; it is"
                                    + " kept as a comment at the end of the file",
                            "sections.yaml:9:1: warning: 'management_summary_comment' has no Mamori counterpart; it is"
                                    + " kept as a comment at the end of the file",
                            "sections.yaml:12:3: warning: the business overview's images belong to Threagile's report;"
                                    + " they are not imported",
                            "sections.yaml:15:1: warning: 'security_requirements' has no Mamori counterpart; it is kept"
                                    + " as a comment at the end of the file",
                            "sections.yaml:17:1: warning: 'questions' has no Mamori counterpart; it is kept as a comment"
                                    + " at the end of the file",
                            "sections.yaml:19:1: warning: 'abuse_cases' has no Mamori counterpart; it is kept as a"
                                    + " comment at the end of the file",
                            "sections.yaml:22:1: warning: diagram layout hints (diagram_tweak_…, 3 in this model) only"
                                    + " place boxes in Threagile's diagram; they are not imported",
                            "sections.yaml:24:1: warning: 'custom_risk_categories' has no Mamori counterpart; it is kept"
                                    + " as a comment at the end of the file",
                            "sections.yaml:33:5: warning: 'colour' is not a key of a Threagile technical asset; it is"
                                    + " not imported");
            assertThat(result.yaml().orElseThrow())
                    .contains("# Not imported: abuse_cases (sections.yaml:19:1)\n#   Ransomware: Encrypt the stock"
                            + " database.\n")
                    .contains("# Not imported: custom_risk_categories (sections.yaml:24:1)\n#   Tea Spill:\n#     id:"
                            + " tea-spill\n");
        }
    }

    @Nested
    class Includes {
        private final ImportResult result = importFixture("includes/model.yaml");
        private final Map<String, Object> model = model(result);

        @Test
        void includedFilesAreMergedAsThreagileMergesThem() {
            assertThat(result.files())
                    .containsExactly(
                            "includes/model.yaml",
                            "includes/data.yaml",
                            "includes/parts/assets.yaml",
                            "includes/parts/more.yaml");
            // The same asset in two files: fields joined.
            assertThat(component(model, "app"))
                    .containsEntry("kind", "mobile-app")
                    .containsEntry("tags", List.of("ios"));
            assertThat(component(model, "api"))
                    .containsEntry("kind", "api")
                    .containsEntry("exposure", "internet")
                    .containsEntry("tenancy", "multi-shared")
                    .containsEntry("stores", List.of("profile"));
            assertThat(data(model, "profile")).containsEntry("classification", "confidential");
            assertThat(flow(model, "app-sync")).containsEntry("to", "api").containsEntry("data", List.of("profile"));
            assertThat(model.get("description"))
                    .isEqualTo("Imported from the Threagile model includes/model.yaml (Threagile version 1.0.0, with"
                            + " Ana Lima).");
            assertThat(result.diagnostics()).isEmpty();
        }

        @Test
        void diagnosticsPointIntoTheIncludedFile() {
            ImportResult conflict = importFixture("broken/include-conflict.yaml");
            assertThat(conflict.imported()).isFalse();
            assertThat(printed(conflict))
                    .containsExactly("broken/include-conflict-part.yaml:4:17: error: 'technology' of 'Web' of"
                            + " 'technical_assets' of the model is 'database' here but 'web-server' at"
                            + " broken/include-conflict.yaml:7:17; Threagile refuses two different values for it");
        }
    }

    @Nested
    class ColdChain {
        private final ImportResult result = importFixture("cold-chain.yaml");
        private final Map<String, Object> model = model(result);

        @Test
        void aWholeModel() {
            assertThat(model.get("landscape")).isEqualTo("Cold Chain Monitoring");
            assertThat(map(model.get("systems"))).containsOnlyKeys("cold-chain-monitoring");
            assertThat(map(system(model).get("components")))
                    .containsOnlyKeys(
                            "logger", "cab-gateway", "broker", "readings-db", "dashboard", "dispatcher-browser", "vpn");
            assertThat(component(model, "readings-db"))
                    .containsEntry("zone", "cloud-account")
                    .containsEntry("tags", List.of("postgres", "execution-environment:data-tier"));
            assertThat(flow(model, "cab-gateway-logger-configuration"))
                    .containsEntry("commands", true)
                    .containsEntry("protocol", "proprietary");
            assertThat(treatments(model))
                    .extracting(t -> t.get("rule"))
                    .containsExactly("password-over-cleartext", "mqtt-without-tls", "commands-without-authentication");
            assertThat(printed(result))
                    .hasSize(5)
                    .allMatch(d -> d.startsWith("cold-chain.yaml:") && d.contains(": warning: "));
        }
    }
}
