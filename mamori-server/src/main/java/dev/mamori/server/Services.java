package dev.mamori.server;

import dev.mamori.server.account.Accounts;
import dev.mamori.server.account.Passwords;
import dev.mamori.server.account.Throttle;
import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.db.Database;
import dev.mamori.server.db.Transactions;
import dev.mamori.server.landscape.Landscapes;
import dev.mamori.server.notify.Webhooks;
import dev.mamori.server.revision.Inbox;
import dev.mamori.server.revision.Revisions;
import dev.mamori.server.revision.Views;
import dev.mamori.server.treatment.Treatments;
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
    private final Treatments treatments;
    private final Inbox inbox;
    private final Webhooks webhooks;
    private final Clock clock;

    Services(Database database, MamoriServer.Tuning tuning) {
        Clock clock = tuning.clock();
        this.clock = clock;
        this.database = database;
        this.tx = new Transactions(database);
        this.audit = new AuditLog(clock);
        this.accounts = new Accounts(tx, new Passwords(), new Throttle(clock), audit::append);
        this.landscapes = new Landscapes(tx, audit::append);
        this.revisions = new Revisions(tx, landscapes, audit::append, clock);
        this.views = new Views(tx, landscapes);
        this.treatments = new Treatments(tx, landscapes, revisions, audit::append, clock);
        this.inbox = new Inbox(tx);
        this.webhooks = new Webhooks(
                tx, landscapes, audit::append, clock, tuning.webhookFirstRetry(), tuning.webhookAttempts());
    }

    public Treatments treatments() {
        return treatments;
    }

    public Inbox inbox() {
        return inbox;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    public Clock clock() {
        return clock;
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
