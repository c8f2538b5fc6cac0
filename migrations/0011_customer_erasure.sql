ALTER TABLE "customers" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
-- Erasing a person also removes the merge records that keep copies of their data.
GRANT DELETE ON customer_merges TO ckm_app;
