import { EntityManager } from 'typeorm';
import type { LocalDay, LocalDayKind } from '@rectiflow/domain';
import { BaseRepository } from './unit-of-work';

/** An administrator's day with who entered it. */
export interface LocalDayRow extends LocalDay {
  createdBy: string;
  createdByName: string;
  createdAt: Date;
}

/** A year whose arrangement the administrator entered by hand. */
export interface EnteredYearRow {
  year: number;
  note: string;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
}

/** The local days of a range, the years entered by hand and the number of the last change, read in one snapshot. */
export interface LocalCalendarRows {
  lastChange: number;
  days: LocalDayRow[];
  years: EnteredYearRow[];
}

/** What a change was about: a day of the office's own, or a year entered by hand. */
export type CalendarChangeKind = LocalDayKind | 'year';

/** add/remove a day; cover/uncover a year (its day is the year's 1 January). */
export type CalendarChangeAction = 'add' | 'remove' | 'cover' | 'uncover';

/** A recorded change: who added or removed which day (or entered which year), when. */
export interface CalendarChangeRow {
  id: number;
  action: CalendarChangeAction;
  day: string;
  kind: CalendarChangeKind;
  name: string;
  actorId: string;
  actorName: string;
  occurredAt: Date;
}

const YEAR_COLUMNS = `y.year, y.note, y.created_by AS "createdBy", p.name AS "createdByName", y.created_at AS "createdAt"`;
const DAY_COLUMNS = `to_char(d.day, 'YYYY-MM-DD') AS day, d.kind, d.name, d.created_by AS "createdBy",
  p.name AS "createdByName", d.created_at AS "createdAt"`;

/**
 * `calendar_day` (the administrator's days), `calendar_year` (years entered by hand) and
 * `calendar_change` (their append-only record, whose
 * last id versions the calendar). Changes take an EXCLUSIVE lock on calendar_change, so change ids
 * are assigned in commit order and a reader that sees a change id has seen every change before it.
 */
export class CalendarRepository extends BaseRepository {
  /** The local days from `from` to `to` (inclusive) and the last change number, from one statement. */
  async localDays(from: string, to: string, tx?: EntityManager): Promise<LocalCalendarRows> {
    const [row] = await this.db(tx).query(
      `SELECT (SELECT coalesce(max(id), 0) FROM calendar_change)::int AS "lastChange",
              coalesce((SELECT json_agg(x ORDER BY x.day) FROM (
                 SELECT ${DAY_COLUMNS} FROM calendar_day d JOIN person p ON p.id = d.created_by
                  WHERE d.day BETWEEN $1::date AND $2::date) x), '[]'::json) AS days,
              coalesce((SELECT json_agg(x ORDER BY x.year) FROM (
                 SELECT ${YEAR_COLUMNS} FROM calendar_year y JOIN person p ON p.id = y.created_by) x), '[]'::json) AS years`,
      [from, to],
    );
    const dated = <T extends { createdAt: unknown }>(rows: T[]) =>
      rows.map((item) => ({ ...item, createdAt: new Date(item.createdAt as string) }));
    return { lastChange: row.lastChange, days: dated(row.days), years: dated(row.years) };
  }

  /** Enters a year unless it was entered already; answers whether it was. */
  async insertYear(year: number, note: string, actorId: string, tx: EntityManager): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO calendar_year (year, note, created_by) VALUES ($1, $2, $3) ON CONFLICT (year) DO NOTHING RETURNING year`,
      [year, note, actorId],
    );
    return rows.length === 1;
  }

  /** The entry of a year, if any. */
  async findYear(year: number, tx?: EntityManager): Promise<EnteredYearRow | null> {
    const rows = await this.db(tx).query(
      `SELECT ${YEAR_COLUMNS} FROM calendar_year y JOIN person p ON p.id = y.created_by WHERE y.year = $1`,
      [year],
    );
    return rows[0] ?? null;
  }

  /** Removes a year's entry; answers whether there was one. */
  async deleteYear(year: number, tx: EntityManager): Promise<boolean> {
    const [, count] = await tx.query(`DELETE FROM calendar_year WHERE year = $1`, [year]);
    return count === 1;
  }

  /** Serialises calendar changes; call first inside the change's transaction. */
  async lockChanges(tx: EntityManager): Promise<void> {
    await tx.query('LOCK TABLE calendar_change IN EXCLUSIVE MODE');
  }

  /** Adds a day unless the day already has one; answers whether it was added. */
  async insertDay(day: LocalDay, actorId: string, tx: EntityManager): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO calendar_day (day, kind, name, created_by) VALUES ($1::date, $2, $3, $4)
       ON CONFLICT (day) DO NOTHING RETURNING day`,
      [day.day, day.kind, day.name, actorId],
    );
    return rows.length === 1;
  }

  /** Removes a day; answers what it was, or null when the day had no entry. */
  async deleteDay(day: string, tx: EntityManager): Promise<LocalDay | null> {
    const [rows] = await tx.query(
      `DELETE FROM calendar_day WHERE day = $1::date RETURNING to_char(day, 'YYYY-MM-DD') AS day, kind, name`,
      [day],
    );
    return (rows as LocalDay[])[0] ?? null;
  }

  /** The entry of one day, if any. */
  async findDay(day: string, tx?: EntityManager): Promise<LocalDayRow | null> {
    const rows = await this.db(tx).query(
      `SELECT ${DAY_COLUMNS} FROM calendar_day d JOIN person p ON p.id = d.created_by WHERE d.day = $1::date`,
      [day],
    );
    return rows[0] ?? null;
  }

  /** Records a change; answers its number, the calendar's new local version. */
  async recordChange(
    action: CalendarChangeAction,
    day: { day: string; kind: CalendarChangeKind; name: string },
    actorId: string,
    tx: EntityManager,
  ): Promise<number> {
    const [row] = await tx.query(
      `INSERT INTO calendar_change (action, day, kind, name, actor_id) VALUES ($1, $2::date, $3, $4, $5) RETURNING id::int AS id`,
      [action, day.day, day.kind, day.name, actorId],
    );
    return row.id;
  }

  /** The record of changes, newest first. */
  changes(limit: number, tx?: EntityManager): Promise<CalendarChangeRow[]> {
    return this.db(tx).query(
      `SELECT c.id::int AS id, c.action, to_char(c.day, 'YYYY-MM-DD') AS day, c.kind, c.name, c.actor_id AS "actorId",
              p.name AS "actorName", c.occurred_at AS "occurredAt"
         FROM calendar_change c JOIN person p ON p.id = c.actor_id ORDER BY c.id DESC LIMIT $1`,
      [limit],
    );
  }
}
