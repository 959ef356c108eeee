import type { Initiative } from './initiatives.table.js';

/** The items an initiative must have before it can open. */
export const checklistItems = [
  'purpose',
  'objectives',
  'targetGroup',
  'consentText',
  'feedbackPlan',
] as const;
export type ChecklistItem = (typeof checklistItems)[number];

/** Each checklist item with whether it is done. */
export function planningChecklist(initiative: Initiative): { item: ChecklistItem; done: boolean }[] {
  const done: Record<ChecklistItem, boolean> = {
    purpose: initiative.purpose.trim() !== '',
    objectives: initiative.objectives.some((o) => o.trim() !== ''),
    targetGroup: initiative.targetGroup.trim() !== '',
    consentText: (initiative.consent?.body.trim() ?? '') !== '',
    feedbackPlan: initiative.feedbackPlan.trim() !== '',
  };
  return checklistItems.map((item) => ({ item, done: done[item] }));
}

/** The checklist items still missing. */
export function missingChecklistItems(initiative: Initiative): ChecklistItem[] {
  return planningChecklist(initiative)
    .filter((c) => !c.done)
    .map((c) => c.item);
}
