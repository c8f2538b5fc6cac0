import { useT } from "../../../i18n/i18n.tsx";
import { CopyField } from "../copy-field.tsx";
import { SecretOnce } from "../secret-once.tsx";
import type { CreatedIntegration } from "./create-integration.tsx";

/** Right after connecting (or rotating): the delivery URL to paste into the shop and the secret, once. */
export function IntegrationCreated({ created, onDone, rotated = false }: { created: CreatedIntegration; onDone(): void; rotated?: boolean }) {
  const t = useT();
  const { integration, secret } = created;
  return (
    <>
      {!rotated && (
        <CopyField label={t("admin.integrations.deliveryUrl")} value={integration.deliveryUrl} hint={t(`admin.integrations.setUp.${integration.platform}`)} />
      )}
      <SecretOnce
        title={rotated ? t("admin.integrations.rotatedTitle", { name: integration.name }) : t("admin.integrations.createdTitle", { name: integration.name })}
        label={t("admin.integrations.signingSecret")}
        secret={secret}
        onDone={onDone}
      />
    </>
  );
}
