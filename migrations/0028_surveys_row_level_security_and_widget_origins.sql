-- A response outlives the customer it was linked to (its answers still count in results).
ALTER TABLE survey_responses DROP CONSTRAINT "survey_responses_tenant_id_customer_id_customers_tenant_id_id_fk";--> statement-breakpoint
ALTER TABLE survey_responses ADD CONSTRAINT "survey_responses_tenant_id_customer_id_customers_tenant_id_id_fk"
  FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE SET NULL (customer_id);--> statement-breakpoint

ALTER TABLE surveys ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE surveys FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON surveys
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON surveys TO ckm_app;--> statement-breakpoint

ALTER TABLE survey_versions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE survey_versions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON survey_versions
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON survey_versions TO ckm_app;--> statement-breakpoint

ALTER TABLE survey_responses ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE survey_responses FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON survey_responses
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON survey_responses TO ckm_app;--> statement-breakpoint

ALTER TABLE widget_visitors ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE widget_visitors FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON widget_visitors
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON widget_visitors TO ckm_app;--> statement-breakpoint

ALTER TABLE widget_rate_limits ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE widget_rate_limits FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON widget_rate_limits
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON widget_rate_limits TO ckm_app;--> statement-breakpoint

-- A CORS preflight carries no key, so no tenant is known yet: it may go ahead when some tenant
-- allows the origin; the request that follows is checked against its key's own tenant.
CREATE FUNCTION widget_origin_allowed(p_origin text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM tenants t WHERE p_origin = ANY (t.allowed_origins)) $$;--> statement-breakpoint
-- The nightly run drops rate-limit windows that have passed, across every tenant.
CREATE POLICY expiry ON widget_rate_limits FOR ALL TO ckm_auth USING (true);--> statement-breakpoint
GRANT SELECT (window_start), DELETE ON widget_rate_limits TO ckm_auth;--> statement-breakpoint
CREATE FUNCTION purge_widget_rate_limits() RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  purged bigint;
BEGIN
  DELETE FROM widget_rate_limits WHERE window_start < now() - interval '1 hour';
  GET DIAGNOSTICS purged = ROW_COUNT;
  RETURN purged;
END
$$;--> statement-breakpoint

GRANT CREATE ON SCHEMA public TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION widget_origin_allowed(text) OWNER TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION purge_widget_rate_limits() OWNER TO ckm_auth;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM ckm_auth;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION widget_origin_allowed(text), purge_widget_rate_limits() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION widget_origin_allowed(text), purge_widget_rate_limits() TO ckm_app;
