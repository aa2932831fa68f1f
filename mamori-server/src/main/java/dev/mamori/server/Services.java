package dev.mamori.server;

import dev.mamori.server.account.Accounts;
import dev.mamori.server.account.Passwords;
import dev.mamori.server.account.Throttle;
import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.db.Database;
import dev.mamori.server.db.Transactions;
import dev.mamori.server.landscape.Landscapes;
import dev.mamori.server.revision.Revisions;
import dev.mamori.server.revision.Views;
import java.time.Clock;

/** What the API's handlers work with, over one database. */
public final class Services {

    private final Database database;
    private final Transactions tx;
    private final AuditLog audit;
    private final Accounts accounts;
    private final Landscapes landscapes;
    private final Revisions revisions;
    private final Views views;

    Services(Database database, Clock clock) {
        this.database = database;
        this.tx = new Transactions(database);
        this.audit = new AuditLog(clock);
        this.accounts = new Accounts(tx, new Passwords(), new Throttle(clock), audit::append);
        this.landscapes = new Landscapes(tx, audit::append);
        this.revisions = new Revisions(tx, landscapes, audit::append, clock);
        this.views = new Views(tx, landscapes);
    }

    public Database database() {
        return database;
    }

    public Transactions transactions() {
        return tx;
    }

    public AuditLog audit() {
        return audit;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Landscapes landscapes() {
        return landscapes;
    }

    public Revisions revisions() {
        return revisions;
    }

    public Views views() {
        return views;
    }
}
