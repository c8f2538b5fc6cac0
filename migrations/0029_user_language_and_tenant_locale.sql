-- A member's dashboard language (null: follow the browser) and the tenant's formatting locale,
-- en-GB for existing tenants too. ckm_app's table-wide grants on users and tenants cover the new
-- columns; ckm_auth's column grants are for credential lookups and need neither.
CREATE TYPE "public"."user_language" AS ENUM('en', 'zh-CN');--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "locale" text DEFAULT 'en-GB' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" "user_language";