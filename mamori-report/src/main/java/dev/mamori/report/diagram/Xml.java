package dev.mamori.report.diagram;

/** Escaping of text from the model for XML and HTML, where it must show as written and never as markup. */
public final class Xml {

    private Xml() {}

    public static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    // Control characters are not allowed in XML 1.0; a model could carry one in a description.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    public static String attribute(String s) {
        return text(s).replace("\"", "&quot;").replace("'", "&#39;");
    }
}
