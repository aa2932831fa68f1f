-- People: one account each, a password hashed with Argon2id (PHC string), and whether the account
-- runs the server (creates landscapes and accounts, grants any membership).
CREATE TABLE account (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$'),
    password_hash text NOT NULL,
    server_admin  boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Roles are per stakeholder of a landscape: admin (its members), maintainer (pushes its files),
-- viewer, auditor (reads the audit log).
CREATE TABLE membership (
    account_id   bigint NOT NULL REFERENCES account (id),
    landscape_id text   NOT NULL REFERENCES landscape (id),
    stakeholder  text   NOT NULL CHECK (stakeholder ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$'),
    role         text   NOT NULL CHECK (role IN ('admin', 'maintainer', 'viewer', 'auditor')),
    PRIMARY KEY (account_id, landscape_id, stakeholder, role)
);

-- API tokens: only their SHA-256 is kept; the token itself is shown once, when made.
CREATE TABLE api_token (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES account (id),
    label       text   NOT NULL,
    token_hash  text   NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
