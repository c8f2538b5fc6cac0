import { useCallback, useState } from "react";
import { useT } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/button.tsx";

/** Cursor paging with a way back: the cursors of the pages seen so far, the current one last. */
export function useCursorPages() {
  const [stack, setStack] = useState<string[]>([]);
  const cursor = stack.at(-1);
  return {
    cursor,
    page: stack.length + 1,
    next: (nextCursor: string) => setStack((previous) => [...previous, nextCursor]),
    previous: () => setStack((previous) => previous.slice(0, -1)),
    reset: useCallback(() => setStack([]), []),
  };
}

/** Previous and next buttons, with the page number between them. */
export function CursorPager({ pages, nextCursor }: { pages: ReturnType<typeof useCursorPages>; nextCursor: string | null | undefined }) {
  const t = useT();
  if (pages.page === 1 && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={t("admin.pager.label")}>
      <Button disabled={pages.page === 1} onClick={pages.previous}>
        {t("common.previous")}
      </Button>
      <span className="muted">{t("admin.pager.page", { n: pages.page })}</span>
      <Button disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
        {t("common.next")}
      </Button>
    </nav>
  );
}
