CREATE TYPE "public"."segmentation_run_stage" AS ENUM('rfm', 'fit', 'cluster', 'score', 'rules', 'compare', 'finished');--> statement-breakpoint
CREATE TYPE "public"."segmentation_run_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "customer_scores" (
	"tenant_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"orders" integer NOT NULL,
	"purchase_days" integer NOT NULL,
	"tx_days" integer NOT NULL,
	"age_days" integer NOT NULL,
	"first_order_at" timestamp with time zone NOT NULL,
	"last_order_at" timestamp with time zone NOT NULL,
	"recency_days" integer NOT NULL,
	"monetary_minor" bigint NOT NULL,
	"repeat_spend_minor" bigint NOT NULL,
	"r" smallint NOT NULL,
	"f" smallint NOT NULL,
	"m" smallint NOT NULL,
	"segment" text NOT NULL,
	"p_alive" real,
	"expected30" real,
	"expected90" real,
	"expected365" real,
	"next_order_at" timestamp with time zone,
	"clv_minor" bigint,
	"churn_risk" real,
	"cluster" smallint,
	"loyalty" text,
	"tags" jsonb,
	CONSTRAINT "customer_scores_tenant_id_run_id_customer_id_pk" PRIMARY KEY("tenant_id","run_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "segment_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_segment" text NOT NULL,
	"to_segment" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "segmentation_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" "segmentation_run_status" DEFAULT 'queued' NOT NULL,
	"stage" "segmentation_run_stage" DEFAULT 'rfm' NOT NULL,
	"trigger" text NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"progress" jsonb DEFAULT '{"stage":"rfm","done":0,"total":0}'::jsonb NOT NULL,
	"model" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"diagnostics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cursor" uuid,
	"customers" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "segmentation_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "customer_scores" ADD CONSTRAINT "customer_scores_tenant_id_run_id_segmentation_runs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","run_id") REFERENCES "public"."segmentation_runs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_scores" ADD CONSTRAINT "customer_scores_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_events" ADD CONSTRAINT "segment_events_tenant_id_run_id_segmentation_runs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","run_id") REFERENCES "public"."segmentation_runs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segmentation_runs" ADD CONSTRAINT "segmentation_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_scores_tenant_id_customer_id_index" ON "customer_scores" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "customer_scores_tenant_id_run_id_segment_index" ON "customer_scores" USING btree ("tenant_id","run_id","segment");--> statement-breakpoint
CREATE INDEX "segment_events_tenant_id_at_index" ON "segment_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "segmentation_runs_tenant_id_created_at_index" ON "segmentation_runs" USING btree ("tenant_id","created_at");