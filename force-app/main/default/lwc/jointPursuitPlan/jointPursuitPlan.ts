/**
 * The joint pursuit plan a CAM builds with the partner for a new deal registration (seed
 * 001:146-147): a template from the rules file (suggested by the core from the registration's
 * engagement and deal type), its sections, its milestones and a completeness meter (core
 * planCompleteness). Writes go through LDS; what the user may change is what LDS says is
 * createable / updateable.
 */
import { LightningElement, api, wire } from 'lwc';
import {
  createRecord,
  getFieldValue,
  getRecord,
  updateRecord,
  type FieldId,
  type RecordRepresentation
} from 'lightning/uiRecordApi';
import {
  getRelatedListRecords,
  type RelatedListRecordCollection
} from 'lightning/uiRelatedListApi';
import { getObjectInfo, type ObjectInfo } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
  buildPursuitPlan,
  planCompleteness,
  suggestTemplate,
  templateById,
  templateSections,
  type Opportunity,
  type PlanTemplate,
  type ProgramRules,
  type PursuitPlan,
  type PursuitPlanMilestone
} from 'c/partnerProgram';
import { provideProgramRules, today } from 'c/programRules';
import {
  fieldErrors,
  fieldName,
  fieldText,
  formatLabel,
  qualifiedName,
  readFields,
  reduceErrors,
  type WireResult
} from 'c/ldsUtils';

import PLAN_OBJECT from '@salesforce/schema/Joint_Pursuit_Plan__c';
import MILESTONE_OBJECT from '@salesforce/schema/Pursuit_Plan_Milestone__c';
import OPP_NAME from '@salesforce/schema/Opportunity.Name';
import OPP_ENGAGEMENT from '@salesforce/schema/Opportunity.Engagement__c';
import OPP_DEAL_TYPE from '@salesforce/schema/Opportunity.Deal_Type__c';
import OPP_DEAL_MOTION from '@salesforce/schema/Opportunity.Deal_Motion__c';
import OPP_PARTNER from '@salesforce/schema/Opportunity.Partner_Account__c';
import REG_ENGAGEMENT from '@salesforce/schema/Opportunity.Registered_Deal__r.Engagement__c';
import REG_DEAL_TYPE from '@salesforce/schema/Opportunity.Registered_Deal__r.Deal_Type__c';
import PLAN_NAME from '@salesforce/schema/Joint_Pursuit_Plan__c.Name';
import PLAN_TEMPLATE from '@salesforce/schema/Joint_Pursuit_Plan__c.Template__c';
import PLAN_STATUS from '@salesforce/schema/Joint_Pursuit_Plan__c.Status__c';
import PLAN_COMPLETION from '@salesforce/schema/Joint_Pursuit_Plan__c.Completion_Pct__c';
import CUSTOMER_OBJECTIVES from '@salesforce/schema/Joint_Pursuit_Plan__c.Customer_Objectives__c';
import PAIN_POINTS from '@salesforce/schema/Joint_Pursuit_Plan__c.Pain_Points__c';
import PERSONAS from '@salesforce/schema/Joint_Pursuit_Plan__c.Personas__c';
import USE_CASES from '@salesforce/schema/Joint_Pursuit_Plan__c.Use_Cases__c';
import PARTNER_RESPONSIBILITIES from '@salesforce/schema/Joint_Pursuit_Plan__c.Partner_Responsibilities__c';
import OUR_RESPONSIBILITIES from '@salesforce/schema/Joint_Pursuit_Plan__c.Our_Responsibilities__c';
import SERVICES_ATTACH_PLAN from '@salesforce/schema/Joint_Pursuit_Plan__c.Services_Attach_Plan__c';
import COMPETITION from '@salesforce/schema/Joint_Pursuit_Plan__c.Competition__c';
import RISKS from '@salesforce/schema/Joint_Pursuit_Plan__c.Risks__c';
import NEXT_STEPS from '@salesforce/schema/Joint_Pursuit_Plan__c.Next_Steps__c';
import MILESTONE_NAME from '@salesforce/schema/Pursuit_Plan_Milestone__c.Name';
import MILESTONE_OWNER_SIDE from '@salesforce/schema/Pursuit_Plan_Milestone__c.Owner_Side__c';
import MILESTONE_DUE_DATE from '@salesforce/schema/Pursuit_Plan_Milestone__c.Due_Date__c';
import MILESTONE_DONE from '@salesforce/schema/Pursuit_Plan_Milestone__c.Done__c';
import MILESTONE_ORDER from '@salesforce/schema/Pursuit_Plan_Milestone__c.Order__c';

