package dev.mamori.report.oscal;

import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.report.json.StableJson;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the four OSCAL documents share: properties in Mamori's namespace, metadata, timestamps, links into the model. */
final class OscalJson {

    /** The OSCAL version the documents follow; the tests validate them against its JSON schemas. */
    static final String OSCAL_VERSION = "1.1.3";

    /** The namespace of every property Mamori defines; OSCAL's own properties have none. */
    static final String NS = "https://mamori.dev/ns/oscal";

    private OscalJson() {}

    /** A property of ours. */
    static Map<String, Object> prop(String name, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("ns", NS);
        out.put("value", string(String.valueOf(value)));
        return out;
    }

    /** A property of ours with a class (a token that qualifies it, such as the standard a crosswalk id belongs to). */
    static Map<String, Object> prop(String name, Object value, String cls) {
        Map<String, Object> out = prop(name, value);
        out.put("class", cls);
        return out;
    }

    /** A property of ours with remarks saying where it comes from. */
    static Map<String, Object> propWithRemarks(String name, Object value, String remarks) {
        Map<String, Object> out = prop(name, value);
        out.put("remarks", remarks);
        return out;
    }

    /**
     * OSCAL strings and lines allow neither line breaks in a line nor leading or trailing blanks:
     * text from the model and the catalog is folded onto one line.
     */
    static String string(String text) {
        String folded = text.replaceAll("\\s+", " ").strip();
        return folded.isEmpty() ? "-" : folded;
    }

    /** Midnight UTC of the assessment date: the documents carry no wall-clock time, so reruns are identical. */
    static String timestamp(LocalDate date) {
        return date + "T00:00:00Z";
    }

    static Map<String, Object> metadata(
            String title, LocalDate date, String version, List<Map<String, Object>> props, String remarks) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", string(title));
        out.put("last-modified", timestamp(date));
        out.put("version", string(version));
        out.put("oscal-version", OSCAL_VERSION);
        if (!props.isEmpty()) {
            out.put("props", props);
        }
        out.put("remarks", remarks);
        return out;
    }

    /**
     * A link to where an element is written in the model: the file as the model names it (a relative
     * reference from where Mamori ran), with the line as a fragment ({@code access.yaml#L12}).
     */
    static String href(SourceLocation at) {
        try {
            return new URI(null, null, path(at.file()), "L" + at.line()).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a reference of " + at.file(), e);
        }
    }

    /** The file alone, as a reference. */
    static String fileHref(String file) {
        try {
            return new URI(null, null, path(file), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a reference of " + file, e);
        }
    }

    /** A file name as a URI path; a first segment with a colon would read as a scheme, so it gets {@code ./}. */
    private static String path(String file) {
        String path = file.replace('\\', '/');
        int colon = path.indexOf(':');
        int slash = path.indexOf('/');
        return colon >= 0 && (slash < 0 || colon < slash) ? "./" + path : path;
    }

    /** The properties that locate an element in the model. */
    static List<Map<String, Object>> located(SourceLocation at) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(prop("file", at.file()));
        out.add(prop("line", at.line()));
        out.add(prop("column", at.column()));
        return out;
    }

    /**
     * Writes {@code {root: document}} as {@link #write(String, Map)} does, with the list under {@code
     * streamedKey} (which {@code document} holds, empty, where it belongs) written item by item from
     * {@code items} instead of held: the bytes are the same.
     */
    static <T> void write(
            String root,
            Map<String, Object> document,
            String streamedKey,
            Iterable<T> items,
            Function<T, Object> item,
            Writer to)
            throws IOException {
        try (StableJson.Document json = StableJson.open(to)) {
            json.startObject();
            json.name(root).startObject();
            for (Map.Entry<String, Object> e : document.entrySet()) {
                if (e.getKey().equals(streamedKey)) {
                    json.name(streamedKey).startArray();
                    for (T t : items) {
                        json.value(item.apply(t));
                    }
                    json.endArray();
                } else {
                    json.field(e.getKey(), e.getValue());
                }
            }
            json.endObject();
            json.endObject();
        }
    }

    static String write(String root, Map<String, Object> document) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(root, document);
        return StableJson.write(out);
    }
}
