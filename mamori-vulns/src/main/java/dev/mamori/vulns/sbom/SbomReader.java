package dev.mamori.vulns.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.vulns.json.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.BomParserFactory;

/**
 * The packages of a software bill of materials: CycloneDX (JSON, or XML read by CycloneDX's own
 * library) or SPDX 2.x JSON. A package is kept when it has a package URL or a CPE and a version;
 * each is located at the line of the file that names it, so that a finding points there.
 */
public final class SbomReader {

    private SbomReader() {}

    /** A bill of materials that cannot be read; the message says why, for the user. */
    public static final class BadSbom extends Exception {
        private static final long serialVersionUID = 1L;

        BadSbom(String message) {
            super(message);
        }
    }

    /** The packages of the bill of materials {@code bytes}, read from {@code file}. */
    public static List<InstalledPackage> read(String file, byte[] bytes) throws BadSbom {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String start = text.stripLeading();
        Lines lines = new Lines(file, text);
        if (start.startsWith("{")) {
            JsonNode root;
            try {
                root = JsonTree.read(text);
            } catch (JsonProcessingException e) {
                throw new BadSbom(
                        "it is not readable JSON (line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr() + "): " + firstLine(e.getOriginalMessage()));
            }
            if (root.has("spdxVersion")) {
                return spdx(root, lines);
            }
            if (root.path("bomFormat").asText("").equals("CycloneDX")) {
                return cyclonedxJson(root, lines);
            }
        } else if (start.startsWith("<") && BomParserFactory.looksLikeCycloneDX(bytes)) {
            return byCycloneDxLibrary(bytes, lines);
        }
        throw new BadSbom("it is neither a CycloneDX bill of materials (JSON with \"bomFormat\": \"CycloneDX\","
                + " or XML in the CycloneDX namespace) nor an SPDX JSON document (\"spdxVersion\")");
    }

    /**
     * CycloneDX JSON, read from the tree: the component the document describes and every component
     * in it, nested ones included. Only what names a package is read (purl, cpe, version), so a
     * document of a newer CycloneDX version with fields this reader never heard of is still read.
     */
    private static List<InstalledPackage> cyclonedxJson(JsonNode root, Lines lines) throws BadSbom {
        List<InstalledPackage> out = new ArrayList<>();
        JsonNode described = root.path("metadata").path("component");
        if (!described.isMissingNode() && !described.isNull()) {
            cyclonedx(described, "the metadata's component", lines, out);
        }
        for (JsonNode c : list(root, "components", "the document")) {
            cyclonedx(c, "a component", lines, out);
        }
        return out;
    }

    private static void cyclonedx(JsonNode c, String what, Lines lines, List<InstalledPackage> out) throws BadSbom {
        if (!c.isObject()) {
            throw new BadSbom(
                    "it is not a readable CycloneDX document: " + what + " is " + kind(c) + ", not an object");
        }
        List<String> names = new ArrayList<>();
        String purl = text(c, "purl");
        if (purl != null && !purl.isBlank()) {
            names.add(purl);
        }
        String cpe = text(c, "cpe");
        if (cpe != null && !cpe.isBlank()) {
            names.add(cpe);
        }
        add(names, text(c, "version"), lines, out);
        for (JsonNode child :
                list(c, "components", "component '" + c.path("name").asText("") + "'")) {
            cyclonedx(child, "a component", lines, out);
        }
    }

