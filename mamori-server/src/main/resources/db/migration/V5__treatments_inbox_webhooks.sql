-- What made a revision: a push of files, a treatment recorded through the server (written into the
-- stakeholder's treatments file), or a re-assessment of the same files (a new Mamori, a new day).
ALTER TABLE revision ADD COLUMN kind text NOT NULL DEFAULT 'push'
    CHECK (kind IN ('push', 'treatment', 'reassess'));

-- The treatments of a revision as the model states them, with the stakeholders they concern (the
-- owner of the file they are written in, and the stakeholder that decided): what expiry warnings
-- and the next treatment written into the same file are read from.
CREATE TABLE revision_treatment (
    revision_id   bigint NOT NULL REFERENCES revision (id),
    seq           integer NOT NULL,
    rule          text NOT NULL,
    element       text,
    status        text NOT NULL,
    decided_by    text,
    reason        text NOT NULL,
    until         date,
    ticket        text,
    file          text NOT NULL,
    line          integer NOT NULL,
    stakeholders  text[] NOT NULL,
    PRIMARY KEY (revision_id, seq)
);

-- The missions of a revision, the stakeholders they concern (their owner and the owners of the
-- systems they need) and whether an attacker from the exposed components can stop them.
CREATE TABLE revision_mission (
    revision_id   bigint NOT NULL REFERENCES revision (id),
    mission       text NOT NULL,
    name          text NOT NULL,
    stakeholders  text[] NOT NULL,
    stoppable     boolean NOT NULL,
    PRIMARY KEY (revision_id, mission)
);

CREATE TRIGGER revision_treatment_immutable BEFORE UPDATE OR DELETE ON revision_treatment
    FOR EACH ROW EXECUTE FUNCTION revision_immutable();
CREATE TRIGGER revision_mission_immutable BEFORE UPDATE OR DELETE ON revision_mission
    FOR EACH ROW EXECUTE FUNCTION revision_immutable();

-- What a revision changed for a stakeholder other than the one that made it: one item per change
-- (a path into its systems opened or closed, a finding on its elements opened or closed, a mission
-- it takes part in that became stoppable or no longer is), already cut to what it may see.
CREATE TABLE inbox_item (
    id            bigserial PRIMARY KEY,
    landscape_id  text NOT NULL REFERENCES landscape (id),
    stakeholder   text NOT NULL,
    revision      integer NOT NULL,
    caused_by     text NOT NULL,
    kind          text NOT NULL,
    body          text NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX inbox_by_reader ON inbox_item (landscape_id, stakeholder, id);
CREATE TRIGGER inbox_item_immutable BEFORE UPDATE OR DELETE ON inbox_item
    FOR EACH ROW EXECUTE FUNCTION revision_immutable();

-- Webhooks a stakeholder's admins configure: where its inbox items are posted, signed with the
-- secret (HMAC-SHA256 over the body). The secret is kept as given: the server must sign with it.
CREATE TABLE webhook (
    id            bigserial PRIMARY KEY,
    landscape_id  text NOT NULL REFERENCES landscape (id),
    stakeholder   text NOT NULL,
    url           text NOT NULL,
    secret        text NOT NULL,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL,
    removed_at    timestamptz
);

-- One event for one webhook, written in the transaction of the revision that caused it (so none is
-- lost to a crash), then delivered with retries; every attempt is recorded.
CREATE TABLE webhook_delivery (
    id            bigserial PRIMARY KEY,
    webhook_id    bigint NOT NULL REFERENCES webhook (id),
    revision      integer NOT NULL,
    body          text NOT NULL,
    state         text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts      integer NOT NULL DEFAULT 0,
    next_at       timestamptz NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_at) WHERE state = 'pending';

CREATE TABLE webhook_attempt (
    delivery_id   bigint NOT NULL REFERENCES webhook_delivery (id),
    attempt       integer NOT NULL,
    at            timestamptz NOT NULL,
    status        integer,
    error         text,
    PRIMARY KEY (delivery_id, attempt)
);

-- A finding's element, to tell one revision's findings from the next's (rule and element).
ALTER TABLE finding ADD COLUMN element text;

-- Treatments whose lapse has been announced to the stakeholders they concern: one warning per
-- treatment and date, however often the landscape is re-assessed.
CREATE TABLE treatment_warning (
    landscape_id  text NOT NULL REFERENCES landscape (id),
    stakeholder   text NOT NULL,
    rule          text NOT NULL,
    element       text NOT NULL,
    until         date NOT NULL,
    PRIMARY KEY (landscape_id, stakeholder, rule, element, until)
);

-- Pages of findings, most severe first, chosen on the index alone (its stakeholders and open flag
-- included), so that only the page's bodies are read.
CREATE INDEX finding_page ON finding (revision_id, severity_rank DESC, seq) INCLUDE (stakeholders, open);
