ALTER TABLE integrations ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE integrations FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON integrations
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON integrations TO ckm_app;--> statement-breakpoint

ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON webhook_deliveries
  USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON webhook_deliveries TO ckm_app;--> statement-breakpoint

-- A webhook arrives before the tenant is known: its URL names only the integration. This
-- function answers "which tenant, and which secrets verify it?" as ckm_auth, like the credential
-- lookups of 0003, and nothing else.
CREATE POLICY credential_lookup ON integrations FOR SELECT TO ckm_auth USING (true);--> statement-breakpoint
GRANT SELECT (tenant_id, id, platform, shop_domain, status, secret, previous_secret, previous_secret_expires_at)
  ON integrations TO ckm_auth;--> statement-breakpoint

CREATE FUNCTION hook_integration(p_id uuid)
  RETURNS TABLE (
    integration_tenant_id uuid, integration_platform integration_platform, integration_shop_domain text,
    integration_status integration_status, integration_secrets text[]
  )
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT i.tenant_id, i.platform, i.shop_domain, i.status,
           array_remove(ARRAY[i.secret,
             CASE WHEN i.previous_secret_expires_at > now() THEN i.previous_secret END], NULL)
      FROM integrations i WHERE i.id = p_id
  $$;--> statement-breakpoint
-- The nightly retention run spans every tenant: raw payloads older than the tenant's
-- webhook_retention_days are dropped (the log line stays), and deliveries still waiting after
-- p_minutes (their queue message was lost) are listed to be queued again.
CREATE POLICY retention ON webhook_deliveries FOR SELECT TO ckm_auth USING (true);--> statement-breakpoint
CREATE POLICY retention_update ON webhook_deliveries FOR UPDATE TO ckm_auth USING (true) WITH CHECK (true);--> statement-breakpoint
GRANT SELECT (tenant_id, id, status, received_at, payload), UPDATE (payload, payload_purged_at) ON webhook_deliveries TO ckm_auth;--> statement-breakpoint
GRANT SELECT (webhook_retention_days) ON tenants TO ckm_auth;--> statement-breakpoint

CREATE FUNCTION purge_webhook_payloads() RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  purged bigint;
BEGIN
  UPDATE webhook_deliveries d SET payload = NULL, payload_purged_at = now()
    FROM tenants t
   WHERE t.id = d.tenant_id AND d.payload IS NOT NULL
     AND d.received_at < now() - make_interval(days => t.webhook_retention_days);
  GET DIAGNOSTICS purged = ROW_COUNT;
  RETURN purged;
END
$$;--> statement-breakpoint

CREATE FUNCTION stuck_webhook_deliveries(p_minutes integer) RETURNS TABLE (tenant_id uuid, id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT d.tenant_id, d.id FROM webhook_deliveries d
     WHERE d.status = 'received' AND d.received_at < now() - make_interval(mins => p_minutes)
     ORDER BY d.received_at LIMIT 1000
  $$;--> statement-breakpoint

GRANT CREATE ON SCHEMA public TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION hook_integration(uuid) OWNER TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION purge_webhook_payloads() OWNER TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION stuck_webhook_deliveries(integer) OWNER TO ckm_auth;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM ckm_auth;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION hook_integration(uuid), purge_webhook_payloads(), stuck_webhook_deliveries(integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION hook_integration(uuid), purge_webhook_payloads(), stuck_webhook_deliveries(integer) TO ckm_app;
