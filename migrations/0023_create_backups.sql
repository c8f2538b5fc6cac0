CREATE TYPE "public"."backup_status" AS ENUM('queued', 'running', 'completed', 'failed');--> statement-breakpoint
CREATE TABLE "backups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"status" "backup_status" DEFAULT 'queued' NOT NULL,
	"progress" jsonb DEFAULT '{"table":null,"tablesDone":0,"tablesTotal":0,"rows":0,"parts":0}'::jsonb NOT NULL,
	"state" jsonb,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rows" bigint DEFAULT 0 NOT NULL,
	"size_bytes" bigint DEFAULT 0 NOT NULL,
	"plain_bytes" bigint DEFAULT 0 NOT NULL,
	"table_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"key_id" text,
	"schema_version" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"verification" jsonb,
	"restore" jsonb,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "backups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "backup_retention" jsonb DEFAULT '{"daily":7,"weekly":4,"monthly":12}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "backups" ADD CONSTRAINT "backups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backups_tenant_id_created_at_index" ON "backups" USING btree ("tenant_id","created_at");