ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON idempotency_keys
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO ckm_app;--> statement-breakpoint

-- The nightly run drops keys past their day, across every tenant, and nothing else.
CREATE POLICY expiry ON idempotency_keys FOR ALL TO ckm_auth USING (true);--> statement-breakpoint
GRANT SELECT (expires_at), DELETE ON idempotency_keys TO ckm_auth;--> statement-breakpoint

CREATE FUNCTION purge_idempotency_keys() RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  purged bigint;
BEGIN
  DELETE FROM idempotency_keys WHERE expires_at < now();
  GET DIAGNOSTICS purged = ROW_COUNT;
  RETURN purged;
END
$$;--> statement-breakpoint

GRANT CREATE ON SCHEMA public TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION purge_idempotency_keys() OWNER TO ckm_auth;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM ckm_auth;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION purge_idempotency_keys() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION purge_idempotency_keys() TO ckm_app;
