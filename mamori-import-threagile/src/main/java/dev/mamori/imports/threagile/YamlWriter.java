package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.Out.OutList;
import dev.mamori.imports.threagile.Out.OutMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the imported model as YAML a person can read and edit: block mappings, short lists of
 * words on one line, and the comments that carry what has no Mamori key. Jackson's YAML writer
 * cannot write comments, hence this small writer; it quotes every value that YAML could read as
 * anything but text (numbers, dates, yes/no, text with colons or hashes), so the file reads back as
 * written.
 */
final class YamlWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 _./()@>+-]*");
    private static final Set<String> RESERVED =
            Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf");

    private final StringBuilder out = new StringBuilder();

    private YamlWriter() {}

    static String write(List<String> header, OutMap root, List<String> footer) {
        YamlWriter w = new YamlWriter();
        w.comments(header, 0);
        w.map(root, 0);
        if (!footer.isEmpty()) {
            w.out.append('\n');
            w.comments(footer, 0);
        }
        return w.out.toString();
    }

    /** A plain-values tree (maps, lists, scalars) as YAML lines, for quoting unmapped input in comments. */
    static String plain(Object value) {
        YamlWriter w = new YamlWriter();
        if (value instanceof java.util.Map<?, ?> m) {
            w.plainMap(m, 0);
        } else if (value instanceof List<?> l && !l.isEmpty()) {
            w.plainList(l, 0);
        } else {
            w.out.append(value == null ? "~" : scalar(value)).append('\n');
        }
        return w.out.toString();
    }

    private void comments(List<String> lines, int indent) {
        for (String comment : lines) {
            for (String line : comment.split("\\R", -1)) {
                indent(indent);
                out.append(line.isEmpty() ? "#" : "# " + printable(line.stripTrailing()))
                        .append('\n');
            }
        }
    }

    /** A comment line holds what a YAML comment may: other characters are written as escapes. */
    private static String printable(String line) {
        StringBuilder s = new StringBuilder(line.length());
        appendEscaped(s, line, false);
        return s.toString();
    }

    /**
     * Appends {@code text}, escaping what YAML does not allow in a file (control characters, C1
     * controls, U+FFFE and U+FFFF, unpaired surrogates) and what it reads as a line break; inside
     * a double-quoted scalar also the quote, the backslash and the tab.
     */
    private static void appendEscaped(StringBuilder out, String text, boolean quoted) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (quoted && c == '"') {
                out.append("\\\"");
            } else if (quoted && c == '\\') {
                out.append("\\\\");
            } else if (quoted && c == '\n') {
                out.append("\\n");
            } else if (quoted && c == '\t') {
                out.append("\\t");
            } else if (quoted && c == '\r') {
                out.append("\\r");
            } else if ((c < 0x20 && c != '\t')
                    || (c >= 0x7F && c <= 0x9F)
                    || c == 0x2028
                    || c == 0x2029
                    || c == 0xFEFF
                    || c == 0xFFFE
                    || c == 0xFFFF
                    || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
    }

    private void indent(int n) {
        out.append(" ".repeat(n));
    }

    private void map(OutMap map, int indent) {
        map.entries().forEach((key, slot) -> {
            comments(slot.comments, indent);
            indent(indent);
            out.append(key(key)).append(':');
            value(slot.value, indent);
        });
        comments(map.trailing, indent);
    }

    /** The rest of a line that holds {@code key:}, and the lines below it. */
    private void value(Object value, int indent) {
        if (value instanceof OutMap m) {
            if (m.isEmpty() && m.trailing.isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                map(m, indent + 2);
            }
        } else if (value instanceof OutList l) {
            if (l.items.isEmpty()) {
                out.append(" []\n");
            } else if (l.items.stream().allMatch(i -> isScalar(i.value) && i.comments.isEmpty())) {
                out.append(' ')
                        .append(flow(l.items.stream().map(i -> i.value).toList()))
                        .append('\n');
            } else {
                out.append('\n');
                list(l, indent + 2);
            }
        } else if (value instanceof List<?> l) {
            out.append(' ').append(flow(l)).append('\n');
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private void list(OutList list, int indent) {
        for (OutList.Item item : list.items) {
            comments(item.comments, indent);
            if (item.value instanceof OutMap m && !m.isEmpty()) {
                int start = out.length();
                map(m, indent + 2);
                dash(start, indent);
            } else {
                indent(indent);
                out.append("-");
                value(item.value, indent);
            }
        }
    }

    /** Turns the first entry line written since {@code start} into the item's {@code - } line. */
    private void dash(int start, int indent) {
        int at = start;
        while (at < out.length()) {
            int end = out.indexOf("\n", at);
            String line = out.substring(at, end);
            if (!line.stripLeading().startsWith("#")) {
                out.replace(at, at + indent + 2, " ".repeat(indent) + "- ");
                return;
            }
            at = end + 1;
        }
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Number;
    }

    private static String flow(List<?> items) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(scalar(items.get(i)));
        }
        return s.append(']').toString();
    }

    /** Keys are read as text whatever they look like, so only their syntax needs quoting (on: stays on). */
    static String key(String key) {
        return !key.isEmpty() && PLAIN.matcher(key).matches() && !key.endsWith(" ") ? key : quoted(key);
    }

    static String scalar(Object value) {
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        String s = value.toString();
        return plainSafe(s) ? s : quoted(s);
    }

    private static boolean plainSafe(String s) {
        return !s.isEmpty()
                && PLAIN.matcher(s).matches()
                && !s.endsWith(" ")
                && !RESERVED.contains(s.toLowerCase(Locale.ROOT));
    }

    /** A YAML double-quoted scalar; its escapes are those of JSON, which YAML shares. */
    static String quoted(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        appendEscaped(q, s, true);
        return q.append('"').toString();
    }

    private void plainMap(java.util.Map<?, ?> map, int indent) {
        if (map.isEmpty()) {
            indent(indent);
            out.append("{}\n");
            return;
        }
        map.forEach((k, v) -> {
            indent(indent);
            out.append(key(String.valueOf(k))).append(':');
            plainValue(v, indent);
        });
    }

    private void plainValue(Object v, int indent) {
        if (v instanceof java.util.Map<?, ?> m && !m.isEmpty()) {
            out.append('\n');
            plainMap(m, indent + 2);
        } else if (v instanceof List<?> l && !l.isEmpty() && !l.stream().allMatch(YamlWriter::isScalar)) {
            out.append('\n');
            plainList(l, indent + 2);
        } else if (v instanceof List<?> l) {
            out.append(' ').append(flow(l)).append('\n');
        } else if (v instanceof java.util.Map<?, ?>) {
            out.append(" {}\n");
        } else {
            out.append(v == null || "".equals(v) ? "" : " " + scalar(v)).append('\n');
        }
    }

    private void plainList(List<?> list, int indent) {
        for (Object item : list) {
            if (item instanceof java.util.Map<?, ?> m && !m.isEmpty()) {
                int start = out.length();
                plainMap(m, indent + 2);
                dash(start, indent);
            } else {
                indent(indent);
                out.append('-');
                plainValue(item, indent);
            }
        }
    }
}
