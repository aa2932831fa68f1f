package dev.mamori.model.load;

import java.io.IOException;

/**
 * A {@link ModelSource} would not read a file: outside the landscape folder, not a regular file, or
 * too large. The message is written for the user, names the rule broken and the file as given, and
 * quotes nothing of the file's content; {@code code} is the diagnostic code it is reported under.
 */
public final class RefusedFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public RefusedFileException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
