import { EnumField, IdField } from '../common/validation';
import { EMAIL_DIGEST_CHOICES, EmailDigestChoice } from './notification-kinds';

export class NotificationSettingsDto {
  @EnumField(EMAIL_DIGEST_CHOICES, {
    description: 'daily: one digest e-mail a day; immediate: one e-mail each; default: MAIL_DIGEST_DEFAULT',
  })
  emailDigest: EmailDigestChoice;
}

export class ReadAllDto {
  @IdField({ optional: true, description: "only this measure's notifications (omitted: every one)" })
  measureId?: string;
}
