-- Joint prevention with the neighbouring cities (联防联控, neighbours module).

-- A neighbour: the city as the national network names its stations, the name its documents are signed as,
-- its Ed25519 public key (to check what it sends) and the endpoint Handan's documents go to (a webhook of
-- kind DOCUMENTS).
CREATE TABLE neighbour_city (
    city       text PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    public_key text,                                  -- base64 of the X.509 SubjectPublicKeyInfo
    webhook_id bigint,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);

-- Handan's own signing key (Ed25519), made on the first start; its public half is published.
CREATE TABLE neighbour_signing_key (
    id          int PRIMARY KEY CHECK (id = 1),
    private_key bytea       NOT NULL,                 -- PKCS#8
    public_key  bytea       NOT NULL,                 -- X.509
    created_at  timestamptz NOT NULL
);

-- Every document sent to or received from a neighbour, as signed: the exact payload and its signature.
CREATE TABLE neighbour_document (
    id          uuid PRIMARY KEY,
    direction   text        NOT NULL CHECK (direction IN ('SENT', 'RECEIVED')),
    city        text        NOT NULL,                 -- the neighbour it went to or came from ('*' for every neighbour)
    kind        text        NOT NULL,
    payload     text        NOT NULL,
    signature   text        NOT NULL,
    issued_at   timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    summary     text        NOT NULL
);
CREATE INDEX neighbour_document_recent ON neighbour_document (recorded_at DESC);
