ALTER TABLE customer_merges ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE customer_merges FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON customer_merges
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON customer_merges TO ckm_app;
