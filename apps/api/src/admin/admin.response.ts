import { Res } from '../common/response-fields';

export class AccountStateResponse {
  @Res.id()
  personId: string;

  @Res.text()
  username: string;

  @Res.bool()
  disabled: boolean;

  @Res.bool()
  passwordChangeRequired: boolean;
}

export class PasswordResetResponse extends AccountStateResponse {
  @Res.text({ description: 'shown once; the server keeps only its hash' })
  oneTimePassword: string;
}

/** A recorded account action, with the names of who acted and on whom. */
export class AccountEventResponse {
  @Res.text()
  id: string;

  @Res.text({ description: 'disable, enable or reset_password' })
  action: string;

  @Res.id()
  actorId: string;

  @Res.text()
  actorName: string;

  @Res.id()
  subjectId: string;

  @Res.text()
  subjectName: string;

  @Res.text({ nullable: true })
  clientAddress: string | null;

  @Res.json()
  detail: Record<string, unknown>;

  @Res.dateTime()
  occurredAt: string;
}

export class ChainBreakResponse {
  @Res.id()
  inspectionId: string;

  @Res.int()
  chainSeq: number;

  @Res.text({ nullable: true })
  eventKey: string | null;

  @Res.text({ description: 'what is wrong with the row (altered, removed…)' })
  problem: string;
}

/** The audit hash chains re-computed. */
export class ChainReportResponse {
  @Res.int()
  inspections: number;

  @Res.int()
  rows: number;

  @Res.bool()
  ok: boolean;

  @Res.many(() => ChainBreakResponse)
  breaks: ChainBreakResponse[];
}
