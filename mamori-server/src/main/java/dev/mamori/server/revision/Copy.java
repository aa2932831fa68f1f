package dev.mamori.server.revision;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.postgresql.PGConnection;

/**
 * Rows written with PostgreSQL's {@code COPY … FROM STDIN} in its text format: one stream for
 * many rows, many times faster than a statement per row. Values are escaped as that format
 * requires (backslash, tab, line breaks; {@code \N} for null) and arrays of text are written as
 * array literals with every element quoted.
 */
final class Copy {

    private final String table;
    private final StringBuilder rows = new StringBuilder(1 << 16);
    private boolean first = true;

    /** @param table the table and its column list, as COPY names them: {@code t (a, b, c)} */
    Copy(String table) {
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

    /** Ends the row. */
    Copy end() {
        rows.append('\n');
        first = true;
        return this;
    }

    private void separate() {
        if (!first) {
            rows.append('\t');
        }
        first = false;
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    /** Writes the rows on {@code c} (inside its transaction). */
    void into(Connection c) throws SQLException {
        if (rows.length() == 0) {
            return;
        }
        try {
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }
}
