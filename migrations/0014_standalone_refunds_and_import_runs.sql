-- Refunds may stand alone (imported cancellations name no original order): then they carry a
-- customer and a currency. A deleted customer clears only refunds.customer_id.
ALTER TYPE "public"."import_status" ADD VALUE 'running' BEFORE 'failed';--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'done' BEFORE 'failed';--> statement-breakpoint
ALTER TABLE "refunds" ALTER COLUMN "order_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "currency" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "results" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE set null ("customer_id") ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_standalone_external_id_unique" ON "refunds" USING btree ("tenant_id","external_id") WHERE order_id is null and external_id is not null;--> statement-breakpoint
CREATE INDEX "refunds_tenant_id_customer_id_index" ON "refunds" USING btree ("tenant_id","customer_id");--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_or_currency" CHECK (order_id is not null or currency is not null);