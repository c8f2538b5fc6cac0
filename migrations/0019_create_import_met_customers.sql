CREATE TABLE "import_met_customers" (
	"tenant_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "import_met_customers_tenant_id_import_id_customer_id_pk" PRIMARY KEY("tenant_id","import_id","customer_id")
);
