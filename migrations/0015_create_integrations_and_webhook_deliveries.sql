CREATE TYPE "public"."delivery_status" AS ENUM('received', 'processed', 'ignored', 'failed', 'dead');--> statement-breakpoint
CREATE TYPE "public"."integration_platform" AS ENUM('shopify', 'woocommerce', 'stripe', 'generic');--> statement-breakpoint
CREATE TYPE "public"."integration_status" AS ENUM('active', 'disabled');--> statement-breakpoint
CREATE TABLE "integrations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"platform" "integration_platform" NOT NULL,
	"name" text NOT NULL,
	"shop_domain" text,
	"status" "integration_status" DEFAULT 'active' NOT NULL,
	"secret" text NOT NULL,
	"previous_secret" text,
	"previous_secret_expires_at" timestamp with time zone,
	"secret_rotated_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"integration_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"dedup_key" text NOT NULL,
	"webhook_id" text,
	"payload" text,
	"payload_bytes" integer NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "delivery_status" DEFAULT 'received' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"processed_at" timestamp with time zone,
	"error" text,
	"outcome" jsonb,
	"payload_purged_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "customer_identities" ADD COLUMN "source_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "source_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_tenant_id_integration_id_integrations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","integration_id") REFERENCES "public"."integrations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "integrations_id_unique" ON "integrations" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_dedup_unique" ON "webhook_deliveries" USING btree ("tenant_id","integration_id","dedup_key");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_tenant_id_integration_id_received_at_id_index" ON "webhook_deliveries" USING btree ("tenant_id","integration_id","received_at","id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_unpurged_index" ON "webhook_deliveries" USING btree ("tenant_id","received_at") WHERE payload is not null;