    /** The list {@code key} of {@code node}; none when absent or null. */
    private static JsonNode list(JsonNode node, String key, String of) throws BadSbom {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return value;
        }
        if (!value.isArray()) {
            throw new BadSbom("it is not a readable CycloneDX document: \"" + key + "\" of " + of + " is " + kind(value)
                    + ", not a list");
        }
        return value;
    }

    /** The text of {@code key} (a number is read as its digits); null when absent or null. */
    private static String text(JsonNode node, String key) throws BadSbom {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new BadSbom("it is not a readable CycloneDX document: \"" + key + "\" of component '"
                    + node.path("name").asText("") + "' is " + kind(value) + ", not a text");
        }
        return value.asText();
    }

    /** What a JSON value is, in a message's words. */
    private static String kind(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "true or false";
        }
        return value.isTextual() ? "a text" : "null";
    }

    /**
     * CycloneDX read by CycloneDX's own library, which is loaded only for XML. (It reads JSON too:
     * the tests check the reader above against it.)
     */
    static List<InstalledPackage> byCycloneDxLibrary(String file, byte[] bytes) throws BadSbom {
        return byCycloneDxLibrary(bytes, new Lines(file, new String(bytes, StandardCharsets.UTF_8)));
    }

    private static List<InstalledPackage> byCycloneDxLibrary(byte[] bytes, Lines lines) throws BadSbom {
        Bom bom;
        try {
            bom = BomParserFactory.createParser(bytes).parse(bytes);
        } catch (ParseException | RuntimeException e) {
            throw new BadSbom("it is not a readable CycloneDX document: " + firstLine(e.getMessage()));
        }
        List<InstalledPackage> out = new ArrayList<>();
        if (bom.getMetadata() != null && bom.getMetadata().getComponent() != null) {
            cyclonedx(bom.getMetadata().getComponent(), lines, out);
        }
        if (bom.getComponents() != null) {
            for (Component c : bom.getComponents()) {
                cyclonedx(c, lines, out);
            }
        }
        return out;
    }

    private static void cyclonedx(Component c, Lines lines, List<InstalledPackage> out) {
        List<String> names = new ArrayList<>();
        if (c.getPurl() != null && !c.getPurl().isBlank()) {
            names.add(c.getPurl());
        }
        if (c.getCpe() != null && !c.getCpe().isBlank()) {
            names.add(c.getCpe());
        }
        add(names, c.getVersion(), lines, out);
        if (c.getComponents() != null) {
            for (Component child : c.getComponents()) {
                cyclonedx(child, lines, out);
            }
        }
    }

    /**
     * The package of {@code names} (a purl and a CPE of one package, either may be missing), when at
     * least one can be parsed and its version is known; a name that cannot be parsed is left out, as
     * a tool that never heard of it would.
     */
    private static void add(List<String> names, String version, Lines lines, List<InstalledPackage> out) {
        List<ProductKey> keys = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (String name : names) {
            try {
                keys.add(ProductKey.of(name));
                written.add(name);
            } catch (ProductKey.BadName e) {
                // left out
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        String v = version != null && !version.isBlank()
                ? version
                : keys.get(0).version().orElse(null);
        if (v != null) {
            out.add(new InstalledPackage(
                    keys.get(0), keys.subList(1, keys.size()), v, written.get(0), lines.of(written.get(0))));
        }
    }

    private static List<InstalledPackage> spdx(JsonNode root, Lines lines) throws BadSbom {
        if (!root.path("packages").isArray()) {
            throw new BadSbom("an SPDX document lists its packages under \"packages\"; this one has none");
        }
        List<InstalledPackage> out = new ArrayList<>();
        for (JsonNode p : root.path("packages")) {
            String version = p.path("versionInfo").asText(null);
            List<String> purls = new ArrayList<>();
            List<String> cpes = new ArrayList<>();
            for (JsonNode ref : p.path("externalRefs")) {
                String type = ref.path("referenceType").asText("");
                String locator = ref.path("referenceLocator").asText("");
                if (type.equals("purl")) {
                    purls.add(locator);
                } else if (type.equals("cpe23Type") || type.equals("cpe22Type")) {
                    cpes.add(locator);
                }
            }
            purls.addAll(cpes);
            add(purls, version, lines, out);
        }
        return out;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Where a name is first written in the file, for FILE:LINE. */
    private static final class Lines {
        private final String file;
        private final String text;

        Lines(String file, String text) {
            this.file = file;
            this.text = text;
        }

        SourceLocation of(String name) {
            int at = text.indexOf(name);
            if (at < 0) {
                at = text.indexOf(name.replace("/", "\\/"));
            }
            if (at < 0) {
                return SourceLocation.startOf(file);
            }
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new SourceLocation(file, line, at - lineStart + 1);
        }
    }
}
