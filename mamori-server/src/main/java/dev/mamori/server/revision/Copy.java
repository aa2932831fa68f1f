package dev.mamori.server.revision;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows written with PostgreSQL's {@code COPY … FROM STDIN} in its text format: one stream for
 * many rows, many times faster than a statement per row. Values are escaped as that format
 * requires (backslash, tab, line breaks; {@code \N} for null) and arrays of text are written as
 * array literals with every element quoted. The rows are sent a chunk at a time as they are
 * made, not gathered into one text first (a revision's findings are tens of megabytes).
 */
final class Copy {

    /** How much text is gathered before it is sent. */
    private static final int CHUNK = 1 << 20;

    private final Connection connection;
    private final String table;
    private final StringBuilder rows = new StringBuilder(CHUNK + (CHUNK >> 2));
    private CopyIn copy;
    private boolean first = true;

    /**
     * @param connection where the rows go, inside its transaction
     * @param table the table and its column list, as COPY names them: {@code t (a, b, c)}
     */
    Copy(Connection connection, String table) {
        this.connection = connection;
        this.table = table;
    }

    Copy add(long value) {
        separate();
        rows.append(value);
        return this;
    }

    Copy add(double value) {
        separate();
        // Java's shortest form that reads back as the same double; PostgreSQL reads it exactly.
        rows.append(Double.toString(value));
        return this;
    }

    Copy add(boolean value) {
        separate();
        rows.append(value ? 't' : 'f');
        return this;
    }

    Copy add(String value) {
        separate();
        if (value == null) {
            rows.append("\\N");
        } else {
            escape(value, rows);
        }
        return this;
    }

    /** A text value already escaped by {@link #escape(String)} (never null). */
    Copy addEscaped(String escaped) {
        separate();
        rows.append(escaped);
        return this;
    }

    /** A {@code text[]} value. */
    Copy add(Collection<String> values) {
        StringBuilder literal = new StringBuilder("{");
        boolean firstElement = true;
        for (String v : values) {
            if (!firstElement) {
                literal.append(',');
            }
            firstElement = false;
            // Inside an array literal each element is quoted, with its quotes and backslashes escaped.
            literal.append('"')
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return add(literal.append('}').toString());
    }

    /** Ends the row; sends what is gathered once it is a chunk. */
    Copy end() throws SQLException {
        rows.append('\n');
        first = true;
        if (rows.length() >= CHUNK) {
            send();
        }
        return this;
    }

    private void send() throws SQLException {
        if (copy == null) {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN");
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        rows.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            // The connection goes back to its pool: not left in the middle of a COPY.
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
    }

    private void separate() {
        if (!first) {
            rows.append('\t');
        }
        first = false;
    }

    /** {@code value} as the text format writes it (not null). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        escape(value, out);
        return out.length() == value.length() ? value : out.toString();
    }

    private static void escape(String value, StringBuilder out) {
        // Most values hold nothing to escape: they are copied in runs, not a character at a time.
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            String replacement = switch (ch) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (replacement != null) {
                out.append(value, from, i).append(replacement);
                from = i + 1;
            }
        }
        out.append(value, from, value.length());
    }

    /** Sends the rest and ends the COPY; a failure cancels it (the caller's transaction then fails). */
    void finish() throws SQLException {
        try {
            if (rows.length() > 0) {
                send();
            }
            if (copy != null) {
                copy.endCopy();
            }
        } catch (SQLException | RuntimeException e) {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
    }
}
