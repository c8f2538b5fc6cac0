-- The latest NPS/CSAT of a chunk of customers (segmentation scoring, loyalty types) and the
-- ON DELETE of a customer (erasure, merges) look responses and widget visitors up by customer.
CREATE INDEX "survey_responses_tenant_id_customer_id_index" ON "survey_responses" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "widget_visitors_tenant_id_customer_id_index" ON "widget_visitors" USING btree ("tenant_id","customer_id");