import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../../api/client.ts";
import { unwrap, type Ok } from "../../api/problem.ts";
import type { AttributeInfo } from "./catalogue.ts";

export type Segment = Ok<Awaited<ReturnType<(typeof api.v1.segments)[":segmentId"]["$get"]>>>;
export type Preview = Ok<Awaited<ReturnType<typeof api.v1.segments.preview.$post>>>;
export type Member = Preview["items"][number];

/** Query keys of the area, so a save refreshes exactly what it changed. */
export const keys = {
  list: ["segments", "list"] as const,
  detail: (segmentId: string) => ["segments", "detail", segmentId] as const,
  members: (segmentId: string) => ["segments", "members", segmentId] as const,
  attributes: ["segments", "attributes"] as const,
};

export const PREVIEW_SIZE = 10;
const DEBOUNCE_MS = 350;

export function useSegments() {
  return useQuery({ queryKey: keys.list, queryFn: () => unwrap(api.v1.segments.$get()) });
}

export function useSegment(segmentId: string) {
  return useQuery({ queryKey: keys.detail(segmentId), queryFn: () => unwrap(api.v1.segments[":segmentId"].$get({ param: { segmentId } })) });
}

/** The tenant's custom attributes, which the field menu lists after the fixed catalogue. */
export function useAttributes() {
  return useQuery({
    queryKey: keys.attributes,
    queryFn: async (): Promise<AttributeInfo[]> => (await unwrap(api.v1.attributes.$get())).items,
    staleTime: 60_000,
  });
}

/** A value that follows another after it has stopped changing for a moment. */
export function useDebounced<T>(value: T, ms = DEBOUNCE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * What a filter would match, asked once typing pauses; the last answer stays on screen while the
 * next is on its way. Nothing is asked for an empty filter.
 */
export function usePreview(filter: unknown) {
  const text = JSON.stringify(filter);
  return useQuery({
    queryKey: ["segments", "preview", text],
    queryFn: () => unwrap(api.v1.segments.preview.$post({ json: { filter: JSON.parse(text) as unknown, limit: PREVIEW_SIZE } })),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    retry: false,
  });
}
