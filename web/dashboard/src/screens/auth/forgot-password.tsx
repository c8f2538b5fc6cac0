import { useState, type FormEvent } from "react";
import { Link } from "wouter";
import { useT } from "../../i18n/i18n.tsx";
import { AuthFrame } from "../../layout/shell.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";

/**
 * The seam for password resets. ckm sends no mail of its own yet, so a reset goes through the
 * workspace's owners and admins: a new invitation lets the person choose a new password. The
 * answer never says whether the email has an account.
 */
export function ForgotPassword() {
  const t = useT();
  usePageTitle(t("auth.forgot.title"));
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(true);
  };
  return (
    <AuthFrame>
      <h1>{t("auth.forgot.title")}</h1>
      <p className="muted">{t("auth.forgot.intro")}</p>
      {sent ? (
        <Alert tone="success">{t("auth.forgot.sent", { email })}</Alert>
      ) : (
        <form onSubmit={submit}>
          <TextField label={t("auth.forgot.email")} type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
          <Button type="submit" variant="primary" className="wide">
            {t("auth.forgot.submit")}
          </Button>
        </form>
      )}
      <p className="auth-links">
        <Link href="/login">{t("auth.forgot.back")}</Link>
      </p>
    </AuthFrame>
  );
}
