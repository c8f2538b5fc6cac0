import { useAccount } from "../../account/account.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { ButtonLink } from "../../ui/button.tsx";
import { Card, EmptyState, Page } from "../../ui/page.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { HomeStats } from "./home-stats.tsx";
import { useCustomerCount } from "./home-queries.ts";
import { JobsCard } from "./jobs-card.tsx";
import { RecentChanges } from "./recent-changes.tsx";
import { SegmentSizes } from "./segment-sizes.tsx";
import "./home.css";

/** A new tenant's first screen: what to do first, honestly, with the way to /imports for those who may import. */
function FirstSteps() {
  const t = useT();
  const { hasRole } = useAccount();
  return (
    <Card className="home-empty">
      <EmptyState title={t("home.empty.title")}>
        <p>{t("home.empty.body")}</p>
        {hasRole("owner", "admin") ? (
          <ButtonLink variant="primary" href="/imports">
            {t("home.empty.action")}
          </ButtonLink>
        ) : (
          <p>{t("home.empty.askManager")}</p>
        )}
      </EmptyState>
    </Card>
  );
}

/** Home: customers, revenue, NPS, segment sizes, recent changes and jobs in progress. */
export default function HomeArea() {
  const t = useT();
  const { me } = useAccount();
  const customers = useCustomerCount();
  return (
    <Page title={t("home.title")} description={me ? t("home.welcome", { name: me.user.name }) : t("home.overview")}>
      <QueryState query={customers}>
        {(count) =>
          count === 0 ? (
            <>
              <FirstSteps />
              <JobsCard />
            </>
          ) : (
            <>
              <HomeStats customers={count} />
              <div className="grid home-grid">
                <SegmentSizes />
                <RecentChanges />
              </div>
              <JobsCard />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
