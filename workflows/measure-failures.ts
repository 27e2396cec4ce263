/** How the measure workflow turns refusals and the projection's refusals into Update failures (deterministic). */
import * as wf from '@temporalio/workflow';
import { ActionRefused } from '../libs/domain/src';
import { PROJECTION_REJECTED } from './measure.contract';

/** The read model's refusal of an accepted action, or null for any other failure. */
export function projectionRejection(error: unknown): string | null {
  const cause = error instanceof wf.ActivityFailure ? error.cause : error;
  return cause instanceof wf.ApplicationFailure && cause.type === PROJECTION_REJECTED ? cause.message : null;
}

/** A refusal as the Update's failure, its reason in the details; anything else as it is. */
export function toFailure(error: unknown): Error {
  if (error instanceof ActionRefused) {
    // The reason (code and parameters) rides in the failure's details, for the person's language.
    return wf.ApplicationFailure.create({
      type: error.code,
      message: error.message,
      nonRetryable: true,
      details: error.reason ? [error.reason] : undefined,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}
