import { describe, expect, it } from "vitest";
import { isVisible, mayOffer, nextIndex, sampleDraw, scalePoints, urlMatches, visibleAnswers } from "./logic.ts";
import type { Question, Showing } from "./types.ts";

const question = (id: string, type: Question["type"], extra: Partial<Question> = {}): Question => ({ id, type, text: id, required: false, ...extra });
const DAY = 86_400_000;

describe("scales", () => {
  it("offers the points of each scale type", () => {
    expect(scalePoints(question("a", "nps"))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scalePoints(question("a", "csat"))).toEqual([1, 2, 3, 4, 5]);
    expect(scalePoints(question("a", "ces"))).toHaveLength(7);
    expect(scalePoints(question("a", "rating", { scale: { points: 3, display: "emoji" } }))).toEqual([1, 2, 3]);
  });
});

describe("skip logic", () => {
  const questions = [
    question("score", "nps"),
    question("why-low", "text", { showIf: { questionId: "score", anyOf: [0, 1, 2, 3, 4, 5, 6] } }),
    question("colour", "multiple", { options: [{ id: "red", label: "Red" }, { id: "blue", label: "Blue" }] }),
    question("why-blue", "text", { showIf: { questionId: "colour", anyOf: ["blue"] } }),
  ];

  it("shows a follow-up only when the earlier answer matches", () => {
    expect(isVisible(questions[1]!, { score: 3 })).toBe(true);
    expect(isVisible(questions[1]!, { score: 9 })).toBe(false);
    expect(isVisible(questions[1]!, {})).toBe(false);
    expect(nextIndex(questions, { score: 10 }, 0)).toBe(2);
    expect(nextIndex(questions, { score: 2 }, 0)).toBe(1);
    expect(nextIndex(questions, { score: 10, colour: { choices: ["red"] } }, 2)).toBe(-1);
    expect(nextIndex(questions, { score: 10, colour: { choices: ["red", "blue"] } }, 2)).toBe(3);
  });

  it("drops answers to questions a changed answer has hidden", () => {
    expect(visibleAnswers(questions, { score: 9, "why-low": "slow delivery", colour: { choice: "blue" }, "why-blue": "calm" })).toEqual({
      score: 9,
      colour: { choice: "blue" },
      "why-blue": "calm",
    });
  });
});

describe("showing rules", () => {
  const showing = (extra: Partial<Showing> = {}): Showing => ({ trigger: "load", samplingPercent: 100, recontactDays: 90, ...extra });
  const now = Date.UTC(2026, 10, 23);

  it("keeps to the survey's re-contact window without blocking other surveys", () => {
    expect(mayOffer("a", showing(), { a: now - 89 * DAY }, null, now, 0)).toBe(false);
    expect(mayOffer("a", showing(), { a: now - 91 * DAY }, null, now, 0)).toBe(true);
    expect(mayOffer("b", showing(), { a: now - DAY }, null, now, 0)).toBe(true);
  });

  it("shows a survey without a re-contact window once", () => {
    expect(mayOffer("a", showing({ recontactDays: null }), {}, null, now, 0)).toBe(true);
    expect(mayOffer("a", showing({ recontactDays: null }), { a: now - 400 * DAY }, null, now, 0)).toBe(false);
  });

  it("applies the tenant's global window across surveys when it is set", () => {
    expect(mayOffer("b", showing(), { a: now - 5 * DAY }, 7, now, 0)).toBe(false);
    expect(mayOffer("b", showing(), { a: now - 8 * DAY }, 7, now, 0)).toBe(true);
  });

  it("samples the same share of visitors, the same visitors every time", () => {
    const visitors = Array.from({ length: 4000 }, (_, i) => `visitor-${i}`);
    const chosen = visitors.filter((v) => mayOffer("s", showing({ samplingPercent: 25 }), {}, null, now, sampleDraw(v, "s")));
    expect(chosen.length / visitors.length).toBeGreaterThan(0.22);
    expect(chosen.length / visitors.length).toBeLessThan(0.28);
    expect(sampleDraw("visitor-1", "s")).toBe(sampleDraw("visitor-1", "s"));
    expect(mayOffer("s", showing({ samplingPercent: 0 }), {}, null, now, 0)).toBe(false);
  });

  it("matches page URLs with * wildcards and nothing else special", () => {
    expect(urlMatches("https://shop.example/checkout*", "https://shop.example/checkout/done?x=1")).toBe(true);
    expect(urlMatches("https://shop.example/checkout*", "https://shop.example/cart")).toBe(false);
    expect(urlMatches("*/thanks", "https://shop.example/thanks")).toBe(true);
    expect(urlMatches("https://shop.example/a.b", "https://shop.example/axb")).toBe(false);
  });
});
