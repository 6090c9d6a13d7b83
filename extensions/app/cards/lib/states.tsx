import React from 'react';
import { Alert, Button, ErrorState, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { Problem } from './backend';
import { problemText, type Text as Words } from './i18n';

export function Loading({ t }: { t: Words }) {
  return <LoadingSpinner label={t.loading} layout="centered" />;
}

/** The card could not load: say what happened and what to do, and offer to try again. */
export function LoadError({ problem, t, onRetry }: { problem: Problem; t: Words; onRetry: () => void }) {
  return (
    <ErrorState title={t.errorTitle} testId="load-error">
      <Text>{problemText(problem, t)}</Text>
      <Button onClick={() => onRetry()} testId="retry">
        {t.retry}
      </Button>
    </ErrorState>
  );
}

/** A write was refused or failed. */
export function ProblemAlert({ problem, t, itemLabel }: { problem: Problem | null; t: Words; itemLabel?: (key: string) => string }) {
  if (!problem) return null;
  return (
    <Alert title={t.errorTitle} variant="error" testId="write-error">
      {problemText(problem, t, itemLabel)}
    </Alert>
  );
}

/** first100 knew nothing of this record and HubSpot could not be asked: the card shows only what first100 knows. */
export function HubSpotDown({ view, t }: { view: { hubspotUnavailable: boolean }; t: Words }) {
  if (!view.hubspotUnavailable) return null;
  return (
    <Alert title={t.hubspotDownTitle} variant="warning" testId="hubspot-down">
      {t.hubspotDown}
    </Alert>
  );
}
