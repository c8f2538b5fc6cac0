import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/problem.ts";
import { fetchSurvey, type Definition, type SurveyWithVersions } from "./model.ts";

/** One survey with its versions, and the actions on it; each keeps the cached survey and the list in step. */
export function useSurvey(surveyId: string) {
  const queryClient = useQueryClient();
  const key = ["survey", surveyId];
  const survey = useQuery({ queryKey: key, queryFn: () => fetchSurvey(surveyId) });
  const merge = (next: Partial<SurveyWithVersions>) => {
    queryClient.setQueryData<SurveyWithVersions>(key, (before) => (before ? { ...before, ...next } : before));
    void queryClient.invalidateQueries({ queryKey: ["surveys"] });
  };
  const save = useMutation({
    mutationFn: (change: { name: string; definition: Definition }) => unwrap(api.v1.surveys[":surveyId"].$patch({ param: { surveyId }, json: change })),
    onSuccess: merge,
  });
  const publish = useMutation({
    mutationFn: () => unwrap(api.v1.surveys[":surveyId"].publish.$post({ param: { surveyId } })),
    onSuccess: merge,
  });
  const close = useMutation({
    mutationFn: () => unwrap(api.v1.surveys[":surveyId"].close.$post({ param: { surveyId } })),
    onSuccess: merge,
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.v1.surveys[":surveyId"].$delete({ param: { surveyId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["surveys"] }),
  });
  return { survey, save, publish, close, remove };
}
