/**
 * Stand-in for lightning/uiRelatedListApi: the getRelatedListRecords wire over the org's UI API
 * (GET /ui-api/related-list-records/{parentRecordId}/{relatedListId}).
 */
import { FetchingWire, qualifiedField, sameId, type FieldId } from './uiApi';
import type { RecordRepresentation } from './uiRecordApi';

interface RelatedListConfig {
  parentRecordId?: string;
  relatedListId?: string;
  fields?: FieldId[];
  optionalFields?: FieldId[];
  sortBy?: string[];
  pageSize?: number;
  where?: string;
}

interface RelatedListRecordCollection {
  records: RecordRepresentation[];
  count: number;
  nextPageToken: string | null;
}

export class getRelatedListRecords extends FetchingWire<
  RelatedListConfig,
  RelatedListRecordCollection
> {
  private parentRecordId: string | undefined;

  protected request(config: RelatedListConfig): string | null {
    this.parentRecordId = config.parentRecordId;
    if (!config.parentRecordId || !config.relatedListId) return null;
    const params = new URLSearchParams();
    if (config.fields?.length) params.set('fields', config.fields.map(qualifiedField).join(','));
    if (config.optionalFields?.length)
      params.set('optionalFields', config.optionalFields.map(qualifiedField).join(','));
    if (config.sortBy?.length) params.set('sortBy', config.sortBy.join(','));
    if (config.pageSize) params.set('pageSize', String(config.pageSize));
    if (config.where) params.set('where', config.where);
    return `related-list-records/${encodeURIComponent(config.parentRecordId)}/${encodeURIComponent(config.relatedListId)}?${params.toString()}`;
  }

  /** A list shows its records; a change to the parent (notifyRecordUpdateAvailable) refreshes it too. */
  shows(recordId: string): boolean {
    return (
      sameId(this.parentRecordId, recordId) ||
      !!this.data?.records.some((record) => sameId(record.id, recordId))
    );
  }
}
