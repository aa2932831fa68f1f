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
}
