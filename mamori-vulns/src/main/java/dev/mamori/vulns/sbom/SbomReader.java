package dev.mamori.vulns.sbom;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.vulns.json.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
        // The first character that is not white space, without copying the rest as stripLeading would.
        int at = 0;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        char first = at < text.length() ? text.charAt(at) : ' ';
        if (first == '{') {
            JsonTree.Located document;
            try {
                document = JsonTree.readLocated(text);
            } catch (JsonProcessingException e) {
                throw new BadSbom(
                        "it is not readable JSON (line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr() + "): " + firstLine(e.getOriginalMessage()));
            }
            JsonNode root = document.root();
            Texts texts = new Texts(file, document);
            if (root.has("spdxVersion")) {
                return spdx(root, texts);
            }
            if (root.path("bomFormat").asText("").equals("CycloneDX")) {
                return cyclonedxJson(root, texts);
            }
        } else if (first == '<' && BomParserFactory.looksLikeCycloneDX(bytes)) {
            return byCycloneDxLibrary(bytes, new Lines(file, text));
        }
        throw new BadSbom("it is neither a CycloneDX bill of materials (JSON with \"bomFormat\": \"CycloneDX\","
                + " or XML in the CycloneDX namespace) nor an SPDX JSON document (\"spdxVersion\")");
    }

    /**
     * CycloneDX JSON, read from the tree: the component the document describes and every component
     * in it, nested ones included. Only what names a package is read (purl, cpe, version), so a
     * document of a newer CycloneDX version with fields this reader never heard of is still read.
     */
    private static List<InstalledPackage> cyclonedxJson(JsonNode root, Texts texts) throws BadSbom {
        List<InstalledPackage> out = new ArrayList<>();
        JsonNode described = root.path("metadata").path("component");
        if (!described.isMissingNode() && !described.isNull()) {
            cyclonedx(described, "the metadata's component", texts, out);
        }
        for (JsonNode c : list(root, "components", "the document")) {
            cyclonedx(c, "a component", texts, out);
        }
        return out;
    }

    private static void cyclonedx(JsonNode c, String what, Texts texts, List<InstalledPackage> out) throws BadSbom {
        if (!c.isObject()) {
            throw new BadSbom(
                    "it is not a readable CycloneDX document: " + what + " is " + kind(c) + ", not an object");
        }
        List<Name> names = new ArrayList<>();
        for (String key : new String[] {"purl", "cpe"}) {
            JsonNode name = text(c, key);
            if (name != null && !name.asText().isBlank()) {
                names.add(new Name(name.asText(), texts.at(name)));
            }
        }
        JsonNode version = text(c, "version");
        add(names, version == null ? null : version.asText(), out);
        for (JsonNode child :
                list(c, "components", "component '" + c.path("name").asText("") + "'")) {
            cyclonedx(child, "a component", texts, out);
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
    private static JsonNode text(JsonNode node, String key) throws BadSbom {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new BadSbom("it is not a readable CycloneDX document: \"" + key + "\" of component '"
                    + node.path("name").asText("") + "' is " + kind(value) + ", not a text");
        }
        return value;
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
        List<Name> names = new ArrayList<>();
        for (String name : new String[] {c.getPurl(), c.getCpe()}) {
            if (name != null && !name.isBlank()) {
                names.add(new Name(name, lines.of(name)));
            }
        }
        add(names, c.getVersion(), out);
        if (c.getComponents() != null) {
            for (Component child : c.getComponents()) {
                cyclonedx(child, lines, out);
            }
        }
    }

    /** A purl or a CPE as the file writes it, and where. */
    private record Name(String text, SourceLocation at) {}

    /**
     * The package of {@code names} (a purl and a CPE of one package, either may be missing), when at
     * least one can be parsed and its version is known; a name that cannot be parsed is left out, as
     * a tool that never heard of it would. It is located where its first name is written.
     */
    private static void add(List<Name> names, String version, List<InstalledPackage> out) {
        List<ProductKey> keys = new ArrayList<>();
        List<Name> written = new ArrayList<>();
        for (Name name : names) {
            try {
                keys.add(ProductKey.of(name.text()));
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
                    keys.get(0),
                    keys.subList(1, keys.size()),
                    v,
                    written.get(0).text(),
                    written.get(0).at()));
        }
    }

    private static List<InstalledPackage> spdx(JsonNode root, Texts texts) throws BadSbom {
        if (!root.path("packages").isArray()) {
            throw new BadSbom("an SPDX document lists its packages under \"packages\"; this one has none");
        }
        List<InstalledPackage> out = new ArrayList<>();
        for (JsonNode p : root.path("packages")) {
            String version = p.path("versionInfo").asText(null);
            List<Name> purls = new ArrayList<>();
            List<Name> cpes = new ArrayList<>();
            for (JsonNode ref : p.path("externalRefs")) {
                String type = ref.path("referenceType").asText("");
                JsonNode locator = ref.path("referenceLocator");
                Name name = new Name(locator.asText(""), texts.at(locator));
                if (type.equals("purl")) {
                    purls.add(name);
                } else if (type.equals("cpe23Type") || type.equals("cpe22Type")) {
                    cpes.add(name);
                }
            }
            purls.addAll(cpes);
            add(purls, version, out);
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

    /** Where the texts of a JSON document are written, as the parser saw them. */
    private record Texts(String file, JsonTree.Located document) {

        /** The first character of {@code text}, after its quote; the file's start when it is no text of it. */
        SourceLocation at(JsonNode text) {
            JsonLocation at = document.texts().get(text);
            return at == null
                    ? SourceLocation.startOf(file)
                    : new SourceLocation(file, at.getLineNr(), at.getColumnNr() + 1);
        }
    }

    /**
     * Where names are written in an XML file read by CycloneDX's library, which gives no places:
     * found in the text in the order they are asked for, as a whole value (what follows is not part
     * of a name, so that pkg:generic/zlib is not found inside pkg:generic/zlib@1.3). Each search
     * starts where the last match was, so that a document's packages, asked in document order, take
     * one pass over the file rather than one pass each; a name not found after it is looked for
     * from the start.
     */
    private static final class Lines {
        private final String file;
        private final String text;
        private final int[] lineStarts;
        private int from;

        Lines(String file, String text) {
            this.file = file;
            this.text = text;
            int[] starts = new int[16];
            int count = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
            this.lineStarts = Arrays.copyOf(starts, count);
        }

        SourceLocation of(String name) {
            int at = find(name, from);
            if (at < 0) {
                at = find(name, 0);
            }
            if (at < 0) {
                return SourceLocation.startOf(file);
            }
            from = at;
            int line = Arrays.binarySearch(lineStarts, at);
            int index = line >= 0 ? line : -line - 2;
            return new SourceLocation(file, index + 1, at - lineStarts[index] + 1);
        }

        private int find(String name, int start) {
            int at = whole(name, start);
            return at >= 0 ? at : whole(name.replace("&", "&amp;"), start);
        }

        private int whole(String name, int start) {
            for (int at = text.indexOf(name, start); at >= 0; at = text.indexOf(name, at + 1)) {
                int end = at + name.length();
                if (end == text.length() || "<\"' \t\r\n".indexOf(text.charAt(end)) >= 0) {
                    return at;
                }
            }
            return -1;
        }
    }
}
