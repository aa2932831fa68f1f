-- The facets of a finding the web pages filter on, in columns of their own (written with the
-- finding) instead of matched in its JSON text: layer, properties (their letters, e.g. 'CI'),
-- status (open or the treatment's word) and the words a search looks in (rule, title, element and
-- explanation, lower case). The page index carries the facets, so a filtered page and its count are
-- read from the index alone; only a search by words reads the (short) words column of the rows.
ALTER TABLE finding
    ADD COLUMN layer text,
    ADD COLUMN properties text,
    ADD COLUMN status text,
    ADD COLUMN words text;

-- The findings already stored get their facets from their JSON. The table refuses UPDATE (a
-- trigger): the migration lifts that for this one fill, in its own transaction, and puts it back.
ALTER TABLE finding DISABLE TRIGGER finding_immutable;
UPDATE finding SET
    layer = body::jsonb ->> 'layer',
    properties = CASE WHEN jsonb_typeof(body::jsonb -> 'properties') = 'array'
        THEN (SELECT COALESCE(string_agg(p, '' ORDER BY p), '')
              FROM jsonb_array_elements_text(body::jsonb -> 'properties') AS p)
        ELSE '' END,
    status = body::jsonb ->> 'status',
    words = lower(concat_ws(' ', rule, body::jsonb ->> 'title', body::jsonb ->> 'element',
        body::jsonb ->> 'explanation'));
ALTER TABLE finding ENABLE TRIGGER finding_immutable;

-- Every read of findings names its revision, and the page index carries the stakeholders: the
-- inverted index over all revisions' stakeholders was never chosen for a read, and was the dearest
-- part of storing a revision's findings.
DROP INDEX finding_by_stakeholder;
DROP INDEX finding_page;
CREATE INDEX finding_page ON finding (revision_id, severity_rank DESC, seq)
    INCLUDE (stakeholders, open, rule, layer, properties, status);

-- What a revision's compliance came to, per system: how many requirements apply and how many are
-- satisfied (the history page's trend of requirements met, without assessing old revisions again).
CREATE TABLE revision_compliance (
    revision_id   bigint NOT NULL REFERENCES revision (id),
    system_id     text NOT NULL,
    requirements  integer NOT NULL,
    satisfied     integer NOT NULL,
    PRIMARY KEY (revision_id, system_id)
);
CREATE TRIGGER revision_compliance_immutable BEFORE UPDATE OR DELETE ON revision_compliance
    FOR EACH ROW EXECUTE FUNCTION revision_immutable();

-- What a revision's file is: a model file (read as the landscape) or a bill of materials that a
-- component names with sbom: (read only through that name, never as a model).
ALTER TABLE revision_file ADD COLUMN kind text NOT NULL DEFAULT 'model' CHECK (kind IN ('model', 'sbom'));
