import { useT } from "../i18n/i18n.tsx";
import { Button } from "./button.tsx";

type Pages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): Promise<unknown> };

/** "Load more" under a list read page by page (an infinite query); nothing once the last page is in. */
export function LoadMore({ pages }: { pages: Pages }) {
  const t = useT();
  if (!pages.hasNextPage) return null;
  return (
    <div className="pager">
      <Button busy={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
        {t("common.loadMore")}
      </Button>
    </div>
  );
}
