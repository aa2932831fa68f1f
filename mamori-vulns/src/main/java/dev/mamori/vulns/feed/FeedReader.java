package dev.mamori.vulns.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.vulns.json.JsonTree;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a file of vulnerability data, whatever its format: it tells the format from the content
 * (OSV, CSAF 2.0, the known-exploited catalog, EPSS CSV, NVD CVE JSON 2.0, CycloneDX VEX,
 * OpenVEX), and a zip archive of OSV files (an ecosystem dump) entry by entry.
 */
public final class FeedReader {

    private FeedReader() {}

    /** A file that is not vulnerability data Mamori reads; the message says why, for the user. */
    public static final class BadFeed extends Exception {
        private static final long serialVersionUID = 1L;

        public BadFeed(String message) {
            super(message);
        }
    }

    /** The kind of {@code bytes}, read from {@code file}, without reading all of it. */
    public static List<Feed> read(String file, byte[] bytes) throws BadFeed {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return zip(file, bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String start = text.stripLeading();
        if (start.startsWith("#") || start.toLowerCase(java.util.Locale.ROOT).startsWith("cve,")) {
            return List.of(EpssReader.read(file, text));
        }
        if (start.startsWith("<") && org.cyclonedx.parsers.BomParserFactory.looksLikeCycloneDX(bytes)) {
            return List.of(VexReaders.cyclonedxXml(file, bytes));
        }
        if (!start.startsWith("{") && !start.startsWith("[")) {
            throw new BadFeed(file + " is not vulnerability data Mamori reads: expected JSON (OSV, CSAF, KEV, NVD,"
                    + " CycloneDX VEX, OpenVEX), CycloneDX VEX in XML, EPSS CSV or a zip of OSV files");
        }
        JsonNode root;
        try {
            root = JsonTree.read(text);
        } catch (JsonProcessingException e) {
            throw new BadFeed(file + ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": not valid JSON: " + e.getOriginalMessage());
        }
        return List.of(json(file, root));
    }

    private static Feed json(String file, JsonNode root) throws BadFeed {
        if (root.isArray()) {
            List<Advisory> all = new ArrayList<>();
            for (JsonNode item : root) {
                all.addAll(OsvReader.read(file, item));
            }
            return new Feed(FeedKind.OSV, file, java.util.Optional.empty(), all, List.of(), List.of(), List.of());
        }
        if (root.path("bomFormat").asText("").equals("CycloneDX")) {
            return VexReaders.cyclonedx(file, root);
        }
        if (root.path("@context").asText("").contains("openvex")) {
            return VexReaders.openvex(file, root);
        }
        if (root.path("document").has("csaf_version")) {
            return CsafReader.read(file, root);
        }
        if (root.has("catalogVersion") && root.has("vulnerabilities")) {
            return KevReader.read(file, root);
        }
        if (root.path("format").asText("").equals("NVD_CVE")
                || root.path("vulnerabilities").path(0).has("cve")) {
            return NvdReader.read(file, root);
        }
        if (root.has("id") && (root.has("affected") || root.has("modified"))) {
            return new Feed(
                    FeedKind.OSV,
                    file,
                    text(root, "modified"),
                    OsvReader.read(file, root),
                    List.of(),
                    List.of(),
                    List.of());
        }
        throw new BadFeed(file + " is JSON, but not a format Mamori reads: OSV (\"id\", \"affected\"), CSAF 2.0"
                + " (\"document\".\"csaf_version\"), the KEV catalog (\"catalogVersion\"), NVD CVE JSON 2.0"
                + " (\"format\": \"NVD_CVE\"), CycloneDX VEX (\"bomFormat\") or OpenVEX (\"@context\")");
    }

    private static List<Feed> zip(String file, byte[] bytes) throws BadFeed {
        List<Advisory> all = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > 5_000_000) {
                    throw new BadFeed(file + " holds more than 5,000,000 entries");
                }
                if (entry.isDirectory() || !entry.getName().endsWith(".json")) {
                    continue;
                }
                byte[] content = in.readNBytes(50_000_000);
                String name = file + "!" + entry.getName();
                try {
                    all.addAll(OsvReader.read(name, JsonTree.read(content)));
                } catch (JsonProcessingException e) {
                    throw new BadFeed(name + ": not valid JSON: " + e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new BadFeed(file + " is not a readable zip archive: " + e.getMessage());
        }
        return List.of(new Feed(FeedKind.OSV, file, java.util.Optional.empty(), all, List.of(), List.of(), List.of()));
    }

    static java.util.Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank()
                ? java.util.Optional.empty()
                : java.util.Optional.of(v.asText());
    }
}
