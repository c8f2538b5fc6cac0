import { Route, Switch } from "wouter";
import { NotFound } from "../not-found.tsx";
import { AnalyticsScreen } from "./analytics-screen.tsx";
import "./analytics.css";

/** The analytics area: one screen, the run and section named in its query string. */
export default function AnalyticsArea() {
  return (
    <Switch>
      <Route path="/" component={AnalyticsScreen} />
      <Route component={NotFound} />
    </Switch>
  );
}
