import { textFieldReason, validationReason } from './refusal';

describe('refusal reasons', () => {
  it('reads the text rule and class-validator words into codes naming the field', () => {
    expect(textFieldReason('reason', 'is required')).toEqual({ code: 'FIELD_REQUIRED', params: { field: 'reason' } });
    expect(textFieldReason('note', 'is longer than 4000 characters')).toEqual({
      code: 'FIELD_TOO_LONG',
      params: { field: 'note', limit: 4000 },
    });
    expect(validationReason('property message should not exist')).toEqual({
      code: 'FIELD_UNKNOWN',
      params: { field: 'message' },
    });
    expect(validationReason('dueAt must be a date (YYYY-MM-DD) or an ISO-8601 date-time with a time zone')).toEqual({
      code: 'FIELD_INVALID',
      params: { field: 'dueAt' },
    });
    // A list's items are refused by class-validator as "each value in <field> …".
    expect(validationReason('each value in measureIds must be a UUID')).toEqual({
      code: 'FIELD_INVALID',
      params: { field: 'measureIds' },
    });
    // The text rule's own words for a blank required field, as the validation pipe passes them on.
    expect(validationReason('title must not be blank')).toEqual({
      code: 'FIELD_REQUIRED',
      params: { field: 'title' },
    });
    // A body that is not JSON names the body, not the parser's first word ("Unexpected").
    expect(validationReason('Unexpected end of JSON input')).toEqual({
      code: 'FIELD_INVALID',
      params: { field: 'body' },
    });
    expect(validationReason("Expected property name or '}' in JSON at position 1")).toEqual({
      code: 'FIELD_INVALID',
      params: { field: 'body' },
    });
    expect(validationReason('Validation failed (uuid is expected)')).toEqual({
      code: 'FIELD_INVALID',
      params: { field: 'id' },
    });
    expect(validationReason('title must be shorter than or equal to 1000 characters')).toEqual({
      code: 'FIELD_TOO_LONG',
      params: { field: 'title', limit: 1000 },
    });
  });
});
