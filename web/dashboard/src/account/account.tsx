import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { api } from "../api/client.ts";
import { unwrap } from "../api/problem.ts";
import { onSessionChange, readSession, saveSession, type Tokens } from "../api/session.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { Language } from "../i18n/translate.ts";

export type Me = Awaited<ReturnType<typeof fetchMe>>;
export type Role = Me["user"]["role"];

async function fetchMe() {
  return unwrap(api.v1.me.$get());
}

type Account = {
  loggedIn: boolean;
  me: Me | undefined;
  logIn(tokens: Tokens): void;
  logOut(): Promise<void>;
  /** Changes the interface language, for this user on every device. */
  chooseLanguage(language: Language): void;
  /** Whether the user's role is one of these. */
  hasRole(...roles: Role[]): boolean;
};

const AccountContext = createContext<Account | null>(null);

/** Who is logged in, kept in step with other tabs; the user's language and tenant formats follow them. */
export function AccountProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { setLanguage, setTenant } = useI18n();
  const [loggedIn, setLoggedIn] = useState(() => readSession() !== null);
  useEffect(
    () =>
      onSessionChange((tokens) => {
        setLoggedIn(tokens !== null);
        if (!tokens) queryClient.clear();
      }),
    [queryClient],
  );
  const me = useQuery({ queryKey: ["me"], queryFn: fetchMe, enabled: loggedIn, staleTime: 60_000 });
  useEffect(() => {
    if (!me.data) return;
    if (me.data.user.language) setLanguage(me.data.user.language);
    setTenant({ currency: me.data.tenant.currency, timezone: me.data.tenant.timezone, locale: me.data.tenant.locale });
  }, [me.data, setLanguage, setTenant]);

  const account: Account = {
    loggedIn,
    me: me.data,
    logIn(tokens) {
      queryClient.clear();
      saveSession(tokens);
    },
    async logOut() {
      const session = readSession();
      if (session) await api.v1.auth.logout.$post({ json: { refreshToken: session.refreshToken } }).catch(() => undefined);
      saveSession(null);
    },
    chooseLanguage(language) {
      setLanguage(language);
      if (!loggedIn) return;
      void unwrap(api.v1.me.$patch({ json: { language } })).then((next) => queryClient.setQueryData(["me"], next));
    },
    hasRole: (...roles) => (me.data ? roles.includes(me.data.user.role) : false),
  };
  return <AccountContext.Provider value={account}>{children}</AccountContext.Provider>;
}

export function useAccount(): Account {
  const account = useContext(AccountContext);
  if (!account) throw new Error("useAccount outside AccountProvider");
  return account;
}
