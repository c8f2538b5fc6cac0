ALTER TABLE import_met_customers ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE import_met_customers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON import_met_customers
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON import_met_customers TO ckm_app;
