import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useLocation, useSearch } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { api } from "../../api/client.ts";
import { ApiError, unwrap } from "../../api/problem.ts";
import { useT } from "../../i18n/i18n.tsx";
import { AuthFrame } from "../../layout/shell.tsx";
import { Alert, ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";

/** The page an invitation link opens: `/invite?token=inv_...`. */
export function AcceptInvite() {
  const t = useT();
  const { logIn } = useAccount();
  const [, navigate] = useLocation();
  usePageTitle(t("auth.invite.title"));
  const token = new URLSearchParams(useSearch()).get("token") ?? "";
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const mutation = useMutation({
    mutationFn: () => unwrap(api.v1.invites.accept.$post({ json: { token, name, password } })),
    onSuccess: (result) => {
      logIn(result.tokens);
      navigate("/", { replace: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const invalid = error && (error.problem.status === 404 || error.problem.status === 410 || error.issueAt("json.token"));
  return (
    <AuthFrame>
      <h1>{t("auth.invite.title")}</h1>
      <p className="muted">{t("auth.invite.intro")}</p>
      {!token && <Alert tone="error">{t("auth.invite.missingToken")}</Alert>}
      {invalid && <Alert tone="error">{t("auth.invite.invalid")}</Alert>}
      {mutation.error && !invalid && !error?.issueAt("json.name") && !error?.issueAt("json.password") && <ErrorAlert error={mutation.error} />}
      <form onSubmit={submit} noValidate>
        <TextField label={t("auth.invite.name")} autoComplete="name" required value={name} error={error?.issueAt("json.name")} onChange={(event) => setName(event.target.value)} />
        <TextField label={t("auth.invite.password")} type="password" autoComplete="new-password" required hint={t("auth.signUp.passwordHint")} value={password} error={error?.issueAt("json.password")} onChange={(event) => setPassword(event.target.value)} />
        <Button type="submit" variant="primary" busy={mutation.isPending} disabled={!token} className="wide">
          {mutation.isPending ? t("auth.invite.submitting") : t("auth.invite.submit")}
        </Button>
      </form>
    </AuthFrame>
  );
}
