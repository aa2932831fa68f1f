package dev.mamori.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.Component;
import dev.mamori.model.Treatment;
import dev.mamori.model.diagnostics.Diagnostic;
import org.junit.jupiter.api.Test;

/** What components run, as the model declares it: names checked for form, located; SBOMs named. */
class SoftwareTest {

    private static final String MODEL = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              s:
                owner: ops
                operator: ops
                category: consumer
                components:
                  cam:
                    kind: camera
                    sbom: sbom/cam.cdx.json
                    software:
                      - { purl: pkg:generic/busybox@1.36.1 }
                      - { cpe: "cpe:2.3:o:acme:cam_firmware:2.1:*:*:*:*:*:*:*", name: firmware }
                      - %s
            treatments:
              - { rule: known-vulnerability, on: s.cam, vulnerability: CVE-2099-1, status: not-applicable, justification: component-not-present, reason: no such code }
            """;

    @Test
    void softwareAndBillsOfMaterialsAreKeptAsWritten() {
        LoadResult result = Models.load(MODEL.formatted("{ purl: pkg:npm/left-pad, version: 1.3.0 }"));
        assertThat(result.diagnostics()).extracting(Diagnostic::code).doesNotContain("bad-purl", "bad-cpe");
        Component cam =
                result.landscape().orElseThrow().systems().get("s").components().get("cam");
        assertThat(cam.sbom()).hasValueSatisfying(s -> {
            assertThat(s.path()).isEqualTo("sbom/cam.cdx.json");
            assertThat(s.at().line()).isEqualTo(12);
        });
        assertThat(cam.software()).hasSize(3);
        assertThat(cam.software().get(1).name()).hasValue("firmware");
        assertThat(cam.software().get(2).version()).hasValue("1.3.0");
        Treatment t = result.landscape().orElseThrow().treatments().get(0);
        assertThat(t.vulnerability()).hasValue("CVE-2099-1");
        assertThat(t.justification()).hasValue("component-not-present");
    }

    @Test
    void malformedNamesAreLocatedErrors() {
        assertThat(Models.load(MODEL.formatted("{ purl: \"busybox 1.2\" }")).diagnostics())
                .filteredOn(d -> d.code().equals("bad-purl"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.at().line()).isEqualTo(16);
                    assertThat(d.message()).contains("is not a package URL");
                });
        assertThat(Models.load(MODEL.formatted("{ cpe: \"cpe:2.3:o:acme\" }")).diagnostics())
                .extracting(Diagnostic::code)
                .contains("bad-cpe");
        assertThat(Models.load(MODEL.formatted("{ version: 1.0 }")).diagnostics())
                .extracting(Diagnostic::code)
                .contains("software-without-name");
        assertThat(Models.load(MODEL.formatted("{ purl: pkg:generic/x@1, justification: maybe }"))
                        .diagnostics())
                .extracting(Diagnostic::code)
                .contains("unknown-key");
    }
}
