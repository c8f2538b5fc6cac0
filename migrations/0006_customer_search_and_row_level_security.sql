-- Search over name, email, phone and company: a generated tsvector with the 'simple' configuration
-- (no stemming, so names and Chinese text match as written) and a GIN index; queries use prefix
-- matching (`term:*`). The phone enters as digits only, so "44791" finds +447911123456.
ALTER TABLE customers ADD COLUMN search tsvector GENERATED ALWAYS AS (
  to_tsvector('simple',
    coalesce(display_name, '') || ' ' || coalesce(email, '') || ' ' ||
    coalesce(regexp_replace(phone, '[^0-9]', '', 'g'), '') || ' ' || coalesce(company, ''))
) STORED;--> statement-breakpoint
CREATE INDEX customers_search_index ON customers USING gin (search);--> statement-breakpoint

ALTER TABLE custom_attributes ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE custom_attributes FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON custom_attributes
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON custom_attributes TO ckm_app;--> statement-breakpoint

ALTER TABLE customer_identities ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE customer_identities FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON customer_identities
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON customer_identities TO ckm_app;--> statement-breakpoint

ALTER TABLE interactions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE interactions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON interactions
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON interactions TO ckm_app;
