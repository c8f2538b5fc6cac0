-- The role every tenant request runs as (SET LOCAL ROLE inside withTenant): no login, no
-- superuser, no BYPASSRLS, so row-level security always applies to it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ckm_app') THEN
    CREATE ROLE ckm_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;--> statement-breakpoint
GRANT ckm_app TO CURRENT_USER;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ckm_app;--> statement-breakpoint

-- The current tenant, or NULL outside withTenant (which then matches no row).
CREATE OR REPLACE FUNCTION app_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_tenant_id() TO ckm_app;--> statement-breakpoint

-- The pattern every tenant-owned table copies: enable and force RLS, one policy on tenant_id.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON tenants
  USING (id = app_tenant_id()) WITH CHECK (id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON tenants TO ckm_app;--> statement-breakpoint

ALTER TABLE customers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE customers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON customers
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON customers TO ckm_app;
