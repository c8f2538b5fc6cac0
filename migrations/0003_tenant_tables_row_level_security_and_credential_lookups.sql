-- Row-level security on every tenant table, the pattern of 0001: enable, force, one policy.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON users
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON users TO ckm_app;--> statement-breakpoint

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON sessions
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO ckm_app;--> statement-breakpoint

ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE refresh_tokens FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON refresh_tokens
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_tokens TO ckm_app;--> statement-breakpoint

ALTER TABLE invites ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE invites FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON invites
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON invites TO ckm_app;--> statement-breakpoint

-- Keys are revoked, never deleted, so the audit trail can always name them.
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON api_keys
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON api_keys TO ckm_app;--> statement-breakpoint

-- Append-only for the application: no UPDATE or DELETE grant exists.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_log
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO ckm_app;--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_log_id_seq TO ckm_app;--> statement-breakpoint

-- Credential lookups. A login, a refresh token, an invite token or an API key arrives before
-- the tenant is known. These functions answer only "which tenant?" (and, for API keys, what the
-- key may do) and run as ckm_auth: no login, no BYPASSRLS, able to read a few columns of the
-- credential tables through policies of its own. ckm_app may call them, nothing more.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ckm_auth') THEN
    CREATE ROLE ckm_auth NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;--> statement-breakpoint
GRANT ckm_auth TO CURRENT_USER;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ckm_auth;--> statement-breakpoint

CREATE POLICY credential_lookup ON users FOR SELECT TO ckm_auth USING (true);--> statement-breakpoint
GRANT SELECT (tenant_id, email) ON users TO ckm_auth;--> statement-breakpoint
CREATE POLICY credential_lookup ON refresh_tokens FOR SELECT TO ckm_auth USING (true);--> statement-breakpoint
GRANT SELECT (tenant_id, token_hash) ON refresh_tokens TO ckm_auth;--> statement-breakpoint
CREATE POLICY credential_lookup ON invites FOR SELECT TO ckm_auth USING (true);--> statement-breakpoint
GRANT SELECT (tenant_id, token_hash) ON invites TO ckm_auth;--> statement-breakpoint
CREATE POLICY credential_lookup ON tenants FOR SELECT TO ckm_auth USING (true);--> statement-breakpoint
GRANT SELECT (id, allowed_origins) ON tenants TO ckm_auth;--> statement-breakpoint
CREATE POLICY credential_lookup ON api_keys FOR SELECT TO ckm_auth USING (true);--> statement-breakpoint
CREATE POLICY credential_touch ON api_keys FOR UPDATE TO ckm_auth USING (true) WITH CHECK (true);--> statement-breakpoint
GRANT SELECT (tenant_id, id, kind, role, token_hash, expires_at, revoked_at, last_used_at) ON api_keys TO ckm_auth;--> statement-breakpoint
GRANT UPDATE (last_used_at) ON api_keys TO ckm_auth;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO ckm_auth;--> statement-breakpoint

CREATE FUNCTION credential_tenant_of_email(p_email text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT u.tenant_id FROM users u WHERE lower(u.email) = lower(p_email) $$;--> statement-breakpoint

CREATE FUNCTION credential_tenant_of_refresh_token(p_token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT r.tenant_id FROM refresh_tokens r WHERE r.token_hash = p_token_hash $$;--> statement-breakpoint

CREATE FUNCTION credential_tenant_of_invite(p_token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT i.tenant_id FROM invites i WHERE i.token_hash = p_token_hash $$;--> statement-breakpoint

-- Resolves an API key by hash and records its use, at most once a minute to spare writes.
CREATE FUNCTION credential_api_key(p_token_hash text)
  RETURNS TABLE (
    key_tenant_id uuid, key_id uuid, key_kind api_key_kind, key_role member_role,
    key_expires_at timestamptz, key_revoked_at timestamptz, tenant_allowed_origins text[]
  )
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  UPDATE api_keys k SET last_used_at = now()
   WHERE k.token_hash = p_token_hash AND k.revoked_at IS NULL
     AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute');
  RETURN QUERY
    SELECT k.tenant_id, k.id, k.kind, k.role, k.expires_at, k.revoked_at, t.allowed_origins
      FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
     WHERE k.token_hash = p_token_hash;
END
$$;--> statement-breakpoint

-- Seconds until the most restrictive exhausted key allows another login attempt, or 0.
CREATE FUNCTION login_retry_after(p_keys text[], p_limits integer[], p_window_seconds integer) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  SELECT coalesce(max(ceil(extract(epoch FROM t.window_started_at + make_interval(secs => p_window_seconds) - now())))::integer, 0)
    FROM login_throttle t
    JOIN unnest(p_keys, p_limits) AS l(key, max_failures) ON l.key = t.key
   WHERE t.failures >= l.max_failures
     AND t.window_started_at + make_interval(secs => p_window_seconds) > now()
$$;--> statement-breakpoint

CREATE FUNCTION login_failed(p_keys text[], p_window_seconds integer) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  INSERT INTO login_throttle AS t (key, failures, window_started_at)
  SELECT k, 1, now() FROM unnest(p_keys) AS k
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN t.window_started_at + make_interval(secs => p_window_seconds) > now() THEN t.failures + 1 ELSE 1 END,
    window_started_at = CASE WHEN t.window_started_at + make_interval(secs => p_window_seconds) > now() THEN t.window_started_at ELSE now() END
$$;--> statement-breakpoint

CREATE FUNCTION login_succeeded(p_key text) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ DELETE FROM login_throttle WHERE key = p_key $$;--> statement-breakpoint

-- Owning a function requires CREATE on its schema; ckm_auth holds it only while ownership moves.
GRANT CREATE ON SCHEMA public TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION credential_tenant_of_email(text) OWNER TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION credential_tenant_of_refresh_token(text) OWNER TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION credential_tenant_of_invite(text) OWNER TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION credential_api_key(text) OWNER TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION login_retry_after(text[], integer[], integer) OWNER TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION login_failed(text[], integer) OWNER TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION login_succeeded(text) OWNER TO ckm_auth;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM ckm_auth;--> statement-breakpoint

REVOKE EXECUTE ON FUNCTION credential_tenant_of_email(text), credential_tenant_of_refresh_token(text),
  credential_tenant_of_invite(text), credential_api_key(text), login_retry_after(text[], integer[], integer),
  login_failed(text[], integer), login_succeeded(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION credential_tenant_of_email(text), credential_tenant_of_refresh_token(text),
  credential_tenant_of_invite(text), credential_api_key(text), login_retry_after(text[], integer[], integer),
  login_failed(text[], integer), login_succeeded(text) TO ckm_app;
