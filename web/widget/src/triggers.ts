import { urlMatches } from "./logic.ts";
import type { Showing } from "./types.ts";

export type Listeners = Record<string, Array<() => void>>;

/** Calls `fire` when the survey's trigger happens on this page. */
export function arm(showing: Showing, fire: () => void, listeners: Listeners): void {
  switch (showing.trigger) {
    case "load":
      return fire();
    case "delay":
      setTimeout(fire, (showing.delaySeconds ?? 0) * 1000);
      return;
    case "scroll": {
      const check = () => {
        const reached = ((scrollY + innerHeight) / document.documentElement.scrollHeight) * 100;
        if (reached < (showing.scrollPercent ?? 50)) return;
        removeEventListener("scroll", check);
        fire();
      };
      addEventListener("scroll", check, { passive: true });
      return check();
    }
    case "exit": {
      const leave = (event: MouseEvent) => {
        if (event.relatedTarget || event.clientY > 0) return;
        document.removeEventListener("mouseout", leave);
        fire();
      };
      document.addEventListener("mouseout", leave);
      return;
    }
    case "url":
      if (urlMatches(showing.urlPattern ?? "*", location.href)) fire();
      return;
    case "event":
      (listeners[showing.eventName ?? ""] ??= []).push(fire);
  }
}
