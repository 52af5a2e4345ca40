/**
 * Stand-in for lightning/uiObjectInfoApi: the getObjectInfo wire over the org's UI API
 * (GET /ui-api/object-info/{objectApiName}), which says what the current user may create and edit.
 */
import { FetchingWire, objectApiName, type FieldId } from './uiApi';

interface ObjectInfoConfig {
  objectApiName?: FieldId;
}

export class getObjectInfo extends FetchingWire<ObjectInfoConfig, unknown> {
  protected request(config: ObjectInfoConfig): string | null {
    return config.objectApiName
      ? `object-info/${encodeURIComponent(objectApiName(config.objectApiName))}`
      : null;
  }

  shows(): boolean {
    return false;
  }
}
