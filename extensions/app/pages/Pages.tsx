import React from 'react';
import { hubspot, useExtensionContext } from '@hubspot/ui-extensions';
import { createPageRouter, PageRoutes } from '@hubspot/ui-extensions/pages';
import { AnalyticsPage } from './AnalyticsPage';
import { uiLocale, WORDS } from './lib/words';
import { PortfolioPage } from './PortfolioPage';

function Home() {
  const context = useExtensionContext<'pages'>();
  const locale = uiLocale(context.user.locale);
  return <PortfolioPage t={WORDS[locale]} locale={locale} portalId={context.portal.id} />;
}

function Analytics() {
  const context = useExtensionContext<'pages'>();
  const locale = uiLocale(context.user.locale);
  return <AnalyticsPage t={WORDS[locale]} locale={locale} />;
}

/** first100's app pages: the portfolio is the home page (opened from the Marketplace menu), analytics a second page. */
export const FirstHundredPages = createPageRouter(
  <PageRoutes>
    <PageRoutes.IndexRoute component={Home} />
    <PageRoutes.Route path="/analytics" component={Analytics} />
  </PageRoutes>,
);

hubspot.extend<'pages'>(() => <FirstHundredPages />);
