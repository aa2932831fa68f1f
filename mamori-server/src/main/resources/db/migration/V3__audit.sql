-- Every write, one record each, chained: a record's hash covers its fields and the hash of the one
-- before it, so that changing or removing a record breaks the chain from there on.
CREATE TABLE audit_record (
    seq        bigint PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor      text NOT NULL,
    action     text NOT NULL,
    landscape  text,
    detail     text NOT NULL,
    prev_hash  text NOT NULL,
    hash       text NOT NULL
);

-- The database itself refuses to change or remove a record: appending is the only write.
CREATE FUNCTION audit_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER audit_record_no_change BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();
