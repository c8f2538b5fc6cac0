import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { api } from "../../api/client.ts";
import { ApiError, unwrap } from "../../api/problem.ts";
import { readSession } from "../../api/session.ts";
import { useT } from "../../i18n/i18n.tsx";
import { AuthFrame } from "../../layout/shell.tsx";
import { Alert, ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";

export function LogIn() {
  const t = useT();
  const { logIn } = useAccount();
  usePageTitle(t("auth.logIn.title"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [expired] = useState(() => new URLSearchParams(location.search).has("next") && readSession() === null);
  const mutation = useMutation({
    mutationFn: () => unwrap(api.v1.auth.login.$post({ json: { email, password } })),
    onSuccess: logIn,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const error = mutation.error;
  const status = error instanceof ApiError ? error.problem.status : null;
  return (
    <AuthFrame>
      <h1>{t("auth.logIn.title")}</h1>
      {expired && !error && <Alert tone="info">{t("auth.logIn.expired")}</Alert>}
      {status === 401 && <Alert tone="error">{t("auth.logIn.failed")}</Alert>}
      {status === 429 && <Alert tone="error">{t("auth.logIn.throttled", { minutes: 15 })}</Alert>}
      {error && status !== 401 && status !== 429 && <ErrorAlert error={error} />}
      <form onSubmit={submit} noValidate>
        <TextField label={t("auth.logIn.email")} type="email" name="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <TextField label={t("auth.logIn.password")} type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        <Button type="submit" variant="primary" busy={mutation.isPending} className="wide">
          {mutation.isPending ? t("auth.logIn.submitting") : t("auth.logIn.submit")}
        </Button>
      </form>
      <p className="auth-links">
        <Link href="/forgot-password">{t("auth.logIn.forgot")}</Link>
      </p>
      <p className="auth-links">
        {t("auth.logIn.noAccount")} <Link href="/signup">{t("auth.logIn.signUpLink")}</Link>
      </p>
    </AuthFrame>
  );
}
