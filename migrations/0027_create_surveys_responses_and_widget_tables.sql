CREATE TYPE "public"."survey_response_status" AS ENUM('partial', 'complete');--> statement-breakpoint
CREATE TYPE "public"."survey_status" AS ENUM('draft', 'published', 'closed');--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"visitor_id" text NOT NULL,
	"customer_id" uuid,
	"language" text NOT NULL,
	"answers" jsonb NOT NULL,
	"status" "survey_response_status" NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"page_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_versions" (
	"tenant_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_versions_tenant_id_survey_id_version_pk" PRIMARY KEY("tenant_id","survey_id","version")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"status" "survey_status" DEFAULT 'draft' NOT NULL,
	"draft" jsonb NOT NULL,
	"version" integer,
	"created_by" text,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "widget_rate_limits" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "widget_rate_limits_tenant_id_key_window_start_pk" PRIMARY KEY("tenant_id","key","window_start")
);
--> statement-breakpoint
CREATE TABLE "widget_visitors" (
	"tenant_id" uuid NOT NULL,
	"visitor_id" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"identified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "widget_visitors_tenant_id_visitor_id_pk" PRIMARY KEY("tenant_id","visitor_id")
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "global_recontact_days" integer;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "widget_identity_secret" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "response_webhook_url" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "response_webhook_secret" text;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_tenant_id_survey_id_version_survey_versions_tenant_id_survey_id_version_fk" FOREIGN KEY ("tenant_id","survey_id","version") REFERENCES "public"."survey_versions"("tenant_id","survey_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_tenant_id_survey_id_surveys_tenant_id_id_fk" FOREIGN KEY ("tenant_id","survey_id") REFERENCES "public"."surveys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "widget_visitors" ADD CONSTRAINT "widget_visitors_tenant_id_customer_id_customers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_id_unique" ON "survey_responses" USING btree ("id");--> statement-breakpoint
CREATE INDEX "survey_responses_tenant_id_survey_id_completed_at_index" ON "survey_responses" USING btree ("tenant_id","survey_id","completed_at");--> statement-breakpoint
CREATE INDEX "survey_responses_tenant_id_visitor_id_index" ON "survey_responses" USING btree ("tenant_id","visitor_id");--> statement-breakpoint
CREATE INDEX "surveys_tenant_id_status_index" ON "surveys" USING btree ("tenant_id","status");