-- The nightly purge of spent credentials: login throttle windows over a day old, refresh tokens
-- expired for more than p_keep_days, and sessions that were revoked that long ago or have no
-- token left. Runs as ckm_auth, which may delete from these tables only through this function.
CREATE POLICY credential_purge ON refresh_tokens FOR DELETE TO ckm_auth USING (true);--> statement-breakpoint
CREATE POLICY credential_purge ON sessions FOR SELECT TO ckm_auth USING (true);--> statement-breakpoint
CREATE POLICY credential_purge_delete ON sessions FOR DELETE TO ckm_auth USING (true);--> statement-breakpoint
GRANT SELECT (tenant_id, session_id, expires_at), DELETE ON refresh_tokens TO ckm_auth;--> statement-breakpoint
GRANT SELECT (tenant_id, id, revoked_at), DELETE ON sessions TO ckm_auth;--> statement-breakpoint

CREATE FUNCTION purge_expired_credentials(p_keep_days integer)
  RETURNS TABLE (throttle_windows bigint, spent_refresh_tokens bigint, ended_sessions bigint)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  keep interval := make_interval(days => p_keep_days);
BEGIN
  DELETE FROM login_throttle t WHERE t.window_started_at < now() - interval '1 day';
  GET DIAGNOSTICS throttle_windows = ROW_COUNT;
  DELETE FROM refresh_tokens r WHERE r.expires_at < now() - keep;
  GET DIAGNOSTICS spent_refresh_tokens = ROW_COUNT;
  DELETE FROM sessions s
   WHERE s.revoked_at < now() - keep
      OR NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.tenant_id = s.tenant_id AND r.session_id = s.id);
  GET DIAGNOSTICS ended_sessions = ROW_COUNT;
  RETURN NEXT;
END
$$;--> statement-breakpoint

GRANT CREATE ON SCHEMA public TO ckm_auth;--> statement-breakpoint
ALTER FUNCTION purge_expired_credentials(integer) OWNER TO ckm_auth;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM ckm_auth;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION purge_expired_credentials(integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION purge_expired_credentials(integer) TO ckm_app;
