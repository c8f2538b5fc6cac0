import { Route, Switch } from "wouter";
import { NotFound } from "../not-found.tsx";
import { SurveyBuilder } from "./builder.tsx";
import { SurveyResults } from "./results.tsx";
import { SurveyList } from "./survey-list.tsx";
import "./surveys.css";

/** The surveys area: the list, the builder with its live widget preview, and the results. */
export default function SurveysArea() {
  return (
    <Switch>
      <Route path="/" component={SurveyList} />
      <Route path="/:surveyId/edit" component={SurveyBuilder} />
      <Route path="/:surveyId/results" component={SurveyResults} />
      <Route component={NotFound} />
    </Switch>
  );
}
