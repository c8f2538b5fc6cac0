import { client, type Listing } from "./api.ts";
import { present, type Save } from "./dialog.ts";
import { mayOffer, sampleDraw } from "./logic.ts";
import { markSeen, seen, uuid, visitorId } from "./storage.ts";
import { arm, type Listeners } from "./triggers.ts";
import type { Answers, Identity, Survey } from "./types.ts";

type Queue = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };
declare global {
  interface Window {
    ckm?: Queue;
  }
}

const quiet = () => undefined;

/**
 * The embed script. Reads its key from its own tag, serves the `ckm(...)` commands queued before it
 * loaded and after, and offers the tenant's published surveys on their triggers. Any failure
 * (network, blocked storage, an old browser) leaves the host page as it was.
 */
function boot(script: HTMLScriptElement): void {
  const key = script.dataset.key;
  if (!key) return;
  const api = client(new URL(script.src).origin, key, script.dataset.lang);
  const visitor = visitorId();
  const listeners: Listeners = {};
  const waiting: Survey[] = [];
  let identity: Identity | undefined;
  let showing = false;

  const responder = (survey: Survey, responseId = uuid(), startedAt = new Date().toISOString()): Save =>
    (answers: Answers, complete: boolean, website: string) =>
      api.save(responseId, { surveyId: survey.id, version: survey.version, visitorId: visitor, language: survey.language, answers, complete, startedAt, website, identity, pageUrl: location.href.slice(0, 2000) });

  const position = script.dataset.position as Survey["theme"]["position"] | undefined;

  function show(found: Survey): void {
    const survey = position ? { ...found, theme: { ...found.theme, position } } : found;
    if (showing) return void waiting.push(survey);
    showing = true;
    markSeen(survey.id, Date.now());
    present(survey, responder(survey), () => {
      showing = false;
      const next = waiting.shift();
      if (next) show(next);
    });
  }

  const listing: Promise<Listing> = api.list();
  listing.catch(quiet);

  const commands: Record<string, (...args: never[]) => void> = {
    identify(who: Identity) {
      identity = who;
      api.identify({ visitorId: visitor, ...who }).catch(quiet);
    },
    track(name: string) {
      for (const fire of listeners[name] ?? []) fire();
    },
    show(surveyId: string) {
      api.get(surveyId).then(show, quiet);
    },
    surveys(callback: (surveys: Survey[]) => void) {
      listing.then((found) => callback(found.surveys), () => callback([]));
    },
    respond(response: { survey: Survey; answers: Answers; complete: boolean; responseId: string; startedAt: string }, done?: (ok: boolean) => void) {
      responder(response.survey, response.responseId, response.startedAt)(response.answers, response.complete, "").then(() => done?.(true), () => done?.(false));
    },
  };

  const queued = Array.from(window.ckm?.q ?? []);
  window.ckm = (name, ...args) => commands[name as string]?.(...(args as never[]));
  for (const args of queued) window.ckm(...Array.from(args));

  if (script.dataset.show) commands.show!(script.dataset.show as never);
  if (script.hasAttribute("data-headless")) return;
  listing.then(({ settings, surveys }) => {
    for (const survey of surveys) {
      const fire = () => {
        if (mayOffer(survey.id, survey.showing, seen(), settings.globalRecontactDays, Date.now(), sampleDraw(visitor, survey.id))) show(survey);
      };
      arm(survey.showing, fire, listeners);
    }
  }, quiet);
}

try {
  const script = (document.currentScript ?? document.querySelector("script[data-key]")) as HTMLScriptElement | null;
  if (script) boot(script);
} catch {
  // the host page goes on without surveys
}
