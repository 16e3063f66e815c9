import { Injectable } from '@nestjs/common';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { EvidenceRepository } from '#libs/persistence/repositories/evidence.repository';
import { AssignedRule, NUMBER_KIND_LABELS, Numbering, assignedRule } from '#libs/domain/numbering';
import { ApiException, FieldError } from '../common/api.exception';

/** One reference a request body makes to a record: the field, the id or ids, what the record must be. */
export interface RecordRef {
  field: string;
  ids: string | string[] | undefined;
  /** Only a written (or audiovisual) record will do. */
  category?: 'written' | 'audiovisual';
  code: string;
  message: string;
}

/**
 * Every id a request body names belongs to the same case, checked before Temporal is called: a
 * record of another case (or agency, or none) would otherwise reach the database as a foreign-key
 * violation inside an activity. The one place this check lives; services call it and refuse with the
 * field errors it returns (`ids[2]` for a list, the field itself for one id).
 */
@Injectable()
export class CaseRefs {
  constructor(
    private readonly records: EvidenceRepository,
    private readonly cases: CasesRepository,
  ) {}

  async unknownRecords(caseId: string, refs: RecordRef[]): Promise<FieldError[]> {
    const wanted = refs.flatMap((r) => (r.ids === undefined ? [] : [r.ids].flat()));
    if (!wanted.length) return [];
    const rows = await this.records.categories(caseId, wanted);
    const ok = (id: string, r: RecordRef) => rows.some((x) => x.id === id && (!r.category || x.category === r.category));
    return refs.flatMap((r) => {
      if (r.ids === undefined) return [];
      const one = typeof r.ids === 'string';
      return [r.ids]
        .flat()
        .flatMap((id, i) => (ok(id, r) ? [] : [{ field: one ? r.field : `${r.field}[${i}]`, code: r.code, message: r.message }]));
    });
  }

  /**
   * Who numbers a decision (行政处罚决定书, or 当场 under the summary procedure) under the case's pinned
   * profile. Assigned: the 文号 is given as the decision is recorded, so one typed is refused (a number
   * typed beside the sequence would break its order or collide with it later); the rule is returned for
   * the workflow. Manual: the typed 文号 is required and must be free in the agency.
   */
  async decisionNumbering(
    agencyId: string,
    caseId: string,
    numbering: Numbering,
    kind: 'decision' | 'summary_decision',
    typed: string | undefined,
  ): Promise<AssignedRule | undefined> {
    const assign = assignedRule(numbering, kind);
    const field = 'documentNumber';
    if (assign && typed !== undefined) {
      throw new ApiException('VALIDATION_FAILED', [
        { field, code: 'NUMBER_ASSIGNED', message: `本机关的${NUMBER_KIND_LABELS[kind]}由系统在作出决定时编号，请勿填写` },
      ]);
    }
    if (assign) return assign;
    if (typed === undefined) {
      throw new ApiException('VALIDATION_FAILED', [
        { field, code: 'REQUIRED', message: `本机关手工编号：${NUMBER_KIND_LABELS[kind]}不能为空` },
      ]);
    }
    await this.decisionNumberFree(agencyId, caseId, typed);
    return undefined;
  }

  /**
   * A decision's 文号 names one decision of its agency (normal or summary procedure): refused at once
   * (409, the field named) when another case of the agency already carries it. The unique index
   * cases_decision_number_key stops two requests racing past this check.
   */
  async decisionNumberFree(agencyId: string, caseId: string, number: string, field = 'documentNumber'): Promise<void> {
    if (await this.cases.decisionNumberTaken(agencyId, caseId, number)) {
      throw new ApiException('DECISION_NUMBER_TAKEN', [
        { field, code: 'DECISION_NUMBER_TAKEN', message: `文号「${number}」已用于本机关的另一份处罚决定书` },
      ]);
    }
  }
}
