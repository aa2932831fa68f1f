package dev.mamori.server;

import dev.mamori.server.db.Database;

/** What the API's handlers work with, over one database. */
public final class Services {

    private final Database database;

    Services(Database database) {
        this.database = database;
    }

    public Database database() {
        return database;
    }
}
