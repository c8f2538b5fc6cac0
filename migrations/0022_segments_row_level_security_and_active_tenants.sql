ALTER TABLE segments ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE segments FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON segments
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON segments TO ckm_app;--> statement-breakpoint

-- Nightly work spans every tenant (the scheduled segmentation runs): this lists the tenants'
-- ids as ckm_auth, which may read tenants.id through the credential_lookup policy of 0003, and
-- nothing else. What each tenant then holds is read inside its own withTenant transaction.
CREATE FUNCTION active_tenant_ids() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.id FROM tenants t ORDER BY t.id
  $$;--> statement-breakpoint

GRANT CREATE ON SCHEMA public TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION active_tenant_ids() OWNER TO ckm_auth;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM ckm_auth;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION active_tenant_ids() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION active_tenant_ids() TO ckm_app;
