package dev.mamori.server.db;

/**
 * The server cannot start, for a reason its operator can act on (the database is unreachable, its
 * schema is newer than this server, the data folder is unusable); the message says which.
 */
public final class StartFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StartFailure(String message) {
        super(message);
    }

    public StartFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
