/**
 * Stand-in for lightning/uiRecordApi: the getRecord wire and the record writes, over the org's
 * UI API (GET/POST/PATCH/DELETE /ui-api/records). Writes re-provision the wires that show the
 * record, as LDS's cache does.
 */
import {
  FetchingWire,
  objectApiName,
  qualifiedField,
  refetchShowing,
  sameId,
  uiApi,
  type FieldId
} from './uiApi';

type FieldValue = string | number | boolean | null;

export interface RecordRepresentation {
  id: string;
  apiName: string;
  fields: Record<string, { value: FieldValue | RecordRepresentation; displayValue: string | null }>;
}

export interface RecordInput {
  apiName?: string;
  fields: Record<string, unknown>;
}

interface GetRecordConfig {
  recordId?: string;
  fields?: FieldId | FieldId[];
  optionalFields?: FieldId | FieldId[];
  layoutTypes?: unknown;
}

const asList = (value: FieldId | FieldId[] | undefined): FieldId[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export class getRecord extends FetchingWire<GetRecordConfig, RecordRepresentation> {
  private recordId: string | undefined;

  protected request(config: GetRecordConfig): string | null {
    this.recordId = config.recordId;
    const fields = asList(config.fields).map(qualifiedField);
    const optionalFields = asList(config.optionalFields).map(qualifiedField);
    if (!config.recordId || (fields.length === 0 && optionalFields.length === 0)) return null;
    const params = new URLSearchParams();
    if (fields.length) params.set('fields', fields.join(','));
    if (optionalFields.length) params.set('optionalFields', optionalFields.join(','));
    return `records/${encodeURIComponent(config.recordId)}?${params.toString()}`;
  }

  shows(recordId: string): boolean {
    return sameId(this.recordId, recordId) || hasRelated(this.data, recordId);
  }
}

/** Does a record (or one it spans to through a relationship field) have this id? */
function hasRelated(record: RecordRepresentation | undefined, recordId: string): boolean {
  if (!record) return false;
  return Object.values(record.fields).some((field) => {
    const value = field.value;
    return (
      typeof value === 'object' &&
      value !== null &&
      (sameId(value.id, recordId) || hasRelated(value, recordId))
    );
  });
}

function fieldPath(field: FieldId): string[] {
  const name = qualifiedField(field);
  return name.slice(name.indexOf('.') + 1).split('.');
}

function fieldNode(record: RecordRepresentation | null | undefined, field: FieldId) {
  const path = fieldPath(field);
  let current: RecordRepresentation | null | undefined = record;
  for (let i = 0; i < path.length; i++) {
    const node = current?.fields?.[path[i]];
    if (!node) return undefined;
    if (i === path.length - 1) return node;
    const value = node.value;
    current = typeof value === 'object' && value !== null ? value : null;
  }
  return undefined;
}

export function getFieldValue(
  record: RecordRepresentation | null | undefined,
  field: FieldId
): FieldValue | RecordRepresentation | undefined {
  const node = fieldNode(record, field);
  if (node) return node.value;
  // A spanning field whose parent lookup is empty reads as null, as LDS does.
  return record && fieldPath(field).length > 1 ? null : undefined;
}

export function getFieldDisplayValue(
  record: RecordRepresentation | null | undefined,
  field: FieldId
): string | null | undefined {
  const node = fieldNode(record, field);
  return node ? node.displayValue : undefined;
}

export function getRecordNotifyChange(items: { recordId: string }[]): void {
  refetchShowing(items.map((item) => item.recordId));
}

export async function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void> {
  refetchShowing(items.map((item) => item.recordId));
}

export async function createRecord(recordInput: RecordInput): Promise<RecordRepresentation> {
  if (!recordInput.apiName) throw new Error('createRecord: recordInput.apiName is required.');
  const record = await uiApi<RecordRepresentation>('POST', 'records', {
    apiName: objectApiName(recordInput.apiName),
    fields: recordInput.fields
  });
  refetchShowing([record.id]);
  return record;
}

export async function updateRecord(recordInput: RecordInput): Promise<RecordRepresentation> {
  const { Id, ...fields } = recordInput.fields as { Id?: string } & Record<string, unknown>;
  if (!Id) throw new Error('updateRecord: recordInput.fields.Id is required.');
  const record = await uiApi<RecordRepresentation>('PATCH', `records/${encodeURIComponent(Id)}`, {
    fields
  });
  refetchShowing([Id]);
  return record;
}

export async function deleteRecord(recordId: string): Promise<void> {
  await uiApi<null>('DELETE', `records/${encodeURIComponent(recordId)}`);
  refetchShowing([recordId]);
}

/** Builds the record input from a record, as LDS's helper does (the fields you pass, with the id). */
export function generateRecordInputForUpdate(record: RecordRepresentation): RecordInput {
  const fields: Record<string, unknown> = { Id: record.id };
  for (const [name, node] of Object.entries(record.fields)) {
    if (typeof node.value !== 'object' || node.value === null) fields[name] = node.value;
  }
  return { fields };
}
