ALTER TABLE segments ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE segments FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON segments
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON segments TO ckm_app;
