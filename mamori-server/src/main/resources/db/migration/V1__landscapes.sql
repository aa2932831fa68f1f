-- A landscape kept by the server: its id in URLs and the name of its root file.
CREATE TABLE landscape (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    root_file   text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
