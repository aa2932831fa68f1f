package dev.mamori.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built-in catalog reads to exactly what it read to before the catalog got its grammar: a
 * readable summary (ids, counts, conditions, methods, locations) and a SHA-256 of a canonical dump
 * of everything, written by the hand-written reader, are kept in {@code builtin-catalog-digest.txt}.
 * When the catalog files change on purpose, copy {@code mamori-engine/target/builtin-catalog-digest.txt}
 * (written by each run) over it.
 */
class BuiltInCatalogDigestTest {

    @Test
    void theBuiltInCatalogReadsToTheRecordedDigest() throws IOException {
        String actual = digest(CatalogReader.builtIn());
        // Written where a person can diff it against the recorded one, or copy it over on purpose.
        Files.writeString(Path.of("target", "builtin-catalog-digest.txt"), actual);
        String expected;
        try (InputStream in = getClass().getResourceAsStream("builtin-catalog-digest.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** So the digest above is that of the trees the build kept, which runs read (BuiltInTrees). */
    @Test
    void theBuildKeptEachBuiltInFilesTree() {
        for (String file : List.of("standards.yaml", "catalog.yaml", "profiles.yaml")) {
            assertThat(CatalogReader.class.getResource(file + ".tree"))
                    .as(file + ".tree, written by the build step")
                    .isNotNull();
        }
    }

    @Test
    void aFewEntriesReadInFull() {
        Catalog catalog = CatalogReader.builtIn();
        Requirement passwords = catalog.requirements().get("no-universal-default-passwords");
        assertThat(passwords.title()).isEqualTo("No login is shared by every unit");
        assertThat(passwords.statement())
                .startsWith("Nobody can log in to a unit with a secret")
                .endsWith("chosen by its user before first use.");
        assertThat(passwords.validFrom()).contains(new CatalogVersion(2025, 1));
        assertThat(passwords.anyMeans()).isFalse();
        assertThat(passwords.at().toString()).isEqualTo("builtin:catalog.yaml:17:3");
        Means perUnit = passwords.means().get(0);
        assertThat(perUnit.id()).isEqualTo("per-unit-passwords");
        assertThat(perUnit.requirement()).isEqualTo("no-universal-default-passwords");
        assertThat(perUnit.appliesTo()).isEqualTo(Condition.USES_PASSWORDS);
        assertThat(perUnit.verify())
                .isEqualTo(new Verification.FromModel(
                        List.of("default-credentials", "fleet-shared-credentials"), Set.of(Fact.CREDENTIALS)));
        // ETSI 5.1-1 is about passwords: the password means carries it, not the requirement.
        assertThat(perUnit.crosswalk().get(0))
                .isEqualTo(new Mapping(
                        "etsi-en-303-645-v2.1.1",
                        "5.1-1",
                        Relationship.EQUIVALENT,
                        new dev.mamori.model.diagnostics.SourceLocation("builtin:catalog.yaml", 35, 50)));
        Profile consumer = catalog.profiles().get("consumer");
        assertThat(consumer.categories()).containsExactly("consumer");
        assertThat(consumer.byJurisdiction().get("uk").obligations())
                .containsOnlyKeys(
                        "no-universal-default-passwords", "vulnerability-disclosure-policy", "defined-support-period");
        Jurisdiction eu = catalog.jurisdictions().get("eu");
        assertThat(eu.appliesFrom()).contains(java.time.LocalDate.of(2027, 12, 11));
        assertThat(catalog.standards().get("nist-ir-8259a").title())
                .isEqualTo("NIST IR 8259A, IoT device cybersecurity capability core baseline");
    }

    /** A readable summary, then the hash of a canonical dump of every field (sets and maps sorted). */
    static String digest(Catalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append("catalog ")
                .append(catalog.name())
                .append(' ')
                .append(catalog.version())
                .append(" '")
                .append(catalog.title())
                .append("' files ")
                .append(catalog.files())
                .append('\n');
        out.append("requirements ")
                .append(catalog.requirements().size())
                .append(", means ")
                .append(catalog.means().size())
                .append(", mappings ")
                .append(catalog.mappings().size())
                .append(", profiles ")
                .append(catalog.profiles().size())
                .append(", jurisdictions ")
                .append(catalog.jurisdictions().size())
                .append(", standards ")
                .append(catalog.standards().size())
                .append('\n');
        for (Requirement r : catalog.requirements().values()) {
            out.append("requirement ")
                    .append(r.id())
                    .append(' ')
                    .append(sorted(r.properties()))
                    .append(' ')
                    .append(r.phase())
                    .append(r.anyMeans() ? " any" : " all")
                    .append(" crosswalk ")
                    .append(r.crosswalk().size())
                    .append(" at ")
                    .append(r.at())
                    .append('\n');
            for (Means m : r.means()) {
                out.append("  means ")
                        .append(m.id())
                        .append(' ')
                        .append(m.appliesTo().word())
                        .append(' ')
                        .append(m.verify().method())
                        .append(
                                m.securityLevel().isPresent()
                                        ? " SL" + m.securityLevel().getAsInt()
                                        : "")
                        .append(" crosswalk ")
                        .append(m.crosswalk().size())
                        .append(" at ")
                        .append(m.at())
                        .append('\n');
            }
        }
        for (Profile p : catalog.profiles().values()) {
            out.append("profile ")
                    .append(p.id())
                    .append(" requirements ")
                    .append(p.base().size())
                    .append(" jurisdictions ")
                    .append(new TreeMap<>(p.byJurisdiction()).keySet())
                    .append(" at ")
                    .append(p.at())
                    .append('\n');
        }
        for (Standard s : catalog.standards().values()) {
            out.append("standard ")
                    .append(s.id())
                    .append(" items ")
                    .append(s.items().size())
                    .append('\n');
        }
        out.append("sha-256 ").append(sha256(dump(catalog))).append('\n');
        return out.toString();
    }

    private static String dump(Catalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append(catalog.name())
                .append(catalog.version())
                .append(catalog.title())
                .append(catalog.files())
                .append('\n');
        for (Requirement r : catalog.requirements().values()) {
            out.append(List.of(
                            r.id(),
                            r.title(),
                            r.statement(),
                            sorted(r.properties()),
                            r.phase(),
                            r.validFrom(),
                            r.supersededBy(),
                            r.anyMeans(),
                            r.crosswalk(),
                            r.at()))
                    .append('\n');
            for (Means m : r.means()) {
                Object verify = m.verify() instanceof Verification.FromModel model
                        ? List.of(model.rules(), sorted(model.facts()))
                        : m.verify();
                out.append(List.of(
                                m.id(),
                                m.requirement(),
                                m.title(),
                                m.statement(),
                                m.appliesTo(),
                                m.securityLevel(),
                                verify,
                                m.validFrom(),
                                m.supersededBy(),
                                m.crosswalk(),
                                m.at()))
                        .append('\n');
            }
        }
        for (Profile p : catalog.profiles().values()) {
            out.append(List.of(
                            p.id(),
                            p.title(),
                            p.description(),
                            p.categories(),
                            p.sectors(),
                            p.securityLevels(),
                            new TreeMap<>(p.base()),
                            p.at()))
                    .append('\n');
            for (Profile.JurisdictionRule j : new TreeMap<>(p.byJurisdiction()).values()) {
                out.append(List.of(
                                j.jurisdiction(), j.regime(), j.appliesFrom(), new TreeMap<>(j.obligations()), j.at()))
                        .append('\n');
            }
        }
        catalog.jurisdictions().values().forEach(j -> out.append(j).append('\n'));
        catalog.standards().values().forEach(s -> out.append(s).append('\n'));
        return out.toString();
    }

    private static <T extends Comparable<T>> List<T> sorted(Set<T> set) {
        return set.stream().sorted().collect(Collectors.toList());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
