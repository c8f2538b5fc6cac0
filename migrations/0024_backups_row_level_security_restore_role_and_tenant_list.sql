ALTER TABLE backups ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE backups FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON backups
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON backups TO ckm_app;--> statement-breakpoint

-- A restore replaces a tenant's rows, which needs DELETE on tables the application role may only
-- append to (the delivery log, segmentation runs). ckm_restore is ckm_app plus DELETE, and like
-- it has neither superuser nor BYPASSRLS: the tenant_isolation policies still bound every
-- statement to app.tenant_id. Only the restore job sets this role.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ckm_restore') THEN
    CREATE ROLE ckm_restore NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;--> statement-breakpoint
GRANT ckm_app TO ckm_restore;--> statement-breakpoint
GRANT ckm_restore TO CURRENT_USER;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ckm_restore;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON
  api_keys, custom_attributes, customer_identities, customer_merges, customer_scores, customers,
  import_met_customers, import_problems, imports, integrations, interactions, invites, order_lines,
  orders, refresh_tokens, refunds, segment_events, segmentation_runs, sessions, users,
  webhook_deliveries, tenants
  TO ckm_restore;--> statement-breakpoint
-- The audit log stays append-only for restores too: missing entries are added back, none removed.
GRANT SELECT, INSERT ON audit_log TO ckm_restore;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ckm_restore;--> statement-breakpoint

-- The nightly run backs up every tenant, so it needs their ids before any tenant is entered.
CREATE FUNCTION active_tenant_ids() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT t.id FROM tenants t ORDER BY t.id $$;--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION active_tenant_ids() OWNER TO ckm_auth;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM ckm_auth;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION active_tenant_ids() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION active_tenant_ids() TO ckm_app;
