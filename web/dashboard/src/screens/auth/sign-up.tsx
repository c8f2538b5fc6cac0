import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { api } from "../../api/client.ts";
import { ApiError, unwrap } from "../../api/problem.ts";
import { useT } from "../../i18n/i18n.tsx";
import { AuthFrame } from "../../layout/shell.tsx";
import { Alert, ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { usePageTitle } from "../../ui/use-page-title.ts";

export function SignUp() {
  const t = useT();
  const { logIn } = useAccount();
  usePageTitle(t("auth.signUp.title"));
  const [form, setForm] = useState({ company: "", name: "", email: "", password: "" });
  const mutation = useMutation({
    mutationFn: () => unwrap(api.v1.signup.$post({ json: form })),
    onSuccess: (result) => logIn(result.tokens),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const issue = (field: keyof typeof form) => error?.issueAt(`json.${field}`);
  const fieldIssues = error && (["company", "name", "email", "password"] as const).some((field) => issue(field));
  const bind = (field: keyof typeof form) => ({
    name: field,
    value: form[field],
    error: issue(field),
    onChange: (event: { target: { value: string } }) => setForm((current) => ({ ...current, [field]: event.target.value })),
  });
  return (
    <AuthFrame>
      <h1>{t("auth.signUp.title")}</h1>
      <p className="muted">{t("auth.signUp.intro")}</p>
      {error?.problem.status === 409 && <Alert tone="error">{t("auth.signUp.taken")}</Alert>}
      {mutation.error && error?.problem.status !== 409 && !fieldIssues && <ErrorAlert error={mutation.error} />}
      <form onSubmit={submit} noValidate>
        <TextField label={t("auth.signUp.company")} autoComplete="organization" required {...bind("company")} />
        <TextField label={t("auth.signUp.name")} autoComplete="name" required {...bind("name")} />
        <TextField label={t("auth.signUp.email")} type="email" autoComplete="email" required {...bind("email")} />
        <TextField label={t("auth.signUp.password")} type="password" autoComplete="new-password" required hint={t("auth.signUp.passwordHint")} {...bind("password")} />
        <Button type="submit" variant="primary" busy={mutation.isPending} className="wide">
          {mutation.isPending ? t("auth.signUp.submitting") : t("auth.signUp.submit")}
        </Button>
      </form>
      <p className="auth-links">
        {t("auth.signUp.haveAccount")} <Link href="/login">{t("auth.signUp.logInLink")}</Link>
      </p>
    </AuthFrame>
  );
}
