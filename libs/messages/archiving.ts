import type { CatalogueEntry } from '../domain/case-file';
import type { AgencyProfile } from '../profiles/schema';
import type { StageInput } from './stage';

/** What archiving pins when the case ends: the profile's rules and the calendar then known. */
export interface ArchiveInput extends StageInput {
  caseId: string;
  /** When the enforcement act (its execution) ended: the archive period starts here. */
  endedAt: string;
  profile: { regulationTitle: string; archiving: AgencyProfile['archiving'] };
}

/** The case file as the archivist closes it (003 第五条第（五）项, 第十条). */
export interface ArchiveForm {
  archiveNumber?: string;
  category?: string;
  retentionPeriod?: string;
  startDate?: string;
  endDate?: string;
  /** Where the paper file and the storage of its audio-video are kept. */
  location: string;
  catalogue: CatalogueEntry[];
  /** Documents the completeness check found missing; closing anyway needs the reason. */
  missing: string[];
  incompleteReason?: string;
}

export const workflowIdForArchive = (caseId: string) => `archive-${caseId}`;
