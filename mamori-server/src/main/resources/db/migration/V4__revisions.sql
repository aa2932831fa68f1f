-- An accepted push: immutable once written.
CREATE TABLE revision (
    id            bigserial PRIMARY KEY,
    landscape_id  text NOT NULL REFERENCES landscape (id),
    number        integer NOT NULL,
    stakeholder   text NOT NULL,
    author        text NOT NULL,
    message       text NOT NULL,
    content_hash  text NOT NULL,
    created_at    timestamptz NOT NULL,
    UNIQUE (landscape_id, number)
);

-- The landscape's every file as of a revision (a whole snapshot: a revision stands alone).
CREATE TABLE revision_file (
    revision_id  bigint NOT NULL REFERENCES revision (id),
    path         text NOT NULL,
    stakeholder  text NOT NULL,
    sha256       text NOT NULL,
    content      bytea NOT NULL,
    PRIMARY KEY (revision_id, path)
);

-- Which stakeholder a file belongs to: the one whose maintainers first pushed it.
CREATE TABLE file_owner (
    landscape_id  text NOT NULL REFERENCES landscape (id),
    path          text NOT NULL,
    stakeholder   text NOT NULL,
    PRIMARY KEY (landscape_id, path)
);

-- The systems of a revision and their owners: what decides who sees what.
CREATE TABLE revision_system (
    revision_id  bigint NOT NULL REFERENCES revision (id),
    system_id    text NOT NULL,
    owner        text NOT NULL,
    file         text NOT NULL,
    PRIMARY KEY (revision_id, system_id)
);

-- The assessment of a revision: its findings (each in the JSON assessment's form) and the
-- systemic paths, with the stakeholders each one touches.
CREATE TABLE finding (
    revision_id   bigint NOT NULL REFERENCES revision (id),
    seq           integer NOT NULL,
    rule          text NOT NULL,
    severity      text NOT NULL,
    severity_rank integer NOT NULL,
    system_id     text,
    open          boolean NOT NULL,
    stakeholders  text[] NOT NULL,
    body          text NOT NULL,
    PRIMARY KEY (revision_id, seq)
);
CREATE INDEX finding_by_stakeholder ON finding USING gin (stakeholders);

CREATE TABLE systemic_path (
    revision_id    bigint NOT NULL REFERENCES revision (id),
    seq            integer NOT NULL,
    target         text NOT NULL,
    target_system  text NOT NULL,
    entry          text NOT NULL,
    probability    double precision NOT NULL,
    hops           text NOT NULL,
    PRIMARY KEY (revision_id, seq)
);

CREATE FUNCTION revision_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'revisions and their assessments are immutable: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER revision_immutable BEFORE UPDATE OR DELETE ON revision
    FOR EACH ROW EXECUTE FUNCTION revision_immutable();
CREATE TRIGGER revision_file_immutable BEFORE UPDATE OR DELETE ON revision_file
    FOR EACH ROW EXECUTE FUNCTION revision_immutable();
CREATE TRIGGER revision_system_immutable BEFORE UPDATE OR DELETE ON revision_system
    FOR EACH ROW EXECUTE FUNCTION revision_immutable();
CREATE TRIGGER finding_immutable BEFORE UPDATE OR DELETE ON finding
    FOR EACH ROW EXECUTE FUNCTION revision_immutable();
CREATE TRIGGER systemic_path_immutable BEFORE UPDATE OR DELETE ON systemic_path
    FOR EACH ROW EXECUTE FUNCTION revision_immutable();
