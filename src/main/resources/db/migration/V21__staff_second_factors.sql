-- Staff sign-in: passkeys (Spring Security's WebAuthn tables, read and written by its JDBC
-- repositories), a time-based one-time code (TOTP) with single-use recovery codes, and the
-- site's rule on who must have a second factor.

-- Spring Security's user_entities and user_credentials, in types both H2 and PostgreSQL take
-- (BYTEA is H2's name for VARBINARY too). user_entities.name is the staff user name.
CREATE TABLE user_entities (
    id            VARCHAR(1000) NOT NULL PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL,
    display_name  VARCHAR(200)
);
CREATE UNIQUE INDEX user_entities_name_uk ON user_entities (name);

CREATE TABLE user_credentials (
    credential_id                 VARCHAR(1000) NOT NULL PRIMARY KEY,
    user_entity_user_id           VARCHAR(1000) NOT NULL,
    public_key                    BYTEA         NOT NULL,
    signature_count               BIGINT,
    uv_initialized                BOOLEAN,
    backup_eligible               BOOLEAN       NOT NULL,
    authenticator_transports      VARCHAR(1000),
    public_key_credential_type    VARCHAR(100),
    backup_state                  BOOLEAN       NOT NULL,
    attestation_object            BYTEA,
    attestation_client_data_json  BYTEA,
    created                       TIMESTAMP,
    last_used                     TIMESTAMP,
    label                         VARCHAR(1000) NOT NULL
);
CREATE INDEX user_credentials_user_idx ON user_credentials (user_entity_user_id);

-- The TOTP secret of an account, once confirmed with a first code. last_step is the last time
-- step a code was accepted for: a code is taken only for a later step, so each code works once.
CREATE TABLE staff_totp (
    user_id       BIGINT       NOT NULL PRIMARY KEY,
    secret        VARCHAR(64)  NOT NULL,
    last_step     BIGINT       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT staff_totp_user_fk FOREIGN KEY (user_id) REFERENCES staff_user (id)
);

-- Recovery codes, stored as their SHA-256; a code used is deleted.
CREATE TABLE staff_recovery_code (
    user_id     BIGINT      NOT NULL,
    code_hash   VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, code_hash),
    CONSTRAINT staff_recovery_code_user_fk FOREIGN KEY (user_id) REFERENCES staff_user (id)
);

-- factors_version changes with every change to an account's factors (it is part of the access
-- stamp that ends other sessions); enrolment_required is set when an ADMIN resets them.
ALTER TABLE staff_user ADD COLUMN factors_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE staff_user ADD COLUMN enrolment_required BOOLEAN DEFAULT FALSE NOT NULL;

-- Who must have a second factor: NONE, EDITORS (ADMIN and EDITOR) or ALL staff.
CREATE TABLE staff_security_policy (
    id                      INTEGER     NOT NULL PRIMARY KEY,
    second_factor_required  VARCHAR(20) NOT NULL,
    CONSTRAINT staff_security_policy_one_row_ck CHECK (id = 1),
    CONSTRAINT staff_security_policy_required_ck CHECK (second_factor_required IN ('NONE', 'EDITORS', 'ALL'))
);
INSERT INTO staff_security_policy (id, second_factor_required) VALUES (1, 'NONE');