import TITLE from '@salesforce/label/c.PPK_Plan_Title';
import TEMPLATE_LABEL from '@salesforce/label/c.PPK_Plan_Template';
import SUGGESTED from '@salesforce/label/c.PPK_Plan_Suggested';
import CREATE from '@salesforce/label/c.PPK_Plan_Create';
import NO_PLAN from '@salesforce/label/c.PPK_Plan_No_Plan';
import MILESTONES from '@salesforce/label/c.PPK_Plan_Milestones';
import COMPLETE from '@salesforce/label/c.PPK_Plan_Complete';
import SAVE from '@salesforce/label/c.PPK_Plan_Save';
import SAVED from '@salesforce/label/c.PPK_Plan_Saved';
import CREATED from '@salesforce/label/c.PPK_Plan_Created';
import SAVE_FAILED from '@salesforce/label/c.PPK_Plan_Save_Failed';
import CREATE_FAILED from '@salesforce/label/c.PPK_Plan_Create_Failed';
import READ_ONLY from '@salesforce/label/c.PPK_Plan_Read_Only';
import UNKNOWN_TEMPLATE from '@salesforce/label/c.PPK_Plan_Unknown_Template';
import UNKNOWN_SECTION from '@salesforce/label/c.PPK_Plan_Unknown_Section';
import DUE from '@salesforce/label/c.PPK_Plan_Due';
import RULES_ERROR from '@salesforce/label/c.PPK_Rules_Error';
import LOADING from '@salesforce/label/c.PPK_Loading';

const objectName = (object: FieldId): string =>
  typeof object === 'string' ? object : object.objectApiName;

const OPPORTUNITY_FIELDS = [
  OPP_NAME,
  OPP_ENGAGEMENT,
  OPP_DEAL_TYPE,
  OPP_DEAL_MOTION,
  OPP_PARTNER,
  REG_ENGAGEMENT,
  REG_DEAL_TYPE
];

/** The plan's section fields by API name: the rules file's sections name them. */
const SECTION_FIELDS: Record<string, FieldId> = Object.fromEntries(
  [
    CUSTOMER_OBJECTIVES,
    PAIN_POINTS,
    PERSONAS,
    USE_CASES,
    PARTNER_RESPONSIBILITIES,
    OUR_RESPONSIBILITIES,
    SERVICES_ATTACH_PLAN,
    COMPETITION,
    RISKS,
    NEXT_STEPS
  ].map((field) => [fieldName(field), field])
);
const PLAN_FIELDS = [
  PLAN_NAME,
  PLAN_TEMPLATE,
  PLAN_STATUS,
  PLAN_COMPLETION,
  ...Object.values(SECTION_FIELDS)
];
const PLAN_LIST_FIELDS = [PLAN_NAME, PLAN_TEMPLATE].map(qualifiedName);
const MILESTONE_FIELDS = [
  MILESTONE_NAME,
  MILESTONE_OWNER_SIDE,
  MILESTONE_DUE_DATE,
  MILESTONE_DONE,
  MILESTONE_ORDER
].map(qualifiedName);
/** The plan record's Name is required text; the template's name, cut to the field's 80 characters. */
const NAME_LENGTH = 80;

interface SectionView {
  field: string;
  label: string;
  prompt: string;
  value: string;
  editable: boolean;
  error: string | null;
  className: string;
}

interface MilestoneView {
  id: string;
  name: string;
  ownerSide: string;
  due: string;
  done: boolean;
}

export default class JointPursuitPlan extends LightningElement {
  @api recordId?: string;

