import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Redirect, Route, Switch, useLocation, useSearch } from "wouter";
import { AccountProvider, useAccount } from "./account/account.tsx";
import { ApiError } from "./api/problem.ts";
import { I18nProvider } from "./i18n/i18n.tsx";
import { Shell } from "./layout/shell.tsx";
import { NotFound } from "./screens/not-found.tsx";
import { AcceptInvite } from "./screens/auth/accept-invite.tsx";
import { ForgotPassword } from "./screens/auth/forgot-password.tsx";
import { LogIn } from "./screens/auth/log-in.tsx";
import { SignUp } from "./screens/auth/sign-up.tsx";
import { Loading } from "./ui/query-state.tsx";

/** Each area is its own chunk, fetched when first visited, so the first page stays small. */
const Home = lazy(() => import("./screens/home/index.tsx"));
const Customers = lazy(() => import("./screens/customers/index.tsx"));
const Segments = lazy(() => import("./screens/segments/index.tsx"));
const Imports = lazy(() => import("./screens/imports/index.tsx"));
const Surveys = lazy(() => import("./screens/surveys/index.tsx"));
const Analytics = lazy(() => import("./screens/analytics/index.tsx"));
const Admin = lazy(() => import("./screens/admin/index.tsx"));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.problem.status >= 400 && error.problem.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const PUBLIC = ["/login", "/signup", "/invite", "/forgot-password"];

function Routes() {
  const { loggedIn } = useAccount();
  const [location] = useLocation();
  const search = useSearch();
  if (PUBLIC.includes(location)) {
    if (loggedIn && location !== "/invite") return <Redirect to={new URLSearchParams(search).get("next") ?? "/"} replace />;
    return (
      <Switch>
        <Route path="/login" component={LogIn} />
        <Route path="/signup" component={SignUp} />
        <Route path="/invite" component={AcceptInvite} />
        <Route path="/forgot-password" component={ForgotPassword} />
      </Switch>
    );
  }
  if (!loggedIn) return <Redirect to={`/login?next=${encodeURIComponent(location + (search ? `?${search}` : ""))}`} replace />;
  return (
    <Shell>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/" component={Home} />
          <Route path="/customers" nest component={Customers} />
          <Route path="/segments" nest component={Segments} />
          <Route path="/imports" nest component={Imports} />
          <Route path="/surveys" nest component={Surveys} />
          <Route path="/analytics" nest component={Analytics} />
          <Route path="/settings" nest component={Admin} />
          <Route component={NotFound} />
        </Switch>
      </Suspense>
    </Shell>
  );
}

/** The dashboard: data cache, language, account, then the screen the address names. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AccountProvider>
          <Routes />
        </AccountProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
