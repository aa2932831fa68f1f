package dev.mamori.vulns.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.model.diagnostics.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SbomReaderTest {

    static final Path SBOM = Path.of("..", "examples", "venue", "sbom");

    static List<InstalledPackage> read(String file) throws Exception {
        return SbomReader.read(file, Files.readAllBytes(SBOM.resolve(file)));
    }

    @Test
    void cycloneDxJsonGivesEveryPackageWithItsPurlItsCpeAndItsLine() throws Exception {
        List<InstalledPackage> packages = read("cameras-legacy.cdx.json");
        assertThat(packages)
                .extracting(InstalledPackage::name)
                .containsExactly("pkg:generic/openssl@1.0.1e", "pkg:generic/bash@4.1", "pkg:generic/busybox@1.19.4");
        InstalledPackage openssl = packages.get(0);
        assertThat(openssl.version()).isEqualTo("1.0.1e");
        assertThat(openssl.names())
                .extracting(ProductKey::key)
                .containsExactly("purl:generic/openssl", "cpe:a:openssl:openssl");
        assertThat(openssl.at()).isEqualTo(new SourceLocation("cameras-legacy.cdx.json", 22, 16));
    }

    @Test
    void cycloneDxXmlIsReadByTheSameLibraryWithTheMetadataComponent() throws Exception {
        // The router's bill of materials as CycloneDX XML (the example itself carries it as JSON).
        byte[] xml;
        try (java.io.InputStream in = SbomReaderTest.class.getResourceAsStream("/sbom/lte-router.cdx.xml")) {
            xml = in.readAllBytes();
        }
        List<InstalledPackage> packages = SbomReader.read("lte-router.cdx.xml", xml);
        assertThat(packages)
                .extracting(p -> p.product().key(), InstalledPackage::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cpe:o:kaimon:kr-lte200_firmware", "2.3.0"),
                        org.assertj.core.groups.Tuple.tuple("purl:generic/dnsmasq", "2.77"));
        assertThat(packages.get(1).at().line()).isEqualTo(16);
    }

    @Test
    void spdxJsonPackagesByTheirExternalReferences() throws Exception {
        List<InstalledPackage> packages = read("cameras-ptz.spdx.json");
        assertThat(packages)
                .extracting(InstalledPackage::name)
                .containsExactly("pkg:generic/openssl@3.0.5", "pkg:generic/busybox@1.36.1");
        assertThat(packages.get(0).aliases()).extracting(ProductKey::key).containsExactly("cpe:a:openssl:openssl");
        // At the purl's own text, where the parser read it.
        assertThat(packages.get(0).at()).isEqualTo(new SourceLocation("cameras-ptz.spdx.json", 18, 97));
    }

    @Test
    void whatIsNoBillOfMaterialsIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SbomReader.read("x.json", "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("neither a CycloneDX");
        assertThatThrownBy(() ->
                        SbomReader.read("s.json", "{\"spdxVersion\": \"SPDX-2.3\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("\"packages\"");
    }

    @Test
    void productKeysNormaliseAsTheirEcosystemsDoAndRefuseMalformedNames() {
        assertThat(ProductKey.ofPurl("pkg:pypi/Django_Rest@3.0").key()).isEqualTo("purl:pypi/django-rest");
        assertThat(ProductKey.ofPurl("pkg:maven/org.Apache/Log4j@2").key()).isEqualTo("purl:maven/org.apache/Log4j");
        assertThat(ProductKey.ofCpe("cpe:/o:fortinet:fortios:6.0.4").version()).hasValue("6.0.4");
        assertThatThrownBy(() -> ProductKey.ofPurl("pkg:/nothing")).hasMessageContaining("not a valid package URL");
        assertThatThrownBy(() -> ProductKey.ofCpe("cpe:2.3:o:fortinet")).hasMessageContaining("not 13");
        assertThatThrownBy(() -> ProductKey.ofCpe("cpe:2.3:x:a:b:1:*:*:*:*:*:*:*"))
                .hasMessageContaining("a, o or h");
    }

    @Test
    void cycloneDxJsonIsReadAsCycloneDxsOwnLibraryReadsItEachPackageAtTheTextThatNamesIt() throws Exception {
        for (String file : new String[] {"cameras-legacy.cdx.json", "lte-router.cdx.json"}) {
            byte[] bytes = Files.readAllBytes(SBOM.resolve(file));
            assertThat(SbomReader.read(file, bytes)).isEqualTo(SbomReader.byCycloneDxLibrary(file, bytes));
        }
        java.util.Random random = new java.util.Random(303);
        for (int i = 0; i < 300; i++) {
            String document = generatedBom(random);
            byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
            List<InstalledPackage> packages = SbomReader.read("g.cdx.json", bytes);
            assertThat(packages)
                    .as(document)
                    .extracting(p -> List.of(p.product(), p.aliases(), p.version(), p.name()))
                    .isEqualTo(SbomReader.byCycloneDxLibrary("g.cdx.json", bytes).stream()
                            .map(p -> List.of(p.product(), p.aliases(), p.version(), p.name()))
                            .toList());
            // The library gives no places, so its reader finds names in the text, and a name that
            // begins another one written earlier is found there; the tree's own places are exact.
            List<String> lines = document.lines().toList();
            for (InstalledPackage p : packages) {
                assertThat(lines.get(p.at().line() - 1).substring(p.at().column() - 1))
                        .as(document)
                        .startsWith(p.name() + "\"");
            }
        }
    }

    @Test
    void aBillOfMaterialsOfThousandsOfPackagesLocatesTheLastOneToo() throws Exception {
        // Each package used to be located by searching the text from its start: 8,000 packages took
        // 27 s (docs/performance.md has the figures since).
        StringBuilder document = new StringBuilder("{\"bomFormat\": \"CycloneDX\", \"components\": [\n");
        for (int i = 0; i < 20_000; i++) {
            document.append(i > 0 ? ",\n" : "")
                    .append("{\"name\": \"lib")
                    .append(i)
                    .append("\", \"purl\": \"pkg:generic/lib")
                    .append(i)
                    .append("@1.")
                    .append(i)
                    .append("\", \"description\": \"")
                    .append("x".repeat(200))
                    .append("\"}");
        }
        byte[] bytes = document.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        List<InstalledPackage> packages = SbomReader.read("big.cdx.json", bytes);
        assertThat(packages).hasSize(20_000);
        assertThat(packages.get(19_999).at()).isEqualTo(new SourceLocation("big.cdx.json", 20_001, 31));
    }

    @Test
    void cycloneDxJsonOfTheWrongShapeIsRefusedSayingWhat() {
        assertThatThrownBy(() -> bom("\"components\": {\"name\": \"x\"}"))
                .hasMessageContaining("\"components\" of the document is an object, not a list");
        assertThatThrownBy(() -> bom("\"components\": [\"openssl\"]"))
                .hasMessageContaining("a component is a text, not an object");
        assertThatThrownBy(() -> bom("\"components\": [{\"name\": \"ssl\", \"purl\": [\"pkg:generic/ssl@1\"]}]"))
                .hasMessageContaining("\"purl\" of component 'ssl' is a list, not a text");
        assertThatThrownBy(() -> bom("\"components\": [{\"name\": \"a\", \"components\": 3}]"))
                .hasMessageContaining("\"components\" of component 'a' is a number, not a list");
        assertThatThrownBy(() -> SbomReader.read(
                        "b.json", "{\"bomFormat\": \"CycloneDX\",\n  \"x\": }".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("it is not readable JSON (line 2, column 8)");
    }

    @Test
    void aVersionWrittenAsANumberOrNullIsReadAsTheLibraryReadsIt() throws Exception {
        String document = "{\"bomFormat\": \"CycloneDX\", \"components\": ["
                + "{\"name\": \"a\", \"version\": 2, \"purl\": \"pkg:generic/a\"},"
                + "{\"name\": \"b\", \"version\": null, \"purl\": \"pkg:generic/b@1.2\"},"
                + "{\"name\": \"c\", \"purl\": null, \"cpe\": \"cpe:2.3:a:c:c:3.1:*:*:*:*:*:*:*\"}]}";
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        List<InstalledPackage> packages = SbomReader.read("v.json", bytes);
        assertThat(packages).extracting(InstalledPackage::version).containsExactly("2", "1.2", "3.1");
        assertThat(packages)
                .extracting(InstalledPackage::name)
                .isEqualTo(SbomReader.byCycloneDxLibrary("v.json", bytes).stream()
                        .map(InstalledPackage::name)
                        .toList());
    }

    private static List<InstalledPackage> bom(String members) throws SbomReader.BadSbom {
        return SbomReader.read(
                "b.json", ("{\"bomFormat\": \"CycloneDX\", " + members + "}").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A CycloneDX document with a described component and nested components, each with a purl, a
     * CPE, both or neither, a version or none, and a field this reader does not use.
     */
    private static String generatedBom(java.util.Random random) {
        StringBuilder out = new StringBuilder("{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.5\",\n");
        if (random.nextBoolean()) {
            out.append("  \"metadata\": {\"timestamp\": \"2026-10-01T00:00:00Z\", \"component\": ")
                    .append(component(random, 2))
                    .append("},\n");
        }
        out.append("  \"components\": [");
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            out.append(i > 0 ? ",\n    " : "\n    ").append(component(random, 0));
        }
        return out.append("]\n}\n").toString();
    }

    private static String component(java.util.Random random, int depth) {
        String[] names = {"openssl", "busybox", "dnsmasq", "log4j-core", "zlib"};
        String name = names[random.nextInt(names.length)];
        String version = (1 + random.nextInt(3)) + "." + random.nextInt(10);
        StringBuilder out = new StringBuilder("{\"type\": \"library\", \"name\": \"" + name + "\"");
        if (random.nextInt(4) > 0) {
            out.append(", \"version\": \"").append(version).append('"');
        }
        switch (random.nextInt(5)) {
            case 0 ->
                out.append(", \"purl\": \"pkg:generic/")
                        .append(name)
                        .append('@')
                        .append(version)
                        .append('"');
            case 1 ->
                out.append(", \"cpe\": \"cpe:2.3:a:")
                        .append(name)
                        .append(':')
                        .append(name)
                        .append(':')
                        .append(version)
                        .append(":*:*:*:*:*:*:*\"");
            case 2 ->
                out.append(", \"purl\": \"pkg:generic/")
                        .append(name)
                        .append("\", \"cpe\": \"cpe:2.3:a:x:")
                        .append(name)
                        .append(":*:*:*:*:*:*:*:*\"");
            case 3 -> out.append(", \"purl\": \"not a purl\"");
            default -> {}
        }
        out.append(", \"licenses\": [{\"license\": {\"id\": \"MIT\"}}]");
        if (depth < 3 && random.nextInt(3) == 0) {
            out.append(", \"components\": [")
                    .append(component(random, depth + 1))
                    .append(']');
        }
        return out.append('}').toString();
    }
}