  labels = {
    title: TITLE,
    template: TEMPLATE_LABEL,
    create: CREATE,
    noPlan: NO_PLAN,
    milestones: MILESTONES,
    save: SAVE,
    readOnly: READ_ONLY,
    saveFailed: SAVE_FAILED,
    rulesError: RULES_ERROR,
    loading: LOADING
  };

  rules: ProgramRules | null = null;
  rulesError: unknown = null;
  chosenTemplateId: string | null = null;
  /** The plan this component just created, until the related list shows it. */
  createdPlanId: string | null = null;
  /** Section values and milestone checks as the CAM set them (kept after a save, so nothing flickers back). */
  sectionValues: Record<string, string> = {};
  milestoneDone: Record<string, boolean> = {};
  /** What changed since the last save: the fields and milestones the next save writes. */
  dirtySections: string[] = [];
  dirtyMilestones: string[] = [];
  busy = false;
  saveError: unknown = null;

  @wire(getRecord, { recordId: '$recordId', fields: OPPORTUNITY_FIELDS })
  opportunity: WireResult<RecordRepresentation> = {};

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: 'Joint_Pursuit_Plans__r',
    fields: PLAN_LIST_FIELDS
  })
  plans: WireResult<RelatedListRecordCollection> = {};

  @wire(getRecord, { recordId: '$planId', fields: PLAN_FIELDS })
  plan: WireResult<RecordRepresentation> = {};

  @wire(getRelatedListRecords, {
    parentRecordId: '$planId',
    relatedListId: 'Milestones__r',
    fields: MILESTONE_FIELDS,
    sortBy: [qualifiedName(MILESTONE_ORDER)]
  })
  milestones: WireResult<RelatedListRecordCollection> = {};

  @wire(getObjectInfo, { objectApiName: PLAN_OBJECT })
  planInfo: WireResult<ObjectInfo> = {};

  @wire(getObjectInfo, { objectApiName: MILESTONE_OBJECT })
  milestoneInfo: WireResult<ObjectInfo> = {};

  connectedCallback(): void {
    provideProgramRules(this);
  }

  get planId(): string | undefined {
    return this.createdPlanId ?? this.plans.data?.records[0]?.id ?? undefined;
  }

  /** Everything needed to decide what the user sees and may do (objectInfo says what they may write). */
  get loaded(): boolean {
    return (
      !!this.opportunity.data &&
      !!this.plans.data &&
      !!this.planInfo.data &&
      !!this.milestoneInfo.data &&
      !!this.rules
    );
  }

  get wireError(): unknown {
    return (
      this.opportunity.error ??
      this.plans.error ??
      this.planInfo.error ??
      this.milestoneInfo.error ??
      this.plan.error ??
      this.milestones.error ??
      this.rulesError ??
      null
    );
  }

  get hasPlan(): boolean {
    return !!this.planId;
  }

  // ---- choosing a template and creating the plan ----

  private get opportunityRecord(): Opportunity | null {
    const record = this.opportunity.data;
    if (!record) return null;
    return readFields<Opportunity>(record.id, record, {
      Name: OPP_NAME,
      Engagement__c: OPP_ENGAGEMENT,
      Deal_Type__c: OPP_DEAL_TYPE,
      Deal_Motion__c: OPP_DEAL_MOTION,
      Partner_Account__c: OPP_PARTNER
    });
  }

  /** The core's suggestion from the registration's engagement and deal type (else the opportunity's). */
  private get suggested(): PlanTemplate | null {
    const record = this.opportunity.data;
    const opportunity = this.opportunityRecord;
    if (!record || !opportunity || !this.rules) return null;
    const registrationEngagement = getFieldValue(record, REG_ENGAGEMENT) as
      string | null | undefined;
    const registrationDealType = getFieldValue(record, REG_DEAL_TYPE) as string | null | undefined;
    return suggestTemplate(
      {
        Engagement__c: registrationEngagement ?? opportunity.Engagement__c,
        Deal_Type__c: registrationDealType ?? opportunity.Deal_Type__c,
        Deal_Motion__c: opportunity.Deal_Motion__c
      },
      this.rules
    );
  }

  get templateOptions(): { label: string; value: string }[] {
    return (this.rules?.pursuitPlan.templates ?? []).map((t) => ({ label: t.name, value: t.id }));
  }

  get selectedTemplateId(): string | null {
    return this.chosenTemplateId ?? this.suggested?.id ?? null;
  }

  get suggestion(): string | null {
    const suggested = this.suggested;
    return suggested ? formatLabel(SUGGESTED, suggested.name) : null;
  }

  get canCreate(): boolean {
    return !!this.planInfo.data?.createable && !!this.milestoneInfo.data?.createable;
  }

  get createDisabled(): boolean {
    return this.busy || !this.selectedTemplateId;
  }

  handleTemplateChange(event: CustomEvent<{ value: string }>): void {
    this.chosenTemplateId = event.detail.value;
  }

  async handleCreate(): Promise<void> {
    const rules = this.rules;
    const opportunity = this.opportunityRecord;
    const template = rules ? templateById(this.selectedTemplateId, rules) : null;
    if (!rules || !opportunity || !template) return;
    const draft = buildPursuitPlan(template, opportunity, null, today());
    this.busy = true;
    this.saveError = null;
    let planId: string | undefined;
    try {
      const plan = await createRecord({
        apiName: objectName(PLAN_OBJECT),
        fields: { ...draft.plan, Name: template.name.slice(0, NAME_LENGTH) }
      });
      planId = plan.id;
      await Promise.all(
        draft.milestones.map((milestone) =>
          createRecord({
            apiName: objectName(MILESTONE_OBJECT),
            fields: { ...milestone, Joint_Pursuit_Plan__c: plan.id }
          })
        )
      );
      this.toast(CREATED, template.name, 'success');
    } catch (error) {
      this.saveError = error;
      this.toast(CREATE_FAILED, reduceErrors(error).join(' '), 'error');
    } finally {
      // Shown only once its milestones exist, so the milestone list is fetched complete (LDS does
      // not refresh a related list after createRecord); a plan whose milestones failed still shows.
      if (planId) this.createdPlanId = planId;
      this.busy = false;
    }
  }

  // ---- the plan: sections, milestones, completeness ----

  get planName(): string {
    const record = this.plan.data;
    return record ? (fieldText(record, PLAN_NAME) ?? '') : '';
  }

  private get planTemplate(): PlanTemplate | null {
    const record = this.plan.data;
    if (!record || !this.rules) return null;
    return templateById(fieldText(record, PLAN_TEMPLATE), this.rules);
  }

  get unknownTemplate(): string | null {
    const record = this.plan.data;
    if (!record || !this.rules || this.planTemplate) return null;
    return formatLabel(UNKNOWN_TEMPLATE, fieldText(record, PLAN_TEMPLATE) ?? '—');
  }

  /** The plan as saved, with the unsaved edits on top (what the meter and the save use). */
  private get currentPlan(): PursuitPlan | null {
    const record = this.plan.data;
    if (!record) return null;
    return { ...readFields<PursuitPlan>(record.id, record, SECTION_FIELDS), ...this.sectionValues };
  }

  private get currentMilestones(): PursuitPlanMilestone[] {
    return (this.milestones.data?.records ?? []).map((record) => {
      const milestone = readFields<PursuitPlanMilestone>(record.id, record, {
        Name: MILESTONE_NAME,
        Owner_Side__c: MILESTONE_OWNER_SIDE,
        Due_Date__c: MILESTONE_DUE_DATE,
        Done__c: MILESTONE_DONE,
        Order__c: MILESTONE_ORDER
      });
      const edited = this.milestoneDone[record.id];
      return edited === undefined ? milestone : { ...milestone, Done__c: edited };
    });
  }

  get canEdit(): boolean {
    return !!this.planInfo.data?.updateable;
  }

  get canCheckMilestones(): boolean {
    return (
      !!this.milestoneInfo.data?.updateable &&
      !!this.milestoneInfo.data.fields[fieldName(MILESTONE_DONE)]?.updateable
    );
  }

  get readOnly(): boolean {
    return !this.canEdit && !this.canCheckMilestones;
  }

  get canSave(): boolean {
    return !this.readOnly;
  }

  get sections(): SectionView[] {
    const template = this.planTemplate;
    const plan = this.currentPlan;
    const rules = this.rules;
    if (!template || !plan || !rules) return [];
    const errors = this.saveError ? fieldErrors(this.saveError) : {};
    const fieldInfo = this.planInfo.data?.fields ?? {};
    return templateSections(template, rules)
      .filter((section) => section.field in SECTION_FIELDS)
      .map((section) => {
        const error = errors[section.field]?.join(' ') ?? null;
        return {
          field: section.field,
          label: section.label,
          prompt: section.prompt,
          value: typeof plan[section.field] === 'string' ? (plan[section.field] as string) : '',
          editable: this.canEdit && !!fieldInfo[section.field]?.updateable,
          error,
          className: `slds-m-bottom_small section${error ? ' slds-has-error' : ''}`
        };
      });
  }

  /** Sections the rules file names that this component does not know as plan fields. */
  get unknownSections(): string[] {
    const template = this.planTemplate;
    return template
      ? template.sections
          .filter((f) => !(f in SECTION_FIELDS))
          .map((f) => formatLabel(UNKNOWN_SECTION, f))
      : [];
  }

  get milestoneViews(): MilestoneView[] {
    return this.currentMilestones.map((m) => ({
      id: m.Id ?? '',
      name: m.Name ?? '',
      ownerSide: m.Owner_Side__c ?? '—',
      due: formatLabel(DUE, m.Due_Date__c ?? '—'),
      done: m.Done__c === true
    }));
  }

  get milestonesReadOnly(): boolean {
    return !this.canCheckMilestones;
  }

  get completeness(): number {
    const template = this.planTemplate;
    const plan = this.currentPlan;
    return template && plan ? planCompleteness(plan, this.currentMilestones, template) : 0;
  }

  get completenessText(): string {
    return formatLabel(COMPLETE, this.completeness);
  }

  get unchanged(): boolean {
    return this.dirtySections.length === 0 && this.dirtyMilestones.length === 0;
  }

  get saveDisabled(): boolean {
    return this.busy || this.unchanged;
  }

  handleSectionChange(event: Event): void {
    const input = event.target as HTMLTextAreaElement;
    const field = input.dataset.field;
    if (!field) return;
    this.sectionValues = { ...this.sectionValues, [field]: input.value };
    if (!this.dirtySections.includes(field)) this.dirtySections = [...this.dirtySections, field];
  }

  handleMilestoneChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const id = input.dataset.id;
    if (!id) return;
    this.milestoneDone = { ...this.milestoneDone, [id]: input.checked };
    if (!this.dirtyMilestones.includes(id)) this.dirtyMilestones = [...this.dirtyMilestones, id];
  }

  async handleSave(): Promise<void> {
    const planId = this.planId;
    if (!planId) return;
    this.busy = true;
    this.saveError = null;
    try {
      if (this.canEdit) {
        const sections = Object.fromEntries(
          this.dirtySections.map((field) => [field, this.sectionValues[field]])
        );
        // The meter is written back only where the user may write it (it is derived, not typed).
        const completion = fieldName(PLAN_COMPLETION);
        const meter = this.planInfo.data?.fields[completion]?.updateable
          ? { [completion]: this.completeness }
          : {};
        await updateRecord({ fields: { Id: planId, ...sections, ...meter } });
      }
      await Promise.all(
        this.dirtyMilestones.map((id) =>
          updateRecord({ fields: { Id: id, [fieldName(MILESTONE_DONE)]: this.milestoneDone[id] } })
        )
      );
      this.dirtySections = [];
      this.dirtyMilestones = [];
      this.toast(SAVED, this.completenessText, 'success');
    } catch (error) {
      this.saveError = error;
      this.toast(SAVE_FAILED, reduceErrors(error).join(' '), 'error');
    } finally {
      this.busy = false;
    }
  }

  private toast(title: string, message: string, variant: 'success' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
