package dev.mamori.server.landscape;

import dev.mamori.server.ApiError;
import java.util.regex.Pattern;

/**
 * The names of a landscape's files as the server accepts them: relative paths inside the
 * landscape folder, of plain segments, so that no name can point outside it once written to disk.
 */
public final class FileNames {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");

    private FileNames() {}

    /**
     * The name as given, when it is a safe relative path ending in .yaml, .yml or .json.
     *
     * @throws ApiError 400 naming what is wrong with it
     */
    public static String checkedName(String name) {
        checkedPath(name);
        if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
            throw ApiError.badRequest("the file " + quoted(name) + " is not a model file (.yaml, .yml, .json)");
        }
        return name;
    }

    /**
     * The name as given, when it is a safe relative path of a bill of materials: CycloneDX (JSON or
     * XML) or SPDX JSON, as the model's {@code sbom:} reads them.
     *
     * @throws ApiError 400 naming what is wrong with it
     */
    public static String checkedSbomName(String name) {
        checkedPath(name);
        if (!(name.endsWith(".json") || name.endsWith(".xml"))) {
            throw ApiError.badRequest("the file " + quoted(name) + " is not a bill of materials (.json, .xml)");
        }
        return name;
    }

    /** A value for a message, shown safely. */
    public static String quotedForMessage(String value) {
        return quoted(value);
    }

    private static void checkedPath(String name) {
        if (name.isEmpty() || name.length() > 300) {
            throw ApiError.badRequest("a file name is 1-300 characters");
        }
        if (name.startsWith("/") || name.contains("\\") || name.contains("\0")) {
            throw ApiError.badRequest("the file name " + quoted(name) + " is not a relative path inside the landscape");
        }
        String[] segments = name.split("/", -1);
        if (segments.length > 8) {
            throw ApiError.badRequest("the file name " + quoted(name) + " is nested too deep (8 folders at most)");
        }
        for (String segment : segments) {
            if (segment.equals("..")
                    || segment.equals(".")
                    || !SEGMENT.matcher(segment).matches()) {
                throw ApiError.badRequest("the file name " + quoted(name) + " has a part that is not a plain name"
                        + " (letters, digits, _ . -; no '..')");
            }
        }
    }

    /** The name for a message: control characters shown as escapes, at most 80 characters. */
    static String quoted(String name) {
        StringBuilder b = new StringBuilder("'");
        name.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append(name.length() > 80 ? "…'" : "'").toString();
    }
}
