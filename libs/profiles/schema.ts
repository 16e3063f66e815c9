import { Period } from '../calendar/period';

/**
 * An agency's rules as data. Every figure carries the article it comes from, so a reviewer can
 * check it against the regulation and a case can show why a deadline is what it is.
 * A profile is pinned to a case (id and version) when the case starts: later edits never
 * change the rules of a running case.
 */
export interface AgencyProfile {
  id: string;
  version: number;
  name: string;
  /** Short prefix used for demo logins and case numbers. */
  code: string;
  regulation: { title: string; seed: string; documentNumber?: string; issuedOn?: string };
  initiation: InitiationRules;
}

export interface InitiationRules {
  /** Who approves an ex officio start (局长, 负责人…), as the regulation names them. */
  approverTitle: Sourced<string>;
  /** Emergency start (情况紧急先行启动) with its back-report period, or null where the regulation has none. */
  emergencyStart: { backReport: Period; source: string } | null;
  /** Who must be told when a start is declined. */
  declineNotice: {
    applicant: boolean;
    realNameComplainant: boolean;
    exOfficioParty: boolean;
    source: string;
  };
}

export interface Sourced<T> {
  value: T;
  source: string;
}
