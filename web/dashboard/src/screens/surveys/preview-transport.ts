import { localiseSurvey } from "../../../../../src/surveys/localise.ts";
import type { SurveyDefinition } from "../../../../../src/surveys/definition.ts";

/**
 * The widget has no preview mode: it only renders what its endpoints answer. So the preview runs
 * the real /widget.js with this key, and calls carrying it are answered here, in the page, with
 * the unsaved draft localised by the server's own rules. Nothing reaches the API, so answers
 * given in the preview are never stored; every other request passes through untouched.
 */
export const PREVIEW_KEY = "pk_preview_dashboard";

export type PreviewSource = { surveyId: string; version: number; definition: SurveyDefinition; onSave(answers: Record<string, unknown>, complete: boolean): void };

let source: PreviewSource | null = null;
let installed = false;

const json = (body: unknown, status = 200) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function answer(url: URL, method: string, body: string | null): Response {
  if (!source) return json({ title: "No preview", status: 404 }, 404);
  if (method === "GET" && url.pathname === "/v1/widget/surveys") return json({ settings: { globalRecontactDays: null }, surveys: [] });
  if (method === "GET" && url.pathname.startsWith("/v1/widget/surveys/")) {
    return json(localiseSurvey(source.surveyId, source.version, source.definition, url.searchParams.get("lang") ?? undefined));
  }
  if (method === "PUT" && url.pathname.startsWith("/v1/widget/responses/")) {
    const saved = JSON.parse(body ?? "{}") as { answers?: Record<string, unknown>; complete?: boolean };
    source.onSave(saved.answers ?? {}, saved.complete === true);
    return json({ id: url.pathname.split("/").pop(), status: saved.complete ? "complete" : "partial" });
  }
  return json(undefined, 204);
}

/** Hands the preview widget this draft from now on; installs the in-page answers once. */
export function setPreviewSource(next: PreviewSource | null): void {
  source = next;
  if (installed) return;
  installed = true;
  const passThrough = window.fetch.bind(window);
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (headers.get("authorization") !== `Bearer ${PREVIEW_KEY}`) return passThrough(input, init);
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, window.location.href);
    return Promise.resolve(answer(url, (init?.method ?? "GET").toUpperCase(), typeof init?.body === "string" ? init.body : null));
  }) as typeof window.fetch;
}
