-- Users, API tokens and the audit log (identity module).
CREATE TABLE identity_user (
    id              bigserial PRIMARY KEY,
    username        text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{2,64}$'),
    display_name    text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('CITY_OFFICE', 'DEPARTMENT', 'COUNTY', 'ENTERPRISE', 'VIEWER')),
    county_code     text,
    organisation    text,
    password_hash   text        NOT NULL,
    enabled         boolean     NOT NULL DEFAULT true,
    failed_attempts int         NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (role NOT IN ('COUNTY', 'ENTERPRISE') OR county_code IS NOT NULL)
);

CREATE TABLE identity_api_token (
    id           bigserial PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES identity_user (id),
    name         text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE TABLE identity_audit_entry (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target_type text        NOT NULL,
    target_id   text        NOT NULL,
    county_code text,
    reason      text,
    details     text
);
CREATE INDEX identity_audit_entry_at ON identity_audit_entry (at DESC);
CREATE INDEX identity_audit_entry_county ON identity_audit_entry (county_code, at DESC);
