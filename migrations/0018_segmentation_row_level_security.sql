ALTER TABLE segmentation_runs ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE segmentation_runs FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON segmentation_runs
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON segmentation_runs TO ckm_app;--> statement-breakpoint

ALTER TABLE customer_scores ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE customer_scores FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON customer_scores
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON customer_scores TO ckm_app;--> statement-breakpoint

ALTER TABLE segment_events ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE segment_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON segment_events
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT ON segment_events TO ckm_app;
