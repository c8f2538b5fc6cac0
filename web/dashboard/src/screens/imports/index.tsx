import { Route, Switch } from "wouter";
import { ImportDetail } from "./import-detail.tsx";
import { ImportStart } from "./import-start.tsx";
import "./imports.css";

/** The import area: the three steps at /imports, one import's mapping, checks and run at /imports/:importId. */
export default function ImportsArea() {
  return (
    <Switch>
      <Route path="/" component={ImportStart} />
      <Route path="/:importId" component={ImportDetail} />
    </Switch>
  );
}
