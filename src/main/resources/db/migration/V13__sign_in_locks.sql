-- One row per account name and per client address that has tried to sign in. A sign-in try
-- takes the row lock of its address and then of its account (always in that order) for the
-- short transaction in which it counts the recent failures and records itself as pending, so
-- that concurrent tries, on any instance, are counted one after the other (SignInGuard).
-- used_at lets a cleanup job remove rows nobody has used for a day.

CREATE TABLE sign_in_lock (
    lock_key  VARCHAR(80)  NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sign_in_lock_pk PRIMARY KEY (lock_key)
);
CREATE INDEX sign_in_lock_used_idx ON sign_in_lock (used_at);
CREATE INDEX sign_in_attempt_time_idx ON sign_in_attempt (attempted_at);
