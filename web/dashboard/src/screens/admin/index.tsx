import { Redirect, Route, Switch } from "wouter";
import { ApiKeysScreen } from "./api-keys/api-keys-screen.tsx";
import { AuditLogScreen } from "./audit/audit-log-screen.tsx";
import { BackupDetail } from "./backups/backup-detail.tsx";
import { BackupsScreen } from "./backups/backups-screen.tsx";
import { SettingsScreen } from "./general/settings-screen.tsx";
import { DeliveryDetail } from "./integrations/delivery-detail.tsx";
import { IntegrationDetail } from "./integrations/integration-detail.tsx";
import { IntegrationsScreen } from "./integrations/integrations-screen.tsx";
import { MembersScreen } from "./members/members-screen.tsx";
import "./admin.css";

/** Administration under /settings: integrations, backups, members, API keys, audit log, settings. */
export default function AdminArea() {
  return (
    <div className="admin-area">
      <Switch>
        <Route path="/integrations" component={IntegrationsScreen} />
        <Route path="/integrations/:integrationId" component={IntegrationDetail} />
        <Route path="/integrations/:integrationId/deliveries/:deliveryId" component={DeliveryDetail} />
        <Route path="/backups" component={BackupsScreen} />
        <Route path="/backups/:backupId" component={BackupDetail} />
        <Route path="/members" component={MembersScreen} />
        <Route path="/api-keys" component={ApiKeysScreen} />
        <Route path="/audit-log" component={AuditLogScreen} />
        <Route path="/general" component={SettingsScreen} />
        <Route>
          <Redirect to="/general" replace />
        </Route>
      </Switch>
    </div>
  );
}
