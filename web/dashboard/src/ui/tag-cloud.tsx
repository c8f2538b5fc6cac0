/** One tag of a portrait: a label and how strong the trait is (any positive scale). */
export type WeightedTag = { label: string; weight: number; kind?: string };

/**
 * A tag cloud as a list of words whose size follows their weight (bigger tag, stronger trait).
 * Plain text, so it reads, zooms and translates like the rest of the page; the weight is in the
 * accessible name too.
 */
export function TagCloud({ tags, label }: { tags: WeightedTag[]; label: string }) {
  if (tags.length === 0) return null;
  const weights = tags.map((tag) => tag.weight);
  const [low, high] = [Math.min(...weights), Math.max(...weights)];
  const scale = (weight: number) => (high === low ? 1 : (weight - low) / (high - low));
  return (
    <ul className="tag-cloud" aria-label={label}>
      {tags.map((tag) => (
        <li key={`${tag.kind ?? ""}:${tag.label}`} className={tag.kind ? `tag-kind-${tag.kind}` : undefined} style={{ fontSize: `${0.85 + scale(tag.weight) * 1.35}rem` }} title={tag.weight.toFixed(2)}>
          {tag.label}
        </li>
      ))}
    </ul>
  );
}
