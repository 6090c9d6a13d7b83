import type { EmailTemplateName } from '../domain/playbook-schema.js';
import { renderLayout } from './layout.js';
import type { RenderedEmail, Template, TemplateInput } from './template-types.js';
import { clientLink } from './templates/client-link.js';
import { clientPage } from './templates/client-page.js';
import { clientTaskReminder } from './templates/client-task-reminder.js';
import { beforeAndAfter } from './templates/before-and-after.js';
import { kickoffSurvey } from './templates/kickoff-survey.js';
import { milestoneUpdate } from './templates/milestone-update.js';
import { reassurance } from './templates/reassurance.js';
import { pmIntroduction } from './templates/pm-introduction.js';
import { referralAsk } from './templates/referral-ask.js';
import { resultEnding } from './templates/result-ending.js';
import { resultSurvey } from './templates/result-survey.js';
import { touchpointSurvey } from './templates/touchpoint-survey.js';
import { welcome } from './templates/welcome.js';

const TEMPLATES: Record<EmailTemplateName, Template> = {
  welcome,
  reassurance,
  'kickoff-survey': kickoffSurvey,
  'milestone-update': milestoneUpdate,
  'result-survey': resultSurvey,
  'touchpoint-survey': touchpointSurvey,
  'referral-ask': referralAsk,
  'client-link': clientLink,
  'result-ending': resultEnding,
  'pm-introduction': pmIntroduction,
  'before-and-after': beforeAndAfter,
  'client-task-reminder': clientTaskReminder,
  'client-page': clientPage,
};

/** Subject, HTML and text of one email in the recipient's language. */
export function renderEmail(template: EmailTemplateName, input: TemplateInput): RenderedEmail {
  return renderLayout(TEMPLATES[template][input.locale](input), input);
}
