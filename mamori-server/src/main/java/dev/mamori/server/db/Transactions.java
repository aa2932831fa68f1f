package dev.mamori.server.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction: committed when it returns, rolled back when it throws. */
public final class Transactions {

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Database database;

    public Transactions(Database database) {
        this.database = database;
    }

    public <T> T run(Work<T> work) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /**
     * Runs work on a connection of its own with every statement committed as it goes: for what
     * PostgreSQL refuses inside a transaction (VACUUM).
     */
    public <T> T outside(Work<T> work) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** The database failed under a request: the server's problem, not the client's. */
    public static final class DatabaseFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DatabaseFailure(SQLException cause) {
            super("database failure: " + cause.getMessage(), cause);
        }
    }
}
